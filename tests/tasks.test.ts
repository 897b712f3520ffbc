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
  // What it started is recorded once: the emulator's runs finish at once, so the newest complete graph.
  const [completed] = (await get(`${TASKS}/RUN_ME/complete-graphs`)) as { run_id: number; scheduled_time: string }[];
  expect(created.outs).toMatchObject({ runId: completed.run_id, startedRunState: "SUCCEEDED", scheduledTime: completed.scheduled_time });
  const read = await run.read(created.id, created.outs);
  expect(read.props).toEqual(created.outs);
  expect((await run.diff(created.id, read.props!, declared)).changes).toBe(false);
  expect(await run.diff(created.id, read.props!, { ...declared, triggers: ["v2"] })).toMatchObject({ changes: true, replaces: ["triggers"] });
  await run.delete(created.id, created.outs);
  expect(await runsOf("RUN_ME")).toBe(1);
  // RETRY LAST needs a failed last run; with none, Snowflake refuses and says so.
  emulator.clearRequestLog();
  await expect(run.create({ ...declared, retryLast: true })).rejects.toThrow(/retry/i);
  expect(emulator.requestLog.filter((entry) => entry.path.endsWith(":execute")).map((entry) => entry.query)).toEqual([{ retryLast: "true" }]);
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

describe("graph changes the root moves with", () => {
  const task = () => engineAgainst(emulator, "Task");
  const stateOf = async (name: string) => (await get(`${TASKS}/${name}`)).state;
  const base = (name: string, extra: Record<string, unknown> = {}) => ({ ...IN, name, definition: "SELECT 1", warehouse: "TASK_WH", suspended: false, ...extra });

  test("a child that becomes a root runs as declared, and so does its old root", async () => {
    await task().create(base("R1", { schedule: { minutes: 5 } }));
    const { outs } = await task().create(base("X1", { after: ["R1"] }));
    const { outs: updated } = await task().update("", outs, base("X1", { schedule: { minutes: 10 } }));
    expect([await stateOf("X1"), await stateOf("R1")]).toEqual(["started", "started"]);
    expect(updated).toMatchObject({ state: "STARTED", suspended: false });
  });

  test("a root that becomes a child runs as declared, and so does its new root", async () => {
    await task().create(base("S2", { schedule: { minutes: 5 } }));
    const { outs } = await task().create(base("R2", { schedule: { minutes: 5 } }));
    const { outs: updated } = await task().update("", outs, base("R2", { after: ["S2"] }));
    expect([await stateOf("R2"), await stateOf("S2")]).toEqual(["started", "started"]);
    expect(updated).toMatchObject({ state: "STARTED" });
  });

  test("adopting a running root changes it with the root suspended, then runs it again", async () => {
    await callEmulator(emulator, "POST", TASKS, { name: "ADOPT3", definition: "SELECT 1", warehouse: "TASK_WH", schedule: { schedule_type: "MINUTES_TYPE", minutes: 5 } });
    await callEmulator(emulator, "POST", `${TASKS}/ADOPT3:resume`);
    const { outs } = await task().create(base("ADOPT3", { schedule: { minutes: 5 }, comment: "adopted", adoptExisting: true }));
    expect(outs).toMatchObject({ comment: "adopted", state: "STARTED" });
  });

  test("concurrent changes of a root and a child both record the graph's end state", async () => {
    const { outs: root } = await task().create(base("R4", { schedule: { minutes: 5 } }));
    const { outs: child } = await task().create(base("C4", { after: ["R4"] }));
    const [rootAfter, childAfter] = await Promise.all([
      task().update("", root, base("R4", { schedule: { minutes: 5 }, comment: "root changed" })),
      task().update("", child, base("C4", { after: ["R4"], definition: "SELECT 2" })),
    ]);
    expect([rootAfter.outs.state, childAfter.outs.state]).toEqual(["STARTED", "STARTED"]);
    expect((await task().diff("", rootAfter.outs, base("R4", { schedule: { minutes: 5 }, comment: "root changed" }))).changes).toBe(false);
  });

  test("a root that cannot be resumed: the change is kept, the error says so, and the graph is free for the next change", async () => {
    const { outs: rootA } = await task().create(base("A5", { schedule: { minutes: 5 } }));
    await task().create(base("B5", { schedule: { minutes: 5 } }));
    const { outs } = await task().create(base("C5", { after: ["A5"] }));
    // Under two roots the graph has two roots, and Snowflake refuses to resume either.
    await expect(task().update("", outs, base("C5", { after: ["A5", "B5"] }))).rejects.toThrow(/was applied, but its graph's root could not be resumed, so the graph is left suspended: .*more than one root/);
    expect((await get(`${TASKS}/C5`)).predecessors.sort()).toEqual(["TASK_DB.PUBLIC.A5", "TASK_DB.PUBLIC.B5"]);
    // The next changes of the graph are not held up by the failed one; the root left suspended is seen by a
    // refresh (`pulumi up --refresh`) and resumed as declared.
    await task().update("", { ...outs, after: ["A5", "B5"] }, base("C5", { after: ["A5"] }));
    await task().create(base("D5", { after: ["A5"] }));
    const refreshed = await task().read("", rootA);
    expect(refreshed.props).toMatchObject({ state: "SUSPENDED" });
    await task().update("", refreshed.props!, base("A5", { schedule: { minutes: 5 } }));
    expect([await stateOf("A5"), await stateOf("C5"), await stateOf("D5")]).toEqual(["started", "started", "started"]);
  });

  test("bad graph input is refused at check", async () => {
    const check = async (inputs: Record<string, unknown>) => (await task().check({}, inputs)).failures;
    expect(await check(base("K", { after: ["ROOT"], config: { a: 1 }, overlapPolicy: "ALLOW_ALL_OVERLAP" }))).toEqual([
      { property: "config", reason: expect.stringContaining("only to its root") },
      { property: "overlapPolicy", reason: expect.stringContaining("only to its root") },
    ]);
    expect(await check(base("K", { after: ["k"] }))).toEqual([{ property: "after", reason: expect.stringContaining("cannot run after or finalize itself") }]);
    expect(await check(base("K", { after: ["A", "TASK_DB.PUBLIC.a"] }))).toEqual([{ property: "after", reason: "A is listed twice" }]);
    expect(await check(base("K", { sessionParameters: { timezone: "UTC", TIMEZONE: "CET" } }))).toEqual([
      { property: "sessionParameters", reason: expect.stringContaining("TIMEZONE is given twice") },
    ]);
  });

  test("session parameters Snowflake reports typed its own way show no diff", async () => {
    const { outs } = await task().create(base("SP6", { schedule: { minutes: 5 }, sessionParameters: { statement_timeout_in_seconds: "60" } }));
    const read = await task().read("", outs);
    expect((await task().diff("", { ...read.props!, sessionParameters: { STATEMENT_TIMEOUT_IN_SECONDS: 60 } }, base("SP6", { schedule: { minutes: 5 }, sessionParameters: { statement_timeout_in_seconds: "60" } }))).changes).toBe(false);
  });
});
