// examples/multi-account through the driver against one emulator hosting four accounts: the same program deployed
// to dev, staging and prod (each stack's Pulumi.<stack>.yaml names its account, names and sizes), and a `dr` stack
// that manages two accounts at once through a per-resource connections.toml connection. Each deploys, refreshes
// clean and destroys; after every run the state holds no credential.
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DriverMode, runDriverProcess } from "./driver";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { expectNoSecrets } from "./support/secret-scan";
import { expectOk } from "./support/test-stack";

const PROGRAM = path.resolve(__dirname, "..", "examples", "multi-account");
const ACCOUNTS = { dev: "MYORG-DEV", staging: "MYORG-STAGING", prod: "MYORG-PROD", dr: "MYORG-DR" } as const;
const tokenOf = (account: string) => `pat-${account.toLowerCase()}-0b7c41`;
const ALL_TOKENS = Object.values(ACCOUNTS).map(tokenOf);

let emulator: Emulator;
let workDir: string;

beforeAll(async () => {
  emulator = await startEmulator({
    accounts: Object.values(ACCOUNTS).map((name) => ({
      name,
      users: [{ name: "PULUMI_DEPLOYER" }],
      programmaticAccessTokens: [{ token: tokenOf(name), user: "PULUMI_DEPLOYER" }],
    })),
  });
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "sf-multi-"));
  // The second account's connection, where Snowflake's tools keep connections.
  const home = path.join(workDir, "snowflake-home");
  fs.mkdirSync(home);
  fs.writeFileSync(path.join(home, "connections.toml"), [
    "[dr]", `account = "${ACCOUNTS.dr}"`, 'user = "PULUMI_DEPLOYER"', 'authenticator = "PROGRAMMATIC_ACCESS_TOKEN"',
    `token = "${tokenOf(ACCOUNTS.dr)}"`, `host = "${emulator.host}"`, `port = ${emulator.port}`, 'protocol = "http"', "",
  ].join("\n"), { mode: 0o600 });
});
afterAll(async () => {
  await emulator?.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

function run(stack: keyof typeof ACCOUNTS, mode: DriverMode) {
  const stateFile = path.join(workDir, `${stack}.json`);
  return runDriverProcess({
    mode, programDir: PROGRAM, stack, stateFile,
    // The account and names come from Pulumi.<stack>.yaml; only where the emulator listens and the credential
    // (a secret, as `pulumi config set --secret` would store it) are added here.
    config: {
      "snowflake:host": emulator.host, "snowflake:port": String(emulator.port), "snowflake:protocol": "http",
      "snowflake:authenticator": "PROGRAMMATIC_ACCESS_TOKEN",
      "snowflake:token": tokenOf(stack === "dr" ? ACCOUNTS.prod : ACCOUNTS[stack]),
    },
    secretConfigKeys: ["snowflake:token"],
    env: { SNOWFLAKE_HOME: path.join(workDir, "snowflake-home") },
  }).then((result) => {
    expectNoSecrets(stateFile, ALL_TOKENS);
    return result;
  });
}

const inAccount = (account: string, apiPath: string) => callEmulator(emulator, "GET", apiPath, undefined, tokenOf(account));

describe.each([
  ["dev", "XSMALL"],
  ["staging", "SMALL"],
  ["prod", "MEDIUM"],
] as const)("stack %s", (stack, size) => {
  const account = ACCOUNTS[stack];
  const prefix = stack.toUpperCase();

  test("deploys into its own account with its own names and sizes", async () => {
    const result = expectOk(await run(stack, "up"));
    expect(result.outputs.account).toBe(account);
    expect(result.outputs.marts).toBe(`${prefix}_ANALYTICS.MARTS`);
    expect((await inAccount(account, `/api/v2/warehouses/${prefix}_TRANSFORM`)).body).toMatchObject({ warehouse_size: size });
    expect((await inAccount(account, `/api/v2/databases/${prefix}_ANALYTICS/schemas/MARTS`)).status).toBe(200);
    // Nothing of it in the other accounts.
    for (const other of Object.values(ACCOUNTS).filter((a) => a !== account)) {
      expect((await inAccount(other, `/api/v2/databases/${prefix}_ANALYTICS`)).status).toBe(404);
    }
  });

  test("refreshes clean and destroys", async () => {
    const refresh = expectOk(await run(stack, "refresh"));
    expect(refresh.changes.filter((change) => change.op !== "same")).toEqual([]);
    expectOk(await run(stack, "destroy"));
    expect((await inAccount(account, "/api/v2/warehouses")).body).toEqual([]);
  });
});

describe("stack dr: two accounts at once", () => {
  test("deploys the platform into the primary account and its copy into the second one", async () => {
    const result = expectOk(await run("dr", "up"));
    expect(result.outputs).toMatchObject({ account: ACCOUNTS.prod, recoveryAccount: ACCOUNTS.dr, marts: "PROD_ANALYTICS.MARTS", recoveryMarts: "PROD_ANALYTICS.MARTS" });
    for (const account of [ACCOUNTS.prod, ACCOUNTS.dr]) {
      expect((await inAccount(account, "/api/v2/databases/PROD_ANALYTICS/schemas/MARTS")).status).toBe(200);
      expect((await inAccount(account, "/api/v2/warehouses/PROD_TRANSFORM")).status).toBe(200);
    }
  });

  test("refreshes clean and destroys in both accounts", async () => {
    const refresh = expectOk(await run("dr", "refresh"));
    expect(refresh.changes.filter((change) => change.op !== "same")).toEqual([]);
    expectOk(await run("dr", "destroy"));
    for (const account of [ACCOUNTS.prod, ACCOUNTS.dr]) {
      expect((await inAccount(account, "/api/v2/warehouses")).body).toEqual([]);
    }
  });
});

describe("stack sandbox: an account the program creates, and the platform inside it", () => {
  const pair = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const publicPem = pair.publicKey.export({ type: "spki", format: "pem" }).toString();
  const privatePem = pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const runSandbox = (mode: DriverMode) => {
    const stateFile = path.join(workDir, "sandbox.json");
    return runDriverProcess({
      mode, programDir: PROGRAM, stack: "sandbox", stateFile,
      // Pulumi.sandbox.yaml logs in with a key pair; the key itself is a secret, and its public half the input.
      config: {
        "snowflake:host": emulator.host, "snowflake:port": String(emulator.port), "snowflake:protocol": "http",
        "snowflake:privateKey": privatePem, "snowflake-multi-account:sandboxAdminPublicKey": publicPem,
      },
      secretConfigKeys: ["snowflake:privateKey"],
      env: { SNOWFLAKE_HOME: path.join(workDir, "snowflake-home") },
    }).then((result) => {
      expectNoSecrets(stateFile, [privatePem, ...ALL_TOKENS]);
      return result;
    });
  };

  test("creates the account, deploys into it through the account's name, refreshes clean and destroys", async () => {
    emulator.accountHandle(ACCOUNTS.dev).registerUser("PULUMI_DEPLOYER", publicPem);
    const up = expectOk(await runSandbox("up"));
    expect(up.outputs).toMatchObject({ account: ACCOUNTS.dev, sandboxAccountUrl: "https://emulatororg-sbx-sandbox.snowflakecomputing.com", sandboxMarts: "SBX_ANALYTICS.MARTS" });
    emulator.accountHandle("SBX_SANDBOX").addProgrammaticAccessToken("sandbox-pat-1", "SANDBOX_ADMIN");
    const inSandbox = (apiPath: string) => callEmulator(emulator, "GET", apiPath, undefined, "sandbox-pat-1");
    expect((await inSandbox("/api/v2/databases/SBX_ANALYTICS/schemas/MARTS")).status).toBe(200);
    expect((await inAccount(ACCOUNTS.dev, "/api/v2/databases/SBX_ANALYTICS/schemas/MARTS")).status).toBe(200);
    const refresh = expectOk(await runSandbox("refresh"));
    expect(refresh.changes.filter((change) => change.op !== "same")).toEqual([]);
    expectOk(await runSandbox("destroy"));
    expect(() => emulator.accountHandle("SBX_SANDBOX")).toThrow(/hosts no account/);
  });
});
