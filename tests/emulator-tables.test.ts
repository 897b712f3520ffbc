// The emulator's tables and their neighbours: one namespace for tables, views, dynamic and event tables of a
// schema; column types as Snowflake reports them (TIMESTAMP by TIMESTAMP_TYPE_MAPPING); column defaults in the
// spelling Snowflake prints, and CREATE OR ALTER's refusal to change one compared in that spelling.
import { startEmulator, type Emulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { emulatorHttp } from "./support/emulator-http";

let emulator: Emulator;
const { get, post, put } = emulatorHttp(() => emulator);
const SCHEMA = "/api/v2/databases/DB_REL/schemas/PUBLIC";

beforeAll(async () => {
  emulator = await startEmulator({ users: [{ name: "alice" }] });
  await post("/api/v2/databases", { name: "DB_REL" });
});

afterAll(async () => {
  await emulator.close();
});

const table = (name: string, columns: object[] = [{ name: "ID", datatype: "NUMBER(38,0)" }]) => ({ name, columns });
const view = (name: string) => ({ name, query: "SELECT 1 AS ID", columns: [{ name: "ID" }] });

describe("one namespace for the tables and views of a schema", () => {
  beforeAll(async () => {
    expect((await post(`${SCHEMA}/tables`, table("SHARED_T"))).status).toBe(200);
    expect((await post(`${SCHEMA}/views`, view("SHARED_V"))).status).toBe(200);
  });

  it("refuses a view named like a table, and OR REPLACE does not replace an object of another type", async () => {
    const plain = await post(`${SCHEMA}/views`, view("SHARED_T"));
    expect(plain.status).toBe(409);
    expect(plain.body).toMatchObject({ code: "002002", message: expect.stringContaining("Object 'SHARED_T' already exists") });
    const replace = await post(`${SCHEMA}/views`, view("SHARED_T"), { query: { createMode: "orReplace" } });
    expect(replace.body).toMatchObject({ code: "002203", message: expect.stringContaining("Object found is of type 'TABLE', not specified type 'VIEW'") });
    expect((await get(`${SCHEMA}/tables/SHARED_T`)).status).toBe(200);
  });

  it("refuses PUT create-or-alter of a table over a view", async () => {
    const answer = await put(`${SCHEMA}/tables/SHARED_V`, table("SHARED_V"));
    expect(answer.body).toMatchObject({ code: "002203", message: expect.stringContaining("of type 'VIEW', not specified type 'TABLE'") });
    expect((await get(`${SCHEMA}/tables/SHARED_V`)).status).toBe(404);
  });

  it("refuses renaming an event table or a table onto a view's name, over REST and over SQL", async () => {
    // table.yaml has no :rename; event-table.yaml does.
    expect((await post(`${SCHEMA}/event-tables`, { name: "SHARED_E" })).status).toBe(200);
    const rest = await post(`${SCHEMA}/event-tables/SHARED_E:rename`, undefined, { query: { targetName: "SHARED_V" } });
    expect(rest.status).toBe(409);
    const sql = await callEmulator(emulator, "POST", "/api/v2/statements", { statement: "ALTER TABLE DB_REL.PUBLIC.SHARED_T RENAME TO SHARED_V" });
    // SQL API errors are 422 QueryFailureStatus bodies.
    expect(sql.status).toBe(422);
    expect(sql.body).toMatchObject({ code: "002002", message: expect.stringContaining("Object 'SHARED_V' already exists") });
    expect((await get(`${SCHEMA}/tables/SHARED_T`)).status).toBe(200);
  });
});

describe("column types as Snowflake reports them", () => {
  it("reports synonyms canonically and a bare TIMESTAMP as TIMESTAMP_NTZ by default", async () => {
    await post(`${SCHEMA}/tables`, table("TYPES_DEFAULT", [
      { name: "A", datatype: "int" },
      { name: "B", datatype: "string" },
      { name: "C", datatype: "timestamp" },
      { name: "D", datatype: "timestamp(3)" },
      { name: "E", datatype: "double precision" },
    ]));
    const { body } = await get(`${SCHEMA}/tables/TYPES_DEFAULT`);
    expect(body.columns.map((column: { datatype: string }) => column.datatype)).toEqual(["NUMBER(38,0)", "VARCHAR(16777216)", "TIMESTAMP_NTZ(9)", "TIMESTAMP_NTZ(3)", "FLOAT"]);
  });

  it("maps TIMESTAMP by the account's TIMESTAMP_TYPE_MAPPING when the column is created", async () => {
    emulator.defaultAccount.setAccountParameter("timestamp_type_mapping", "TIMESTAMP_LTZ");
    try {
      await post(`${SCHEMA}/tables`, table("TYPES_LTZ", [{ name: "C", datatype: "TIMESTAMP" }]));
    } finally {
      emulator.defaultAccount.setAccountParameter("timestamp_type_mapping", undefined);
    }
    expect((await get(`${SCHEMA}/tables/TYPES_LTZ`)).body.columns[0].datatype).toBe("TIMESTAMP_LTZ(9)");
    // Created columns keep their type when the mapping changes afterwards.
    expect((await get(`${SCHEMA}/tables/TYPES_DEFAULT`)).body.columns[2].datatype).toBe("TIMESTAMP_NTZ(9)");
  });

  it("refuses what is not a type", async () => {
    const answer = await post(`${SCHEMA}/tables`, table("TYPES_BAD", [{ name: "A", datatype: "NUMBER(39,0)" }]));
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain("Unsupported data type 'NUMBER(39,0)'");
  });
});

describe("column defaults in the spelling Snowflake prints", () => {
  const withDefaults = (at: string, label: string) => table("DEFAULTS", [
    { name: "ID", datatype: "NUMBER(38,0)" },
    { name: "AT", datatype: "TIMESTAMP_NTZ(9)", default: at },
    { name: "LABEL", datatype: "VARCHAR(10)", default: label },
  ]);

  it("stores a default as Snowflake re-prints it, keeping literals as written", async () => {
    await post(`${SCHEMA}/tables`, withDefaults("current_timestamp", "'n/a'"));
    const { body } = await get(`${SCHEMA}/tables/DEFAULTS`);
    expect(body.columns.map((column: { default?: string }) => column.default)).toEqual([undefined, "CURRENT_TIMESTAMP()", "'n/a'"]);
  });

  it("treats a default re-spelt as no change in CREATE OR ALTER, and refuses a different one", async () => {
    expect((await put(`${SCHEMA}/tables/DEFAULTS`, withDefaults("CURRENT_TIMESTAMP( )", "'n/a'"))).status).toBe(200);
    const changed = await put(`${SCHEMA}/tables/DEFAULTS`, withDefaults("CURRENT_TIMESTAMP()", "'none'"));
    expect(changed.status).toBe(400);
    expect(changed.body.message).toContain("Unsupported feature 'Alter Column Set Default'");
    expect((await get(`${SCHEMA}/tables/DEFAULTS`)).body.columns[2].default).toBe("'n/a'");
  });
});
