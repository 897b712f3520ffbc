// The Snowpark Container Services part of Snowflake's Python API quickstart, declared with Pulumi: the
// SPCS_PYTHON_API_DB database, the MyComputePool compute pool (CPU_X64_XS, 1 to 2 nodes), the MyImageRepository
// image repository, and MyService running nginx from an inline specification that uses the repository's URL, with a
// public endpoint `ui` on port 80. `pulumi up` waits until the service is READY and its endpoint is provisioned, so
// the URL is a stack output -- no polling loop. The walkthrough's last step: set `snowflake-containers:suspend true`
// and run `pulumi up` again to suspend the service and the pool; `pulumi destroy` deletes the service before its
// pool. (Push the nginx image to `repositoryUrl` before the first `up` in a real account.)
import * as pulumi from "@pulumi/pulumi";
import * as snowflake from "pulumi-snowflake-dynamic";

const config = new pulumi.Config();
const suspend = config.getBoolean("suspend") ?? false;

const database = new snowflake.Database("database", { name: "SPCS_PYTHON_API_DB" });

const pool = new snowflake.ComputePool("pool", {
  // Snowflake upper-cases unquoted names: the pool is MYCOMPUTEPOOL, as in the walkthrough.
  name: "MyComputePool",
  instanceFamily: "CPU_X64_XS",
  minNodes: 1,
  maxNodes: 2,
  suspended: suspend,
});

const repository = new snowflake.ImageRepository("repository", {
  database: database.name,
  schema: "PUBLIC",
  name: "MyImageRepository",
});

const nginx = new snowflake.Service("nginx", {
  database: database.name,
  schema: "PUBLIC",
  name: "MyService",
  computePool: pool.name,
  specification: {
    spec: {
      containers: [{ name: "web-server", image: pulumi.interpolate`${repository.repositoryUrl}/nginx:latest` }],
      endpoints: [{ name: "ui", port: 80, public: true }],
    },
  },
  minInstances: 1,
  maxInstances: 1,
  suspended: suspend,
});

export const repositoryUrl = repository.repositoryUrl;
export const serviceStatus = nginx.status;
export const dnsName = nginx.dnsName;
// { ui: "https://<id>-<org>-<account>.snowflakecomputing.app" } once provisioned.
export const endpointUrl = nginx.publicEndpoints.apply((endpoints) => endpoints?.ui);
