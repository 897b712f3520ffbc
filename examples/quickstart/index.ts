// The Snowflake quickstart, declared with Pulumi: a warehouse to run queries, a database and a schema for raw data.
import * as pulumi from "@pulumi/pulumi";
import * as snowflake from "pulumi-snowflake-dynamic";

const config = new pulumi.Config();

const warehouse = new snowflake.Warehouse("compute", {
  warehouseSize: config.get("warehouseSize") ?? "XSMALL",
  autoSuspend: 60,
  autoResume: true,
  initiallySuspended: true,
  comment: "Quickstart warehouse, managed by Pulumi",
});

const database = new snowflake.Database("analytics", {
  comment: "Quickstart database, managed by Pulumi",
  dataRetentionTimeInDays: 1,
});

const raw = new snowflake.Schema("raw", {
  database: database.name,
  comment: "Landing zone for raw data",
});

export const warehouseName = warehouse.name;
export const warehouseState = warehouse.state;
export const databaseName = database.name;
export const schemaName = raw.fullyQualifiedName;
