// npm run bench, part 3: what an `up` of examples/containers (the quickstart's Snowpark Container Services
// walkthrough) costs against the emulator, through the driver and the real dynamic-provider host: wall time, and the
// REST and SQL API calls by resource, the readiness polls of the service included (the emulator's default of two
// reads until READY and two more until the endpoint is provisioned).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runDriverProcess } from "../driver";
import { startEmulator } from "../emulator";
import { connectionEnv } from "../support/test-stack";

const PROGRAM = path.resolve(__dirname, "..", "..", "..", "examples", "containers");

/** The calls of the log grouped by what they touch: "GET …/services/MYSERVICE/containers" and so on. */
function tally(entries: { method: string; path: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { method, path: requestPath } of entries) {
    const key = requestPath === "/api/v2/statements" ? "SQL statement" : `${method} ${requestPath.replace(/^\/api\/v2\/databases\/[^/]+\/schemas\/[^/]+/, "…")}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

async function main() {
  const emulator = await startEmulator({ latencyMs: Number(process.env.BENCH_LATENCY_MS ?? 0) });
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "containers-bench-"));
  try {
    emulator.clearRequestLog();
    const started = Date.now();
    const up = await runDriverProcess({ mode: "up", programDir: PROGRAM, stateFile: path.join(stateDir, "state.json"), env: connectionEnv(emulator) });
    const upMs = Date.now() - started;
    if (!up.ok) throw new Error(`up failed: ${up.error}`);
    const calls = emulator.requestLog.filter((entry) => entry.path.startsWith("/api/v2/"));
    console.log(`up of examples/containers through the driver: ${upMs} ms wall time, ${calls.length} REST and SQL API calls (endpoint ${up.outputs.endpointUrl}):`);
    for (const [call, count] of tally(calls)) console.log(`  ${String(count).padStart(3)}  ${call}`);
  } finally {
    await emulator.close();
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (error) => { console.error(error instanceof Error ? error.message : error); process.exit(1); });
