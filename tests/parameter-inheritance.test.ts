// Parameters a user never set follow their container (account -> database -> schema -> object): the provider
// sends only what is declared or set on the object itself, so an unrelated change never pins an inherited value.
// Through the driver; the emulator models inheritance and reports levels in SHOW PARAMETERS.
import { Declaration, expectOk, opOf, startTestStack, TestStack } from "./support/test-stack";

const SCHEMA_PATH = "/api/v2/databases/INHERIT_DB/schemas/FOLLOWER";
const TABLE_PATH = `${SCHEMA_PATH}/tables/FOLLOWER_TABLE`;
const WAREHOUSE_PATH = "/api/v2/warehouses/INHERIT_WH";

function program(databaseRetention: number, schemaComment: string, tableComment = "t1", warehouseComment = "w1"): Declaration[] {
  return [
    { type: "Database", name: "db", args: { name: "INHERIT_DB", dataRetentionTimeInDays: databaseRetention } },
    { type: "Schema", name: "schema", args: { database: { $ref: "db.name" }, name: "FOLLOWER", comment: schemaComment } },
    { type: "Table", name: "table", args: { database: { $ref: "db.name" }, schema: { $ref: "schema.name" }, name: "FOLLOWER_TABLE", columns: [{ name: "ID", datatype: "int" }], comment: tableComment } },
    { type: "Warehouse", name: "wh", args: { name: "INHERIT_WH", initiallySuspended: true, comment: warehouseComment } },
  ];
}

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack.close(); });

async function levels(objectType: string, name: string): Promise<Record<string, string>> {
  const answer = await stack.sql(`SHOW PARAMETERS IN ${objectType} ${name}`);
  return Object.fromEntries(answer.body.data.map((row: string[]) => [row[0], row[3]]));
}

test("a schema and its table still follow the database's retention after unrelated changes", async () => {
  expectOk(await stack.run("up", program(5, "v1")));
  expect((await stack.rest("GET", SCHEMA_PATH)).body.data_retention_time_in_days).toBe(5);
  // Unrelated changes: PUT create-or-alter of the schema and the table.
  const up = expectOk(await stack.run("up", program(5, "v2", "t2")));
  expect(opOf(up, "schema")).toBe("update");
  expect(opOf(up, "table")).toBe("update");
  expect(await levels("SCHEMA", "INHERIT_DB.FOLLOWER")).toMatchObject({ DATA_RETENTION_TIME_IN_DAYS: "DATABASE" });
  expect(await levels("TABLE", "INHERIT_DB.FOLLOWER.FOLLOWER_TABLE")).toMatchObject({ DATA_RETENTION_TIME_IN_DAYS: "DATABASE" });
  // The database's retention changes: the schema and the table follow it, and nothing shows drift.
  expectOk(await stack.run("up", program(7, "v2", "t2")));
  expect((await stack.rest("GET", SCHEMA_PATH)).body.data_retention_time_in_days).toBe(7);
  expect((await stack.rest("GET", TABLE_PATH)).body.data_retention_time_in_days).toBe(7);
  const refresh = expectOk(await stack.run("refresh", program(7, "v2", "t2")));
  expect(refresh.changes.filter((change) => change.op !== "same")).toEqual([]);
});

test("a parameter set on the object itself outside Pulumi is kept by an unrelated change", async () => {
  await stack.changeOutOfBand(SCHEMA_PATH, { data_retention_time_in_days: 3 });
  expect(await levels("SCHEMA", "INHERIT_DB.FOLLOWER")).toMatchObject({ DATA_RETENTION_TIME_IN_DAYS: "SCHEMA" });
  expectOk(await stack.run("up", program(7, "v3", "t2")));
  expect((await stack.rest("GET", SCHEMA_PATH)).body).toMatchObject({ comment: "v3", data_retention_time_in_days: 3 });
  // Its table now follows the schema.
  expect((await stack.rest("GET", TABLE_PATH)).body.data_retention_time_in_days).toBe(3);
});

test("a warehouse keeps following account-level parameters after an unrelated change", async () => {
  stack.emulator.defaultAccount.setAccountParameter("statement_timeout_in_seconds", 3600);
  expectOk(await stack.run("up", program(7, "v3", "t2", "w2")));
  expect(await levels("WAREHOUSE", "INHERIT_WH")).toMatchObject({ STATEMENT_TIMEOUT_IN_SECONDS: "ACCOUNT", MAX_CONCURRENCY_LEVEL: "" });
  stack.emulator.defaultAccount.setAccountParameter("statement_timeout_in_seconds", 7200);
  expect((await stack.rest("GET", WAREHOUSE_PATH)).body.statement_timeout_in_seconds).toBe(7200);
});
