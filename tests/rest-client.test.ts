// The shared REST client against the emulator: authentication, typed errors, retries, 202 polling, deadlines.
import * as crypto from "crypto";
import { keyPairAuth, oauthAuth, programmaticAccessTokenAuth } from "../provider/client/auth";
import { ConflictError, InvalidArgumentError, NetworkError, NotFoundError, RetryTimeoutError, UnauthorizedError } from "../provider/client/errors";
import * as os from "os";
import { closeAllPools, connectionsPerOrigin, RestClient, sharedReadConnections } from "../provider/client/rest-client";
import { executeSql } from "../provider/client/sql-api";
import { sql } from "../provider/sql/sql-text";
import { Emulator, startEmulator } from "./emulator";

const FAST = { baseDelayMs: 10, maxDelayMs: 50, pollIntervalMs: 10, deadlineMs: 10_000 };

let emulator: Emulator;
let client: RestClient;

beforeAll(async () => {
  emulator = await startEmulator({ oauthTokens: ["oauth-token-1"] });
  client = new RestClient(emulator.url, programmaticAccessTokenAuth(emulator.credentials.programmaticAccessToken), FAST);
});
afterAll(async () => {
  await closeAllPools();
  await emulator.close();
});
beforeEach(() => emulator.clearRequestLog());

const pathsOf = (method?: string) => emulator.requestLog.filter((e) => !method || e.method === method).map((e) => `${e.method} ${e.path} ${e.status}`);

describe("authentication", () => {
  test("a programmatic access token is accepted, and the client names itself in User-Agent", async () => {
    const response = await client.request({ method: "GET", path: "/api/v2/warehouses" });
    expect(response.status).toBe(200);
    expect(Array.isArray(response.body)).toBe(true);
    const { version } = require("../package.json");
    expect(emulator.requestLog[0].userAgent).toMatch(new RegExp(`^pulumi-snowflake-dynamic/${version.replace(/\./g, "\\.")} \\(node `));
  });

  test("an unknown token is rejected with UnauthorizedError carrying status, code and request id", async () => {
    const stranger = new RestClient(emulator.url, programmaticAccessTokenAuth("not-a-token"), FAST);
    const error = await stranger.request({ method: "GET", path: "/api/v2/warehouses" }).catch((e) => e);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(error.status).toBe(401);
    expect(error.requestId).toMatch(/\S+/);
    expect(error.code).toMatch(/^\d+$/);
    expect(error.message).toContain("programmatic access token");
    expect(error.message).not.toContain("not-a-token");
  });

  test("an OAuth token is accepted", async () => {
    const oauth = new RestClient(emulator.url, oauthAuth({ token: "oauth-token-1" }), FAST);
    expect((await oauth.request({ method: "GET", path: "/api/v2/databases" })).status).toBe(200);
  });

  test("a key-pair JWT is accepted for the registered key and rejected for another key", async () => {
    const pair = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
    const other = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
    emulator.registerUser("JWT_USER", pair.publicKey.export({ type: "spki", format: "pem" }).toString());
    const pem = (key: crypto.KeyObject) => key.export({ type: "pkcs8", format: "pem" }).toString();

    const good = new RestClient(emulator.url, keyPairAuth({ account: emulator.account, user: "jwt_user", privateKeyPem: pem(pair.privateKey) }), FAST);
    expect((await good.request({ method: "GET", path: "/api/v2/warehouses" })).status).toBe(200);

    const bad = new RestClient(emulator.url, keyPairAuth({ account: emulator.account, user: "jwt_user", privateKeyPem: pem(other.privateKey) }), FAST);
    await expect(bad.request({ method: "GET", path: "/api/v2/warehouses" })).rejects.toBeInstanceOf(UnauthorizedError);
  });

  test("an encrypted PKCS#8 key needs its passphrase, and works with it", async () => {
    const pair = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
    emulator.registerUser("ENCRYPTED_USER", pair.publicKey.export({ type: "spki", format: "pem" }).toString());
    const encrypted = pair.privateKey.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "open sesame" }).toString();
    expect(() => keyPairAuth({ account: emulator.account, user: "encrypted_user", privateKeyPem: encrypted })).toThrow(/passphrase/);
    const auth = keyPairAuth({ account: emulator.account, user: "encrypted_user", privateKeyPem: encrypted, passphrase: "open sesame" });
    const keyed = new RestClient(emulator.url, auth, FAST);
    expect((await keyed.request({ method: "GET", path: "/api/v2/warehouses" })).status).toBe(200);
  });
});

describe("typed errors", () => {
  test("404 is NotFoundError, 409 ConflictError, 400 InvalidArgumentError, each with the request id", async () => {
    const missing = await client.request({ method: "GET", path: "/api/v2/warehouses/NO_SUCH_WH" }).catch((e) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing.requestId).toMatch(/\S+/);

    await client.request({ method: "POST", path: "/api/v2/warehouses", body: { name: "TYPED_ERRORS" } });
    const conflict = await client.request({ method: "POST", path: "/api/v2/warehouses", body: { name: "TYPED_ERRORS" } }).catch((e) => e);
    expect(conflict).toBeInstanceOf(ConflictError);
    expect(conflict.status).toBe(409);

    const invalid = await client.request({ method: "POST", path: "/api/v2/warehouses", body: { name: "bad-name!" } }).catch((e) => e);
    expect(invalid).toBeInstanceOf(InvalidArgumentError);
    expect(invalid.message).toContain("bad-name!");
    await client.request({ method: "DELETE", path: "/api/v2/warehouses/TYPED_ERRORS" });
  });
});

describe("retries", () => {
  test("429 is retried after the Retry-After delay, then succeeds", async () => {
    emulator.knobs.failNext(1, 429, { retryAfterSeconds: 1 });
    const started = Date.now();
    const response = await client.request({ method: "GET", path: "/api/v2/databases" });
    expect(response.status).toBe(200);
    // The backoff alone would be ~10 ms; waiting a second shows Retry-After was honoured.
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(pathsOf()).toEqual(["GET /api/v2/databases 429", "GET /api/v2/databases 200"]);
  });

  test("503, 504 and a dropped connection are retried for an idempotent request", async () => {
    emulator.knobs.failNext(1, 503);
    emulator.knobs.failNext(1, 504);
    emulator.knobs.failNext(1, "drop");
    const response = await client.request({ method: "GET", path: "/api/v2/warehouses" });
    expect(response.status).toBe(200);
    expect(pathsOf().filter((line) => line.endsWith(" 200"))).toHaveLength(1);
    expect(emulator.requestLog.length).toBeGreaterThanOrEqual(3);
  });

  test("a create whose connection drops is not sent twice, and the error names the request and the network cause", async () => {
    emulator.knobs.failNext(1, "drop");
    const error = await client.request({ method: "POST", path: "/api/v2/warehouses", body: { name: "NOT_TWICE" } }).catch((e) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(/^POST \/api\/v2\/warehouses: no answer from Snowflake \(UND_ERR_SOCKET: /);
    expect(pathsOf("POST")).toHaveLength(1);
  });

  test("a failed TLS handshake is not retried, and the error names the request and what to check", async () => {
    // The emulator's port also speaks TLS, with a self-signed certificate this process does not trust.
    const untrusted = new RestClient(emulator.url.replace(/^http:/, "https:"), programmaticAccessTokenAuth(emulator.credentials.programmaticAccessToken), FAST);
    emulator.clearRequestLog();
    const error = await untrusted.request({ method: "GET", path: "/api/v2/warehouses" }).catch((e) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(/^GET \/api\/v2\/warehouses: no answer from Snowflake \(DEPTH_ZERO_SELF_SIGNED_CERT: the certificate of https:\/\/127\.0\.0\.1:\d+ was not accepted: check the account host, and give .* NODE_EXTRA_CA_CERTS/);
    expect(emulator.requestLog).toEqual([]);
  });

  test("retrying stops at the deadline with RetryTimeoutError", async () => {
    emulator.knobs.failNext(1000, 503);
    const impatient = new RestClient(emulator.url, programmaticAccessTokenAuth(emulator.credentials.programmaticAccessToken), { ...FAST, deadlineMs: 300 });
    const error = await impatient.request({ method: "GET", path: "/api/v2/warehouses" }).catch((e) => e);
    emulator.knobs.failNext(0, 503);
    expect(error).toBeInstanceOf(RetryTimeoutError);
    expect(error.message).toMatch(/300 ms/);
  });
});

describe("202 accepted", () => {
  test("the client polls the result location until the final answer", async () => {
    emulator.knobs.acceptNext(1, 3);
    const response = await client.request({ method: "POST", path: "/api/v2/databases", body: { name: "SLOW_DB" } });
    expect(response.status).toBe(200);
    const log = pathsOf();
    expect(log[0]).toBe("POST /api/v2/databases 202");
    expect(log.slice(1).every((line) => line.startsWith("GET /api/v2/results/"))).toBe(true);
    expect(log).toHaveLength(4);
    expect(log[3]).toMatch(/ 200$/);
    const created = await client.request<{ name: string }>({ method: "GET", path: "/api/v2/databases/SLOW_DB" });
    expect(created.body.name).toBe("SLOW_DB");
  });

  test("an error delivered through polling is raised as the original request's typed error", async () => {
    emulator.knobs.acceptNext(1, 2);
    const error = await client.request({ method: "GET", path: "/api/v2/databases/NOT_THERE" }).catch((e) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.path).toBe("/api/v2/databases/NOT_THERE");
  });

  test("polling past the deadline names the request that was accepted, not only where its result was", async () => {
    emulator.knobs.acceptNext(1, 1000);
    const impatient = new RestClient(emulator.url, programmaticAccessTokenAuth(emulator.credentials.programmaticAccessToken), { ...FAST, deadlineMs: 200 });
    const error = await impatient.request({ method: "POST", path: "/api/v2/databases", body: { name: "NEVER_DB" } }).catch((e) => e);
    emulator.knobs.acceptNext(0, 1);
    expect(error).toBeInstanceOf(RetryTimeoutError);
    expect(error.message).toMatch(/^POST \/api\/v2\/databases was accepted \(202\) but did not complete within 200 ms \(its result was polled at \/api\/v2\/results\//);
  });
});

test("the connection pool is as wide as the engine's parallelism: PULUMI_PARALLEL, else 4 x CPUs", () => {
  expect(connectionsPerOrigin({ PULUMI_PARALLEL: "10" })).toBe(10);
  expect(connectionsPerOrigin({})).toBe(4 * os.cpus().length);
  expect(connectionsPerOrigin({ PULUMI_PARALLEL: "zero" })).toBe(4 * os.cpus().length);
  // Reads many operations wait for (coalesced lists, inventories) have connections of their own beside them.
  expect([sharedReadConnections({ PULUMI_PARALLEL: "10" }), sharedReadConnections({ PULUMI_PARALLEL: "1" })]).toEqual([5, 2]);
});

test("SHOW and DESCRIBE through the SQL API are not writes (what readers remember stays valid); DDL is", async () => {
  const counts = () => [client.writeCount, client.additionCount];
  const before = counts();
  await executeSql(client, sql`SHOW WAREHOUSES`);
  await executeSql(client, sql`  describe DATABASE SHOWN_ONLY_DB`).catch(() => undefined);
  await executeSql(client, sql`DESC WAREHOUSE NO_SUCH_WH`).catch(() => undefined);
  expect(counts()).toEqual(before);
  await executeSql(client, sql`CREATE RESOURCE MONITOR SQL_WRITE_RM`);
  expect(counts().map((count, index) => count > before[index])).toEqual([true, true]);
  // A statement only starting like one is not taken for it.
  const afterCreate = counts();
  await executeSql(client, sql`SHOWCASE`).catch(() => undefined);
  expect(counts().map((count, index) => count > afterCreate[index])).toEqual([true, true]);
});

test("a shared read does not queue behind the operations' requests: it has connections of its own", async () => {
  // One operation connection (PULUMI_PARALLEL=1, read when the pool is made) and answers 250 ms late: three
  // ordinary GETs take turns on it, while the shared one goes beside them and is answered with the first.
  const slow = await startEmulator({ latencyMs: 250 });
  const configured = process.env.PULUMI_PARALLEL;
  process.env.PULUMI_PARALLEL = "1";
  try {
    const narrow = new RestClient(slow.url, programmaticAccessTokenAuth(slow.credentials.programmaticAccessToken), FAST);
    const finished: string[] = [];
    const get = (label: string, shared: boolean) => narrow.request({ method: "GET", path: "/api/v2/warehouses", shared }).then(() => finished.push(label));
    await Promise.all([get("ordinary 1", false), get("ordinary 2", false), get("ordinary 3", false), get("shared", true)]);
    expect(finished.indexOf("shared")).toBeLessThan(finished.indexOf("ordinary 2"));
    expect(finished.filter((label) => label.startsWith("ordinary"))).toEqual(["ordinary 1", "ordinary 2", "ordinary 3"]);
  } finally {
    if (configured === undefined) delete process.env.PULUMI_PARALLEL;
    else process.env.PULUMI_PARALLEL = configured;
    await closeAllPools();
    await slow.close();
  }
});
