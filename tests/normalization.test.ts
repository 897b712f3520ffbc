// Case, quoting and defaults: where Snowflake IaC tools show perpetual diffs. Each case is drawn from the failure
// list in the reference notes (terraform-provider-snowflake and Titan issues) and checked through the engine's
// check/diff, which never touch the network.
import { engineFor } from "../provider/runtime";
import { stateFrom, WireSnapshot } from "../provider/engine/mapper";
import { resourceDefinitions } from "../provider/resources";

const snapshotState = (type: string, declared: Record<string, unknown>, snapshot: WireSnapshot) => stateFrom(resourceDefinitions[type], declared, { snapshot });

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const warehouse = engineFor("Warehouse");
const database = engineFor("Database");
const schema = engineFor("Schema");

describe("no diff between spellings of the same setting", () => {
  test.each([
    ["unquoted lower vs stored upper name (TF #641)", { name: "analytics" }, { name: "ANALYTICS" }],
    ["quoted upper vs bare upper name (TF #1677 quote-only change)", { name: '"ANALYTICS"' }, { name: "ANALYTICS" }],
    ["quoted name with a space, same text (TF #5178)", { name: '"my db"' }, { name: '"my db"' }],
    ["size alias vs canonical token", { name: "WH", warehouseSize: "X-Small" }, { name: "WH", warehouseSize: "XSMALL" }],
    ["size in another case", { name: "WH", warehouseSize: "medium" }, { name: "WH", warehouseSize: "MEDIUM" }],
    ["2X-LARGE alias", { name: "WH", warehouseSize: "2X-Large" }, { name: "WH", warehouseSize: "XXLARGE" }],
    ["empty comment vs no comment", { name: "WH", comment: "" }, { name: "WH" }],
  ])("%s", async (_case, news, olds) => {
    expect((await warehouse.diff("WH", olds, news)).changes).toBe(false);
  });

  test("a schema's database given as lower case matches the stored upper-case name", async () => {
    expect((await schema.diff("DB.RAW", { database: "DB", name: "RAW" }, { database: "db", name: "raw" })).changes).toBe(false);
  });
});

describe("server defaults are never drift (TF #710: statement_timeout 0 -> 600 on every plan)", () => {
  test("properties the user never set produce no diff, whatever Snowflake reports", async () => {
    const snapshot = { name: "WH", warehouse_size: "XSMALL", auto_suspend: 600, auto_resume: "true", statement_timeout_in_seconds: 172800, state: "STARTED", owner: "ACCOUNTADMIN" };
    const state = snapshotState("Warehouse", { name: "wh" }, snapshot);
    expect(state).toEqual({ name: "wh", state: "STARTED", owner: "ACCOUNTADMIN", fullyQualifiedName: "WH" });
    expect((await warehouse.diff("WH", state, { name: "wh" })).changes).toBe(false);
  });

  test("declared values keep the user's spelling when Snowflake reports the same value differently", () => {
    const snapshot = { name: "WH", warehouse_size: "XSMALL", auto_resume: "true", comment: null };
    const state = snapshotState("Warehouse", { name: "wh", warehouseSize: "x-small", autoResume: true, comment: "" }, snapshot);
    expect(state).toMatchObject({ name: "wh", warehouseSize: "x-small", autoResume: true, comment: "" });
  });

  test("string booleans on the wire become booleans in state when they differ from the declared value", () => {
    const state = snapshotState("Warehouse", { name: "WH", autoResume: true }, { name: "WH", auto_resume: "false" });
    expect(state.autoResume).toBe(false);
  });

  test("dropping a declared value equal to the server default changes nothing; dropping another one resets it", async () => {
    expect((await warehouse.diff("WH", { name: "WH", autoSuspend: 600 }, { name: "WH" })).changes).toBe(false);
    expect((await warehouse.diff("WH", { name: "WH", autoSuspend: 60 }, { name: "WH" })).changes).toBe(true);
  });
});

describe("diff is always decided by the provider", () => {
  test("a different serialized provider alone is no change (pulumi/pulumi#12401)", async () => {
    const result = await warehouse.diff("WH", { name: "WH", __provider: "exports.handler = old" }, { name: "WH", __provider: "exports.handler = new" });
    expect(result).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });
});

describe("real changes", () => {
  test("a quoted lower-case name is a different name: the database is renamed in place", async () => {
    const result = await database.diff("ANALYTICS", { name: "ANALYTICS" }, { name: '"analytics"' });
    expect(result).toMatchObject({ changes: true, replaces: [] });
  });

  test("a new name of a type Snowflake cannot rename replaces it (an alert: it holds no data)", async () => {
    const result = await engineFor("Alert").diff("DB.S.A", { database: "DB", schema: "S", name: "A" }, { database: "DB", schema: "S", name: "B" });
    expect(result).toMatchObject({ changes: true, replaces: ["name"], deleteBeforeReplace: false });
  });

  test("changing an immutable property of a data-bearing object is refused; with allowReplace it replaces, deleting first", async () => {
    await expect(database.diff("DB", { name: "DB", kind: "PERMANENT" }, { name: "DB", kind: "TRANSIENT" })).rejects.toThrow(/refused: changing kind replaces database DB.*allowReplace: true/);
    const result = await database.diff("DB", { name: "DB", kind: "PERMANENT" }, { name: "DB", kind: "TRANSIENT", allowReplace: true });
    expect(result).toEqual({ changes: true, replaces: ["kind"], deleteBeforeReplace: true });
  });

  test("a settable property changes in place", async () => {
    expect(await warehouse.diff("WH", { name: "WH", warehouseSize: "XSMALL" }, { name: "WH", warehouseSize: "LARGE" }))
      .toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
  });

  test("a new connection setting in the same account is recorded without a replacement", async () => {
    const result = await database.diff("DB", { name: "DB", connection: { role: "A" } }, { name: "DB", connection: { role: "B" } });
    expect(result).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
  });

  test("a create-only property never causes a change", async () => {
    expect((await warehouse.diff("WH", { name: "WH", initiallySuspended: true }, { name: "WH", initiallySuspended: false })).changes).toBe(false);
  });
});

describe("preview unknowns pass through untouched", () => {
  test("check leaves the sentinel as it is and does not reject it", async () => {
    const news = { name: UNKNOWN, warehouseSize: UNKNOWN, __provider: "x" };
    const result = await warehouse.check({}, news);
    expect(result.failures).toEqual([]);
    expect(result.inputs).toEqual(news);
  });

  test("diff reports an unknown value as a change, and an unknown identity as a replacement", async () => {
    expect(await warehouse.diff("WH", { name: "WH", comment: "a" }, { name: "WH", comment: UNKNOWN }))
      .toMatchObject({ changes: true, replaces: [] });
    expect(await schema.diff("DB.S", { database: "DB", name: "S" }, { database: UNKNOWN, name: "S" }))
      .toMatchObject({ changes: true, replaces: ["database"] });
  });
});

describe("check names the property, the value and what is allowed", () => {
  test.each([
    [{ name: "WH", warehouseSize: "HUGE" }, "warehouseSize", /^"HUGE" is not allowed \(not one of the allowed values\); expected one of XSMALL, SMALL/],
    [{ name: "WH", autoSuspend: -5 }, "autoSuspend", /^-5 is not allowed \(out of range\); expected an integer from 0 to 2147483647/],
    [{ name: "" }, "name", /^"" is not allowed \(an identifier cannot be empty\); expected a Snowflake identifier/],
    [{ name: "my-warehouse" }, "name", /^"my-warehouse" is not allowed.*double quotes/],
    [{ name: "select" }, "name", /^"select" is not allowed \(SELECT is a reserved word in Snowflake; write it in double quotes \("SELECT"\)/],
    [{ name: "WH", colour: "blue" }, "colour", /^not a property of warehouses \(given a string\); allowed: .*warehouseSize/],
    [{ name: "WH", autoResume: "yes" }, "autoResume", /^"yes" is not allowed \(not a boolean\); expected true or false/],
    [{ name: "WH", maxClusterCount: 2 ** 31 }, "maxClusterCount", /^2147483648 is not allowed \(out of range\); expected an integer from 1 to 300/],
    [{ name: "WH", autoSuspend: NaN }, "autoSuspend", /^NaN is not allowed \(NaN is not a number\)/],
  ])("%j", async (news, property, reason) => {
    const { failures } = await warehouse.check({}, news);
    expect(failures).toHaveLength(1);
    expect(failures[0].property).toBe(property);
    expect(failures[0].reason).toMatch(reason);
  });
});

describe("schema objects: synonyms, system names and inherited shapes never diff", () => {
  const table = engineFor("Table");
  const ids = { database: "DB", schema: "S", name: "T" };
  const column = (datatype: string, extra: Record<string, unknown> = {}) => ({ ...ids, columns: [{ name: "C", datatype, ...extra }] });

  test.each([
    ["int", "NUMBER(38,0)"], ["INTEGER", "NUMBER"], ["bigint", "number(38, 0)"], ["numeric(10,2)", "NUMBER(10,2)"],
    ["string", "VARCHAR(16777216)"], ["text", "VARCHAR"], ["text(30)", "VARCHAR(30)"], ["char", "VARCHAR(1)"],
    ["double", "FLOAT"], ["real", "FLOAT"], ["datetime", "TIMESTAMP_NTZ(9)"], ["timestamp", "TIMESTAMP_NTZ"],
    ["timestamp with time zone", "TIMESTAMP_TZ(9)"], ["varbinary", "BINARY(8388608)"], ["time", "TIME(9)"],
  ])("a column declared %s is Snowflake's %s", async (declared, reported) => {
    expect((await table.diff("DB.S.T", column(reported), column(declared))).changes).toBe(false);
  });

  test("a column's inline primary key is the table constraint Snowflake reports, whatever name it gave it (quickstart)", () => {
    const declared = { ...ids, columns: [{ name: "ELEVATION", datatype: "int", constraints: [{ type: "PRIMARY KEY" }] }] };
    const snapshot = {
      name: "T", kind: "TABLE",
      columns: [{ name: "ELEVATION", datatype: "NUMBER(38,0)", nullable: false }],
      constraints: [{ name: "SYS_CONSTRAINT_e9b4b75b-a336-4616-8d94-3266e5846562", column_names: ["ELEVATION"], constraint_type: "PRIMARY KEY" }],
    };
    const state = snapshotState("Table", declared, snapshot);
    expect(state.columns).toEqual(declared.columns);
    return expect(table.diff("DB.S.T", state, declared)).resolves.toMatchObject({ changes: false });
  });

  test("a permanent table Snowflake reports as kind TABLE is the declared PERMANENT", () => {
    // Through the wire model first, as every answer from Snowflake goes: table.yaml's enum lacks TABLE.
    const snapshot = resourceDefinitions.Table.wire.schema.parse({ name: "T", kind: "TABLE", columns: [] }) as WireSnapshot;
    expect(snapshotState("Table", { ...ids, kind: "permanent", columns: [] }, snapshot).kind).toBe("permanent");
  });

  test("a renamed constraint or another column set is a real change", async () => {
    const declared = { ...ids, columns: [{ name: "A", datatype: "int" }], constraints: [{ type: "UNIQUE", columnNames: ["A"], name: "UQ_A" }] };
    expect((await table.diff("DB.S.T", { ...declared, constraints: [{ type: "UNIQUE", columnNames: ["A"], name: "OTHER" }] }, declared)).changes).toBe(true);
    expect((await table.diff("DB.S.T", { ...declared, constraints: [{ type: "UNIQUE", columnNames: ["A"] }] }, declared)).changes).toBe(true);
  });

  test("tag keys in any spelling are the same tag; tags set by others are not the program's", () => {
    const declared = { name: "WH", tags: { "gov.tags.cost_center": "finance" } };
    const state = snapshotState("Warehouse", declared, { name: "WH" });
    expect(state.tags).toEqual({});
    const withTags = stateFrom(resourceDefinitions.Warehouse, declared, { snapshot: { name: "WH" }, tags: [
      { tag_database: "GOV", tag_schema: "TAGS", tag_name: "COST_CENTER", tag_value: "finance" },
      { tag_database: "GOV", tag_schema: "TAGS", tag_name: "OWNER", tag_value: "someone else" },
    ] });
    expect(withTags.tags).toEqual(declared.tags);
  });

  test("a target lag in other units, SQL text with a trailing semicolon, cron with extra spaces", async () => {
    const dynamic = engineFor("DynamicTable");
    const base = { ...ids, warehouse: "WH", query: "SELECT 1" };
    expect((await dynamic.diff("DB.S.T", { ...base, targetLag: "1 hour" }, { ...base, targetLag: "60 minutes" })).changes).toBe(false);
    expect((await dynamic.diff("DB.S.T", { ...base, targetLag: "1 hour", query: "SELECT 1;" }, { ...base, targetLag: "1 hour", query: "  SELECT 1 " })).changes).toBe(false);
    const alert = engineFor("Alert");
    const alertBase = { ...ids, condition: "SELECT 1", action: "SELECT 2" };
    expect((await alert.diff("DB.S.T", { ...alertBase, schedule: { cron: "0  9 * * *", timeZone: "UTC" } }, { ...alertBase, schedule: { cron: "0 9 * * *", timeZone: "UTC" } })).changes).toBe(false);
  });

  test("a warehouse Snowflake suspended by itself is what suspended: false expects", () => {
    expect(snapshotState("Warehouse", { name: "WH", suspended: false }, { name: "WH", state: "SUSPENDED" }).suspended).toBe(false);
    expect(snapshotState("Warehouse", { name: "WH", suspended: true }, { name: "WH", state: "STARTED" }).suspended).toBe(false);
    // A dynamic table does not suspend itself: SUSPENDED while declared running is drift.
    expect(snapshotState("DynamicTable", { ...ids, suspended: false }, { name: "T", scheduling_state: "SUSPENDED" }).suspended).toBe(true);
  });

  test("names that are keywords go to Snowflake double-quoted", () => {
    const body = (resourceDefinitions.Schema.fields.name.kind.toWire as (v: unknown) => unknown)('"VIEW"');
    expect(body).toBe('"VIEW"');
  });
});

test("a primary key declared on a column and dropped outside Pulumi is drift, and up puts it back", async () => {
  const table = engineFor("Table");
  const declared = { database: "DB", schema: "S", name: "T", columns: [{ name: "ELEVATION", datatype: "int", constraints: [{ type: "PRIMARY KEY" }] }] };
  const snapshot = { name: "T", columns: [{ name: "ELEVATION", datatype: "NUMBER(38,0)", nullable: false }], constraints: [] };
  const state = snapshotState("Table", declared, snapshot);
  expect(state.columns).toEqual([{ name: "ELEVATION", datatype: "NUMBER(38,0)", nullable: false }]);
  expect(await table.diff("DB.S.T", state, declared)).toMatchObject({ changes: true, replaces: [] });
});
