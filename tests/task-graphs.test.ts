// A started task graph of five tasks (a TaskGraph component) changed across three `up`s -- definitions and the
// schedule, then its shape (a child added, a child removed, a task re-parented) -- each converging in one run,
// with the root never changed while it runs: the emulator refuses that as Snowflake does (091421), and the request
// log is replayed here to show every change of a member happened while the root was suspended.
import type { DriverResult } from "./driver";
import type { RequestLogEntry } from "./emulator/server";
import { Declaration, expectOk, startTestStack, TestStack } from "./support/test-stack";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  await stack.rest("POST", "/api/v2/databases", { name: "GRAPH_DB" });
  await stack.rest("POST", "/api/v2/warehouses", { name: "GRAPH_WH", initially_suspended: "true" });
});
afterAll(async () => { await stack.close(); });

const TASKS = "/api/v2/databases/GRAPH_DB/schemas/PUBLIC/tasks";
const ROOT = "G5$A";

type Shape = Record<string, { definition: string; after?: string[] }>;
const graph = (tasks: Shape, schedule: Record<string, unknown> = { minutes: 60 }): Declaration[] => [{
  type: "TaskGraph",
  name: "g5",
  args: { database: "GRAPH_DB", schema: "PUBLIC", name: "G5", warehouse: "GRAPH_WH", schedule, suspended: false, tasks },
}];

const FIRST: Shape = {
  a: { definition: "SELECT 'a'" },
  b: { definition: "SELECT 'b'", after: ["a"] },
  c: { definition: "SELECT 'c'", after: ["a"] },
  d: { definition: "SELECT 'd'", after: ["b", "c"] },
  e: { definition: "SELECT 'e'", after: ["d"] },
};
const SECOND: Shape = { ...FIRST, b: { definition: "SELECT 'b2'", after: ["a"] }, e: { definition: "SELECT 'e2'", after: ["d"] } };
const { e: _removed, ...withoutE } = SECOND;
const THIRD: Shape = { ...withoutE, d: { definition: "SELECT 'd'", after: ["c"] }, f: { definition: "SELECT 'f'", after: ["c"] } };

async function liveGraph(): Promise<Record<string, { state: string; after: string[]; definition: string; schedule?: unknown }>> {
  const listed = (await stack.rest("GET", TASKS)).body as { name: string; state: string; predecessors?: string[]; definition: string; schedule?: unknown }[];
  return Object.fromEntries(listed.map((task) => [task.name, {
    state: task.state,
    after: (task.predecessors ?? []).map((name) => name.split(".").pop()!.replace(/"/g, "")).sort(),
    definition: task.definition,
    schedule: task.schedule,
  }]));
}

/**
 * Every change of a graph task in the log, checked against the root's state at that moment (replayed). Refused
 * requests count too: a change tried while the root ran is the mistake, whether or not Snowflake refused it.
 */
function changesWhileRootStarted(log: RequestLogEntry[], rootStartedAtStart: boolean): string[] {
  let rootStarted = rootStartedAtStart;
  const violations: string[] = [];
  for (const entry of log) {
    const path = decodeURIComponent(entry.path);
    if (!path.startsWith(TASKS) || entry.method === "GET") continue;
    const [member, action] = path.slice(TASKS.length + 1).split(":");
    if (member === ROOT && action === "suspend") rootStarted = false;
    else if (member === ROOT && action === "resume") rootStarted = true;
    else if (rootStarted) violations.push(`${entry.method} ${path}`);
  }
  return violations;
}

const expectAllStarted = (live: Record<string, { state: string }>) => expect(Object.values(live).map((task) => task.state)).toEqual(Object.keys(live).map(() => "started"));

describe("a started graph of five tasks, changed across three ups", () => {
  let previewAfterChange: DriverResult;
  const runs: Record<string, { result: DriverResult; log: RequestLogEntry[]; live: Awaited<ReturnType<typeof liveGraph>> }> = {};
  const up = async (label: string, declarations: Declaration[]) => {
    stack.emulator.clearRequestLog();
    const result = expectOk(await stack.run("up", declarations));
    runs[label] = { result, log: [...stack.emulator.requestLog], live: await liveGraph() };
  };

  beforeAll(async () => {
    await up("create", graph(FIRST));
    await up("definitions and schedule", graph(SECOND, { cron: "0 6 * * *", timeZone: "UTC" }));
    // What each change recorded is the graph's end state: a preview right after finds nothing to do.
    previewAfterChange = expectOk(await stack.run("preview", graph(SECOND, { cron: "0 6 * * *", timeZone: "UTC" })));
    await up("shape", graph(THIRD, { cron: "0 6 * * *", timeZone: "UTC" }));
  });

  test("the first up creates the five tasks, named as dagv1 names them, all started", () => {
    const { live } = runs.create;
    expect(Object.keys(live).sort()).toEqual(["G5$A", "G5$B", "G5$C", "G5$D", "G5$E"]);
    expect(live["G5$D"].after).toEqual(["G5$B", "G5$C"]);
    expectAllStarted(live);
    expect(changesWhileRootStarted(runs.create.log, false)).toEqual([]);
  });

  test("the second up changes two definitions and the root's schedule in one run", () => {
    const updated = runs["definitions and schedule"].result.changes.filter((change) => change.op === "update").map((change) => change.name).sort();
    expect(updated).toEqual(["g5$a", "g5$b", "g5$e"]);
    const { live } = runs["definitions and schedule"];
    expect([live["G5$B"].definition, live["G5$E"].definition]).toEqual(["SELECT 'b2'", "SELECT 'e2'"]);
    expect(live["G5$A"].schedule).toMatchObject({ schedule_type: "CRON_TYPE", cron_expr: "0 6 * * *", timezone: "UTC" });
    expectAllStarted(live);
    expect(changesWhileRootStarted(runs["definitions and schedule"].log, true)).toEqual([]);
    expect(previewAfterChange.changes.filter((change) => change.op !== "same")).toEqual([]);
  });

  test("the third up adds a child, removes one and re-parents one in one run", () => {
    const ops = Object.fromEntries(runs.shape.result.changes.filter((change) => change.op !== "same").map((change) => [change.name, change.op]));
    expect(ops).toEqual({ g5$d: "update", g5$e: "delete", g5$f: "create" });
    const { live } = runs.shape;
    expect(Object.keys(live).sort()).toEqual(["G5$A", "G5$B", "G5$C", "G5$D", "G5$F"]);
    expect(live["G5$D"].after).toEqual(["G5$C"]);
    expect(live["G5$B"].definition).toBe("SELECT 'b2'");
    expectAllStarted(live);
    expect(changesWhileRootStarted(runs.shape.log, true)).toEqual([]);
  });

  test("what one graph change costs, from the request log", () => {
    const count = (label: string, test: (path: string, method: string) => boolean) => runs[label].log.filter((entry) => test(decodeURIComponent(entry.path), entry.method)).length;
    const figures = Object.keys(runs).map((label) => {
      const writes = count(label, (_path, method) => method !== "GET");
      const suspends = count(label, (path) => path === `${TASKS}/${ROOT}:suspend`);
      const resumes = count(label, (path) => path === `${TASKS}/${ROOT}:resume`);
      return `${label}: ${runs[label].log.length} requests, ${writes} writes, root suspended ${suspends}x / resumed ${resumes}x`;
    });
    console.log(`task graph request counts:\n${figures.join("\n")}`);
    // At most one suspension per changed task; every suspension of a running root is matched by a resume.
    for (const label of ["definitions and schedule", "shape"]) {
      const suspends = count(label, (path) => path === `${TASKS}/${ROOT}:suspend`);
      expect(suspends).toBeLessThanOrEqual(3);
      expect(count(label, (path) => path === `${TASKS}/${ROOT}:resume`)).toBe(suspends);
    }
  });

  test("refresh shows no diff, and destroy removes every task", async () => {
    const refresh = expectOk(await stack.run("refresh", graph(THIRD, { cron: "0 6 * * *", timeZone: "UTC" })));
    expect(refresh.changes.filter((change) => change.type.endsWith("Task") && change.op !== "same")).toEqual([]);
    expectOk(await stack.run("destroy", []));
    expect((await stack.rest("GET", TASKS)).body).toEqual([]);
  });
});

test("a graph with two tasks without predecessors is refused by the program, before anything is sent", async () => {
  stack.emulator.clearRequestLog();
  const result = await stack.run("preview", graph({ a: { definition: "SELECT 1" }, b: { definition: "SELECT 2" } }));
  expect(result.ok).toBe(false);
  expect(result.error).toMatch(/task graph G5 has one root task, and it is already a: give b `after`/);
  expect(stack.emulator.requestLog).toEqual([]);
});

describe("an up that fails half-way through a started graph", () => {
  const failing: Declaration[] = [{
    type: "TaskGraph",
    name: "gf",
    args: { database: "GRAPH_DB", schema: "PUBLIC", name: "GF", warehouse: "GRAPH_WH", schedule: { minutes: 30 }, suspended: false, tasks: { a: { definition: "SELECT 1" }, b: { definition: "SELECT 2", after: ["a"] } } },
  }];
  const withTasks = (b: Record<string, unknown>) => [{ ...failing[0], args: { ...failing[0].args, tasks: { a: { definition: "SELECT 1" }, b: { after: ["a"], ...b } } } }];
  const state = async (name: string) => (await stack.rest("GET", `${TASKS}/${encodeURIComponent(name)}`)).body.state;

  test("leaves the graph running, and the next up converges", async () => {
    expectOk(await stack.run("up", failing));
    // A warehouse that does not exist: Snowflake refuses the change of b after the root was suspended for it.
    const failed = await stack.run("up", withTasks({ definition: "SELECT 3", warehouse: "NO_SUCH_WH" }));
    expect(failed.ok).toBe(false);
    expect(failed.error).toMatch(/NO_SUCH_WH/);
    expect([await state("GF$A"), await state("GF$B")]).toEqual(["started", "started"]);
    expectOk(await stack.run("up", withTasks({ definition: "SELECT 3" })));
    expect((await stack.rest("GET", `${TASKS}/${encodeURIComponent("GF$B")}`)).body).toMatchObject({ definition: "SELECT 3", state: "started" });
    expect(await state("GF$A")).toBe("started");
    expectOk(await stack.run("destroy", []));
  });
});

describe("running a graph on purpose (TaskRun)", () => {
  const withRun = (triggers: unknown[]): Declaration[] => [{
    type: "TaskGraph",
    name: "gr",
    args: {
      database: "GRAPH_DB", schema: "PUBLIC", name: "GR", warehouse: "GRAPH_WH",
      tasks: { a: { definition: "SELECT 1" }, b: { definition: "SELECT 2", after: ["a"] } },
      execute: { triggers },
    },
  }];
  const runs = async () => (await stack.rest("GET", `${TASKS}/${encodeURIComponent("GR$A")}/complete-graphs`)).body as { root_task_name: string }[];

  test("runs once when deployed, not again on an unchanged up or a refresh, and again when its triggers change", async () => {
    stack.emulator.clearRequestLog();
    expectOk(await stack.run("up", withRun(["v1"])));
    // The run came after both tasks existed.
    const paths = stack.emulator.requestLog.filter((entry) => entry.method === "POST").map((entry) => decodeURIComponent(entry.path));
    const creates = paths.flatMap((path, index) => (path === TASKS ? [index] : []));
    expect(creates).toHaveLength(2);
    expect(paths.findIndex((path) => path.endsWith(":execute"))).toBeGreaterThan(Math.max(...creates));
    expect(paths.filter((path) => path.endsWith(":execute"))).toEqual([`${TASKS}/GR$A:execute`]);
    expect(await runs()).toHaveLength(1);
    const refresh = expectOk(await stack.run("refresh", withRun(["v1"])));
    expect(refresh.changes.filter((change) => change.op !== "same")).toEqual([]);
    const same = expectOk(await stack.run("up", withRun(["v1"])));
    expect(same.changes.find((change) => change.type.endsWith("TaskRun"))?.op).toBe("same");
    expect(await runs()).toHaveLength(1);
    const again = expectOk(await stack.run("up", withRun(["v2"])));
    expect(again.changes.find((change) => change.type.endsWith("TaskRun"))?.op).toBe("replace");
    expect(await runs()).toHaveLength(2);
    expectOk(await stack.run("destroy", []));
    expect((await stack.rest("GET", TASKS)).body).toEqual([]);
  });
});

test("a graph's finalizer finalizes its root, and goes with the graph", async () => {
  const withFinalizer: Declaration[] = [{
    type: "TaskGraph",
    name: "gz",
    args: {
      database: "GRAPH_DB", schema: "PUBLIC", name: "GZ", warehouse: "GRAPH_WH", schedule: { minutes: 15 }, suspended: false,
      tasks: { a: { definition: "SELECT 1" }, b: { definition: "SELECT 2", after: ["a"] } },
      finalizer: { name: "cleanup", args: { definition: "SELECT 'done'" } },
    },
  }];
  expectOk(await stack.run("up", withFinalizer));
  const finalizer = (await stack.rest("GET", `${TASKS}/${encodeURIComponent("GZ$CLEANUP")}`)).body;
  expect(finalizer).toMatchObject({ finalize: "GRAPH_DB.PUBLIC.GZ$A", state: "started" });
  expect((await stack.rest("GET", `${TASKS}/${encodeURIComponent("GZ$A")}`)).body.state).toBe("started");
  const refresh = expectOk(await stack.run("refresh", withFinalizer));
  expect(refresh.changes.filter((change) => change.op !== "same")).toEqual([]);
  expectOk(await stack.run("destroy", []));
  expect((await stack.rest("GET", TASKS)).body).toEqual([]);
});
