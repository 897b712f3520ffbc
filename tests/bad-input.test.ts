// Bad input fails at check, with a message naming the property, the value and what is allowed, and nothing at all
// is sent to the REST API. One case per field kind, through the driver.
import { Declaration, startTestStack, TestStack } from "./support/test-stack";

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack.close(); });

const inSchema = (args: Record<string, unknown>) => ({ database: "DB", schema: "S", ...args });
const table = (columns: unknown, extra: Record<string, unknown> = {}): Declaration => ({ type: "Table", name: "t", args: inSchema({ name: "T", columns, ...extra }) });

const cases: [string, Declaration, RegExp][] = [
  ["wrong size name (choice)", { type: "Warehouse", name: "wh", args: { warehouseSize: "HUGE" } },
    /warehouseSize: "HUGE" is not allowed \(not one of the allowed values\); expected one of XSMALL, SMALL, MEDIUM/],
  ["negative auto-suspend (integer)", { type: "Warehouse", name: "wh", args: { autoSuspend: -1 } },
    /autoSuspend: -1 is not allowed \(out of range\); expected an integer from 0 to 2147483647/],
  ["an instance family Snowflake does not have (choice)", { type: "ComputePool", name: "pool", args: { instanceFamily: "CPU_X64_HUGE", minNodes: 1, maxNodes: 1 } },
    /instanceFamily: "CPU_X64_HUGE" is not allowed \(not one of the allowed values\); expected one of CPU_X64_XS, CPU_X64_S, .*GPU_NV_S/],
  ["a compute pool with more minimum than maximum nodes (cross check)", { type: "ComputePool", name: "pool", args: { instanceFamily: "CPU_X64_XS", minNodes: 3, maxNodes: 2 } },
    /minNodes: 3 is more than maxNodes \(2\)/],
  ["empty name (identifier)", { type: "Database", name: "db", args: { name: "" } },
    /name: "" is not allowed \(an identifier cannot be empty\); expected a Snowflake identifier/],
  ["unknown property", { type: "Schema", name: "s", args: { database: "DB", colour: "blue" } },
    /colour: not a property of schemas \(given a string\); allowed: .*managedAccess/],
  ["name that needs quotes", { type: "Warehouse", name: "wh", args: { name: "team-wh" } },
    /name: "team-wh" is not allowed.*double quotes/],
  ["reserved word as a name", { type: "Schema", name: "s", args: { database: "DB", name: "table" } },
    /name: "table" is not allowed \(TABLE is a reserved word in Snowflake; write it in double quotes \("TABLE"\)/],
  ["misspelled data type (data type)", table([{ name: "A", datatype: "VARCHR(10)" }]),
    /columns: .*"VARCHR\(10\)" is not allowed \(VARCHR is not a Snowflake data type\)/],
  ["NUMBER scale above precision", table([{ name: "A", datatype: "NUMBER(5,7)" }]),
    /NUMBER scale cannot exceed its precision/],
  ["a column listed twice (records)", table([{ name: "A", datatype: "int" }, { name: "a", datatype: "text" }]),
    /columns: .* is not allowed \(column A is listed twice\)/],
  ["a column without a type", table([{ name: "A" }]),
    /columns: .*column 1: datatype is required/],
  ["a foreign key without its references", table([{ name: "A", datatype: "int" }], { constraints: [{ type: "FOREIGN KEY", columnNames: ["A"] }] }),
    /a FOREIGN KEY needs referencedTable and referencedColumns/],
  ["a tag key that is not a qualified tag name (tags)", { type: "Warehouse", name: "wh", args: { tags: { COST_CENTER: "x" } } },
    /tags: .*tag "COST_CENTER" is not a qualified tag name DATABASE.SCHEMA.TAG/],
  ["a target lag under a minute (duration)", { type: "DynamicTable", name: "d", args: inSchema({ name: "D", query: "SELECT 1", targetLag: "30 seconds", warehouse: "WH" }) },
    /targetLag: "30 seconds" is not allowed \(shorter than 1 minute\)/],
  ["an alert schedule with minutes and cron (schedule)", { type: "Alert", name: "a", args: inSchema({ name: "A", condition: "SELECT 1", action: "SELECT 2", schedule: { minutes: 5, cron: "* * * * *" } }) },
    /schedule: .*give minutes, or cron with timeZone, not both/],
  ["a cron without a time zone", { type: "Alert", name: "a", args: inSchema({ name: "A", condition: "SELECT 1", action: "SELECT 2", schedule: { cron: "0 9 * * *" } }) },
    /cron needs timeZone too/],
  ["a task cron without a time zone", { type: "Task", name: "k", args: inSchema({ name: "K", definition: "SELECT 1", schedule: { cron: "0 9 * * *" } }) },
    /schedule: .*cron needs timeZone too/],
  ["a task every -5 minutes", { type: "Task", name: "k", args: inSchema({ name: "K", definition: "SELECT 1", schedule: { minutes: -5 } }) },
    /schedule: .*minutes must be a whole number from 1 to 11520/],
  ["a task predecessor in another schema", { type: "Task", name: "k", args: inSchema({ name: "K", definition: "SELECT 1", after: ["DB.OTHER.ROOT"] }) },
    /after: DB.OTHER.ROOT is in DB.OTHER; a task graph lives in one schema \(DB.S\)/],
  ["a finalizer on a child task", { type: "Task", name: "k", args: inSchema({ name: "K", definition: "SELECT 1", after: ["ROOT"], finalize: "ROOT" }) },
    /finalize: a finalizer runs after its root's graph and cannot have predecessors/],
  ["a child task with a schedule", { type: "Task", name: "k", args: inSchema({ name: "K", definition: "SELECT 1", after: ["ROOT"], schedule: { minutes: 5 } }) },
    /schedule: a task with predecessors \(after\) runs after them and cannot have a schedule/],
  ["a pipe statement that is not COPY INTO (SQL text)", { type: "Pipe", name: "p", args: inSchema({ name: "P", copyStatement: "INSERT INTO T SELECT 1" }) },
    /copyStatement: "INSERT INTO T SELECT 1" is not allowed \(does not match: starts with COPY INTO\)/],
  ["a stream on two sources (cross check)", { type: "Stream", name: "s", args: inSchema({ name: "S", onTable: "DB.S.T", onView: "DB.S.V" }) },
    /a stream is on exactly one source/],
  ["a stream source that is not qualified (qualified name)", { type: "Stream", name: "s", args: inSchema({ name: "S", onTable: "T" }) },
    /onTable: "T" is not allowed \(has 1 parts\); expected a table as 3 dot-separated identifiers/],
  ["stage credentials for two clouds (object)", { type: "Stage", name: "st", args: inSchema({ name: "ST", url: "s3://b/", credentials: { awsKeyId: "k", awsSecretKey: "s", azureSasToken: "t" } }) },
    /credentials: .*give AWS credentials or an Azure SAS token, not both/],
  ["an unknown property of a nested object", { type: "Stage", name: "st", args: inSchema({ name: "ST", encryption: { type: "SNOWFLAKE_FULL", keyId: "x" } }) },
    /keyId is not a property of StageEncryption; allowed: type, masterKey, kmsKeyId/],
  ["a retention beyond 90 days", { type: "Table", name: "t", args: inSchema({ name: "T", columns: [{ name: "A", datatype: "int" }], dataRetentionTimeInDays: 91 }) },
    /dataRetentionTimeInDays: 91 is not allowed \(out of range\); expected an integer from 0 to 90/],
  ["a missing required property", { type: "View", name: "v", args: inSchema({ name: "V" }) },
    /query: required/],
  ["a privilege Snowflake does not have (grant)", { type: "Grant", name: "g", args: { toRole: "R", securableType: "TABLE", securableName: "DB.S.T", privileges: ["SELECT", "READ ALL"] } },
    /privileges: READ ALL is not a privilege on TABLE; allowed: DELETE, EVOLVE SCHEMA, INSERT, REBUILD, REFERENCES, SELECT, TRUNCATE, UPDATE, or ALL/],
  ["a privilege not valid on the securable (grant)", { type: "Grant", name: "g", args: { toRole: "R", securableType: "WAREHOUSE", securableName: "WH", privileges: ["select"] } },
    /privileges: SELECT is not a privilege on WAREHOUSE; allowed: APPLYBUDGET, MODIFY, MONITOR, OPERATE, USAGE/],
  ["ALL on a stage (grant)", { type: "Grant", name: "g", args: { toRole: "R", securableType: "STAGE", securableName: "DB.S.ST", privileges: ["ALL"] } },
    /ALL cannot be used on STAGE: it means READ, WRITE on an internal stage and USAGE on an external one/],
  ["a securable type Snowflake does not grant on (grant)", { type: "Grant", name: "g", args: { toRole: "R", securableType: "CUPBOARD", securableName: "C", privileges: ["USAGE"] } },
    /securableType: "CUPBOARD" is not allowed \(not a securable type Snowflake grants privileges on\); expected one of ACCOUNT, DATABASE/],
  ["a table named without its schema (grant)", { type: "Grant", name: "g", args: { toRole: "R", securableType: "TABLE", securableName: "DB.T", privileges: ["SELECT"] } },
    /securableName: a TABLE is named by 3 dot-separated identifiers \(DB.SCHEMA.NAME\), not "DB.T"/],
  ["a grant to two grantees (grant)", { type: "Grant", name: "g", args: { toRole: "R", toDatabaseRole: "DB.DR", securableType: "DATABASE", securableName: "DB", privileges: ["USAGE"] } },
    /toRole: declare one grantee, not toRole and toDatabaseRole/],
  ["future schemas in a schema (future grant)", { type: "FutureGrant", name: "f", args: { toRole: "R", objectType: "SCHEMA", inSchema: "DB.S", privileges: ["USAGE"] } },
    /inSchema: schemas are in a database: use inDatabase/],
  ["a role granted to itself (role grant)", { type: "RoleGrant", name: "rg", args: { role: "reader", toRole: "READER" } },
    /toRole: READER is the role granted; a role cannot be granted to itself/],
  ["an opt-in that is not a boolean", table([{ name: "A", datatype: "int" }], { allowReplace: "yes" }),
    /allowReplace: "yes" is not allowed; expected true or false/],
  ["an opt-in a type does not take", { type: "View", name: "v", args: inSchema({ name: "V", query: "SELECT 1", allowReplace: true }) },
    /allowReplace: not a property of views \(views hold nothing allowReplace would protect\)/],
];

test.each(cases)("%s", async (_case, declaration, message) => {
  stack.emulator.clearRequestLog();
  const result = await stack.run("preview", [declaration]);
  expect(result.ok).toBe(false);
  expect(result.error).toMatch(message);
  expect(stack.emulator.requestLog).toEqual([]);
});

test("an up with bad input fails the same way and creates nothing", async () => {
  stack.emulator.clearRequestLog();
  const result = await stack.run("up", [{ type: "Warehouse", name: "wh", args: { warehouseSize: "HUGE" } }]);
  expect(result.ok).toBe(false);
  expect(result.error).toMatch(/warehouseSize: "HUGE" is not allowed/);
  expect(stack.emulator.requestLog).toEqual([]);
  expect((await stack.rest("GET", "/api/v2/warehouses")).body).toEqual([]);
});
