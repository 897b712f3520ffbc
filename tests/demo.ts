// npm run demo: the quickstart against the built-in emulator -- up (tables, procedures, tasks started, the task
// graph run once), up again with the walkthrough's new column (one in-place change of the table), refresh (must
// find no changes), destroy (must leave nothing). Then its Snowpark Container Services walkthrough
// (examples/containers): up (the nginx service READY, its endpoint URL an output), up suspending the service and
// the pool, destroy (the service before its pool).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { closeAllPools } from "../provider/client/rest-client";
import { DriverMode, DriverResult, runDriverProcess } from "./driver";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { connectionEnv } from "./support/test-stack";

const EXAMPLES = path.resolve(__dirname, "..", "..", "examples");

async function main(): Promise<number> {
  const started = Date.now();
  const emulator = await startEmulator();
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "sf-demo-"));
  console.log(`Snowflake emulator on ${emulator.url} (account ${emulator.account})\n`);
  const run = async (mode: DriverMode, config: Record<string, string> = {}, example = "quickstart"): Promise<DriverResult> => {
    const settings = Object.entries(config).map(([key, value]) => ` --config ${key}=${value}`).join("");
    console.log(`$ pulumi ${mode}${settings}   # examples/${example}, through the real dynamic-provider host`);
    const programDir = path.join(EXAMPLES, example);
    const result = await runDriverProcess({ mode, programDir, stateFile: path.join(stateDir, `${example}.json`), env: connectionEnv(emulator), config });
    console.log(result.summary.replace(/^/gm, "  "));
    if (!result.ok) throw new Error(`${mode} failed: ${result.error}\n${result.diagnostics.join("\n")}`);
    return result;
  };
  const withElevation = { "snowflake-quickstart:addElevation": "true" };
  try {
    await run("up");
    const tasks = "/api/v2/databases/PYTHON_API_DB/schemas/PYTHON_API_SCHEMA/tasks";
    const truncState = (await callEmulator(emulator, "GET", `${tasks}/TASK_PYTHON_API_TRUNC`)).body.state;
    const dagRuns = (await callEmulator(emulator, "GET", `${tasks}/${encodeURIComponent("PYTHON_API_DAG$TASK_PYTHON_API_TRUNC")}/complete-graphs`)).body;
    if (truncState !== "started" || !Array.isArray(dagRuns) || dagRuns.length !== 1) {
      throw new Error(`the trunc task should be started (${truncState}) and the DAG run once (${JSON.stringify(dagRuns)})`);
    }
    console.log("  task_python_api_trunc is started; python_api_dag ran once\n");
    // The walkthrough's "update a table" step: ELEVATION int NOT NULL with a primary key, added in place.
    const added = await run("up", withElevation);
    const table = added.changes.find((change) => change.name === "table");
    if (table?.op !== "update") throw new Error(`adding the column should update the table in place, not: ${JSON.stringify(table)}`);
    const refresh = await run("refresh", withElevation);
    const drift = refresh.changes.filter((change) => change.op !== "same");
    if (drift.length) throw new Error(`refresh right after up reported changes: ${JSON.stringify(drift)}`);
    await run("destroy", withElevation);
    const left = [
      ...(await callEmulator(emulator, "GET", "/api/v2/warehouses")).body,
      ...(await callEmulator(emulator, "GET", "/api/v2/databases")).body,
    ];
    if (left.length) throw new Error(`destroy left objects behind: ${JSON.stringify(left)}`);
    await containersWalkthrough(emulator, run);
    console.log(`Demo finished in ${((Date.now() - started) / 1000).toFixed(1)} s: created (tasks started, the DAG run once), a column added in place, refreshed with no changes, destroyed; the nginx service READY at its endpoint URL, suspended with its pool, destroyed.`);
    return 0;
  } finally {
    await closeAllPools();
    await emulator.close();
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
}

type Run = (mode: DriverMode, config?: Record<string, string>, example?: string) => Promise<DriverResult>;

/** examples/containers: the service is READY with its endpoint URL, then suspended with its pool, then gone. */
async function containersWalkthrough(emulator: Emulator, run: Run): Promise<void> {
  const up = await run("up", {}, "containers");
  const url = up.outputs.endpointUrl;
  if (typeof url !== "string" || !url.startsWith("https://") || up.outputs.serviceStatus !== "RUNNING") {
    throw new Error(`the nginx service should be RUNNING with its endpoint URL, not: ${JSON.stringify(up.outputs)}`);
  }
  console.log(`  MyService is RUNNING; its public endpoint ui is ${url}\n`);
  await run("up", { "snowflake-containers:suspend": "true" }, "containers");
  const pool = (await callEmulator(emulator, "GET", "/api/v2/compute-pools/MYCOMPUTEPOOL")).body;
  const service = (await callEmulator(emulator, "GET", "/api/v2/databases/SPCS_PYTHON_API_DB/schemas/PUBLIC/services/MYSERVICE")).body;
  if (pool.state !== "SUSPENDED" || service.status !== "SUSPENDED") throw new Error(`the pool (${pool.state}) and the service (${service.status}) should be SUSPENDED`);
  console.log("  MyService and MyComputePool are SUSPENDED\n");
  await run("destroy", { "snowflake-containers:suspend": "true" }, "containers");
  const left = [...(await callEmulator(emulator, "GET", "/api/v2/compute-pools")).body, ...(await callEmulator(emulator, "GET", "/api/v2/databases")).body];
  if (left.length) throw new Error(`destroy left objects behind: ${JSON.stringify(left)}`);
}

main().then((code) => process.exit(code), (error) => { console.error(error instanceof Error ? error.message : error); process.exit(1); });
