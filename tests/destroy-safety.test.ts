// Deleting a database or schema drops everything inside it. The stack's own objects go first, so a destroy is never
// blocked by them; anything else inside (made by hand, by another stack) stops the delete, named, unless forceDestroy.
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
