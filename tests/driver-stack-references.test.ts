// The driver as a reader sees it: `pulumi.StackReference` reads another stack's state file (stack A exports a
// database name, stack B makes a schema in it), and the CLI prints each error once.
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { DriverOptions, runDriverProcess } from "./driver";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { connectionEnv, expectOk, FIXTURE_PROGRAM, opOf } from "./support/test-stack";

const FIXTURES = path.join(__dirname, "fixtures", "stack-references");
const SHARED = path.join(FIXTURES, "shared");
const APP = path.join(FIXTURES, "app");
const CLI = path.join(__dirname, "..", "bin", "tests", "driver", "cli.js");

let emulator: Emulator;
let stateDir: string;
beforeAll(async () => {
  emulator = await startEmulator();
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "sf-stackref-"));
});
afterAll(async () => {
  await emulator.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

const run = (options: Omit<DriverOptions, "env">) => runDriverProcess({ ...options, env: connectionEnv(emulator) });

describe("StackReference", () => {
  test("stack B makes a schema in the database stack A exports, reading A's state beside its own; secrets stay secret", async () => {
    const shared = expectOk(await run({ mode: "up", programDir: SHARED, stack: "shared", stateFile: path.join(stateDir, "shared.json") }));
    expect(shared.outputs).toEqual({ databaseName: "SHARED_DATA", auditToken: "[secret]" });

    const appState = path.join(stateDir, "app.json");
    const preview = expectOk(await run({ mode: "preview", programDir: APP, stack: "app", stateFile: appState }));
    expect(opOf(preview, "app")).toBe("create");

    const app = expectOk(await run({ mode: "up", programDir: APP, stack: "app", stateFile: appState }));
    expect(app.outputs).toEqual({ schemaName: "SHARED_DATA.APP", auditToken: "[secret]" });
    expect((await callEmulator(emulator, "GET", "/api/v2/databases/SHARED_DATA/schemas/APP")).status).toBe(200);
    // The referenced secret is encrypted in B's state too, never written in plaintext.
    expect(fs.readFileSync(appState, "utf8")).not.toContain("token-from-the-shared-stack");

    // Nothing changed on either side: a second up of B changes nothing.
    const again = expectOk(await run({ mode: "up", programDir: APP, stack: "app", stateFile: appState }));
    expect(again.changes.filter((change) => change.op !== "same")).toEqual([]);

    expectOk(await run({ mode: "destroy", programDir: APP, stack: "app", stateFile: appState }));
    expectOk(await run({ mode: "destroy", programDir: SHARED, stack: "shared", stateFile: path.join(stateDir, "shared.json") }));
    expect((await callEmulator(emulator, "GET", "/api/v2/databases/SHARED_DATA")).status).toBe(404);
  });

  test("a state file elsewhere is given by name (--stack-reference NAME=FILE); a missing one says how to give it", async () => {
    const elsewhere = fs.mkdtempSync(path.join(stateDir, "elsewhere-"));
    const sharedState = path.join(elsewhere, "a-state-file.json");
    expectOk(await run({ mode: "up", programDir: SHARED, stack: "shared", stateFile: sharedState }));

    const appState = path.join(stateDir, "app-explicit.json");
    const missing = await run({ mode: "preview", programDir: APP, stack: "app", stateFile: appState, config: { "app-data:sharedStack": "organization/shared-data/prod" } });
    expect(missing.ok).toBe(false);
    expect(missing.error).toContain(`stack reference "organization/shared-data/prod": there is no state file ${path.join(stateDir, "prod.json")}`);
    expect(missing.error).toContain("--stack-reference organization/shared-data/prod=<state file>");

    const app = expectOk(await run({
      mode: "up", programDir: APP, stack: "app", stateFile: appState,
      config: { "app-data:sharedStack": "organization/shared-data/prod" },
      stackReferences: { "organization/shared-data/prod": sharedState },
    }));
    expect(app.outputs.schemaName).toBe("SHARED_DATA.APP");
    expectOk(await run({ mode: "destroy", programDir: APP, stack: "app", stateFile: appState }));
    expectOk(await run({ mode: "destroy", programDir: SHARED, stack: "shared", stateFile: sharedState }));
  });
});

test("the CLI prints each error once, naming the property once", async () => {
  const declarations = JSON.stringify([{ type: "Warehouse", name: "w", args: { warehouseSize: "XSMAL" } }]);
  const args = [CLI, "preview", FIXTURE_PROGRAM, "--state", path.join(stateDir, "bad.json"), "--config", `test:resources=${declarations}`];
  const failed = await promisify(execFile)(process.execPath, args, { env: { ...process.env, ...connectionEnv(emulator) } }).then(
    () => { throw new Error("the preview should have failed"); },
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  expect(failed.code).toBe(1);
  const printed = failed.stdout + failed.stderr;
  expect(printed.match(/"XSMAL" is not allowed/g)).toHaveLength(1);
  expect(printed.match(/warehouseSize/g)).toHaveLength(1);
});
