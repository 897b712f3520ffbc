// A create whose answer is lost after Snowflake acted (a 504, a connection dropped on the way back) must end with
// the object in the stack exactly once, never orphaned and never duplicated; an object someone else made before
// is never taken over by accident (rule: provider/engine/lost-answers.ts).
import { closeAllPools } from "../provider/client/rest-client";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { engineAgainst } from "./support/engine-harness";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await closeAllPools();
  await emulator.close();
});
beforeEach(() => {
  emulator.requestLog.length = 0;
});
const calls = () => emulator.requestLog.map((entry) => `${entry.method} ${entry.path} ${entry.status}`);
const databases = async () => ((await callEmulator(emulator, "GET", "/api/v2/databases")).body as { name: string }[]).map((row) => row.name);

test("a 504 after the database was made: the retry's 409 is recognised as this request's own object", async () => {
  emulator.knobs.failNext(1, 504, { afterExecuting: true });
  const { id, outs } = await engineAgainst(emulator, "Database").create({ name: "LOST_504", comment: "mine" });
  expect(id).toBe("LOST_504");
  expect(outs.comment).toBe("mine");
  expect(calls().slice(0, 3)).toEqual(["POST /api/v2/databases 504", "POST /api/v2/databases 409", "GET /api/v2/databases/LOST_504 200"]);
  expect((await databases()).filter((name) => name === "LOST_504")).toHaveLength(1);
});

test("a connection dropped after the warehouse was made: found, checked and kept, not sent again", async () => {
  emulator.knobs.failNext(1, "drop", { afterExecuting: true });
  const { outs } = await engineAgainst(emulator, "Warehouse").create({ name: "LOST_DROP", warehouseSize: "XSMALL", autoSuspend: 120 });
  expect(outs.autoSuspend).toBe(120);
  expect(calls().filter((call) => call.startsWith("POST"))).toEqual(["POST /api/v2/warehouses 0"]);
});

test("a connection dropped before anything happened: nothing is there, so the create is sent once more", async () => {
  emulator.knobs.failNext(1, "drop");
  await engineAgainst(emulator, "Database").create({ name: "LOST_BEFORE" });
  expect(calls().slice(0, 3)).toEqual(["POST /api/v2/databases 0", "GET /api/v2/databases/LOST_BEFORE 404", "POST /api/v2/databases 200"]);
  expect((await databases()).filter((name) => name === "LOST_BEFORE")).toHaveLength(1);
});

test("an object that is not provably this request's is refused, left as it was, and adopted only when asked", async () => {
  await callEmulator(emulator, "POST", "/api/v2/databases", { name: "THEIRS", comment: "someone else's" });
  emulator.knobs.failNext(1, 504);
  const refusal = await engineAgainst(emulator, "Database").create({ name: "THEIRS", comment: "mine" }).catch((error: Error) => error);
  expect(String(refusal)).toMatch(/THEIRS.*answer to its create was lost.*POST \/api\/v2\/databases.*its comment differs from the declaration.*adoptExisting: true/s);
  expect((await callEmulator(emulator, "GET", "/api/v2/databases/THEIRS")).body.comment).toBe("someone else's");

  emulator.knobs.failNext(1, 504);
  const { outs } = await engineAgainst(emulator, "Database").create({ name: "THEIRS", comment: "mine", adoptExisting: true });
  expect(outs.comment).toBe("mine");
});

test("an object with the very settings declared, made before the request was sent, is still someone else's", async () => {
  await callEmulator(emulator, "POST", "/api/v2/databases", { name: "EARLIER", comment: "same words" });
  emulator.defaultAccount.backdate("/api/v2/databases/EARLIER", new Date(Date.now() - 60_000));
  emulator.knobs.failNext(1, 504);
  const refusal = await engineAgainst(emulator, "Database").create({ name: "EARLIER", comment: "same words" }).catch((error: Error) => error);
  expect(String(refusal)).toMatch(/EARLIER.*answer to its create was lost.*it was created at .*, before the request was sent at .*adoptExisting: true/s);
});

test("a lost answer to a delete or an update: sent again; the delete is sent with ifExists, so the second answer is a plain 200 and nothing fails", async () => {
  const warehouse = engineAgainst(emulator, "Warehouse");
  const { outs } = await warehouse.create({ name: "LOST_LATER", comment: "first" });
  emulator.knobs.failNext(1, 504, { afterExecuting: true });
  const { outs: updated } = await warehouse.update("LOST_LATER", outs, { name: "LOST_LATER", comment: "second" });
  expect(updated.comment).toBe("second");
  emulator.requestLog.length = 0;
  emulator.knobs.failNext(1, "drop", { afterExecuting: true });
  await warehouse.delete("LOST_LATER", updated);
  expect(calls()).toEqual(["DELETE /api/v2/warehouses/LOST_LATER 0", "DELETE /api/v2/warehouses/LOST_LATER 200"]);
  expect((await callEmulator(emulator, "GET", "/api/v2/warehouses/LOST_LATER")).status).toBe(404);
});

// `pulumi refresh --import-pending-creates` reads with only the inputs the interrupted create sent (no outputs).
describe("reading an interrupted create being imported", () => {
  test("the object it made is taken in under its canonical name, whatever id was typed", async () => {
    await callEmulator(emulator, "POST", "/api/v2/warehouses", { name: "PENDING_WH", comment: "mine", auto_suspend: 300 });
    const read = await engineAgainst(emulator, "Warehouse").read("pending_wh", { name: "pending_wh", comment: "mine", autoSuspend: 300 });
    expect(read.id).toBe("PENDING_WH");
    expect(read.props).toMatchObject({ comment: "mine", autoSuspend: 300, fullyQualifiedName: "PENDING_WH" });
  });

  test("steps after the POST that had not run yet (the run state) do not count against it", async () => {
    await callEmulator(emulator, "POST", "/api/v2/warehouses", { name: "PENDING_RUNNING_WH", comment: "mine" });
    const read = await engineAgainst(emulator, "Warehouse").read("x", { name: "PENDING_RUNNING_WH", comment: "mine", suspended: true });
    expect(read.id).toBe("PENDING_RUNNING_WH");
  });

  test("an object whose created settings differ is someone else's: refused, nothing recorded", async () => {
    await callEmulator(emulator, "POST", "/api/v2/warehouses", { name: "PENDING_OTHER_WH", comment: "theirs" });
    await expect(engineAgainst(emulator, "Warehouse").read("x", { name: "PENDING_OTHER_WH", comment: "mine" }))
      .rejects.toThrow("warehouse PENDING_OTHER_WH exists, but its comment differs from what the interrupted create sent");
  });

  test("nothing there: the create never happened, and the import leaves the state again", async () => {
    expect(await engineAgainst(emulator, "Warehouse").read("x", { name: "PENDING_NEVER_WH" })).toEqual({ id: "" });
  });
});
