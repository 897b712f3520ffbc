// Deleting a database or schema drops everything inside it. The stack's own objects go first, so a destroy is never
// blocked by them; anything else inside (made by hand, by another stack) stops the delete, named, unless forceDestroy.
import { statementRows } from "./support/sql-rows";
import { expectOk, startTestStack, TestStack } from "./support/test-stack";

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack.close(); });

test("a destroy of a database with the stack's own schema and table inside is never blocked", async () => {
  const declarations = [
    { type: "Database", name: "db", args: { name: "OWN_DB" } },
    { type: "Schema", name: "schema", args: { database: { $ref: "db.name" }, name: "RAW" } },
    { type: "Table", name: "table", args: { database: { $ref: "db.name" }, schema: { $ref: "schema.name" }, name: "EVENTS", columns: [{ name: "ID", datatype: "NUMBER(38,0)" }] } },
  ];
  expectOk(await stack.run("up", declarations));
  expectOk(await stack.run("destroy", declarations));
  expect((await stack.rest("GET", "/api/v2/databases/OWN_DB")).status).toBe(404);
});

test("a database holding another stack's schema and a table in PUBLIC is not dropped: the delete names them", async () => {
  const declarations = [{ type: "Database", name: "db", args: { name: "SHARED_DB" } }];
  expectOk(await stack.run("up", declarations));
  await stack.rest("POST", "/api/v2/databases/SHARED_DB/schemas", { name: "OTHER_STACK" });
  await stack.rest("POST", "/api/v2/databases/SHARED_DB/schemas/PUBLIC/tables", { name: "BY_HAND", columns: [{ name: "ID", datatype: "NUMBER(38,0)" }] });
  const destroy = await stack.run("destroy", declarations);
  expect(destroy.ok).toBe(false);
  expect(destroy.error).toContain("database SHARED_DB cannot be deleted: it still holds 2 objects this stack did not delete first, which the delete would drop: OTHER_STACK (schema), PUBLIC.BY_HAND (table). Remove or move them, or set forceDestroy: true");
  expect((await stack.rest("GET", "/api/v2/databases/SHARED_DB/schemas/OTHER_STACK")).status).toBe(200);

  // Opting in is recorded by an up, then the destroy drops the database with what is inside.
  const forced = [{ type: "Database", name: "db", args: { name: "SHARED_DB", forceDestroy: true } }];
  expectOk(await stack.run("up", forced));
  expectOk(await stack.run("destroy", forced));
  expect((await stack.rest("GET", "/api/v2/databases/SHARED_DB")).status).toBe(404);
});

test("a schema holding a stage made by hand is not dropped; more than five objects are counted, not all listed", async () => {
  await stack.rest("POST", "/api/v2/databases", { name: "HOST_DB" });
  const declarations = [{ type: "Schema", name: "schema", args: { database: "HOST_DB", name: "LANDING" } }];
  expectOk(await stack.run("up", declarations));
  for (const name of ["S1", "S2", "S3", "S4", "S5", "S6", "S7"]) await stack.rest("POST", "/api/v2/databases/HOST_DB/schemas/LANDING/stages", { name });
  const destroy = await stack.run("destroy", declarations);
  expect(destroy.ok).toBe(false);
  expect(destroy.error).toMatch(/schema HOST_DB\.LANDING cannot be deleted: it still holds 7 objects .*: S1 \(stage\), S2 \(stage\), S3 \(stage\), S4 \(stage\), S5 \(stage\), and 2 more\./);
  expect((await stack.rest("GET", "/api/v2/databases/HOST_DB/schemas/LANDING/stages/S7")).status).toBe(200);
});

describe("an inventory of the database proves schemas empty (one SHOW per type, not 24 lists per schema)", () => {
  // A stack of its own: the tests above leave a refused schema in their stack's state.
  let stack: TestStack;
  beforeAll(async () => { stack = await startTestStack(); });
  afterAll(async () => { await stack.close(); });

  const rowsOf = (statement: string) => statementRows(stack.emulator, statement);

  test("a destroy of 40 schemas lists no schema's collections and sends one DELETE each", async () => {
    const declarations = [
      { type: "Database", name: "db", args: { name: "MANY_DB" } },
      ...Array.from({ length: 40 }, (_, i) => ({ type: "Schema", name: `s${i}`, args: { database: { $ref: "db.name" }, name: `S${i}` } })),
    ];
    expectOk(await stack.run("up", declarations));
    stack.emulator.clearRequestLog();
    expectOk(await stack.run("destroy", declarations));
    const log = stack.emulator.requestLog.filter((entry) => entry.path.startsWith("/api/v2/"));
    const collectionLists = log.filter((entry) => entry.method === "GET" && /\/schemas\/[^/]+\/[a-z-]+$/.test(entry.path));
    const deletes = log.filter((entry) => entry.method === "DELETE");
    const statements = log.filter((entry) => entry.path === "/api/v2/statements");
    expect(collectionLists).toEqual([]);
    expect(deletes).toHaveLength(41);
    // One SHOW per listed type for an inventory; a destroy this short needs one or two of them.
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.length).toBeLessThanOrEqual(2 * 22);
    expect((await stack.rest("GET", "/api/v2/databases/MANY_DB")).status).toBe(404);
  });

  test("what the inventory shows is listed exactly before a refusal, and the stack's own deleted objects do not count", async () => {
    const declarations = [
      { type: "Database", name: "db", args: { name: "MIXED_DB" } },
      ...["A", "B", "C"].map((name) => ({ type: "Schema", name, args: { database: { $ref: "db.name" }, name } })),
      ...["A", "B"].map((schema) => ({ type: "Table", name: `t${schema}`, args: { database: { $ref: "db.name" }, schema: { $ref: `${schema}.name` }, name: "OWN", columns: [{ name: "ID", datatype: "NUMBER(38,0)" }] } })),
    ];
    expectOk(await stack.run("up", declarations));
    await stack.rest("POST", "/api/v2/databases/MIXED_DB/schemas/C/views", { name: "BY_HAND", query: "SELECT 1 AS X", columns: [{ name: "X" }] });
    const destroy = await stack.run("destroy", declarations);
    expect(destroy.ok).toBe(false);
    expect(destroy.error).toMatch(/schema MIXED_DB\.C cannot be deleted: it still holds 1 object .*: BY_HAND \(view\)/);
    // A and B went, their own tables first; C and the database stay.
    for (const schema of ["A", "B"]) expect((await stack.rest("GET", `/api/v2/databases/MIXED_DB/schemas/${schema}`)).status).toBe(404);
    expect((await stack.rest("GET", "/api/v2/databases/MIXED_DB/schemas/C/views/BY_HAND")).status).toBe(200);
  });

  test("the emulator's SHOW <objects> IN DATABASE: every schema's rows, SHOW TABLES with event tables, refusals", async () => {
    await stack.rest("POST", "/api/v2/databases", { name: "SHOWN_DB" });
    await stack.rest("POST", "/api/v2/databases/SHOWN_DB/schemas", { name: "RAW" });
    await stack.rest("POST", "/api/v2/databases/SHOWN_DB/schemas/RAW/tables", { name: "EVENTS", columns: [{ name: "ID", datatype: "NUMBER(38,0)" }] });
    await stack.rest("POST", "/api/v2/databases/SHOWN_DB/schemas/PUBLIC/event-tables", { name: "TELEMETRY" });
    await stack.rest("POST", "/api/v2/databases/SHOWN_DB/schemas/RAW/stages", { name: "landing" });
    expect((await rowsOf("SHOW TABLES IN DATABASE SHOWN_DB")).map((row) => [row.schema_name, row.name, row.database_name])).toEqual([["PUBLIC", "TELEMETRY", "SHOWN_DB"], ["RAW", "EVENTS", "SHOWN_DB"]]);
    expect((await rowsOf("SHOW EVENT TABLES IN DATABASE SHOWN_DB")).map((row) => row.name)).toEqual(["TELEMETRY"]);
    expect((await rowsOf("SHOW STAGES LIKE 'LAND%' IN DATABASE SHOWN_DB")).map((row) => row.name)).toEqual(["LANDING"]);
    expect(await rowsOf("SHOW USER FUNCTIONS IN DATABASE SHOWN_DB")).toEqual([]);
    const missing = await stack.rest("POST", "/api/v2/statements", { statement: "SHOW VIEWS IN DATABASE NO_SUCH_DB" });
    expect([missing.status, JSON.stringify(missing.body)]).toEqual([422, expect.stringMatching(/002003.*Database 'NO_SUCH_DB' does not exist or not authorized/)]);
    const scope = await stack.rest("POST", "/api/v2/statements", { statement: "SHOW VIEWS IN SCHEMA SHOWN_DB.RAW" });
    expect([scope.status, JSON.stringify(scope.body)]).toEqual([422, expect.stringMatching(/only IN ACCOUNT or IN DATABASE/)]);
  });
});
