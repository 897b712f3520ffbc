// One driver run in a child process, timed: wall time, the REST/SQL calls the emulator saw, and the CPU seconds of
// the driver and everything it started (program, provider hosts), from bash's `times` (user + system of waited-for
// children; the emulator runs in this process and is not counted).
import { spawn } from "child_process";
import * as path from "path";
import { cliArguments, DriverOptions, DriverResult, resultFromOutput } from "../driver";
import type { Emulator } from "../emulator";

export interface TimedRun {
  ms: number;
  calls: number;
  cpuSeconds: number;
  result: DriverResult;
}

const CLI = path.resolve(__dirname, "..", "driver", "cli.js");

/** `times` prints two lines, the shell's and its children's: "0m0.004s 0m0.000s" then e.g. "0m12.340s 0m1.200s". */
function childSeconds(stderr: string): number {
  const line = stderr.trimEnd().split("\n").pop() ?? "";
  const parts = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((match) => Number(match[1]) * 60 + Number(match[2]));
  if (parts.length !== 2) throw new Error(`no CPU times in the driver's output: ${line}`);
  return parts[0] + parts[1];
}

export async function timedDriverRun(emulator: Emulator, options: DriverOptions): Promise<TimedRun> {
  emulator.clearRequestLog();
  const started = Date.now();
  const child = spawn("bash", ["-c", 'node "$@"; status=$?; times >&2; exit $status', "bash", CLI, ...cliArguments(options)], {
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve, reject) => { child.on("error", reject); child.on("close", resolve); });
  const ms = Date.now() - started;
  const result = resultFromOutput(stdout, stderr, code);
  if (!result.ok) throw new Error(`driver ${options.mode} failed: ${result.error}`);
  const calls = emulator.requestLog.filter((entry) => entry.path.startsWith("/api/v2/")).length;
  return { ms, calls, cpuSeconds: childSeconds(stderr), result };
}
