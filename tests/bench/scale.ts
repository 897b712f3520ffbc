// npm run bench, part 4: the Terraform provider's published scenarios (docs/guides/performance_benchmarks.md: about
// 300-400 ms per round trip, parallelism 10) through the driver and the real dynamic-provider host, against the
// emulator answering every request after BENCH_LATENCY_MS (default 350). One table: figure, Terraform anchor,
// floor (the least any tool could do: one write per object at that parallelism), measured, measured/floor.
// BENCH_SCHEMAS (default 1000) schemas are created and refreshed; BENCH_DESTROY (default 100) of them are destroyed
// (a schema's delete first lists what it holds, so destroy is timed on fewer and reported per schema).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DriverMode, DriverResult, runDriverProcess } from "../driver";
import { startEmulator } from "../emulator";
import { connectionEnv } from "../support/test-stack";

const PROGRAM = path.resolve(__dirname, "..", "..", "..", "tests", "fixtures", "snowflake-program");

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 350);
const SCHEMAS = Number(process.env.BENCH_SCHEMAS ?? 1000);
const DESTROYED = Number(process.env.BENCH_DESTROY ?? 100);
const PARALLEL = Number(process.env.PULUMI_PARALLEL ?? 10);

interface Row { figure: string; terraform: string; floor: string; measured: string; ratio: string }

function declarations(count: number, database: string) {
  return [
    { type: "Database", name: "db", args: { name: database } },
    ...Array.from({ length: count }, (_, i) => ({ type: "Schema", name: `s${i}`, args: { database: { $ref: "db.name" }, name: `S${i}` } })),
  ];
}

async function main() {
  const emulator = await startEmulator({ latencyMs: LATENCY_MS });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scale-bench-"));
  const rows: Row[] = [];
  const run = async (mode: DriverMode, count: number, database: string, stateFile: string): Promise<{ ms: number; calls: number; result: DriverResult }> => {
    emulator.clearRequestLog();
    const started = Date.now();
    const result = await runDriverProcess({
      mode, programDir: PROGRAM, stateFile,
      config: { "test:resources": JSON.stringify(declarations(count, database)) },
      env: { ...connectionEnv(emulator), PULUMI_PARALLEL: String(PARALLEL) },
    });
    if (!result.ok) throw new Error(`${mode} failed: ${result.error}`);
    return { ms: Date.now() - started, calls: emulator.requestLog.filter((entry) => entry.path.startsWith("/api/v2/")).length, result };
  };
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  // One write per object, PARALLEL at once, each one round trip.
  const floorMs = (count: number) => Math.ceil(count / PARALLEL) * LATENCY_MS;
  try {
    const state = path.join(dir, "schemas.json");
    const up = await run("up", SCHEMAS, "SCALE_DB", state);
    rows.push({ figure: `create ${SCHEMAS} schemas`, terraform: "3 min 58 s (1000)", floor: seconds(floorMs(SCHEMAS)), measured: `${seconds(up.ms)}, ${up.calls} calls`, ratio: (up.ms / floorMs(SCHEMAS)).toFixed(1) });
    const refresh = await run("refresh", SCHEMAS, "SCALE_DB", state);
    rows.push({ figure: `refresh ${SCHEMAS} schemas`, terraform: "2 min 35 s (1000)", floor: seconds(LATENCY_MS), measured: `${seconds(refresh.ms)}, ${refresh.calls} calls`, ratio: (refresh.ms / LATENCY_MS).toFixed(1) });
    const bytes = fs.statSync(state).size;
    rows.push({ figure: "state per schema (this repo's linked layout)", terraform: "~8 KB", floor: "-", measured: `${(bytes / (SCHEMAS + 1) / 1024).toFixed(1)} KB`, ratio: "-" });

    const small = path.join(dir, "destroy.json");
    await run("up", DESTROYED, "SCALE_DESTROY_DB", small);
    const destroy = await run("destroy", DESTROYED, "SCALE_DESTROY_DB", small);
    const perSchema = destroy.ms / (DESTROYED + 1);
    rows.push({ figure: `destroy ${DESTROYED} schemas (+ database)`, terraform: "-", floor: seconds(floorMs(DESTROYED + 1)), measured: `${seconds(destroy.ms)}, ${destroy.calls} calls (${Math.round(perSchema)} ms per object)`, ratio: (destroy.ms / floorMs(DESTROYED + 1)).toFixed(1) });
  } finally {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`Scale (latency ${LATENCY_MS} ms per answer, --parallel ${PARALLEL}, ${os.cpus().length} CPUs):`);
  const header: Row = { figure: "figure", terraform: "Terraform provider", floor: "floor", measured: "measured", ratio: "measured/floor" };
  const widths = (Object.keys(header) as (keyof Row)[]).map((key) => Math.max(...[header, ...rows].map((row) => row[key].length)));
  for (const row of [header, ...rows]) console.log("  " + (Object.keys(header) as (keyof Row)[]).map((key, i) => row[key].padEnd(widths[i])).join("  "));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
