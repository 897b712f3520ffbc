// Task behaviours beyond the round trip, through the engine against the emulator: running a task on purpose
// (TaskRun), a task Snowflake suspended by itself (reported; resumed only when declared
// running), a standalone started task changed in place, and names of the same schema in either spelling.
import { closeAllPools } from "../provider/client/rest-client";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { engineAgainst } from "./support/engine-harness";

const IN = { database: "TASK_DB", schema: "PUBLIC" };
const TASKS = "/api/v2/databases/TASK_DB/schemas/PUBLIC/tasks";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
  await callEmulator(emulator, "POST", "/api/v2/databases", { name: "TASK_DB" });
  await callEmulator(emulator, "POST", "/api/v2/warehouses", { name: "TASK_WH", initially_suspended: "true" });
});
afterAll(async () => {
  await closeAllPools();
  await emulator.close();
});
const get = async (path: string) => (await callEmulator(emulator, "GET", path)).body;
const sql = (statement: string) => callEmulator(emulator, "POST", "/api/v2/statements", { statement });
const runsOf = async (name: string) => ((await get(`${TASKS}/${name}/complete-graphs`)) as unknown[]).length;

test("a TaskRun runs its task when created, keeps its state on read, runs nothing on delete; retryLast is asked for", async () => {
  const task = engineAgainst(emulator, "Task");
  const run = engineAgainst(emulator, "TaskRun");
  await task.create({ ...IN, name: "RUN_ME", definition: "SELECT 1", warehouse: "TASK_WH" });
  const declared = { ...IN, task: "run_me", triggers: ["v1"] };
  const created = await run.create(declared);
  expect(created.id).toMatch(/^TASK_DB\.PUBLIC\.RUN_ME:execute@/);
  expect(await runsOf("RUN_ME")).toBe(1);
  const read = await run.read(created.id, created.outs);
  expect(read.props).toEqual(created.outs);
  expect((await run.diff(created.id, read.props!, declared)).changes).toBe(false);
  expect(await run.diff(created.id, read.props!, { ...declared, triggers: ["v2"] })).toMatchObject({ changes: true, replaces: ["triggers"] });
  await run.delete(created.id, created.outs);
  expect(await runsOf("RUN_ME")).toBe(1);
  // RETRY LAST needs a failed last run; with none, Snowflake refuses and says so.
  await expect(run.create({ ...declared, retryLast: true })).rejects.toThrow(/retry/i);
  // The task it ran on is gone: so is the run.
  await task.delete("", { ...IN, name: "RUN_ME" });
  expect((await run.read(created.id, created.outs)).id).toBe("");
});

test("a task Snowflake suspended is reported; up resumes it only when it is declared running", async () => {
  const task = engineAgainst(emulator, "Task");
  const running = { ...IN, name: "FAILS_OFTEN", definition: "SELECT 1", warehouse: "TASK_WH", schedule: { minutes: 10 }, suspended: false };
  const { outs } = await task.create(running);
  expect(outs.state).toBe("STARTED");
  // As after suspendTaskAfterNumFailures failed runs.
  await sql('ALTER TASK TASK_DB.PUBLIC.FAILS_OFTEN SUSPEND');
  const read = await task.read("", outs);
  expect(read.props).toMatchObject({ state: "SUSPENDED", suspended: true });
  expect((await task.diff("", read.props!, running)).changes).toBe(true);
  await task.update("", read.props!, running);
  expect((await get(`${TASKS}/FAILS_OFTEN`)).state).toBe("started");

  const unmanaged = { ...running, suspended: undefined };
  await sql('ALTER TASK TASK_DB.PUBLIC.FAILS_OFTEN SUSPEND');
  const again = await task.read("", { ...outs, suspended: undefined });
  expect(again.props).toMatchObject({ state: "SUSPENDED" });
  expect((await task.diff("", again.props!, unmanaged)).changes).toBe(false);
});

test("a started standalone task is changed in place: suspended for the change, then running again", async () => {
  const task = engineAgainst(emulator, "Task");
  const declared = { ...IN, name: "ALONE", definition: "SELECT 1", warehouse: "TASK_WH", schedule: { minutes: 5 }, suspended: false };
  const { outs } = await task.create(declared);
  const { outs: updated } = await task.update("", outs, { ...declared, definition: "SELECT 2", comment: "changed" });
  expect(updated).toMatchObject({ state: "STARTED", definition: "SELECT 2", comment: "changed" });
  expect(await get(`${TASKS}/ALONE`)).toMatchObject({ state: "started", definition: "SELECT 2" });
});

test("predecessors given as plain or qualified names are the same graph, with no diff", async () => {
  const task = engineAgainst(emulator, "Task");
  await task.create({ ...IN, name: "ROOT_Q", definition: "SELECT 1", warehouse: "TASK_WH" });
  const child = { ...IN, name: "CHILD_Q", definition: "SELECT 2", warehouse: "TASK_WH", after: ["root_q"] };
  const { outs } = await task.create(child);
  expect((await get(`${TASKS}/CHILD_Q`)).predecessors).toEqual(["TASK_DB.PUBLIC.ROOT_Q"]);
  const read = await task.read("", outs);
  expect((await task.diff("", read.props!, child)).changes).toBe(false);
  expect((await task.diff("", read.props!, { ...child, after: ["TASK_DB.PUBLIC.ROOT_Q"] })).changes).toBe(false);
});
