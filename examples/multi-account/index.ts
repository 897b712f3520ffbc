// One program for every environment: names and sizes come from stack config, the account from the stack's
// connection (snowflake:* config, SNOWFLAKE_* variables or connections.toml). A stack that sets `drConnection`
// also keeps a copy of the data platform in a second account, through per-resource connections. A stack that sets
// `sandboxAdminPublicKey` creates an account of the organization (the stack's role needs ORGADMIN) and deploys the
// platform into it: its administrator gets that public key, and the private key stays where the stack's own
// credentials are (snowflake:privateKey as a secret, or connections.toml) -- a connection never holds secrets.
import * as pulumi from "@pulumi/pulumi";
import * as snowflake from "pulumi-snowflake-dynamic";

const config = new pulumi.Config();
const environment = config.require("environment").toUpperCase();

function dataPlatform(suffix: string, connection?: snowflake.ConnectionArgs) {
  const named = (logicalName: string) => `${logicalName}${suffix}`;
  const warehouse = new snowflake.Warehouse(named("transform"), {
    name: `${environment}_TRANSFORM`,
    warehouseSize: config.get<snowflake.WarehouseSize>("warehouseSize") ?? "XSMALL",
    autoSuspend: config.getNumber("autoSuspendSeconds") ?? 60,
    initiallySuspended: true,
    comment: `${environment} transformations`,
    connection,
  });
  const database = new snowflake.Database(named("analytics"), {
    name: `${environment}_ANALYTICS`,
    dataRetentionTimeInDays: config.getNumber("retentionDays") ?? 1,
    connection,
  });
  const marts = new snowflake.Schema(named("marts"), { database: database.name, name: "MARTS", managedAccess: true, connection });
  return { warehouse, database, marts };
}

const primary = dataPlatform("");
export const account = primary.database.account;
export const warehouse = primary.warehouse.fullyQualifiedName;
export const marts = primary.marts.fullyQualifiedName;

const drConnection = config.get("drConnection");
const recovery = drConnection ? dataPlatform("-dr", { profile: drConnection }) : undefined;
export const recoveryAccount = recovery?.database.account;
export const recoveryMarts = recovery?.marts.fullyQualifiedName;

const sandboxKey = config.get("sandboxAdminPublicKey");
const sandboxAccount = sandboxKey
  ? new snowflake.Account("sandbox", {
    name: `${environment}_SANDBOX`,
    edition: "STANDARD",
    adminName: "SANDBOX_ADMIN",
    adminRsaPublicKey: sandboxKey,
    email: config.require("sandboxAdminEmail"),
    gracePeriodInDays: 3,
  })
  : undefined;
const sandbox = sandboxAccount ? dataPlatform("-sandbox", { account: sandboxAccount.name, user: "SANDBOX_ADMIN" }) : undefined;
export const sandboxAccountUrl = sandboxAccount?.accountUrl;
export const sandboxMarts = sandbox?.marts.fullyQualifiedName;
