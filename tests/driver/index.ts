// Public API of the test driver: run a Pulumi program's dynamic resources through the real dynamic-provider host,
// playing the Pulumi engine (preview / up / refresh / destroy) without the Pulumi CLI.
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { DriverOptions, DriverResult } from "./types";

export { runDriver } from "./run";
export { exportState } from "./checkpoint-journal";
export { SUPPORTED_PULUMI_RANGE } from "./pulumi-sdk-range";
export type { DriverError, DriverMode, DriverOptions, DriverResult, ResourceChange, ResourceOperation } from "./types";

/**
 * Runs the driver in a child process (`node bin/tests/driver/cli.js ... --json`) and returns its result. Use this
 * from jest: the program must run in a plain Node process, not inside jest's module system. Needs a build
 * (`npx tsc -p .`). The result's `ok` is false when the run failed; the promise rejects only if the driver crashed.
 */
export function runDriverProcess(options: DriverOptions): Promise<DriverResult> {
  return startDriverProcess(options, { killable: false }).result.then((result) => {
    if (result === "killed") throw new Error("driver killed");
    return result;
  });
}

export interface DriverProcess {
  /** The run's result, or "killed" when kill() ended it. */
  result: Promise<DriverResult | "killed">;
  /** SIGKILL to the driver and its provider hosts (one process group), as a CI timeout or a closed terminal would. */
  kill(): void;
}

/** `killable` puts the driver in a process group of its own (so kill() reaches its hosts); otherwise kill() is a no-op. */
export function startDriverProcess(options: DriverOptions, { killable = true } = {}): DriverProcess {
  const child = spawn(process.execPath, [compiledCli(), ...cliArguments(options)], {
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so a kill reaches the provider hosts it started too.
    detached: killable,
  });
  let killed = false;
  const result = new Promise<DriverResult | "killed">((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (killed) return resolve("killed");
      try {
        resolve(resultFromOutput(stdout, stderr, code));
      } catch (error) {
        reject(error);
      }
    });
  });
  return {
    result,
    kill() {
      if (!killable || killed || child.exitCode !== null || child.pid === undefined) return;
      killed = true;
      process.kill(-child.pid, "SIGKILL");
    },
  };
}

/** The DriverResult a `--json` run printed: its last stdout line (the program's own console output may precede it). */
export function resultFromOutput(stdout: string, stderr: string, code: number | null): DriverResult {
  const lastLine = stdout.trimEnd().split("\n").pop() ?? "";
  try {
    return JSON.parse(lastLine) as DriverResult;
  } catch {
    throw new Error(`driver exited with code ${code} without a result\n--- stdout\n${stdout}\n--- stderr\n${stderr}`);
  }
}

export function cliArguments(options: DriverOptions): string[] {
  const args = [options.mode, path.resolve(options.programDir), "--json"];
  if (options.stack) args.push("--stack", options.stack);
  if (options.stateFile) args.push("--state", path.resolve(options.stateFile));
  for (const [key, value] of Object.entries(options.config ?? {})) args.push("--config", `${key}=${value}`);
  for (const key of options.secretConfigKeys ?? []) args.push("--secret", key);
  if (options.showSecrets) args.push("--show-secrets");
  if (options.verbose) args.push("--verbose");
  for (const [name, file] of Object.entries(options.stackReferences ?? {})) args.push("--stack-reference", `${name}=${path.resolve(file)}`);
  if (options.clearPendingCreates) args.push("--clear-pending-creates");
  for (const { urn, id } of options.importPendingCreates ?? []) args.push("--import-pending-creates", urn, id);
  return args;
}

/** bin/tests/driver/cli.js, whether this module runs compiled (bin/) or from source under ts-jest. */
function compiledCli(): string {
  const sibling = path.join(__dirname, "cli.js");
  if (fs.existsSync(sibling)) return sibling;
  const fromSource = path.resolve(__dirname, "..", "..", "bin", "tests", "driver", "cli.js");
  if (fs.existsSync(fromSource)) return fromSource;
  throw new Error(`driver CLI not built (${fromSource} missing): run \`npx tsc -p .\` first`);
}
