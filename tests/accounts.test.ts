// Accounts through the driver: a program creates an account of the organization with its administrator's public key,
// then a database inside the new account through a `connection` built from the account's `name` output (the
// private key comes from stack config, since a connection never takes secrets). The emulator hosts the account it
// created; destroy drops the database, then the account with its grace period. Reader accounts are listed and
// replaced only on request.
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { closeAllPools } from "../provider/client/rest-client";
import { DriverMode, runDriverProcess } from "./driver";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { engineAgainst } from "./support/engine-harness";
import { expectNoSecrets } from "./support/secret-scan";
import { expectOk, FIXTURE_PROGRAM, opOf } from "./support/test-stack";

const pair = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const PUBLIC_PEM = pair.publicKey.export({ type: "spki", format: "pem" }).toString();
const PRIVATE_PEM = pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString();

let emulator: Emulator;
let workDir: string;
beforeAll(async () => {
  emulator = await startEmulator();
  // The deployer logs in to the organization's account with the same key pair the new account's admin gets.
  emulator.registerUser("DEPLOYER", PUBLIC_PEM);
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "sf-accounts-"));
});
afterAll(async () => {
  await closeAllPools();
  await emulator.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

const program = [
  { type: "Account", name: "branch", args: { name: "BRANCH", edition: "enterprise", adminName: "BRANCH_ADMIN", adminRsaPublicKey: PUBLIC_PEM, email: "admin@example.com", gracePeriodInDays: 14 } },
  { type: "Database", name: "branch_db", args: { name: "BRANCH_DB", connection: { account: { $ref: "branch.name" }, user: "BRANCH_ADMIN" } } },
];

function run(mode: DriverMode) {
  const stateFile = path.join(workDir, "state.json");
  return runDriverProcess({
    mode, programDir: FIXTURE_PROGRAM, stateFile,
    config: {
      "test:resources": JSON.stringify(program),
      "snowflake:account": emulator.account, "snowflake:user": "DEPLOYER", "snowflake:authenticator": "SNOWFLAKE_JWT",
      "snowflake:host": emulator.host, "snowflake:port": String(emulator.port), "snowflake:protocol": "http",
      "snowflake:privateKey": PRIVATE_PEM,
    },
    secretConfigKeys: ["snowflake:privateKey"],
    env: { SNOWFLAKE_TOKEN: "", SNOWFLAKE_AUTHENTICATOR: "" },
  }).then((result) => {
    expectNoSecrets(stateFile, [PRIVATE_PEM]);
    return result;
  });
}

test("an account, then a database inside it through a connection made from the account's outputs", async () => {
  const up = expectOk(await run("up"));
  expect(opOf(up, "branch")).toBe("create");
  expect(opOf(up, "branch_db")).toBe("create");
  const [listed] = (await callEmulator(emulator, "GET", "/api/v2/accounts?like=BRANCH")).body;
  expect(listed).toMatchObject({ name: "BRANCH", edition: "ENTERPRISE", organization_name: "EMULATORORG", account_url: "https://emulatororg-branch.snowflakecomputing.com" });
  expect(listed).not.toHaveProperty("admin_rsa_public_key");
  // The database is in the new account, not in the organization's.
  emulator.accountHandle("BRANCH").addProgrammaticAccessToken("branch-pat-1", "BRANCH_ADMIN");
  expect((await callEmulator(emulator, "GET", "/api/v2/databases/BRANCH_DB", undefined, "branch-pat-1")).status).toBe(200);
  expect((await callEmulator(emulator, "GET", "/api/v2/databases/BRANCH_DB")).status).toBe(404);

  const refresh = expectOk(await run("refresh"));
  expect([opOf(refresh, "branch"), opOf(refresh, "branch_db")]).toEqual(["same", "same"]);

  emulator.clearRequestLog();
  expectOk(await run("destroy"));
  const drop = emulator.requestLog.find((entry) => entry.method === "DELETE" && entry.path === "/api/v2/accounts/BRANCH");
  expect(drop?.query).toMatchObject({ gracePeriodInDays: "14" });
  expect(() => emulator.accountHandle("BRANCH")).toThrow(/hosts no account BRANCH/);
  expect((await callEmulator(emulator, "GET", "/api/v2/accounts?like=BRANCH")).body).toEqual([]);
});

test("check: an administrator needs a password or a key; an edition change is refused without allowReplace", async () => {
  const account = engineAgainst(emulator, "Account");
  const { failures } = await account.check({}, { name: "NO_LOGIN", edition: "standard", adminName: "A", email: "a@example.com" });
  expect(failures.map((failure) => failure.reason).join()).toMatch(/not given, and no adminRsaPublicKey either; give one of the two/);
  const olds = { name: "BRANCH2", edition: "STANDARD", adminName: "A", adminPassword: "x", email: "a@example.com" };
  await expect(account.diff("", olds, { ...olds, edition: "ENTERPRISE" })).rejects.toThrow(/allowReplace/);
});

test("a reader account is created, listed and deleted (its DELETE takes no ifExists; a gone one is not an error)", async () => {
  const reader = engineAgainst(emulator, "ManagedAccount");
  const { outs } = await reader.create({ name: "READER1", adminName: "reader_admin", adminPassword: "Reader-Passw0rd-1", comment: "partners" });
  expect(outs).toMatchObject({ locator: expect.any(String), url: "https://emulatororg-reader1.snowflakecomputing.com", cloud: "AWS" });
  expect(JSON.stringify((await callEmulator(emulator, "GET", "/api/v2/managed-accounts?like=READER1")).body)).not.toContain("Reader-Passw0rd-1");
  expect((await reader.diff("", outs, { name: "READER1", adminName: "reader_admin", adminPassword: "Reader-Passw0rd-1", comment: "partners" })).changes).toBe(false);
  await reader.delete("READER1", outs);
  await reader.delete("READER1", outs);
  expect((await callEmulator(emulator, "GET", "/api/v2/managed-accounts?like=READER1")).body).toEqual([]);
});
