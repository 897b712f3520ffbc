// npm run bench, part 4: the Terraform provider's published scenarios (its docs/guides/performance_benchmarks.md:
// about 300-400 ms per round trip, parallelism 10) through the driver and the real dynamic-provider host, in the
// layout a user's project has (installed-layout.ts), against the emulator answering every request after
// BENCH_LATENCY_MS (default 350). One table: figure, Terraform anchor, floor (the least any tool could do at that
// latency and parallelism), measured, measured/floor, the target and whether it is met.
// Sizes: BENCH_SCHEMAS (1000), BENCH_TASKS (300, with a per-task rate), BENCH_GRANT_ROLES x BENCH_GRANT_TABLES
// (20 x 100 = 2000 grants), PULUMI_PARALLEL (10). Scaling: the same create at 100, 300 and 1000 schemas with no
// latency, CPU seconds of the driver, program and provider hosts per object.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DriverMode } from "../driver";
import { Emulator, startEmulator } from "../emulator";
import { connectionEnv } from "../support/test-stack";
import { installedProject } from "./installed-layout";
import { startToFirstRequest } from "./start-time";
import { TimedRun, timedDriverRun } from "./timed-driver";

const FIXTURES = path.resolve(__dirname, "..", "..", "..", "tests", "fixtures");
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 350);
const SCHEMAS = Number(process.env.BENCH_SCHEMAS ?? 1000);
const TASKS = Number(process.env.BENCH_TASKS ?? 300);
const ROLES = Number(process.env.BENCH_GRANT_ROLES ?? 20);
const TABLES = Number(process.env.BENCH_GRANT_TABLES ?? 100);
const PARALLEL = Number(process.env.PULUMI_PARALLEL ?? 10);
const SCALING = (process.env.BENCH_SCALING ?? "100,300,1000").split(",").map(Number);

interface Row { figure: string; terraform: string; floor: string; measured: string; ratio: string; target: string; met: string }

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** One write per object, PARALLEL at once, each one round trip. */
const writesFloorMs = (count: number) => Math.ceil(count / PARALLEL) * LATENCY_MS;
const ratio = (measured: number, floor: number) => (measured / floor).toFixed(1);
const met = (ok: boolean) => (ok ? "yes" : "NO");

function declarations(type: "Schema" | "Task", count: number, database: string) {
  const container = [{ type: "Database", name: "db", args: { name: database } }];
  if (type === "Schema") return [...container, ...Array.from({ length: count }, (_, i) => ({ type, name: `s${i}`, args: { database: { $ref: "db.name" }, name: `S${i}` } }))];
  const schema = { type: "Schema", name: "schema", args: { database: { $ref: "db.name" }, name: "JOBS" } };
  const task = (i: number) => ({ type, name: `t${i}`, args: { database: { $ref: "db.name" }, schema: { $ref: "schema.name" }, name: `T${i}`, definition: "SELECT 1", schedule: { minutes: 60 } } });
  return [...container, schema, ...Array.from({ length: count }, (_, i) => task(i))];
}

async function main() {
  const emulator = await startEmulator({ latencyMs: LATENCY_MS });
  const program = installedProject(path.join(FIXTURES, "snowflake-program"));
  const grantProgram = installedProject(path.join(FIXTURES, "grant-bench"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scale-bench-"));
  const rows: Row[] = [];
  const env = { ...connectionEnv(emulator), PULUMI_PARALLEL: String(PARALLEL) };
  const run = (mode: DriverMode, stateFile: string, resources: object[]): Promise<TimedRun> =>
    timedDriverRun(emulator, { mode, programDir: program.dir, stateFile, config: { "test:resources": JSON.stringify(resources) }, env });
  const perObjectBytes = (stateFile: string, objects: number) => fs.statSync(stateFile).size / objects / 1024;
  try {
    const schemas = declarations("Schema", SCHEMAS, "SCALE_DB");
    const state = path.join(dir, "schemas.json");
    const up = await run("up", state, schemas);
    const createFloor = writesFloorMs(SCHEMAS);
    rows.push({ figure: `create ${SCHEMAS} schemas`, terraform: "3 min 58 s (1000)", floor: seconds(createFloor), measured: `${seconds(up.ms)}, ${up.calls} calls`, ratio: ratio(up.ms, createFloor), target: "<= 40 s (1000)", met: met(SCHEMAS !== 1000 || up.ms <= 40_000) });
    const stateKb = perObjectBytes(state, SCHEMAS + 1);
    const refresh = await run("refresh", state, schemas);
    rows.push({ figure: `refresh ${SCHEMAS} schemas`, terraform: "2 min 35 s (1000)", floor: seconds(LATENCY_MS), measured: `${seconds(refresh.ms)}, ${refresh.calls} calls`, ratio: ratio(refresh.ms, LATENCY_MS), target: "<= 5 s, <= 15 calls", met: met(refresh.ms <= 5_000 && refresh.calls <= 15) });
    const destroy = await run("destroy", state, schemas);
    const destroyFloor = writesFloorMs(SCHEMAS + 1);
    rows.push({ figure: `destroy ${SCHEMAS} schemas (+ database)`, terraform: "-", floor: seconds(destroyFloor), measured: `${seconds(destroy.ms)}, ${destroy.calls} calls`, ratio: ratio(destroy.ms, destroyFloor), target: "<= 40 s (1000)", met: met(SCHEMAS !== 1000 || destroy.ms <= 40_000) });
    rows.push({ figure: "state per schema (installed layout)", terraform: "~8 KB", floor: "-", measured: `${stateKb.toFixed(2)} KB`, ratio: "-", target: "<= 1.5 KB", met: met(stateKb <= 1.5) });

    const taskState = path.join(dir, "tasks.json");
    const tasks = await run("up", taskState, declarations("Task", TASKS, "TASK_DB"));
    const taskFloor = writesFloorMs(TASKS + 2);
    rows.push({ figure: `create ${TASKS} tasks (+ database, schema)`, terraform: "-", floor: seconds(taskFloor), measured: `${seconds(tasks.ms)}, ${tasks.calls} calls (${Math.round(tasks.ms / TASKS)} ms per task)`, ratio: ratio(tasks.ms, taskFloor), target: "-", met: "-" });
    const taskKb = perObjectBytes(taskState, TASKS + 2);
    rows.push({ figure: "state per task (installed layout)", terraform: "-", floor: "-", measured: `${taskKb.toFixed(2)} KB`, ratio: "-", target: "<= 3 KB", met: met(taskKb <= 3) });

    rows.push(await grantRefreshRow(emulator, grantProgram.dir, path.join(dir, "grants.json"), env));

    emulator.knobs.latencyMs = 0;
    const start = await startToFirstRequest(emulator, program.dir, dir);
    rows.push({ figure: "start to first request (up of 1 warehouse)", terraform: "-", floor: seconds(start.floorMs), measured: seconds(start.bestMs), ratio: ratio(start.bestMs, start.floorMs), target: "<= 1.2 s", met: met(start.bestMs <= 1_200) });

    const perObject: string[] = [];
    for (const count of SCALING) {
      const scaled = await run("up", path.join(dir, `scaling-${count}.json`), declarations("Schema", count, `SCALING_${count}_DB`));
      perObject.push(`${count}: ${(scaled.cpuSeconds * 1000 / (count + 1)).toFixed(1)} ms`);
    }
    rows.push({ figure: "CPU per object, create (0 ms latency)", terraform: "-", floor: "-", measured: perObject.join(", "), ratio: "-", target: "flat", met: "-" });
  } finally {
    await emulator.close();
    program.remove();
    grantProgram.remove();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`Scale (latency ${LATENCY_MS} ms per answer, --parallel ${PARALLEL}, ${os.cpus().length} CPUs, installed layout):`);
  const header: Row = { figure: "figure", terraform: "Terraform provider", floor: "floor", measured: "measured", ratio: "measured/floor", target: "target", met: "met" };
  const keys = Object.keys(header) as (keyof Row)[];
  const widths = keys.map((key) => Math.max(...[header, ...rows].map((row) => row[key].length)));
  for (const row of [header, ...rows]) console.log("  " + keys.map((key, i) => row[key].padEnd(widths[i])).join("  "));
}

/** 2000 grants made without latency, then refreshed with it: the grants of a role are read with one list of its grants. */
async function grantRefreshRow(emulator: Emulator, programDir: string, stateFile: string, env: Record<string, string>): Promise<Row> {
  const config = { "bench:roles": String(ROLES), "bench:tables": String(TABLES) };
  emulator.knobs.latencyMs = 0;
  await timedDriverRun(emulator, { mode: "up", programDir, stateFile, config, env });
  emulator.knobs.latencyMs = LATENCY_MS;
  const refresh = await timedDriverRun(emulator, { mode: "refresh", programDir, stateFile, config, env });
  const floor = Math.ceil(ROLES / PARALLEL) * LATENCY_MS;
  const changed = refresh.result.changes.filter((change) => change.op !== "same").length;
  return { figure: `refresh ${ROLES * TABLES} grants on ${ROLES} roles (+ ${TABLES} tables, ${ROLES} roles)`, terraform: "-", floor: seconds(floor), measured: `${seconds(refresh.ms)}, ${refresh.calls} calls, ${changed} changed`, ratio: ratio(refresh.ms, floor), target: "-", met: "-" };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
