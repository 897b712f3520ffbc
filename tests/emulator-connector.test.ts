// The emulator's connector endpoints with the real snowflake-sdk as client: every login method, queries, session
// tokens on the REST API, token renewal, and several accounts in one emulator.
import { execFile } from "node:child_process";
import { createHash, generateKeyPairSync, type KeyObject } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { SignJWT } from "jose";
import type * as SnowflakeSdk from "snowflake-sdk";
import { startEmulator, type Emulator } from "./emulator";

// Before the driver loads: no cloud metadata probes (platform_detection.js), no native telemetry addon
// (minicore/minicore.js; it holds a handle jest reports), and let WORKLOAD_IDENTITY talk to a 127.0.0.1 host
// (auth_workload_identity/host_allowlist.js).
process.env.SNOWFLAKE_DISABLE_PLATFORM_DETECTION = "true";
process.env.SNOWFLAKE_DISABLE_MINICORE = "1";
process.env.SNOWFLAKE_WIF_ALLOWED_HOST_SUFFIXES = "127.0.0.1";
const snowflake: typeof SnowflakeSdk = require("snowflake-sdk");
snowflake.configure({ logLevel: "OFF", useEnvProxy: false });

type Connection = SnowflakeSdk.Connection;
type ConnectionOptions = SnowflakeSdk.ConnectionOptions & Record<string, unknown>;

const ACME = "ACME";
const GLOBEX = "GLOBEX";
const MFA_PASSCODE = "123456";
const WIF_ISSUER = "https://issuer.example.test";
const WIF_SUBJECT = "system:serviceaccount:infra:deployer";

let emulator: Emulator;
let jwtKeys: { publicKey: KeyObject; privateKey: KeyObject };
let wifKeys: { publicKey: KeyObject; privateKey: KeyObject };
let credentialCacheDir: string;

beforeAll(async () => {
  jwtKeys = generateKeyPairSync("rsa", { modulusLength: 2048 });
  wifKeys = generateKeyPairSync("ec", { namedCurve: "P-256" });
  credentialCacheDir = mkdtempSync(join(tmpdir(), "emulator-connector-"));
  emulator = await startEmulator({
    accounts: [
      {
        name: ACME,
        users: [
          { name: "alice", password: "alice-password" },
          { name: "mfa_user", password: "mfa-password", mfaPasscode: MFA_PASSCODE },
          { name: "jwt_user", rsaPublicKeyPem: pem(jwtKeys.publicKey) },
          {
            name: "wif_user",
            workloadIdentity: { issuer: WIF_ISSUER, subject: WIF_SUBJECT, publicKeyPem: pem(wifKeys.publicKey) },
          },
        ],
        programmaticAccessTokens: ["acme-pat", { token: "acme-jwt-user-pat", user: "jwt_user" }],
        oauthTokens: ["acme-external-oauth-token"],
        oauthClients: [{ clientId: "acme-client", clientSecret: "acme-secret", user: "alice" }],
      },
      { name: GLOBEX, users: [{ name: "bob", password: "bob-password" }], programmaticAccessTokens: ["globex-pat"] },
    ],
  });
});

afterAll(async () => {
  await emulator.close();
  rmSync(credentialCacheDir, { recursive: true, force: true });
});

function pem(key: KeyObject): string {
  return key.export({ type: "spki", format: "pem" }).toString();
}

function connect(options: ConnectionOptions): Promise<Connection> {
  const connection = snowflake.createConnection({
    account: ACME,
    accessUrl: emulator.url,
    sfRetryMaxLoginRetries: 0,
    ...options,
  } as SnowflakeSdk.ConnectionOptions);
  return new Promise((resolvePromise, reject) =>
    connection.connect((error, connected) => (error ? reject(error) : resolvePromise(connected)))
  );
}

function execute(connection: Connection, sqlText: string): Promise<Record<string, unknown>[]> {
  return new Promise((resolvePromise, reject) =>
    connection.execute({
      sqlText,
      complete: (error, _statement, rows) => (error ? reject(error) : resolvePromise(rows ?? [])),
    })
  );
}

function destroy(connection: Connection): Promise<void> {
  return new Promise((resolvePromise, reject) =>
    connection.destroy((error) => (error ? reject(error) : resolvePromise()))
  );
}

function sessionTokenOf(connection: Connection): string {
  return JSON.parse(snowflake.serializeConnection(connection)).services.sf.tokenInfo.sessionToken;
}

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: any; // checked field by field in the tests
}

/** node:http, because fetch does not let a caller set Host. */
function rawCall(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<RawResponse> {
  return new Promise((resolvePromise, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const call = httpRequest(
      new URL(path, emulator.url),
      { method, headers: { ...headers, ...(payload && { "Content-Type": "application/json" }) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolvePromise({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: text ? JSON.parse(text) : undefined,
          });
        });
      }
    );
    call.on("error", reject);
    call.end(payload);
  });
}

const sessionAuth = (token: string) => ({ Authorization: `Snowflake Token="${token}"` });
const patAuth = (token: string) => ({
  Authorization: `Bearer ${token}`,
  "X-Snowflake-Authorization-Token-Type": "PROGRAMMATIC_ACCESS_TOKEN",
});

/** The checks every login ends with: a query answers as the user, and the session token works on /api/v2. */
async function expectWorkingSession(connection: Connection, user: string, account = ACME): Promise<void> {
  const rows = await execute(connection, "SELECT CURRENT_ACCOUNT(), CURRENT_USER()");
  expect(rows).toEqual([{ "CURRENT_ACCOUNT()": account, "CURRENT_USER()": user }]);
  const databases = await rawCall("GET", "/api/v2/databases", sessionAuth(sessionTokenOf(connection)));
  expect(databases.status).toBe(200);
  await destroy(connection);
}

/** The "browser": opens the URL without following redirects, then calls where it was sent (the driver's callback). */
async function scriptedBrowser(url: string): Promise<void> {
  const page = await fetch(url, { redirect: "manual" });
  const location = page.headers.get("location");
  if (!location) throw new Error(`No redirect from ${url}: ${page.status} ${await page.text()}`);
  // The driver's callback server answers and drops the socket; the answer itself does not matter.
  await fetch(location)
    .then((answer) => answer.text())
    .catch(() => undefined);
}

/** The driver sends /session/authenticator-request to https://<host>: trust the emulator's certificate there. */
function trustingEmulatorTls(): (agentOptions: object) => HttpsAgent {
  const agent = new HttpsAgent({ ca: emulator.tlsCertificatePem, keepAlive: false });
  return () => agent;
}

describe("password logins", () => {
  it("logs in with user and password, and refuses a wrong password with 390100", async () => {
    await expectWorkingSession(await connect({ username: "alice", password: "alice-password" }), "ALICE");
    await expect(connect({ username: "alice", password: "wrong" })).rejects.toMatchObject({ code: "390100" });
    await expect(connect({ username: "nobody", password: "x" })).rejects.toMatchObject({ code: "390100" });
  });

  it("asks MFA users for a passcode (USERNAME_PASSWORD_MFA)", async () => {
    const mfa = { username: "mfa_user", password: "mfa-password", authenticator: "USERNAME_PASSWORD_MFA" };
    await expectWorkingSession(await connect({ ...mfa, passcode: MFA_PASSCODE }), "MFA_USER");
    await expect(connect({ ...mfa, passcode: "000000" })).rejects.toMatchObject({ code: "394508" });
    await expect(connect(mfa)).rejects.toMatchObject({ code: "394508" });
    // MFA is the user's enrollment: the plain SNOWFLAKE authenticator needs the passcode too.
    await expect(connect({ username: "mfa_user", password: "mfa-password" })).rejects.toMatchObject({ code: "394508" });
  });

  it("takes the passcode appended to the password (passcodeInPassword)", async () => {
    const connection = await connect({
      username: "mfa_user",
      password: `mfa-password${MFA_PASSCODE}`,
      authenticator: "USERNAME_PASSWORD_MFA",
      passcodeInPassword: true,
    });
    await expectWorkingSession(connection, "MFA_USER");
  });

  it("hands out an MFA token that spares the next login the passcode", async () => {
    // connection.js reads the cached token through the credential manager, which clientStoreTemporaryCredential sets up.
    const cached = {
      username: "mfa_user",
      password: "mfa-password",
      authenticator: "USERNAME_PASSWORD_MFA",
      clientRequestMFAToken: true,
      clientStoreTemporaryCredential: true,
      credentialCacheDir,
    };
    await expectWorkingSession(await connect({ ...cached, passcode: MFA_PASSCODE }), "MFA_USER");
    await expectWorkingSession(await connect(cached), "MFA_USER");
  });

  it("accepts a PAT in place of the password", async () => {
    await expectWorkingSession(await connect({ username: "jwt_user", password: "acme-jwt-user-pat" }), "JWT_USER");
  });
});

describe("token logins", () => {
  it("logs in with a key pair (SNOWFLAKE_JWT, iat/exp in milliseconds)", async () => {
    const privateKey = jwtKeys.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    await expectWorkingSession(
      await connect({ username: "jwt_user", authenticator: "SNOWFLAKE_JWT", privateKey }),
      "JWT_USER"
    );
    const otherKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    const wrongKey = otherKey.export({ type: "pkcs8", format: "pem" }).toString();
    await expect(
      connect({ username: "jwt_user", authenticator: "SNOWFLAKE_JWT", privateKey: wrongKey })
    ).rejects.toMatchObject({ code: "390144" });
  });

  it("logs in with an OAuth access token (OAUTH)", async () => {
    await expectWorkingSession(await connect({ authenticator: "OAUTH", token: "acme-external-oauth-token" }), "ALICE");
    await expect(connect({ authenticator: "OAUTH", token: "forged" })).rejects.toMatchObject({ code: "390303" });
  });

  it("logs in with a programmatic access token (PROGRAMMATIC_ACCESS_TOKEN)", async () => {
    await expectWorkingSession(
      await connect({ authenticator: "PROGRAMMATIC_ACCESS_TOKEN", username: "jwt_user", token: "acme-jwt-user-pat" }),
      "JWT_USER"
    );
    await expectWorkingSession(
      await connect({ authenticator: "PROGRAMMATIC_ACCESS_TOKEN", token: "acme-pat" }),
      "ALICE"
    );
    await expect(connect({ authenticator: "PROGRAMMATIC_ACCESS_TOKEN", token: "globex-pat" })).rejects.toMatchObject({
      code: "390100",
    });
  });

  it("logs in with an OIDC workload identity (WORKLOAD_IDENTITY)", async () => {
    const mint = (audience: string) =>
      new SignJWT({})
        .setProtectedHeader({ alg: "ES256" })
        .setIssuer(WIF_ISSUER)
        .setSubject(WIF_SUBJECT)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime("5m")
        .sign(wifKeys.privateKey);
    const wif = { authenticator: "WORKLOAD_IDENTITY", workloadIdentityProvider: "OIDC" as const };
    await expectWorkingSession(await connect({ ...wif, token: await mint("snowflakecomputing.com") }), "WIF_USER");
    await expect(connect({ ...wif, token: await mint("elsewhere") })).rejects.toMatchObject({ code: "390407" });
  });
});

describe("browser logins", () => {
  it("logs in through the external browser (EXTERNALBROWSER)", async () => {
    const connection = await connect({
      authenticator: "EXTERNALBROWSER",
      username: "alice",
      // sso_url_provider.js posts to https://<host>/session/authenticator-request: host with the port, and trust.
      host: `127.0.0.1:${emulator.port}`,
      agentClass: trustingEmulatorTls(),
      openExternalBrowserCallback: (url: string) => void scriptedBrowser(url),
    });
    await expectWorkingSession(connection, "ALICE");
    expect(emulator.requestLog).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ method: "POST", path: "/session/authenticator-request", status: 200 }),
        expect.objectContaining({ method: "GET", path: "/sso/authorize", status: 302 }),
      ])
    );
  });

  it("caches the ID token so the next login needs no browser (clientStoreTemporaryCredential)", async () => {
    const options = {
      authenticator: "EXTERNALBROWSER",
      username: "alice",
      host: `127.0.0.1:${emulator.port}`,
      agentClass: trustingEmulatorTls(),
      clientStoreTemporaryCredential: true,
      credentialCacheDir,
    };
    let browserOpened = 0;
    const browser = (url: string) => {
      browserOpened++;
      void scriptedBrowser(url);
    };
    await expectWorkingSession(await connect({ ...options, openExternalBrowserCallback: browser }), "ALICE");
    await expectWorkingSession(await connect({ ...options, openExternalBrowserCallback: browser }), "ALICE");
    expect(browserOpened).toBe(1);
  });

  it("refuses a browser sign-in as someone other than the login name (390191)", async () => {
    await expect(
      connect({
        authenticator: "EXTERNALBROWSER",
        username: "alice",
        host: `127.0.0.1:${emulator.port}`,
        agentClass: trustingEmulatorTls(),
        openExternalBrowserCallback: (url: string) => void scriptedBrowser(`${url}&user=jwt_user`),
      })
    ).rejects.toMatchObject({ code: "390191" });
  });
});

// The driver loads oauth4webapi with `await import()`, which jest's module sandbox refuses without
// --experimental-vm-modules; these flows run the driver in a plain node child process instead.
const CHILD_CLIENT = `
const snowflake = require("snowflake-sdk");
snowflake.configure({ logLevel: "OFF", useEnvProxy: false });
const { scriptedBrowser, ...options } = JSON.parse(process.env.CONNECTOR_TEST_OPTIONS);
if (scriptedBrowser) {
  options.openExternalBrowserCallback = (url) => {
    (async () => {
      const page = await fetch(url, { redirect: "manual" });
      await fetch(page.headers.get("location")).then((answer) => answer.text()).catch(() => undefined);
    })().catch(() => undefined);
  };
}
const finish = (result) => { process.stdout.write(JSON.stringify(result)); };
const connection = snowflake.createConnection(options);
connection.connect((error) => {
  if (error) return finish({ error: { code: error.code, message: error.message } });
  connection.execute({
    sqlText: "SELECT CURRENT_ACCOUNT(), CURRENT_USER()",
    complete: (queryError, _statement, rows) => {
      const { sessionToken } = JSON.parse(snowflake.serializeConnection(connection)).services.sf.tokenInfo;
      connection.destroy(() => finish({ error: queryError && { message: queryError.message }, rows, sessionToken }));
    },
  });
});
`;

interface ChildResult {
  error?: { code?: string; message: string };
  rows?: Record<string, unknown>[];
  sessionToken?: string;
}

function connectInChildProcess(options: Record<string, unknown>): Promise<ChildResult> {
  const env = {
    ...process.env,
    CONNECTOR_TEST_OPTIONS: JSON.stringify({
      account: ACME,
      accessUrl: emulator.url,
      sfRetryMaxLoginRetries: 0,
      ...options,
    }),
  };
  return new Promise((resolvePromise, reject) =>
    execFile(
      process.execPath,
      ["-e", CHILD_CLIENT],
      { cwd: resolve(__dirname, ".."), env, timeout: 20_000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${error.message}\n${stderr}`));
        resolvePromise(JSON.parse(stdout));
      }
    )
  );
}

describe("OAuth flows against the emulated Snowflake OAuth server", () => {
  const client = { oauthClientId: "acme-client", oauthClientSecret: "acme-secret", oauthHttpAllowed: true };

  async function expectChildSession(result: ChildResult, user: string): Promise<void> {
    expect(result.error ?? undefined).toBeUndefined();
    expect(result.rows).toEqual([{ "CURRENT_ACCOUNT()": ACME, "CURRENT_USER()": user }]);
  }

  it("logs in with client credentials (OAUTH_CLIENT_CREDENTIALS)", async () => {
    emulator.clearRequestLog();
    await expectChildSession(
      await connectInChildProcess({ authenticator: "OAUTH_CLIENT_CREDENTIALS", ...client }),
      "ALICE"
    );
    expect(emulator.requestLog.map(({ method, path, status }) => `${method} ${path} ${status}`)).toEqual(
      expect.arrayContaining(["POST /oauth/token-request 200", "POST /session/v1/login-request 200"])
    );
    const wrongSecret = await connectInChildProcess({
      authenticator: "OAUTH_CLIENT_CREDENTIALS",
      ...client,
      oauthClientSecret: "wrong",
    });
    expect(wrongSecret.error).toBeDefined();
  });

  it("logs in with an authorization code and PKCE (OAUTH_AUTHORIZATION_CODE)", async () => {
    emulator.clearRequestLog();
    const result = await connectInChildProcess({
      authenticator: "OAUTH_AUTHORIZATION_CODE",
      ...client,
      scriptedBrowser: true,
    });
    await expectChildSession(result, "ALICE");
    expect(emulator.requestLog.map(({ method, path, status }) => `${method} ${path} ${status}`)).toEqual(
      expect.arrayContaining(["GET /oauth/authorize 302", "POST /oauth/token-request 200"])
    );
  });

  it("issues access tokens that also work as REST bearer tokens", async () => {
    const answer = await fetch(`${emulator.url}/oauth/token-request`, {
      method: "POST",
      headers: {
        Authorization: `Basic ${Buffer.from("acme-client:acme-secret").toString("base64")}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials&scope=session%3Arole%3ASYSADMIN",
    });
    expect(answer.status).toBe(200);
    const token: any = await answer.json();
    expect(token).toMatchObject({
      token_type: "Bearer",
      expires_in: 600,
      username: "ALICE",
      scope: "session:role:SYSADMIN",
    });
    const databases = await rawCall("GET", "/api/v2/databases", {
      Authorization: `Bearer ${token.access_token}`,
      "X-Snowflake-Authorization-Token-Type": "OAUTH",
    });
    expect(databases.status).toBe(200);
  });
});

describe("sessions", () => {
  it("renews an expired session token through the master token and keeps the old one expired", async () => {
    const connection = await connect({ username: "alice", password: "alice-password" });
    const oldToken = sessionTokenOf(connection);
    emulator.sessions.expireAll();
    emulator.clearRequestLog();

    expect(await execute(connection, "SELECT 1")).toEqual([{ "1": 1 }]);
    // The driver's post-login telemetry is fire-and-forget and may land at any time.
    const log = emulator.requestLog
      .filter(({ path }) => path !== "/telemetry/send")
      .map(({ method, path, status }) => `${method} ${path} ${status}`);
    // sf.js: the 390112 answer makes the driver renew via /session/token-request, then replay the query.
    expect(log).toEqual([
      "POST /queries/v1/query-request 200",
      "POST /session/token-request 200",
      "POST /queries/v1/query-request 200",
    ]);

    const expired = await rawCall("GET", "/api/v2/databases", sessionAuth(oldToken));
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ code: "390112", message: "Your session has expired. Please login again." });
    const renewed = sessionTokenOf(connection);
    expect(renewed).not.toBe(oldToken);
    expect((await rawCall("GET", "/api/v2/databases", sessionAuth(renewed))).status).toBe(200);
    expect((await rawCall("GET", "/api/v2/databases", sessionAuth("made-up"))).body.code).toBe("390104");
    expect(await connection.isValidAsync()).toBe(true); // POST /session/heartbeat

    const before = emulator.sessions.active();
    await destroy(connection);
    expect(emulator.sessions.active()).toBe(before - 1);
    expect((await rawCall("GET", "/api/v2/databases", sessionAuth(renewed))).status).toBe(401);
  });

  it("answers SHOW from the account's objects and refuses SQL it does not know with 002003", async () => {
    const pat = patAuth("acme-pat");
    expect(
      (await rawCall("POST", "/api/v2/warehouses", pat, { name: "SHOWN_WH", warehouse_size: "SMALL" })).status
    ).toBe(200);
    const connection = await connect({ username: "alice", password: "alice-password", warehouse: "SHOWN_WH" });
    const warehouses = await execute(connection, "show warehouses like 'SHOWN%'");
    expect(warehouses).toEqual([expect.objectContaining({ name: "SHOWN_WH", size: "SMALL", state: "STARTED" })]);
    expect(warehouses[0].created_on).toBeDefined();
    expect(await execute(connection, "SELECT CURRENT_WAREHOUSE() AS wh, CURRENT_ROLE(), 'x' label")).toEqual([
      { WH: "SHOWN_WH", "CURRENT_ROLE()": "ACCOUNTADMIN", LABEL: "x" },
    ]);
    await expect(execute(connection, "CREATE TABLE T (A INT)")).rejects.toMatchObject({
      code: "002003",
      sqlState: "02000",
    });
    await destroy(connection);
  });

  it("refuses roles the user does not have", async () => {
    await expect(connect({ username: "alice", password: "alice-password", role: "NOPE" })).rejects.toMatchObject({
      code: "390189",
    });
    const connection = await connect({ username: "alice", password: "alice-password", role: "sysadmin" });
    expect(await execute(connection, "SELECT CURRENT_ROLE()")).toEqual([{ "CURRENT_ROLE()": "SYSADMIN" }]);
    await destroy(connection);
  });
});

describe("several accounts", () => {
  it("keeps each account's objects, users and credentials apart", async () => {
    expect(emulator.accountNames).toEqual([ACME, GLOBEX]);
    expect(emulator.account).toBe(ACME);
    expect(emulator.accountHandle("globex").credentials).toEqual({
      user: "BOB",
      programmaticAccessToken: "globex-pat",
      password: "bob-password",
    });

    const created = await rawCall("POST", "/api/v2/databases", patAuth("acme-pat"), { name: "ACME_ONLY" });
    expect(created.status).toBe(200);
    const acmeNames = (await rawCall("GET", "/api/v2/databases", patAuth("acme-pat"))).body.map((d: any) => d.name);
    const globexNames = (await rawCall("GET", "/api/v2/databases", patAuth("globex-pat"))).body.map((d: any) => d.name);
    expect(acmeNames).toContain("ACME_ONLY");
    expect(globexNames).not.toContain("ACME_ONLY");

    const bob = await connect({ account: GLOBEX, username: "bob", password: "bob-password" });
    expect(await execute(bob, "SHOW DATABASES")).toEqual([]);
    await expectWorkingSession(bob, "BOB", GLOBEX);
    await expect(connect({ account: GLOBEX, username: "alice", password: "alice-password" })).rejects.toMatchObject({
      code: "390100",
    });
    await expect(connect({ account: "INITECH", username: "bob", password: "bob-password" })).rejects.toMatchObject({
      code: "390403",
    });
  });

  it("refuses a credential sent to another account's host", async () => {
    const acmeHost = { Host: "acme.snowflakecomputing.com" };
    const globexHost = { Host: "globex.us-east-2.aws.snowflakecomputing.com" };
    expect((await rawCall("GET", "/api/v2/databases", { ...patAuth("acme-pat"), ...acmeHost })).status).toBe(200);
    const crossed = await rawCall("GET", "/api/v2/databases", { ...patAuth("acme-pat"), ...globexHost });
    expect(crossed.status).toBe(401);
    expect(crossed.body.code).toBe("390402");

    const connection = await connect({ username: "alice", password: "alice-password" });
    const token = sessionTokenOf(connection);
    expect((await rawCall("GET", "/api/v2/databases", { ...sessionAuth(token), ...globexHost })).status).toBe(401);
    expect((await rawCall("GET", "/api/v2/databases", { ...sessionAuth(token), ...acmeHost })).status).toBe(200);
    await destroy(connection);
  });
});

describe("connector protocol details", () => {
  const login = (data: Record<string, unknown>, query = "", headers: Record<string, string> = {}) =>
    rawCall("POST", `/session/v1/login-request${query}`, headers, { data: { ACCOUNT_NAME: ACME, ...data } });
  const pkceChallenge = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");

  it("answers connector failures as HTTP 200 with success:false and Snowflake's codes", async () => {
    const noToken = await rawCall("POST", "/queries/v1/query-request", {}, { sqlText: "SELECT 1" });
    expect(noToken).toMatchObject({ status: 200, body: { success: false, code: "390104", data: null } });
    expect(await login({ LOGIN_NAME: "alice", PASSWORD: "nope" })).toMatchObject({
      status: 200,
      body: { success: false, code: "390100", message: "Incorrect username or password was specified." },
    });
    expect((await login({ AUTHENTICATOR: "https://acme.okta.com", LOGIN_NAME: "alice" })).body.code).toBe("390139");
    expect(
      (await login({ LOGIN_NAME: "alice", PASSWORD: "alice-password" }, "", { Host: "globex.snowflakecomputing.com" }))
        .body.code
    ).toBe("390402");
  });

  it("reads gzip-compressed login bodies and reports the session's objects", async () => {
    const body = gzipSync(
      JSON.stringify({ data: { ACCOUNT_NAME: "acme", LOGIN_NAME: "ALICE", PASSWORD: "alice-password" } })
    );
    const answer = await new Promise<RawResponse>((resolvePromise, reject) => {
      const call = httpRequest(
        new URL("/session/v1/login-request?databaseName=nowhere&roleName=PUBLIC", emulator.url),
        { method: "POST", headers: { "Content-Type": "application/json", "Content-Encoding": "gzip" } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolvePromise({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: JSON.parse(Buffer.concat(chunks).toString()),
            })
          );
        }
      );
      call.on("error", reject);
      call.end(body);
    });
    expect(answer.headers["content-type"]).toBe("application/json");
    expect(answer.body).toMatchObject({
      success: true,
      data: {
        token: expect.any(String),
        masterToken: expect.any(String),
        validityInSeconds: 3600,
        masterValidityInSeconds: 14400,
        sessionId: expect.any(Number),
        sessionInfo: { databaseName: null, schemaName: null, warehouseName: null, roleName: "PUBLIC" },
        parameters: expect.arrayContaining([{ name: "TIMEZONE", value: "UTC" }]),
      },
    });
  });

  it("refuses renewal once the master token has expired (390114)", async () => {
    const shortLived = await startEmulator({
      users: [{ name: "u", password: "p" }],
      sessionTokenLifetimeSeconds: 0,
      masterTokenLifetimeSeconds: 0,
    });
    try {
      const call = (path: string, headers: Record<string, string>, body: unknown) =>
        fetch(`${shortLived.url}${path}`, {
          method: "POST",
          headers: { "Content-Type": "application/json", ...headers },
          body: JSON.stringify(body),
        }).then((answer) => answer.json() as Promise<any>);
      const { data } = await call(
        "/session/v1/login-request",
        {},
        { data: { ACCOUNT_NAME: "EMULATOR", LOGIN_NAME: "u", PASSWORD: "p" } }
      );
      expect((await call("/queries/v1/query-request", sessionAuth(data.token), { sqlText: "SELECT 1" })).code).toBe(
        "390112"
      );
      const renewal = await call("/session/token-request", sessionAuth(data.masterToken), {
        requestType: "RENEW",
        oldSessionToken: data.token,
      });
      expect(renewal).toMatchObject({ success: false, code: "390114" });
      expect(shortLived.sessions.active()).toBe(0);
    } finally {
      await shortLived.close();
    }
  });

  it("signs in through /console/login with the driver's own proof key, then reuses the ID token", async () => {
    const page = await fetch(
      `${emulator.url}/console/login?login_name=alice&proof_key=client-proof&browser_mode_redirect_port=50123`,
      { redirect: "manual" }
    );
    expect(page.status).toBe(302);
    const location = new URL(page.headers.get("location")!);
    expect(location.origin).toBe("http://localhost:50123");
    const token = location.searchParams.get("token")!;
    const browserLogin = (proofKey: string) =>
      login({
        AUTHENTICATOR: "EXTERNALBROWSER",
        LOGIN_NAME: "alice",
        TOKEN: token,
        PROOF_KEY: proofKey,
        SESSION_PARAMETERS: { CLIENT_STORE_TEMPORARY_CREDENTIAL: true },
      });
    const answer = await browserLogin("client-proof");
    expect(answer.body).toMatchObject({ success: true, data: { idToken: expect.any(String) } });
    expect((await browserLogin("client-proof")).body.code).toBe("390406"); // one use only
    const idLogin = await login({ AUTHENTICATOR: "ID_TOKEN", LOGIN_NAME: "alice", TOKEN: answer.body.data.idToken });
    expect(idLogin.body.success).toBe(true);
    expect((await login({ AUTHENTICATOR: "ID_TOKEN", LOGIN_NAME: "alice", TOKEN: "stale" })).body.code).toBe("390195");
  });

  it("checks authorization codes: PKCE verifier, one use, redirect_uri; refresh tokens work", async () => {
    const redirectUri = "http://127.0.0.1:50124/callback";
    const verifier = "a-code-verifier-that-is-long-enough-for-pkce-0123456789";
    const authorize = async (extra = "") => {
      const query = new URLSearchParams({
        client_id: "acme-client",
        redirect_uri: redirectUri,
        response_type: "code",
        code_challenge: pkceChallenge(verifier),
        code_challenge_method: "S256",
        state: "xyz",
      });
      const answer = await fetch(`${emulator.url}/oauth/authorize?${query}${extra}`, { redirect: "manual" });
      return new URL(answer.headers.get("location")!);
    };
    const exchange = async (form: Record<string, string>) => {
      const answer = await fetch(`${emulator.url}/oauth/token-request`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ client_id: "acme-client", client_secret: "acme-secret", ...form }),
      });
      return { status: answer.status, body: (await answer.json()) as any };
    };

    const first = await authorize();
    // auth_oauth_authorization_code.js reads state off the end of the callback's request line.
    expect([...first.searchParams.keys()]).toEqual(["code", "state"]);
    expect(first.searchParams.get("state")).toBe("xyz");
    const codeGrant = (code: string, codeVerifier: string) =>
      exchange({ grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: codeVerifier });
    expect(await codeGrant(first.searchParams.get("code")!, "wrong-verifier")).toMatchObject({
      status: 400,
      body: { error: "invalid_grant" },
    });
    const code = (await authorize()).searchParams.get("code")!;
    const granted = await codeGrant(code, verifier);
    expect(granted).toMatchObject({ status: 200, body: { token_type: "Bearer", refresh_token: expect.any(String) } });
    expect((await codeGrant(code, verifier)).status).toBe(400);
    const refreshed = await exchange({ grant_type: "refresh_token", refresh_token: granted.body.refresh_token });
    expect(refreshed).toMatchObject({ status: 200, body: { access_token: expect.any(String), username: "ALICE" } });

    const denied = await authorize("&deny=true");
    expect(denied.searchParams.get("error")).toBe("access_denied");
    const unknownClient = await fetch(`${emulator.url}/oauth/authorize?client_id=nobody&redirect_uri=${redirectUri}`, {
      redirect: "manual",
    });
    expect(unknownClient.status).toBe(400);
    expect(await exchange({ grant_type: "client_credentials", client_secret: "wrong" })).toMatchObject({
      status: 401,
      body: { error: "invalid_client" },
    });
  });

  it("refuses a Host header naming an account it does not host, and mixed account options", async () => {
    const unknownHost = await rawCall("GET", "/api/v2/databases", {
      ...patAuth("acme-pat"),
      Host: "initech.snowflakecomputing.com",
    });
    expect(unknownHost).toMatchObject({ status: 401, body: { code: "390403" } });
    await expect(startEmulator({ account: "X", accounts: [{ name: "Y" }] })).rejects.toThrow(/inside `accounts`/);
    expect(() => emulator.accountHandle("initech")).toThrow(/no account initech/);
  });
});
