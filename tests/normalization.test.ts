// Case, quoting and defaults: where Snowflake IaC tools show perpetual diffs. Each case is drawn from the failure
// list in the reference notes (terraform-provider-snowflake and Titan issues) and checked through the engine's
// check/diff, which never touch the network.
import { engineFor } from "../provider/runtime";
import { stateFrom } from "../provider/engine/mapper";
import { resourceDefinitions } from "../provider/resources";

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
    const state = stateFrom(resourceDefinitions.Warehouse, { name: "wh" }, snapshot);
    expect(state).toEqual({ name: "wh", state: "STARTED", owner: "ACCOUNTADMIN", fullyQualifiedName: "WH" });
    expect((await warehouse.diff("WH", state, { name: "wh" })).changes).toBe(false);
  });

  test("declared values keep the user's spelling when Snowflake reports the same value differently", () => {
    const snapshot = { name: "WH", warehouse_size: "XSMALL", auto_resume: "true", comment: null };
    const state = stateFrom(resourceDefinitions.Warehouse, { name: "wh", warehouseSize: "x-small", autoResume: true, comment: "" }, snapshot);
    expect(state).toMatchObject({ name: "wh", warehouseSize: "x-small", autoResume: true, comment: "" });
  });

  test("string booleans on the wire become booleans in state when they differ from the declared value", () => {
    const state = stateFrom(resourceDefinitions.Warehouse, { name: "WH", autoResume: true }, { name: "WH", auto_resume: "false" });
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
  test("a quoted lower-case name is a different object: replace", async () => {
    const result = await database.diff("ANALYTICS", { name: "ANALYTICS" }, { name: '"analytics"' });
    expect(result).toMatchObject({ changes: true, replaces: ["name"], deleteBeforeReplace: false });
  });

  test("changing an immutable property with the same name replaces, deleting first", async () => {
    const result = await database.diff("DB", { name: "DB", kind: "PERMANENT" }, { name: "DB", kind: "TRANSIENT" });
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
    [{ name: "WH", warehouseSize: "HUGE" }, "warehouseSize", /"HUGE" is not allowed; expected one of XSMALL, SMALL/],
    [{ name: "WH", autoSuspend: -5 }, "autoSuspend", /-5 is not allowed; expected an integer >= 0/],
    [{ name: "" }, "name", /"" is not allowed; expected a Snowflake identifier.*cannot be empty/],
    [{ name: "my-warehouse" }, "name", /"my-warehouse" is not allowed.*double quotes/],
    [{ name: "WH", colour: "blue" }, "colour", /colour is not a property of warehouses \(value "blue"\); allowed: .*warehouseSize/],
    [{ name: "WH", autoResume: "yes" }, "autoResume", /"yes" is not allowed; expected true or false/],
  ])("%j", async (news, property, reason) => {
    const { failures } = await warehouse.check({}, news);
    expect(failures).toHaveLength(1);
    expect(failures[0].property).toBe(property);
    expect(failures[0].reason).toMatch(reason);
  });
});
