// Objects that already exist: a clear error by default, and with adoptExisting they are taken over and converged.
import { expectOk, opOf, startTestStack, TestStack } from "./support/test-stack";

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack.close(); });

test("creating an object that already exists fails clearly and records nothing", async () => {
  await stack.rest("POST", "/api/v2/warehouses", { name: "EXISTING_WH", comment: "made by hand", auto_suspend: 900 });
  const result = await stack.run("up", [{ type: "Warehouse", name: "wh", args: { name: "existing_wh", comment: "declared" } }]);
  expect(result.ok).toBe(false);
  expect(result.error).toContain("warehouse EXISTING_WH already exists; set adoptExisting: true to manage it");
  // The existing object is untouched and not in state, so a later destroy cannot drop it by surprise.
  expect((await stack.rest("GET", "/api/v2/warehouses/EXISTING_WH")).body).toMatchObject({ comment: "made by hand", auto_suspend: 900 });
  const destroy = expectOk(await stack.run("destroy", []));
  expect(destroy.changes.filter((change) => change.op === "delete" && change.name === "wh")).toEqual([]);
  expect((await stack.rest("GET", "/api/v2/warehouses/EXISTING_WH")).status).toBe(200);
});

test("with adoptExisting the object is converged to the declared settings, then refreshes clean", async () => {
  const declarations = [{ type: "Warehouse" as const, name: "wh", args: { name: "existing_wh", comment: "declared", warehouseSize: "MEDIUM", adoptExisting: true } }];
  const up = expectOk(await stack.run("up", declarations));
  expect(opOf(up, "wh")).toBe("create");
  const live = (await stack.rest("GET", "/api/v2/warehouses/EXISTING_WH")).body;
  // Declared settings win; a setting the program does not declare (auto_suspend) keeps its value.
  expect(live).toMatchObject({ comment: "declared", warehouse_size: "MEDIUM", auto_suspend: 900 });

  const refresh = expectOk(await stack.run("refresh", declarations));
  expect(refresh.changes.filter((change) => change.op !== "same")).toEqual([]);
  const again = expectOk(await stack.run("up", declarations));
  expect(again.changes.filter((change) => change.op !== "same")).toEqual([]);

  // Adopted means managed: destroy drops it.
  expectOk(await stack.run("destroy", declarations));
  expect((await stack.rest("GET", "/api/v2/warehouses/EXISTING_WH")).status).toBe(404);
});

test("adoptExisting works for objects inside a database too", async () => {
  await stack.rest("POST", "/api/v2/databases", { name: "ADOPT_DB" });
  await stack.rest("POST", "/api/v2/databases/ADOPT_DB/schemas", { name: "STAGING", comment: "old" });
  const declarations = [
    { type: "Database" as const, name: "db", args: { name: "ADOPT_DB", adoptExisting: true } },
    { type: "Schema" as const, name: "schema", args: { database: { $ref: "db.name" }, name: "staging", comment: "new", adoptExisting: true } },
  ];
  expectOk(await stack.run("up", declarations));
  expect((await stack.rest("GET", "/api/v2/databases/ADOPT_DB/schemas/STAGING")).body.comment).toBe("new");
  const refresh = expectOk(await stack.run("refresh", declarations));
  expect(refresh.changes.filter((change) => change.op !== "same")).toEqual([]);
  expectOk(await stack.run("destroy", declarations));
});

test("a create whose answer was lost after Snowflake made the object: the up succeeds, once, and destroy leaves nothing", async () => {
  const declarations = [{ type: "Warehouse" as const, name: "lost", args: { name: "LOST_ANSWER_WH", comment: "mine" } }];
  stack.emulator.requestLog.length = 0;
  stack.emulator.knobs.failNext(1, 504, { afterExecuting: true });
  const up = expectOk(await stack.run("up", declarations));
  expect(opOf(up, "lost")).toBe("create");
  const posts = stack.emulator.requestLog.filter((entry) => entry.method === "POST").map((entry) => entry.status);
  expect(posts).toEqual([504, 409]);
  const refresh = expectOk(await stack.run("refresh", declarations));
  expect(refresh.changes.filter((change) => change.op !== "same")).toEqual([]);
  expectOk(await stack.run("destroy", declarations));
  expect((await stack.rest("GET", "/api/v2/warehouses/LOST_ANSWER_WH")).status).toBe(404);
});
