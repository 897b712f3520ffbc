// A connector login (snowflake-sdk) inside the REAL dynamic-provider host, through the driver: the sdk must not
// disturb the host's stdout handshake, its session token must carry the REST calls, and neither the password nor
// the passcode may reach state.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runDriverProcess } from "./driver";
import { Emulator, startEmulator } from "./emulator";
import { expectNoSecrets } from "./support/secret-scan";
import { expectOk, FIXTURE_PROGRAM } from "./support/test-stack";

const PASSWORD = "pw-7c1e-correct-horse";
const PASSCODE = "492817";
let emulator: Emulator;
let workDir: string;

beforeAll(async () => {
  emulator = await startEmulator({
    accounts: [{ name: "EMULATOR", users: [{ name: "PW_USER", password: PASSWORD }, { name: "MFA_USER", password: PASSWORD, mfaPasscode: PASSCODE }] }],
  });
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "sf-connector-host-"));
});
afterAll(async () => {
  await emulator.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

test.each([
  ["SNOWFLAKE", "PW_USER", {}],
  ["USERNAME_PASSWORD_MFA", "MFA_USER", { "snowflake:passcode": PASSCODE }],
] as const)("%s login in the provider host deploys, refreshes and destroys", async (authenticator, user, extra) => {
  const stateFile = path.join(workDir, `${authenticator}.json`);
  const name = `${authenticator}_DB`;
  const secrets = Object.keys(extra).concat("snowflake:password");
  const run = (mode: "up" | "refresh" | "destroy") => runDriverProcess({
    mode, programDir: FIXTURE_PROGRAM, stateFile,
    config: {
      "test:resources": JSON.stringify([{ type: "Database", name: "db", args: { name } }]),
      "snowflake:account": emulator.account, "snowflake:user": user, "snowflake:authenticator": authenticator,
      "snowflake:host": emulator.host, "snowflake:port": String(emulator.port), "snowflake:protocol": "http",
      "snowflake:password": PASSWORD, ...extra,
    },
    secretConfigKeys: secrets,
  });
  emulator.clearRequestLog();
  expectOk(await run("up"));
  const logins = emulator.requestLog.filter((entry) => entry.path === "/session/v1/login-request");
  expect(logins.map((entry) => entry.status)).toEqual([200]);
  expect(emulator.requestLog.some((entry) => entry.path === "/api/v2/databases" && entry.method === "POST" && entry.status === 200)).toBe(true);
  expectNoSecrets(stateFile, [PASSWORD, PASSCODE]);
  const refresh = expectOk(await run("refresh"));
  expect(refresh.changes.filter((change) => change.op !== "same")).toEqual([]);
  expectOk(await run("destroy"));
  expectNoSecrets(stateFile, [PASSWORD, PASSCODE]);
});
