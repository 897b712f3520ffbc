// Edge cases of the generic engine found in review, each through the engine (against the emulator where Snowflake's
// answer matters): removals that need a clause of their own, defaults Snowflake leaves out, constraints and tags
// that must not be kept or dropped by accident, preview unknowns, secrets in messages, quoting of odd names.
import { closeAllPools } from "../provider/client/rest-client";
import { stateFrom } from "../provider/engine/mapper";
import { resourceDefinitions } from "../provider/resources";
import { engineFor } from "../provider/runtime";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { engineAgainst } from "./support/engine-harness";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const IN = { database: "EDGE_DB", schema: "PUBLIC" };
const TABLE_PATH = "/api/v2/databases/EDGE_DB/schemas/PUBLIC/tables";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
  await callEmulator(emulator, "POST", "/api/v2/databases", { name: "EDGE_DB" });
});
afterAll(async () => {
  await closeAllPools();
  await emulator.close();
});
const get = async (path: string) => (await callEmulator(emulator, "GET", path)).body;

test("removing a stage's comment uses ALTER STAGE ... SET COMMENT = '' (ALTER STAGE has no UNSET)", async () => {
  const stage = engineAgainst(emulator, "Stage");
  const { outs } = await stage.create({ ...IN, name: "EDGE_STAGE", comment: "to be removed" });
  await stage.update("", outs, { ...IN, name: "EDGE_STAGE" });
  expect((await get("/api/v2/databases/EDGE_DB/schemas/PUBLIC/stages/EDGE_STAGE")).comment ?? "").toBe("");
});

test("a primary key removed from a column's declaration is removed, and NOT NULL with it", async () => {
  const table = engineAgainst(emulator, "Table");
  const withKey = { ...IN, name: "EDGE_PK", columns: [{ name: "ID", datatype: "int", constraints: [{ type: "PRIMARY KEY" }] }] };
  const { outs } = await table.create(withKey);
  const without = { ...IN, name: "EDGE_PK", columns: [{ name: "ID", datatype: "int" }] };
  const updated = (await table.update("", outs, without)).outs;
  const live = await get(`${TABLE_PATH}/EDGE_PK`);
  expect(live.constraints).toEqual([]);
  expect(live.columns[0].nullable).toBe(true);
  expect((await table.diff("", updated, without)).changes).toBe(false);
});

test("removing changeTracking: true turns change tracking off (CREATE OR ALTER TABLE keeps it when left out)", async () => {
  const table = engineAgainst(emulator, "Table");
  const tracked = { ...IN, name: "EDGE_CT", columns: [{ name: "ID", datatype: "int" }], changeTracking: true };
  const { outs } = await table.create(tracked);
  await table.update("", outs, { ...tracked, changeTracking: undefined });
  expect((await get(`${TABLE_PATH}/EDGE_CT`)).change_tracking).toBe(false);
});

test("adopting an object leaves the tags others set on it", async () => {
  await callEmulator(emulator, "POST", "/api/v2/databases/EDGE_DB/schemas/PUBLIC/tags", { name: "OWNER" });
  await callEmulator(emulator, "POST", "/api/v2/databases/EDGE_DB/schemas/PUBLIC/tags", { name: "COST" });
  await callEmulator(emulator, "POST", TABLE_PATH, { name: "EDGE_ADOPTED", columns: [{ name: "ID", datatype: "int" }] });
  await callEmulator(emulator, "POST", `${TABLE_PATH}/EDGE_ADOPTED:set-tags`, [{ tag_database: "EDGE_DB", tag_schema: "PUBLIC", tag_name: "OWNER", tag_value: "team-x" }]);
  const table = engineAgainst(emulator, "Table");
  await table.create({ ...IN, name: "EDGE_ADOPTED", columns: [{ name: "ID", datatype: "int" }], tags: { "EDGE_DB.PUBLIC.COST": "fin" }, adoptExisting: true });
  const tags = (await get(`${TABLE_PATH}/EDGE_ADOPTED:get-tags`)).map((tag: { tag_name: string }) => tag.tag_name).sort();
  expect(tags).toEqual(["COST", "OWNER"]);
});

describe("without a request", () => {
  const table = engineFor("Table");
  const ids = { database: "DB", schema: "S", name: "T" };
  const state = (declared: Record<string, unknown>, snapshot: Record<string, unknown>) => stateFrom(resourceDefinitions.Table, declared, { snapshot });

  test("a permanent table reported with kind '' or no kind is the declared PERMANENT", async () => {
    const declared = { ...ids, kind: "PERMANENT", columns: [{ name: "A", datatype: "int" }] };
    for (const snapshot of [{ name: "T", kind: "" }, { name: "T" }]) {
      expect((await table.diff("", state(declared, { ...snapshot, columns: [{ name: "A", datatype: "NUMBER(38,0)" }] }), declared)).changes).toBe(false);
    }
  });

  test("an autoincrement column reported with start and increment 1 matches one declared without them", async () => {
    const declared = { ...ids, columns: [{ name: "ID", datatype: "int", autoincrement: true }] };
    const live = state(declared, { name: "T", columns: [{ name: "ID", datatype: "NUMBER(38,0)", autoincrement: true, autoincrement_start: 1, autoincrement_increment: 1, comment: "edited" }] });
    await expect(table.diff("", live, declared)).resolves.toMatchObject({ replaces: [] });
  });

  test("a declared constraint Snowflake no longer reports (constraints missing) is drift", async () => {
    const declared = { ...ids, columns: [{ name: "A", datatype: "int" }], constraints: [{ type: "UNIQUE", columnNames: ["A"] }] };
    expect(state(declared, { name: "T", columns: [{ name: "A", datatype: "NUMBER(38,0)" }] }).constraints).toEqual([]);
  });

  test("an unknown column at preview is no crash and no refusal", async () => {
    const olds = { ...ids, columns: [{ name: "A", datatype: "int" }] };
    await expect(table.diff("", olds, { ...ids, columns: [{ name: "A", datatype: "int" }, UNKNOWN] })).resolves.toMatchObject({ changes: true, replaces: [] });
    await expect(table.diff("", olds, { ...ids, columns: [{ name: UNKNOWN, datatype: "int" }] })).resolves.toMatchObject({ changes: true });
  });

  test("whitespace inside a string literal of a query is a real change; outside it is not", async () => {
    const view = engineFor("View");
    const base = { ...ids, query: "SELECT * FROM t WHERE code = 'A  B'" };
    expect((await view.diff("", base, { ...base, query: "SELECT *  FROM t WHERE code = 'A  B'" })).changes).toBe(false);
    expect((await view.diff("", base, { ...base, query: "SELECT * FROM t WHERE code = 'A B'" })).changes).toBe(true);
  });

  test("an internal stage declared with url '' still refuses a replacement that loses its files", async () => {
    const stage = engineFor("Stage");
    const olds = { ...ids, url: "", endpoint: "a" };
    await expect(stage.diff("", olds, { ...olds, endpoint: "b" })).rejects.toThrow(/loses|without its files/);
  });

  test("a stream on a table whose name has a double quote names that table", () => {
    const kind = resourceDefinitions.Stream.fields.onTable.kind;
    expect(kind.toWire('DB.PUBLIC."a""b"')).toMatchObject({ name: '"a""b"', database_name: "DB", schema_name: "PUBLIC" });
  });

  test("check messages never repeat a secret's value", async () => {
    const { failures } = await engineFor("Stage").check({}, { ...ids, url: "s3://b/", credentials: { awsSecretKey: "wJalrXUtnFEMI" } });
    expect(failures[0].reason).toMatch(/^\[secret\] is not allowed \(awsKeyId and awsSecretKey go together\)/);
    expect(JSON.stringify(failures)).not.toContain("wJalrXUtnFEMI");
  });
});
