// Edge cases of the generic engine found in review, each through the engine (against the emulator where Snowflake's
// answer matters): removals that need a clause of their own, defaults Snowflake leaves out, constraints and tags
// that must not be kept or dropped by accident, preview unknowns, secrets in messages, quoting of odd names.
import { programmaticAccessTokenAuth } from "../provider/client/auth";
import { closeAllPools, RestClient, RestRequest, RestResponse } from "../provider/client/rest-client";
import { ResourceEngine } from "../provider/engine/engine";
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

test("removing a sequence's increment sets it back to 1 (ALTER SEQUENCE has no UNSET INCREMENT)", async () => {
  const sequence = engineAgainst(emulator, "Sequence");
  const { outs } = await sequence.create({ ...IN, name: "EDGE_SEQ", increment: 5 });
  const updated = (await sequence.update("", outs, { ...IN, name: "EDGE_SEQ" })).outs;
  expect((await get("/api/v2/databases/EDGE_DB/schemas/PUBLIC/sequences/EDGE_SEQ")).increment).toBe(1);
  expect((await sequence.diff("", updated, { ...IN, name: "EDGE_SEQ" })).changes).toBe(false);
});

/** A client whose GETs of one path fail, and (optionally) its DELETEs too: a create whose read-back fails. */
function engineWithFailing(type: string, failing: string, methods: string[]): ResourceEngine {
  class FailingClient extends RestClient {
    override request<T>(request: RestRequest): Promise<RestResponse<T>> {
      if (methods.includes(request.method) && request.path === failing) return Promise.reject(new Error(`injected failure of ${request.method}`));
      return super.request<T>(request);
    }
  }
  const client = new FailingClient(emulator.url, programmaticAccessTokenAuth(emulator.credentials.programmaticAccessToken), { baseDelayMs: 10 });
  return new ResourceEngine(resourceDefinitions[type], { accountOf: () => emulator.account, clientFor: () => client });
}

test("a create whose read-back fails removes the object again, so nothing is orphaned", async () => {
  const table = engineWithFailing("Table", `${TABLE_PATH}/EDGE_UNREAD`, ["GET"]);
  await expect(table.create({ ...IN, name: "EDGE_UNREAD", columns: [{ name: "ID", datatype: "int" }] })).rejects.toThrow(/was created, then removed again .*injected failure of GET/);
  expect((await callEmulator(emulator, "GET", `${TABLE_PATH}/EDGE_UNREAD`)).status).toBe(404);
});

test("a create that cannot be cleaned up says so, naming both failures", async () => {
  const table = engineWithFailing("Table", `${TABLE_PATH}/EDGE_STUCK`, ["GET", "DELETE"]);
  const created = table.create({ ...IN, name: "EDGE_STUCK", columns: [{ name: "ID", datatype: "int" }] });
  await expect(created).rejects.toThrow(/setting it up failed \(injected failure of GET\) and it could not be removed again: injected failure of DELETE/);
  expect((await callEmulator(emulator, "GET", `${TABLE_PATH}/EDGE_STUCK`)).status).toBe(200);
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

  test("an opt-in not known at preview refuses nothing yet (up decides, with it known)", async () => {
    const olds = { ...ids, columns: [{ name: "A", datatype: "int" }, { name: "B", datatype: "int" }] };
    const dropsB = { ...ids, columns: [{ name: "A", datatype: "int" }] };
    await expect(table.diff("", olds, { ...dropsB, allowDropColumns: UNKNOWN })).resolves.toMatchObject({ changes: true });
    await expect(table.diff("", olds, dropsB)).rejects.toThrow(/allowDropColumns/);
    await expect(table.diff("", olds, { ...olds, kind: "TRANSIENT", allowReplace: UNKNOWN })).resolves.toMatchObject({ replaces: ["kind"] });
    await expect(table.diff("", olds, { ...olds, kind: "TRANSIENT" })).rejects.toThrow(/allowReplace/);
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
    // A misspelt property is not known to be secret, so no unknown property's text is repeated.
    const misspelt = (await engineFor("Stage").check({}, { ...ids, url: "s3://b/", credential: { awsSecretKey: "wJalrXUtnFEMI" } })).failures;
    expect(misspelt[0].reason).toMatch(/^not a property of stages \(given an object with awsSecretKey\)/);
    expect(JSON.stringify(misspelt)).not.toContain("wJalrXUtnFEMI");
  });
});

test("a column default written as Snowflake re-prints it differently shows no diff; a different default is refused", async () => {
  const table = engineAgainst(emulator, "Table");
  const declared = (at: string) => ({ ...IN, name: "EDGE_DEFAULTS", columns: [{ name: "ID", datatype: "int" }, { name: "AT", datatype: "timestamp_ntz", default: at }] });
  const { outs } = await table.create(declared("current_timestamp"));
  expect((await get(`${TABLE_PATH}/EDGE_DEFAULTS`)).columns[1].default).toBe("CURRENT_TIMESTAMP()");
  const read = await table.read("", outs);
  expect((await table.diff("", read.props!, declared("current_timestamp"))).changes).toBe(false);
  expect((await table.diff("", read.props!, declared("CURRENT_TIMESTAMP( )"))).changes).toBe(false);
  await expect(table.diff("", read.props!, declared("sysdate()"))).rejects.toThrow(/column AT of .*EDGE_DEFAULTS cannot change a default \(sysdate\(\)\).*allowReplace/s);
});

test("a bare TIMESTAMP column matches the TIMESTAMP_NTZ(9) Snowflake reports for it", async () => {
  const table = engineAgainst(emulator, "Table");
  const declared = { ...IN, name: "EDGE_TS", columns: [{ name: "AT", datatype: "timestamp" }] };
  const { outs } = await table.create(declared);
  expect((await get(`${TABLE_PATH}/EDGE_TS`)).columns[0].datatype).toBe("TIMESTAMP_NTZ(9)");
  const read = await table.read("", outs);
  expect((await table.diff("", read.props!, declared)).changes).toBe(false);
});

test("constraint types are accepted in any spelling (foreign_key, Primary Key)", async () => {
  const table = engineAgainst(emulator, "Table");
  await table.create({ ...IN, name: "EDGE_PARENT", columns: [{ name: "ID", datatype: "int", constraints: [{ type: "Primary Key" }] }] });
  const child = {
    ...IN,
    name: "EDGE_CHILD",
    columns: [{ name: "PARENT_ID", datatype: "int" }],
    constraints: [{ type: "foreign_key", columnNames: ["PARENT_ID"], referencedTable: "EDGE_PARENT", referencedColumns: ["ID"] }],
  };
  const checked = await table.check({}, child);
  expect(checked.failures ?? []).toEqual([]);
  await table.create(checked.inputs);
  expect((await get(`${TABLE_PATH}/EDGE_CHILD`)).constraints).toMatchObject([{ constraint_type: "FOREIGN KEY", column_names: ["PARENT_ID"] }]);
});
