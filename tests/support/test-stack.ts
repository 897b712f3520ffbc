// A stack of the fixture program against a fresh emulator: run driver modes with declared resources, and reach
// the emulator directly (as a person in Snowsight would) to look at objects or change them out of band.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DriverMode, DriverOptions, DriverResult, runDriverProcess } from "../driver";
import { Emulator, startEmulator } from "../emulator";
import { callEmulator, EmulatorAnswer } from "./emulator-api";
import { expectNoSecrets } from "./secret-scan";
import { OBJECT_KINDS } from "../emulator/kinds";
import { connectionEnv } from "../testing";

/** The read-only wire fields of the object type whose collection a REST path names (.../tables/T -> Table). */
export function readOnlyFieldsAt(apiPath: string): readonly string[] {
  const collection = apiPath.split("?")[0].split("/").slice(-2)[0];
  return OBJECT_KINDS.find((kind) => kind.collection === collection)?.wire.readOnly ?? [];
}

export const FIXTURE_PROGRAM = path.resolve(__dirname, "..", "fixtures", "snowflake-program");

export interface Declaration {
  /** A resource class of the package, e.g. "Table". */
  type: string;
  name: string;
  args: Record<string, unknown>;
  options?: Record<string, unknown>;
}

export interface TestStack {
  emulator: Emulator;
  stateFile: string;
  /** Runs the driver; afterwards the state file is scanned for every secret the stack knows (see addSecret). */
  run(mode: DriverMode, declarations: Declaration[]): Promise<DriverResult>;
  /** run() with more driver options, e.g. a refresh's importPendingCreates. */
  runWith(mode: DriverMode, declarations: Declaration[], options: Partial<DriverOptions>): Promise<DriverResult>;
  /** Registers a secret value that must never appear in state. */
  addSecret(secret: string): void;
  rest(method: string, apiPath: string, body?: unknown): Promise<EmulatorAnswer>;
  /** GET, apply the patch, PUT back (without read-only fields): a change made outside Pulumi. */
  changeOutOfBand(apiPath: string, patch: Record<string, unknown>): Promise<void>;
  /** Runs a statement over the SQL API, as a person in a worksheet would; throws unless it succeeds. */
  sql(statement: string): Promise<EmulatorAnswer>;
  close(): Promise<void>;
}

// What users get from pulumi-snowflake-dynamic/testing, so the tests point programs at the emulator the same way.
export { connectionEnv };

export async function startTestStack(programDir = FIXTURE_PROGRAM): Promise<TestStack> {
  const emulator = await startEmulator();
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "sf-stack-"));
  const stateFile = path.join(stateDir, "state.json");
  const rest = (method: string, apiPath: string, body?: unknown) => callEmulator(emulator, method, apiPath, body);
  const secrets = [emulator.credentials.programmaticAccessToken];
  const stack: TestStack = {
    emulator,
    stateFile,
    rest,
    run: (mode, declarations) => stack.runWith(mode, declarations, {}),
    async runWith(mode, declarations, options) {
      const text = JSON.stringify(declarations);
      const result = await runDriverProcess({
        ...options,
        mode,
        programDir,
        stateFile,
        config: { "test:resources": text },
        // Declarations carrying secret values are themselves secret config, as a user would set them.
        secretConfigKeys: text.includes('"$secret"') || secrets.some((secret) => text.includes(secret)) ? ["test:resources"] : [],
        env: connectionEnv(emulator),
      });
      expectNoSecrets(stateFile, secrets);
      return result;
    },
    addSecret: (secret) => secrets.push(secret),
    async changeOutOfBand(apiPath, patch) {
      const current = await rest("GET", apiPath);
      if (current.status !== 200) throw new Error(`GET ${apiPath}: ${current.status} ${JSON.stringify(current.body)}`);
      const readOnly = new Set(readOnlyFieldsAt(apiPath));
      const body = Object.fromEntries(Object.entries({ ...current.body, ...patch }).filter(([key]) => !readOnly.has(key)));
      const updated = await rest("PUT", apiPath, body);
      if (updated.status !== 200) throw new Error(`PUT ${apiPath}: ${updated.status} ${JSON.stringify(updated.body)}`);
    },
    async sql(statement) {
      const answer = await rest("POST", "/api/v2/statements", { statement });
      if (answer.status !== 200) throw new Error(`${statement}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer;
    },
    async close() {
      await emulator.close();
      fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
  return stack;
}

/** The operation the run reported for one logical resource. */
export function opOf(result: DriverResult, name: string): string | undefined {
  return result.changes.find((change) => change.name === name)?.op;
}

export function expectOk(result: DriverResult): DriverResult {
  if (!result.ok) throw new Error(`driver run failed: ${result.error}\n${result.summary}\n${result.diagnostics.join("\n")}`);
  return result;
}
