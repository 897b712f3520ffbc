// Connection settings: where each one comes from (stack config > SNOWFLAKE_* environment), the endpoint derived
// from them, and errors that name sources without printing secrets.
import { originFor } from "../provider/client/origin";
import { clientFor, ConnectionError } from "../provider/connection/client-factory";
import { environmentLayer, resolveConnection, stackConfigLayer } from "../provider/connection/settings";
import { expectOk, startTestStack, TestStack } from "./support/test-stack";
import { runDriverProcess } from "./driver";
import { FIXTURE_PROGRAM } from "./support/test-stack";
import { expectNoSecrets } from "./support/secret-scan";

describe("resolution", () => {
  const config: Record<string, string> = { "snowflake:account": "from_config", "snowflake:user": "cfg_user" };
  const env = { SNOWFLAKE_ACCOUNT: "from_env", SNOWFLAKE_TOKEN: "s3cret-env-token", SNOWFLAKE_PRIVATE_KEY_PATH: "/keys/k.p8" };
  const resolved = resolveConnection([stackConfigLayer((key) => config[key]), environmentLayer(env)]);

  test("stack config wins over the environment, key by key", () => {
    expect(resolved.settings).toEqual({ account: "from_config", user: "cfg_user", token: "s3cret-env-token", privateKeyPath: "/keys/k.p8" });
    expect(resolved.sources).toEqual({
      account: "stack config snowflake:account",
      user: "stack config snowflake:user",
      token: "environment variable SNOWFLAKE_TOKEN",
      privateKeyPath: "environment variable SNOWFLAKE_PRIVATE_KEY_PATH",
    });
  });

  test("an unsupported authenticator is named with the allowed ones, the sources listed and no secret shown", () => {
    const withAuth = resolveConnection([stackConfigLayer((key) => ({ ...config, "snowflake:authenticator": "LDAP" })[key]), environmentLayer(env)]);
    let error: unknown;
    try { clientFor(withAuth); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ConnectionError);
    const message = (error as Error).message;
    expect(message).toContain('authenticator "LDAP" is not supported; allowed: SNOWFLAKE_JWT, OAUTH, PROGRAMMATIC_ACCESS_TOKEN, SNOWFLAKE, USERNAME_PASSWORD_MFA, EXTERNALBROWSER, OAUTH_CLIENT_CREDENTIALS, OAUTH_AUTHORIZATION_CODE, WORKLOAD_IDENTITY');
    expect(message).toContain("token = (secret) from environment variable SNOWFLAKE_TOKEN");
    expect(message).toContain('account = "from_config" from stack config snowflake:account');
    expect(message).not.toContain("s3cret-env-token");
  });

  test("nothing set at all says where it looked", () => {
    expect(() => clientFor(resolveConnection([environmentLayer({})]))).toThrow(/no connection settings were found in stack config \(snowflake:\*\), SNOWFLAKE_\* environment variables or connections\.toml/);
  });

  test("an account without a credential names connections.toml among the places to set one", () => {
    const noCredential = resolveConnection([environmentLayer({ SNOWFLAKE_ACCOUNT: "a", SNOWFLAKE_USER: "u" })]);
    expect(() => clientFor(noCredential)).toThrow(/no credential is set; .* in stack config, SNOWFLAKE_\* variables or a connections\.toml connection/);
  });

  test("a missing key file is reported without its contents", () => {
    const missing = resolveConnection([environmentLayer({ SNOWFLAKE_ACCOUNT: "a", SNOWFLAKE_USER: "u", SNOWFLAKE_PRIVATE_KEY_PATH: "/no/such/key.p8" })]);
    expect(() => clientFor(missing)).toThrow(/private key file could not be read \(ENOENT\).*privateKeyPath = "\/no\/such\/key.p8" from environment variable SNOWFLAKE_PRIVATE_KEY_PATH/);
  });
});

describe("endpoint", () => {
  test.each([
    [{ account: "myorg-myaccount" }, "https://myorg-myaccount.snowflakecomputing.com"],
    [{ account: "MYORG_MY_ACCOUNT" }, "https://myorg-my-account.snowflakecomputing.com"],
    [{ account: "xy12345.us-east-2.aws" }, "https://xy12345.us-east-2.aws.snowflakecomputing.com"],
    [{ account: "a", host: "127.0.0.1", protocol: "http", port: "8085" }, "http://127.0.0.1:8085"],
    [{ host: "acct.privatelink.snowflakecomputing.com", port: 443 }, "https://acct.privatelink.snowflakecomputing.com"],
  ])("%j -> %s", (settings, origin) => {
    expect(originFor(settings)).toBe(origin);
  });

  test("a bad port or protocol is named", () => {
    expect(() => originFor({ account: "a", port: "http" })).toThrow('port "http" is not a valid TCP port (1-65535)');
    expect(() => originFor({ account: "a", protocol: "ftp" })).toThrow('protocol "ftp" is not supported; use "https" or "http"');
  });
});

describe("through the provider host", () => {
  let stack: TestStack;
  beforeAll(async () => { stack = await startTestStack(); });
  afterAll(async () => {
    // Every token used in this block, from config or environment: none may be in state.
    expectNoSecrets(stack.stateFile, [stack.emulator.credentials.programmaticAccessToken, "rotated-token-2", "wrong-token", "revoked-token-123"]);
    await stack.close();
  });

  const declarations = JSON.stringify([{ type: "Database", name: "db", args: { name: "CONFIGURED_DB" } }]);

  test("stack config reaches the provider through configure and wins over the environment", async () => {
    const { emulator } = stack;
    const result = await runDriverProcess({
      mode: "up",
      programDir: FIXTURE_PROGRAM,
      stateFile: stack.stateFile,
      config: {
        "test:resources": declarations,
        "snowflake:account": emulator.account, "snowflake:host": emulator.host, "snowflake:port": String(emulator.port),
        "snowflake:protocol": "http", "snowflake:authenticator": "PROGRAMMATIC_ACCESS_TOKEN",
        "snowflake:token": emulator.credentials.programmaticAccessToken,
      },
      secretConfigKeys: ["snowflake:token"],
      // A wrong token in the environment: the call only succeeds if the stack config's token is used.
      env: { SNOWFLAKE_TOKEN: "wrong-token", SNOWFLAKE_HOST: "127.0.0.1", SNOWFLAKE_PORT: "9" },
    });
    expectOk(result);
    expect((await stack.rest("GET", "/api/v2/databases/CONFIGURED_DB")).status).toBe(200);
  });

  const configFor = (token: string, account = stack.emulator.account): Record<string, string> => ({
    "test:resources": declarations,
    "snowflake:account": account, "snowflake:host": stack.emulator.host, "snowflake:port": String(stack.emulator.port),
    "snowflake:protocol": "http", "snowflake:authenticator": "PROGRAMMATIC_ACCESS_TOKEN", "snowflake:token": token,
  });

  test("a rotated credential changes nothing", async () => {
    stack.emulator.addProgrammaticAccessToken("rotated-token-2");
    stack.emulator.clearRequestLog();
    const result = expectOk(await runDriverProcess({
      mode: "up", programDir: FIXTURE_PROGRAM, stateFile: stack.stateFile,
      config: configFor("rotated-token-2"), secretConfigKeys: ["snowflake:token"],
    }));
    expect(result.changes.filter((change) => change.op !== "same")).toEqual([]);
    expect(stack.emulator.requestLog).toEqual([]);
  });

  test("a new role on the resource's connection is recorded without touching the object", async () => {
    stack.emulator.clearRequestLog();
    const withRole = JSON.stringify([{ type: "Database", name: "db", args: { name: "CONFIGURED_DB", connection: { role: "SYSADMIN" } } }]);
    const result = expectOk(await runDriverProcess({
      mode: "up", programDir: FIXTURE_PROGRAM, stateFile: stack.stateFile,
      config: { ...configFor("rotated-token-2"), "test:resources": withRole }, secretConfigKeys: ["snowflake:token"],
    }));
    expect(result.changes.find((c) => c.name === "db")!.op).toBe("update");
    expect(stack.emulator.requestLog.map((entry) => entry.method)).toEqual(["GET"]);
    // Back to the stack's connection for the tests below.
    expectOk(await runDriverProcess({
      mode: "up", programDir: FIXTURE_PROGRAM, stateFile: stack.stateFile,
      config: configFor("rotated-token-2"), secretConfigKeys: ["snowflake:token"],
    }));
  });

  test("pointing the stack at another account is refused for a database (a new one would be empty), unless allowReplace", async () => {
    const refused = await runDriverProcess({
      mode: "preview", programDir: FIXTURE_PROGRAM, stateFile: stack.stateFile,
      config: configFor("rotated-token-2", "another_account"), secretConfigKeys: ["snowflake:token"],
    });
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/refused: changing the account its connection points at replaces database CONFIGURED_DB.*Set allowReplace: true/);
    const allowed = JSON.stringify([{ type: "Database", name: "db", args: { name: "CONFIGURED_DB", allowReplace: true } }]);
    const result = expectOk(await runDriverProcess({
      mode: "preview", programDir: FIXTURE_PROGRAM, stateFile: stack.stateFile,
      config: { ...configFor("rotated-token-2", "another_account"), "test:resources": allowed }, secretConfigKeys: ["snowflake:token"],
    }));
    const change = result.changes.find((c) => c.name === "db")!;
    expect(change.op).toBe("replace");
    expect(change.changedProperties).toContain("account");
  });

  test("a rejected login says which settings came from where, and never the token", async () => {
    const { emulator } = stack;
    const result = await runDriverProcess({
      // up, not refresh: refresh runs providers with the config recorded in state, as the engine does.
      mode: "up",
      programDir: FIXTURE_PROGRAM,
      stateFile: stack.stateFile,
      config: { "test:resources": JSON.stringify([{ type: "Database", name: "db", args: { name: "CONFIGURED_DB", comment: "needs a call" } }]) },
      env: {
        SNOWFLAKE_ACCOUNT: emulator.account, SNOWFLAKE_HOST: emulator.host, SNOWFLAKE_PORT: String(emulator.port),
        SNOWFLAKE_PROTOCOL: "http", SNOWFLAKE_TOKEN: "revoked-token-123",
      },
    });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/HTTP 401/);
    expect(result.error).toContain("token = (secret) from environment variable SNOWFLAKE_TOKEN");
    expect(result.error).not.toContain("revoked-token-123");
  });
});
