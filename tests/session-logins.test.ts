// Connector logins through snowflake-sdk, against the emulator. For each login method the REST client that
// clientFor builds logs in once (two clients, concurrent first uses), calls /api/v2 with the session token,
// renews it after the emulator expires every session token, and reports a wrong credential by where each setting
// came from, without printing it. The logins run in a separate provider process (plain Node, as under Pulumi),
// which must write nothing to stdout and leave no snowflake.log; browser logins use a scripted browser named by
// SNOWFLAKE_BROWSER.
import { ChildProcess, fork } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { SignJWT } from "jose";
import { clientFor, ConnectionError } from "../provider/connection/client-factory";
import { describeDriverError, scrubSecrets } from "../provider/connection/driver-error";
import { environmentLayer, resolveConnection } from "../provider/connection/settings";
import { Emulator, startEmulator } from "./emulator";
import type { Answer, Command } from "./fixtures/session-process/provider-process";

const ACCOUNT = "SESSION_LOGINS";
const PASSWORD = "correct-horse-battery-staple";
const PASSCODE = "246810";
const CLIENT_SECRETS = { credentials: "client-credentials-secret-31337", code: "authorization-code-secret-4242" };
const WIF_ISSUER = "https://issuer.example.test";
const WIF_SUBJECT = "repo:example/deploy:ref:refs/heads/main";
const BROWSER_SCRIPT = path.join(__dirname, "fixtures", "session-browser", "browser.js");
const PROVIDER_SCRIPT = path.join(__dirname, "fixtures", "session-process", "provider-process.ts");

const workloadKey = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const strangerKey = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });

const users = [
  { name: "PASSWORD_USER", password: PASSWORD },
  { name: "FIRST_USER", password: PASSWORD },
  { name: "MFA_USER", password: PASSWORD, mfaPasscode: PASSCODE },
  { name: "MFA_CACHE_USER", password: PASSWORD, mfaPasscode: PASSCODE },
  { name: "SSO_USER" },
  { name: "SERVICE_USER" },
  { name: "OAUTH_USER" },
  {
    name: "WORKLOAD_USER",
    workloadIdentity: { issuer: WIF_ISSUER, subject: WIF_SUBJECT, publicKeyPem: workloadKey.publicKey.export({ type: "spki", format: "pem" }).toString() },
  },
];
const oauthClients = [
  { clientId: "deploy-service", clientSecret: CLIENT_SECRETS.credentials, user: "SERVICE_USER" },
  { clientId: "pulumi-cli", clientSecret: CLIENT_SECRETS.code, user: "OAUTH_USER" },
];

/** A provider process (fixtures/session-process) the test sends connections to over IPC. */
class ProviderProcess {
  private readonly child: ChildProcess;
  private nextId = 0;
  private readonly waiting = new Map<number, (answer: Answer) => void>();
  stdout = "";
  stderr = "";

  constructor(readonly cwd: string, env: NodeJS.ProcessEnv) {
    fs.mkdirSync(cwd, { recursive: true });
    this.child = fork(PROVIDER_SCRIPT, [], {
      cwd,
      env: { ...env, TS_NODE_PROJECT: path.join(__dirname, "..", "tsconfig.json") },
      execArgv: ["-r", require.resolve("ts-node/register/transpile-only")],
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    this.child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (this.stdout += chunk));
    this.child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (this.stderr += chunk));
    this.child.on("message", (answer: Answer) => this.waiting.get(answer.id)?.(answer));
  }

  /** GET /api/v2/databases with a connection from these SNOWFLAKE_* settings (or the same as stack config). */
  listDatabases(env: Record<string, string>, via: "environment" | "stack config" = "environment"): Promise<Answer> {
    return this.send({ id: this.nextId++, action: "list", env, via });
  }

  /** Only builds the REST client for these settings. */
  prepareClient(env: Record<string, string>): Promise<Answer> {
    return this.send({ id: this.nextId++, action: "client only", env });
  }

  /** Logs out, and resolves with the exit code once the process has ended. */
  async close(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once("exit", resolve));
    await this.send({ id: this.nextId++, action: "close" });
    return exited;
  }

  /** For when a test failed before close(): a process left running would keep jest waiting. */
  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }

  private send(command: Command): Promise<Answer> {
    return new Promise((resolve) => {
      this.waiting.set(command.id, resolve);
      this.child.send(command);
    });
  }
}

let emulator: Emulator;
let scratch: string;
let browserLog: string;
let provider: ProviderProcess;
let providerEnv: NodeJS.ProcessEnv;

/** The emulator's endpoint as SNOWFLAKE_* variables. */
function endpoint(server: Emulator = emulator): Record<string, string> {
  return { SNOWFLAKE_ACCOUNT: ACCOUNT, SNOWFLAKE_HOST: server.host, SNOWFLAKE_PORT: String(server.port), SNOWFLAKE_PROTOCOL: "http" };
}

function workloadToken(key: crypto.KeyObject = workloadKey.privateKey): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "RS256" })
    .setIssuer(WIF_ISSUER)
    .setSubject(WIF_SUBJECT)
    .setAudience("snowflakecomputing.com")
    .setIssuedAt()
    .setExpirationTime("10m")
    .sign(key);
}

const log = (server: Emulator = emulator) => server.requestLog.map((entry) => `${entry.method} ${entry.path} ${entry.status}`);
const logins = (server: Emulator = emulator) => server.requestLog.filter((entry) => entry.path === "/session/v1/login-request");
const browserVisits = () => (fs.existsSync(browserLog) ? fs.readFileSync(browserLog, "utf8").split("\n").filter(Boolean) : []);

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "session-logins-"));
  browserLog = path.join(scratch, "browser.log");
  const credentialCache = path.join(scratch, "credential-cache");
  fs.mkdirSync(credentialCache, { mode: 0o700 });
  emulator = await startEmulator({ accounts: [{ name: ACCOUNT, users, oauthClients }] });
  const certificate = path.join(scratch, "emulator.pem");
  fs.writeFileSync(certificate, emulator.tlsCertificatePem);
  providerEnv = {
    PATH: process.env.PATH,
    HOME: scratch,
    // The driver's token cache (MFA tokens, SSO id tokens, OAuth tokens), out of the real home directory.
    SF_TEMPORARY_CREDENTIAL_CACHE_DIR: credentialCache,
    SNOWFLAKE_BROWSER: `${process.execPath} ${BROWSER_SCRIPT}`,
    SESSION_BROWSER_LOG: browserLog,
    // snowflake-sdk sends EXTERNALBROWSER's /session/authenticator-request to https://<host> whatever the
    // protocol (sso_url_provider.js); the emulator answers TLS on its port with this self-signed certificate.
    NODE_EXTRA_CA_CERTS: certificate,
    // The driver sends workload identity attestations only to Snowflake hosts unless told otherwise.
    SNOWFLAKE_WIF_ALLOWED_HOST_SUFFIXES: "127.0.0.1",
  };
  provider = new ProviderProcess(path.join(scratch, "provider"), providerEnv);
});

afterAll(async () => {
  provider?.kill();
  await emulator?.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

beforeEach(() => emulator.clearRequestLog());

describe("settings are checked before any login", () => {
  const attempt = (settings: Record<string, string>) => () => clientFor(resolveConnection([environmentLayer({ SNOWFLAKE_ACCOUNT: "acme", ...settings })]));

  test.each([
    [{ SNOWFLAKE_AUTHENTICATOR: "SNOWFLAKE", SNOWFLAKE_USER: "u" }, "SNOWFLAKE login needs password"],
    [{ SNOWFLAKE_AUTHENTICATOR: "USERNAME_PASSWORD_MFA", SNOWFLAKE_USER: "u", SNOWFLAKE_PASSWORD: "p", SNOWFLAKE_PASSCODE_IN_PASSWORD: "maybe" }, 'needs passcodeInPassword to be true or false, not "maybe"'],
    [{ SNOWFLAKE_AUTHENTICATOR: "OAUTH_CLIENT_CREDENTIALS", SNOWFLAKE_OAUTH_CLIENT_ID: "c" }, "OAUTH_CLIENT_CREDENTIALS login needs oauthClientSecret"],
    [{ SNOWFLAKE_AUTHENTICATOR: "OAUTH_AUTHORIZATION_CODE", SNOWFLAKE_HOST: "sso.example.com" }, "needs oauthClientId and oauthClientSecret when the identity provider is not Snowflake itself"],
    [{ SNOWFLAKE_AUTHENTICATOR: "WORKLOAD_IDENTITY", SNOWFLAKE_WORKLOAD_IDENTITY_PROVIDER: "k8s" }, 'needs workloadIdentityProvider to be one of AWS, AZURE, GCP, OIDC, not "k8s"'],
    [{ SNOWFLAKE_AUTHENTICATOR: "WORKLOAD_IDENTITY", SNOWFLAKE_WORKLOAD_IDENTITY_PROVIDER: "oidc" }, "with the OIDC provider needs token or tokenFilePath"],
  ])("%j: %s", (settings, problem) => {
    expect(attempt(settings)).toThrow(ConnectionError);
    expect(attempt(settings)).toThrow(problem);
  });

  test("driver messages that quote a secret are scrubbed; an identity provider's refusal is spelled out", () => {
    const echoing = Object.assign(new Error("login failed: PASSWORD=pw-pw-123456 passcode=123456"), { code: "390100" });
    expect(scrubSecrets(describeDriverError(echoing), ["123456", "pw-pw-123456"])).toBe("login failed: PASSWORD=(secret) passcode=(secret) (code 390100)");
    const refused = Object.assign(new Error("Request failed with status code 401"), {
      code: "ERR_BAD_REQUEST",
      response: { data: JSON.stringify({ error: "invalid_client", error_description: "Client authentication failed." }) },
    });
    expect(describeDriverError(refused)).toBe("Request failed with status code 401 (code ERR_BAD_REQUEST); the identity provider answered invalid_client: Client authentication failed");
  });

  test("a password without an authenticator means a SNOWFLAKE login; the secret is not shown", () => {
    expect(attempt({ SNOWFLAKE_PASSWORD: "hunter2-secret" })).toThrow(/SNOWFLAKE login needs user.*password = \(secret\) from environment variable SNOWFLAKE_PASSWORD/);
    expect(attempt({ SNOWFLAKE_PASSWORD: "hunter2-secret" })).not.toThrow(/hunter2-secret/);
  });
});

test("snowflake-sdk is loaded by the first login, not before", async () => {
  const env = { ...endpoint(), SNOWFLAKE_USER: "first_user", SNOWFLAKE_PASSWORD: PASSWORD };
  expect(await provider.prepareClient(env)).toMatchObject({ sdkLoaded: false });
  expect(logins()).toHaveLength(0);
  expect(await provider.listDatabases(env)).toMatchObject({ status: 200, sdkLoaded: true });
});

interface LoginCase {
  method: string;
  settings: () => Promise<Record<string, string>>;
  /** Settings that must fail, the secret that must not be shown, and how the message names its source. */
  wrong?: () => Promise<{ settings: Record<string, string>; secret: string; source: string }>;
}

const cases: LoginCase[] = [
  {
    method: "SNOWFLAKE",
    settings: async () => ({ SNOWFLAKE_AUTHENTICATOR: "SNOWFLAKE", SNOWFLAKE_USER: "password_user", SNOWFLAKE_PASSWORD: PASSWORD }),
    wrong: async () => ({
      settings: { SNOWFLAKE_AUTHENTICATOR: "SNOWFLAKE", SNOWFLAKE_USER: "password_user", SNOWFLAKE_PASSWORD: "Tr0ub4dor&3-wrong" },
      secret: "Tr0ub4dor&3-wrong",
      source: "password = (secret) from environment variable SNOWFLAKE_PASSWORD",
    }),
  },
  {
    method: "USERNAME_PASSWORD_MFA",
    settings: async () => ({ SNOWFLAKE_AUTHENTICATOR: "USERNAME_PASSWORD_MFA", SNOWFLAKE_USER: "mfa_user", SNOWFLAKE_PASSWORD: PASSWORD, SNOWFLAKE_PASSCODE: PASSCODE }),
    wrong: async () => ({
      settings: { SNOWFLAKE_AUTHENTICATOR: "USERNAME_PASSWORD_MFA", SNOWFLAKE_USER: "mfa_user", SNOWFLAKE_PASSWORD: PASSWORD, SNOWFLAKE_PASSCODE: "135799" },
      secret: "135799",
      source: "passcode = (secret) from environment variable SNOWFLAKE_PASSCODE",
    }),
  },
  {
    method: "EXTERNALBROWSER",
    settings: async () => ({ SNOWFLAKE_AUTHENTICATOR: "externalbrowser", SNOWFLAKE_USER: "sso_user" }),
  },
  {
    method: "OAUTH_CLIENT_CREDENTIALS",
    settings: async () => ({ SNOWFLAKE_AUTHENTICATOR: "OAUTH_CLIENT_CREDENTIALS", SNOWFLAKE_OAUTH_CLIENT_ID: "deploy-service", SNOWFLAKE_OAUTH_CLIENT_SECRET: CLIENT_SECRETS.credentials }),
    wrong: async () => ({
      settings: { SNOWFLAKE_AUTHENTICATOR: "OAUTH_CLIENT_CREDENTIALS", SNOWFLAKE_OAUTH_CLIENT_ID: "deploy-service", SNOWFLAKE_OAUTH_CLIENT_SECRET: "not-the-client-secret" },
      secret: "not-the-client-secret",
      source: "oauthClientSecret = (secret) from environment variable SNOWFLAKE_OAUTH_CLIENT_SECRET",
    }),
  },
  {
    method: "OAUTH_AUTHORIZATION_CODE",
    settings: async () => ({ SNOWFLAKE_AUTHENTICATOR: "OAUTH_AUTHORIZATION_CODE", SNOWFLAKE_USER: "oauth_user", SNOWFLAKE_OAUTH_CLIENT_ID: "pulumi-cli", SNOWFLAKE_OAUTH_CLIENT_SECRET: CLIENT_SECRETS.code }),
    wrong: async () => ({
      settings: {
        SNOWFLAKE_AUTHENTICATOR: "OAUTH_AUTHORIZATION_CODE", SNOWFLAKE_USER: "oauth_user", SNOWFLAKE_OAUTH_CLIENT_ID: "pulumi-cli",
        SNOWFLAKE_OAUTH_CLIENT_SECRET: "stolen-code-secret", SNOWFLAKE_CLIENT_STORE_TEMPORARY_CREDENTIAL: "false",
      },
      secret: "stolen-code-secret",
      source: "oauthClientSecret = (secret) from environment variable SNOWFLAKE_OAUTH_CLIENT_SECRET",
    }),
  },
  {
    method: "WORKLOAD_IDENTITY",
    settings: async () => ({ SNOWFLAKE_AUTHENTICATOR: "WORKLOAD_IDENTITY", SNOWFLAKE_WORKLOAD_IDENTITY_PROVIDER: "OIDC", SNOWFLAKE_TOKEN: await workloadToken() }),
    wrong: async () => {
      const token = await workloadToken(strangerKey.privateKey);
      return {
        settings: { SNOWFLAKE_AUTHENTICATOR: "WORKLOAD_IDENTITY", SNOWFLAKE_WORKLOAD_IDENTITY_PROVIDER: "OIDC", SNOWFLAKE_TOKEN: token },
        secret: token,
        source: "token = (secret) from environment variable SNOWFLAKE_TOKEN",
      };
    },
  },
];

describe.each(cases)("$method", ({ method, settings, wrong }) => {
  let env: Record<string, string>;
  beforeAll(async () => { env = { ...endpoint(), ...(await settings()) }; });

  test("two clients' concurrent first calls share one login, and the session token works on the REST API", async () => {
    // The same account + user + role + method reached through the environment and through stack config.
    const answers = await Promise.all([provider.listDatabases(env), provider.listDatabases(env, "stack config"), provider.listDatabases(env)]);
    expect(answers.map((answer) => answer.error ?? answer.status)).toEqual([200, 200, 200]);
    expect(logins()).toHaveLength(1);
    expect(log().filter((line) => line.startsWith("GET /api/v2/databases"))).toEqual(Array(3).fill("GET /api/v2/databases 200"));
  });

  test("after every session token expires, the next call renews it with the master token", async () => {
    emulator.sessions.expireAll();
    expect(await provider.listDatabases(env)).toMatchObject({ status: 200 });
    expect(log()).toEqual(expect.arrayContaining(["GET /api/v2/databases 401", "POST /session/token-request 200", "GET /api/v2/databases 200"]));
    expect(logins()).toHaveLength(0);
  });

  if (wrong) {
    test("a wrong credential fails naming the method and the source of every setting, never the secret", async () => {
      const { settings: wrongSettings, secret, source } = await wrong();
      const { error } = await provider.listDatabases({ ...endpoint(), ...wrongSettings });
      expect(error).toContain(`the ${method} login through snowflake-sdk failed`);
      expect(error).toContain(source);
      expect(error).toContain(`account = "${ACCOUNT}" from environment variable SNOWFLAKE_ACCOUNT`);
      expect(error).toContain(`port = "${emulator.port}" from environment variable SNOWFLAKE_PORT`);
      expect(error).not.toContain(secret);
    });
  }
});

describe("USERNAME_PASSWORD_MFA variants", () => {
  test("the passcode may be appended to the password", async () => {
    const answer = await provider.listDatabases({
      ...endpoint(), SNOWFLAKE_AUTHENTICATOR: "USERNAME_PASSWORD_MFA", SNOWFLAKE_USER: "mfa_user",
      SNOWFLAKE_PASSWORD: PASSWORD + PASSCODE, SNOWFLAKE_PASSCODE_IN_PASSWORD: "true",
    });
    expect(answer).toMatchObject({ status: 200 });
  });

  test("with clientRequestMfaToken, a second provider process logs in without a passcode", async () => {
    const env = { ...endpoint(), SNOWFLAKE_AUTHENTICATOR: "USERNAME_PASSWORD_MFA", SNOWFLAKE_USER: "mfa_cache_user", SNOWFLAKE_PASSWORD: PASSWORD, SNOWFLAKE_CLIENT_REQUEST_MFA_TOKEN: "true" };
    expect(await provider.listDatabases({ ...env, SNOWFLAKE_PASSCODE: PASSCODE })).toMatchObject({ status: 200 });
    const second = new ProviderProcess(path.join(scratch, "second-provider"), providerEnv);
    try {
      expect(await second.listDatabases(env)).toMatchObject({ status: 200 });
    } finally {
      expect(await second.close()).toBe(0);
    }
    expect(logins()).toHaveLength(2);
    expect(second.stdout).toBe("");
  });
});

describe("browser logins", () => {
  test("open the browser command that SNOWFLAKE_BROWSER names", () => {
    const visits = browserVisits();
    expect(visits.filter((url) => url.includes("/sso/authorize"))).toHaveLength(1);
    expect(visits.filter((url) => url.includes("/oauth/authorize") && url.includes("client_id=pulumi-cli"))).toHaveLength(2); // the wrong secret's too
  });
});

test("a session token past its expiry time is renewed before the next call, not after a 401", async () => {
  const shortSessions = await startEmulator({ accounts: [{ name: ACCOUNT, users }], sessionTokenLifetimeSeconds: 1 });
  try {
    const env = { ...endpoint(shortSessions), SNOWFLAKE_USER: "password_user", SNOWFLAKE_PASSWORD: PASSWORD };
    expect(await provider.listDatabases(env)).toMatchObject({ status: 200 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    shortSessions.clearRequestLog();
    expect(await provider.listDatabases(env)).toMatchObject({ status: 200 });
    expect(log(shortSessions)).toContain("POST /session/token-request 200");
    expect(log(shortSessions).filter((line) => line.startsWith("GET /api/v2/databases"))).toEqual(["GET /api/v2/databases 200"]);
  } finally {
    await shortSessions.close();
  }
});

describe("when the master token has expired too", () => {
  let shortLived: Emulator;
  let shortLivedProvider: ProviderProcess;
  beforeAll(async () => {
    shortLived = await startEmulator({ accounts: [{ name: ACCOUNT, users, oauthClients }], sessionTokenLifetimeSeconds: 1, masterTokenLifetimeSeconds: 1 });
    // Node reads NODE_EXTRA_CA_CERTS at start only, so this emulator's certificate needs a process of its own.
    const certificate = path.join(scratch, "short-lived.pem");
    fs.writeFileSync(certificate, shortLived.tlsCertificatePem);
    shortLivedProvider = new ProviderProcess(path.join(scratch, "short-lived-provider"), { ...providerEnv, NODE_EXTRA_CA_CERTS: certificate });
  });
  afterAll(async () => {
    expect(await shortLivedProvider.close()).toBe(0);
    await shortLived.close();
  });

  test.each([
    ["a password login", { SNOWFLAKE_USER: "password_user", SNOWFLAKE_PASSWORD: PASSWORD }],
    ["EXTERNALBROWSER", { SNOWFLAKE_AUTHENTICATOR: "EXTERNALBROWSER", SNOWFLAKE_USER: "sso_user" }],
    ["OAUTH_AUTHORIZATION_CODE", { SNOWFLAKE_AUTHENTICATOR: "OAUTH_AUTHORIZATION_CODE", SNOWFLAKE_USER: "oauth_user", SNOWFLAKE_OAUTH_CLIENT_ID: "pulumi-cli", SNOWFLAKE_OAUTH_CLIENT_SECRET: CLIENT_SECRETS.code }],
  ])("%s logs in again, a browser login from the credential cache rather than the browser", async (_, login: Record<string, string>) => {
    const env = { ...endpoint(shortLived), ...login };
    expect(await shortLivedProvider.listDatabases(env)).toMatchObject({ status: 200 });
    const opened = browserVisits().length;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    shortLived.clearRequestLog();
    expect(await shortLivedProvider.listDatabases(env)).toMatchObject({ status: 200 });
    expect(logins(shortLived)).toHaveLength(1);
    expect(browserVisits()).toHaveLength(opened);
  });
});

test("the provider process logs out, writes nothing to stdout and leaves no snowflake.log", async () => {
  expect(await provider.close()).toBe(0);
  expect(provider.stdout).toBe("");
  expect(fs.readdirSync(provider.cwd)).toEqual([]);
  expect(emulator.sessions.active()).toBe(0);
});
