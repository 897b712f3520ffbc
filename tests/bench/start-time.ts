// Start to first request: from starting `up` of one warehouse (driver, program and provider host, in the
// installed layout) to the first REST request the emulator receives, best of three. The floor is what any Node
// Pulumi program with a dynamic provider pays before it can send anything: two Node processes that each load
// @pulumi/pulumi (the program's language host, then the dynamic-provider host), one after the other.
import { spawnSync } from "child_process";
import * as path from "path";
import { runDriverProcess } from "../driver";
import type { Emulator } from "../emulator";
import { timingOf } from "../emulator/server";
import { connectionEnv } from "../support/test-stack";

const RUNS = 3;

function nodeWithPulumiMs(projectDir: string): number {
  const started = Date.now();
  const run = spawnSync(process.execPath, ["-e", 'require("@pulumi/pulumi")'], { cwd: projectDir });
  if (run.status !== 0) throw new Error(`node could not load @pulumi/pulumi: ${run.stderr}`);
  return Date.now() - started;
}

export async function startToFirstRequest(emulator: Emulator, projectDir: string, stateDir: string): Promise<{ bestMs: number; floorMs: number }> {
  const floors = Array.from({ length: RUNS }, () => nodeWithPulumiMs(projectDir));
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    emulator.clearRequestLog();
    const started = Date.now();
    const result = await runDriverProcess({
      mode: "up", programDir: projectDir, stateFile: path.join(stateDir, `start-${run}.json`),
      config: { "test:resources": JSON.stringify([{ type: "Warehouse", name: "wh", args: { name: `START_WH_${run}`, initiallySuspended: true } }]) },
      env: connectionEnv(emulator),
    });
    if (!result.ok) throw new Error(`up failed: ${result.error}`);
    const first = emulator.requestLog.find((entry) => entry.path.startsWith("/api/v2/"));
    if (!first) throw new Error("the up sent no request");
    times.push(timingOf(first).receivedAt - started);
  }
  return { bestMs: Math.min(...times), floorMs: 2 * Math.min(...floors) };
}
