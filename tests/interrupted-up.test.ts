// An `up` of 60 objects (account, database, schema and access families) killed with SIGKILL -- driver and provider
// hosts at once, as a CI timeout or a closed terminal would -- at three points: while the first create is in
// flight, mid-run, and during the last creates. Requests Snowflake had already received still take effect. The
// documented recovery is one `pulumi refresh --import-pending-creates <urn> <id> ...` for the pending creates, then
// `pulumi up`: it must converge with no "already exists", no duplicate and no orphan.
import { DriverMode, DriverResult, exportState, startDriverProcess } from "./driver";
import { connectionEnv, Declaration, expectOk, FIXTURE_PROGRAM, startTestStack, TestStack } from "./support/test-stack";

const ref = (path: string) => ({ $ref: path });
const WAREHOUSES = 15, ROLES = 10, SCHEMAS = 9, TABLES = 20, GRANTS = 5;

/** 60 objects: 1 database, 9 schemas, 20 tables, 15 warehouses, 10 roles, 5 grants of warehouse usage. */
function program(): Declaration[] {
  const declarations: Declaration[] = [{ type: "Database", name: "db", args: { name: "KILL_DB" } }];
  for (let i = 1; i <= SCHEMAS; i++) declarations.push({ type: "Schema", name: `s${i}`, args: { database: ref("db.name"), name: `S${i}` } });
  for (let i = 1; i <= TABLES; i++) {
    const schema = `s${1 + (i % 4)}`;
    declarations.push({ type: "Table", name: `t${i}`, args: { database: ref(`${schema}.database`), schema: ref(`${schema}.name`), name: `T${i}`, columns: [{ name: "ID", datatype: "NUMBER(38,0)" }] } });
  }
  for (let i = 1; i <= WAREHOUSES; i++) declarations.push({ type: "Warehouse", name: `w${i}`, args: { name: `KILL_W${i}`, warehouseSize: "XSMALL", autoSuspend: 60 } });
  for (let i = 1; i <= ROLES; i++) declarations.push({ type: "Role", name: `r${i}`, args: { name: `KILL_R${i}` } });
  for (let i = 1; i <= GRANTS; i++) {
    declarations.push({ type: "Grant", name: `g${i}`, args: { toRole: ref(`r${i}.name`), securableType: "WAREHOUSE", securableName: ref(`w${i}.name`), privileges: ["USAGE"] } });
  }
  return declarations;
}

type State = ReturnType<typeof exportState>;

// What `pulumi stack export` would show: the checkpoint with the killed run's journal applied.
const readCheckpoint = (file: string): State => exportState(file);
const dynamicResources = (state: State) => state.resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic"));
const creates = (stack: TestStack) => stack.emulator.requestLog.filter((entry) => entry.method === "POST" && entry.path.startsWith("/api/v2/") && entry.path !== "/api/v2/statements");

/**
 * Runs the driver with every answer `latencyMs` late and kills it (driver and hosts) as soon as `killWhen()` holds;
 * then waits for what Snowflake had received to finish executing (the emulator answers into a closed socket).
 */
async function killedRun(stack: TestStack, mode: DriverMode, declarations: Declaration[], killWhen: () => boolean, latencyMs = 120): Promise<void> {
  stack.emulator.knobs.latencyMs = latencyMs;
  const run = startDriverProcess({ mode, programDir: FIXTURE_PROGRAM, stateFile: stack.stateFile, config: { "test:resources": JSON.stringify(declarations) }, env: connectionEnv(stack.emulator) });
  const watch = setInterval(() => { if (killWhen()) run.kill(); }, 5);
  try {
    expect(await run.result).toBe("killed");
  } finally {
    clearInterval(watch);
  }
  await new Promise((resolve) => setTimeout(resolve, 400));
  stack.emulator.knobs.latencyMs = 0;
}

/** An `up` of the 60 objects killed once Snowflake has received `afterCreates` creates. */
const killedUp = (stack: TestStack, afterCreates: number) => killedRun(stack, "up", program(), () => creates(stack).length >= afterCreates);

/** What a user types for each pending create: its URN and the object's name (the provider records its canonical name). */
function importArguments(state: State): { urn: string; id: string }[] {
  return state.pendingOperations
    .filter((op) => op.type === "creating")
    .map(({ resource }) => ({ urn: resource.urn, id: [resource.inputs.database, resource.inputs.schema, resource.inputs.name ?? resource.urn.split("::").pop()].filter(Boolean).join(".") }));
}

async function namesIn(stack: TestStack, path: string): Promise<string[]> {
  const answer = await stack.rest("GET", path);
  expect(answer.status).toBe(200);
  return (answer.body as { name: string }[]).map((object) => object.name).sort();
}

/** Every object of the program is in Snowflake exactly once and in the state exactly once; nothing else was made. */
async function expectConverged(stack: TestStack): Promise<void> {
  const checkpoint = readCheckpoint(stack.stateFile);
  expect(checkpoint.pendingOperations).toEqual([]);
  const ids = dynamicResources(checkpoint).map((r) => r.id);
  expect(ids).toHaveLength(60);
  expect(new Set(ids).size).toBe(60);
  const range = (n: number, name: (i: number) => string) => Array.from({ length: n }, (_, i) => name(i + 1)).sort();
  expect(await namesIn(stack, "/api/v2/warehouses?like=KILL_W%25")).toEqual(range(WAREHOUSES, (i) => `KILL_W${i}`));
  expect(await namesIn(stack, "/api/v2/roles?like=KILL_R%25")).toEqual(range(ROLES, (i) => `KILL_R${i}`));
  expect((await namesIn(stack, "/api/v2/databases/KILL_DB/schemas")).filter((name) => name !== "PUBLIC" && name !== "INFORMATION_SCHEMA")).toEqual(range(SCHEMAS, (i) => `S${i}`));
  const tables = [];
  for (let s = 1; s <= 4; s++) tables.push(...(await namesIn(stack, `/api/v2/databases/KILL_DB/schemas/S${s}/tables`)));
  expect(tables.sort()).toEqual(range(TABLES, (i) => `T${i}`));
  for (let i = 1; i <= ROLES; i++) {
    const grants = (await stack.rest("GET", `/api/v2/roles/KILL_R${i}/grants`)).body as { privileges: string[] }[];
    expect(grants.length).toBe(i <= GRANTS ? 1 : 0);
  }
}

const noAlreadyExists = (result: DriverResult) => expect(result.errors.map((e) => e.message).filter((m) => /already exists/.test(m))).toEqual([]);

// The three kills run side by side, each against its own emulator: most of their time is waiting on latency.
test.concurrent.each([
  ["while the first create is in flight", 1],
  ["mid-run", 30],
  ["during the last creates", 57],
])("an up killed %s recovers with one refresh that imports the pending creates, then up: nothing duplicated or orphaned", async (_when, afterCreates) => {
  const stack = await startTestStack();
  try {
    await killedUp(stack, afterCreates);
    const afterKill = readCheckpoint(stack.stateFile);
    const pending = importArguments(afterKill);
    // The creates in flight at the kill are journaled: the state knows which objects may exist without it.
    expect(pending.length).toBeGreaterThan(0);
    expect(dynamicResources(afterKill).length + pending.length).toBeLessThan(60 + 1);

    // The next deployment warns about them, as the CLI does, naming each one.
    const preview = expectOk(await stack.run("preview", program()));
    expect(preview.warnings.join("\n")).toContain(`${pending.length} pending operations from previous deployment`);
    for (const { urn } of pending) expect(preview.warnings.join("\n")).toContain(`${urn}, interrupted while creating`);

    const refresh = expectOk(await stack.runWith("refresh", program(), { importPendingCreates: pending }));
    // Imports whose create never reached Snowflake read nothing and leave again; the others enter the state.
    expect(refresh.warnings).toEqual([]);
    const up = expectOk(await stack.run("up", program()));
    noAlreadyExists(up);
    await expectConverged(stack);

    const again = expectOk(await stack.run("refresh", program()));
    expect(again.changes.filter((change) => change.op !== "same")).toEqual([]);
    expect(again.warnings).toEqual([]);
    expectOk(await stack.run("destroy", program()));
    expect(await namesIn(stack, "/api/v2/warehouses?like=KILL_W%25")).toEqual([]);
    expect((await stack.rest("GET", "/api/v2/databases/KILL_DB")).status).toBe(404);
  } finally {
    await stack.close();
  }
}, 180_000);

describe("a pending create the user resolves the wrong way", () => {
  let stack: TestStack;
  beforeAll(async () => { stack = await startTestStack(); });
  afterAll(async () => { await stack.close(); });

  test("an object made by someone else under the pending name is not imported; clearing then says how to go on", async () => {
    const declarations: Declaration[] = [{ type: "Warehouse", name: "w", args: { name: "CONTESTED_WH", comment: "mine" } }];
    // The interrupted create never reached Snowflake; meanwhile a person made a warehouse of that name.
    await killedUpOf(stack, declarations);
    await stack.rest("POST", "/api/v2/warehouses", { name: "CONTESTED_WH", comment: "made by hand" });
    const pending = importArguments(readCheckpoint(stack.stateFile));
    expect(pending.map((p) => p.id)).toEqual(["CONTESTED_WH"]);

    const refresh = await stack.runWith("refresh", declarations, { importPendingCreates: pending });
    expect(refresh.ok).toBe(false);
    expect(refresh.error).toContain("warehouse CONTESTED_WH exists, but its comment differs from what the interrupted create sent");
    expect(refresh.error).toContain("pulumi refresh --clear-pending-creates");
    // Still pending, still not in the state: nothing was adopted.
    const checkpoint = readCheckpoint(stack.stateFile);
    expect(dynamicResources(checkpoint)).toEqual([]);
    expect(importArguments(checkpoint)).toEqual(pending);

    expectOk(await stack.runWith("refresh", declarations, { clearPendingCreates: true }));
    expect(readCheckpoint(stack.stateFile).pendingOperations).toEqual([]);
    const up = await stack.run("up", declarations);
    expect(up.ok).toBe(false);
    expect(up.error).toContain("warehouse CONTESTED_WH already exists; set adoptExisting: true to manage it");
    expect(up.error).toContain("pulumi refresh --import-pending-creates <urn> CONTESTED_WH");
    expect((await stack.rest("GET", "/api/v2/warehouses/CONTESTED_WH")).body).toMatchObject({ comment: "made by hand" });
  }, 60_000);
});

/** An up of `declarations` killed once its create has been journaled but before Snowflake received it. */
async function killedUpOf(stack: TestStack, declarations: Declaration[]): Promise<void> {
  // Refuse connections for a moment (the driver's retries of a connection never made keep the create pending).
  stack.emulator.knobs.failNext(50, "drop");
  try {
    await killedRun(stack, "up", declarations, () => readCheckpoint(stack.stateFile).pendingOperations.length > 0, 0);
  } finally {
    stack.emulator.knobs.failNext(0, "drop");
  }
}

describe("a destroy killed mid-run", () => {
  let stack: TestStack;
  beforeAll(async () => { stack = await startTestStack(); });
  afterAll(async () => { await stack.close(); });

  test("leaves its deletes pending; the next destroy warns, finishes, and leaves nothing", async () => {
    const declarations: Declaration[] = Array.from({ length: 12 }, (_, i) => ({ type: "Warehouse", name: `w${i}`, args: { name: `GONE_W${i}` } }));
    expectOk(await stack.run("up", declarations));
    const deletes = () => stack.emulator.requestLog.filter((entry) => entry.method === "DELETE").length;
    const before = deletes();
    await killedRun(stack, "destroy", [], () => deletes() - before >= 4);
    const pending = readCheckpoint(stack.stateFile).pendingOperations;
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((op) => op.type === "deleting")).toBe(true);

    const destroy = expectOk(await stack.run("destroy", declarations));
    expect(destroy.warnings.join("\n")).toContain("interrupted while deleting");
    expect(readCheckpoint(stack.stateFile)).toEqual({ resources: [], pendingOperations: [] });
    expect(await namesIn(stack, "/api/v2/warehouses?like=GONE_W%25")).toEqual([]);
  }, 60_000);
});
