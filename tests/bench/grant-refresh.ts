// npm run bench, part 2: what a refresh of many grants costs, through the driver and the real dynamic-provider
// host as `pulumi up` / `pulumi refresh` would run it (default parallelism, 4 x CPUs). The program
// (tests/fixtures/grant-bench) declares 20 roles, 100 tables and a SELECT grant of every table to every role:
// 2,000 grants. The emulator's request log counts the REST calls of the refresh.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runDriverProcess } from "../driver";
import { startEmulator } from "../emulator";
import { connectionEnv } from "../support/test-stack";

const ROLES = Number(process.env.BENCH_GRANT_ROLES ?? 20);
const TABLES = Number(process.env.BENCH_GRANT_TABLES ?? 100);
const TARGET_CALLS = 25;
const PROGRAM = path.resolve(__dirname, "..", "..", "..", "tests", "fixtures", "grant-bench");

async function main() {
  const emulator = await startEmulator({ latencyMs: Number(process.env.BENCH_LATENCY_MS ?? 0) });
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "grant-bench-"));
  const run = (mode: "up" | "refresh") => runDriverProcess({
    mode, programDir: PROGRAM, stateFile: path.join(stateDir, "state.json"),
    config: { "bench:roles": String(ROLES), "bench:tables": String(TABLES) }, env: connectionEnv(emulator),
  });
  try {
    let started = Date.now();
    const up = await run("up");
    if (!up.ok) throw new Error(`up failed: ${up.error}`);
    const upMs = Date.now() - started;
    const grants = up.changes.filter((change) => change.type.endsWith(":Grant")).length;

    emulator.clearRequestLog();
    started = Date.now();
    const refresh = await run("refresh");
    if (!refresh.ok) throw new Error(`refresh failed: ${refresh.error}`);
    const refreshMs = Date.now() - started;
    const calls = emulator.requestLog.filter((entry) => entry.path !== "/api/v2/statements");
    const grantCalls = calls.filter((entry) => entry.path.startsWith("/api/v2/roles/"));
    const changed = refresh.changes.filter((change) => change.op !== "same").length;

    console.log(`${grants} grants on ${ROLES} roles (with ${TABLES} tables, ${ROLES} roles, a database and a schema), through the driver:`);
    console.log(`  up: ${upMs} ms`);
    console.log(`  refresh: ${grantCalls.length} REST calls for the grants (${calls.length} in all, ${refresh.changes.length} resources), ${refreshMs} ms, ${changed} changed`);
    // No destroy: the emulator goes with the bench (and a destroy of 2,000 resources would only time the driver).
    if (grantCalls.length > TARGET_CALLS || changed > 0) {
      console.error(`target missed: at most ${TARGET_CALLS} REST calls for the grants and no changes`);
      process.exitCode = 1;
    }
  } finally {
    await emulator.close();
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
}

main().catch((error) => { console.error(error); process.exit(1); });
