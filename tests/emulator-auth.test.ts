// The emulator through its HTTP surface: starting, authentication, request handling, knobs and the request log.
import { createHash, generateKeyPairSync, type KeyObject } from "node:crypto";
import { SignJWT } from "jose";
import { startEmulator, type Emulator } from "./emulator";
import { bearer, emulatorHttp } from "./support/emulator-http";

const OAUTH_TOKEN = "oauth-token-for-tests";

let emulator: Emulator;
let aliceKeys: { publicKey: KeyObject; privateKey: KeyObject };
let otherKeys: { publicKey: KeyObject; privateKey: KeyObject };
const { call, get, post, put, del, patHeaders } = emulatorHttp(() => emulator);

function rsaKeyPair() {
  return generateKeyPairSync("rsa", { modulusLength: 2048 });
}

function pem(key: KeyObject): string {
  return key.export({ type: "spki", format: "pem" }).toString();
}

function fingerprint(key: KeyObject): string {
  return `SHA256:${createHash("sha256")
    .update(key.export({ type: "spki", format: "der" }))
    .digest("base64")}`;
}

async function keypairJwt(
  claims: {
    account?: string;
    user?: string;
    fingerprintOf?: KeyObject;
    expiresIn?: string | number;
    issuedAt?: number;
  } = {},
  signingKey: KeyObject = aliceKeys.privateKey
): Promise<string> {
  const subject = `${claims.account ?? emulator.account}.${claims.user ?? "ALICE"}`;
  const jwt = new SignJWT({})
    .setProtectedHeader({ alg: "RS256" })
    .setIssuer(`${subject}.${fingerprint(claims.fingerprintOf ?? aliceKeys.publicKey)}`)
    .setSubject(subject)
    .setIssuedAt(claims.issuedAt)
    .setExpirationTime(claims.expiresIn ?? "1h");
  return jwt.sign(signingKey);
}

beforeAll(async () => {
  aliceKeys = rsaKeyPair();
  otherKeys = rsaKeyPair();
  emulator = await startEmulator({
    users: [{ name: "alice", rsaPublicKeyPem: pem(aliceKeys.publicKey) }],
    oauthTokens: [OAUTH_TOKEN],
  });
});

afterAll(async () => {
  await emulator.close();
});

describe("startEmulator", () => {
  it("describes where it listens and which credentials work", () => {
    expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
    expect(emulator).toMatchObject({ host: "127.0.0.1", protocol: "http", account: "EMULATOR" });
    expect(emulator.credentials.user).toBe("ALICE");
    expect(emulator.credentials.programmaticAccessToken.length).toBeGreaterThan(20);
  });
});

describe("authentication", () => {
  it("accepts the generated programmatic access token and rejects others", async () => {
    expect((await get("/api/v2/warehouses")).status).toBe(200);
    expect((await get("/api/v2/warehouses", { auth: patHeaders("not-a-token") })).status).toBe(401);
  });

  it("accepts PATs added later", async () => {
    expect((await get("/api/v2/warehouses", { auth: patHeaders("added-later") })).status).toBe(401);
    emulator.addProgrammaticAccessToken("added-later");
    expect((await get("/api/v2/warehouses", { auth: patHeaders("added-later") })).status).toBe(200);
  });

  it("rejects requests without credentials or without a token type", async () => {
    const missing = await get("/api/v2/warehouses", { auth: {} });
    expect(missing.status).toBe(401);
    const untyped = await get("/api/v2/warehouses", {
      auth: { Authorization: `Bearer ${emulator.credentials.programmaticAccessToken}` },
    });
    expect(untyped.status).toBe(401);
    expect(untyped.body.message).toMatch(/X-Snowflake-Authorization-Token-Type/);
    const unknownType = await get("/api/v2/warehouses", {
      auth: bearer(emulator.credentials.programmaticAccessToken, "PASSWORD"),
    });
    expect(unknownType.status).toBe(401);
  });

  it("checks OAuth tokens", async () => {
    expect((await get("/api/v2/warehouses", { auth: bearer(OAUTH_TOKEN, "OAUTH") })).status).toBe(200);
    const rejected = await get("/api/v2/warehouses", { auth: bearer("wrong", "OAUTH") });
    expect(rejected.status).toBe(401);
    expect(rejected.body.code).toBe("390303");
  });

  it("accepts a key-pair JWT signed with the registered key, case-insensitively", async () => {
    expect((await get("/api/v2/warehouses", { auth: bearer(await keypairJwt(), "KEYPAIR_JWT") })).status).toBe(200);
    const lowerCase = await keypairJwt({ account: "emulator", user: "alice" });
    expect((await get("/api/v2/warehouses", { auth: bearer(lowerCase, "KEYPAIR_JWT") })).status).toBe(200);
    // Authenticating REST APIs docs: with an account locator, the region part is not part of the account.
    const withRegion = await keypairJwt({ account: "EMULATOR.us-east-2.aws" });
    expect((await get("/api/v2/warehouses", { auth: bearer(withRegion, "KEYPAIR_JWT") })).status).toBe(200);
  });

  it.each([
    ["signed with another key", () => keypairJwt({}, otherKeys.privateKey)],
    [
      "naming another key's fingerprint",
      () => keypairJwt({ fingerprintOf: otherKeys.publicKey }, otherKeys.privateKey),
    ],
    [
      "expired",
      () =>
        keypairJwt({ issuedAt: Math.floor(Date.now() / 1000) - 7200, expiresIn: Math.floor(Date.now() / 1000) - 3600 }),
    ],
    ["issued in the future", () => keypairJwt({ issuedAt: Math.floor(Date.now() / 1000) + 600, expiresIn: "2h" })],
    ["for an unknown user", () => keypairJwt({ user: "MALLORY" })],
    ["for another account", () => keypairJwt({ account: "OTHER" })],
    ["that is not a JWT", async () => "not.a.jwt"],
  ])("rejects a key-pair JWT %s", async (_case, makeToken) => {
    const response = await get("/api/v2/warehouses", { auth: bearer(await makeToken(), "KEYPAIR_JWT") });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe("390144");
  });

  it("accepts keys of users registered later", async () => {
    emulator.registerUser("bob", pem(otherKeys.publicKey));
    const token = await keypairJwt({ user: "BOB", fingerprintOf: otherKeys.publicKey }, otherKeys.privateKey);
    expect((await get("/api/v2/warehouses", { auth: bearer(token, "KEYPAIR_JWT") })).status).toBe(200);
  });

  it("authenticates before revealing whether an /api/v2 path exists", async () => {
    expect((await get("/api/v2/nothing-here", { auth: {} })).status).toBe(401);
    expect((await get("/api/v2/nothing-here")).status).toBe(404);
    expect((await get("/elsewhere", { auth: {} })).status).toBe(404);
  });
});

describe("requests", () => {
  it("answers 405 for a known path with the wrong method", async () => {
    const response = await call("PATCH", "/api/v2/warehouses");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toContain("GET");
    expect((await get("/api/v2/warehouses/WH:resume")).status).toBe(405);
    expect((await post("/api/v2/warehouses/WH:set-tags", [])).status).toBe(404);
  });

  it("rejects unknown query parameters, bad JSON and other media types", async () => {
    const unknownParam = await get("/api/v2/warehouses", { query: { startsWith: "X" } });
    expect(unknownParam.status).toBe(400);
    expect(unknownParam.body.message).toContain("startsWith");
    expect((await call("POST", "/api/v2/warehouses", { rawBody: "{nope" })).status).toBe(400);
    const xml = await call("POST", "/api/v2/warehouses", {
      rawBody: "<warehouse/>",
      headers: { "Content-Type": "application/xml" },
    });
    expect(xml.status).toBe(415);
    expect((await post("/api/v2/warehouses", undefined)).status).toBe(400);
  });

  it("rejects bad query parameter values naming the parameter", async () => {
    const response = await post("/api/v2/warehouses", { name: "QP" }, { query: { createMode: "sometimes" } });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain("createMode");
    const ifExists = await del("/api/v2/warehouses/QP", { query: { ifExists: "maybe" } });
    expect(ifExists.status).toBe(400);
    expect(ifExists.body.message).toContain("ifExists");
  });
});

describe("knobs", () => {
  it("fails the next requests with 429 + Retry-After, 503 or 504, then recovers", async () => {
    emulator.knobs.failNext(1, 429, { retryAfterSeconds: 3 });
    emulator.knobs.failNext(2, 503);
    emulator.knobs.failNext(1, 504);
    const limited = await get("/api/v2/warehouses");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("3");
    expect((await get("/api/v2/warehouses")).status).toBe(503);
    expect((await post("/api/v2/warehouses", { name: "NEVER_CREATED" })).status).toBe(503);
    expect((await get("/elsewhere")).status).toBe(504);
    expect((await get("/api/v2/warehouses/NEVER_CREATED")).status).toBe(404);
  });

  it("cancels planned failures and 202s with a count of 0", async () => {
    emulator.knobs.failNext(5, 503);
    emulator.knobs.failNext(0, 503);
    emulator.knobs.acceptNext(5, 2);
    emulator.knobs.acceptNext(0, 2);
    expect((await get("/api/v2/warehouses")).status).toBe(200);
  });

  it("drops the connection without an answer", async () => {
    emulator.clearRequestLog();
    emulator.knobs.failNext(1, "drop");
    await expect(fetch(`${emulator.url}/api/v2/warehouses`, { headers: patHeaders() })).rejects.toThrow();
    expect(logWithoutUserAgents()).toEqual([{ method: "GET", path: "/api/v2/warehouses", query: {}, status: 0 }]);
    expect((await get("/api/v2/warehouses")).status).toBe(200);
  });

  it("answers 202 and serves the real result after the planned number of polls", async () => {
    emulator.knobs.acceptNext(1, 3);
    const accepted = await post("/api/v2/warehouses", { name: "WH_ASYNC" });
    expect(accepted.status).toBe(202);
    const location = accepted.headers.get("location")!;
    expect(location).toBe(`/api/v2/results/${accepted.body.resultHandler}`);
    expect(accepted.body).toMatchObject({ code: "392604", message: expect.any(String) });
    // The request already ran.
    expect((await get("/api/v2/warehouses/WH_ASYNC")).status).toBe(200);

    expect((await get(location)).status).toBe(202);
    expect((await get(location)).status).toBe(202);
    const done = await get(location);
    expect(done).toMatchObject({ status: 200, body: { status: "Warehouse WH_ASYNC successfully created." } });
    expect((await get(location)).status).toBe(200);
  });

  it("replays errors through the result endpoint too", async () => {
    emulator.knobs.acceptNext(1, 1);
    const accepted = await get("/api/v2/warehouses/NO_SUCH_WAREHOUSE");
    expect(accepted.status).toBe(202);
    const result = await get(accepted.headers.get("location")!);
    expect(result.status).toBe(404);
    expect(result.body.message).toContain("NO_SUCH_WAREHOUSE");
    expect((await get("/api/v2/results/unknown-handle")).status).toBe(404);
    expect((await get(accepted.headers.get("location")!, { auth: {} })).status).toBe(401);
  });

  it("delays responses by latencyMs", async () => {
    emulator.knobs.latencyMs = 60;
    const started = Date.now();
    await get("/api/v2/warehouses");
    emulator.knobs.latencyMs = 0;
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });
});

describe("request log", () => {
  it("records every request with its status, including 401s, failures and polls", async () => {
    emulator.clearRequestLog();
    await get("/api/v2/warehouses", { query: { like: "X%" } });
    await get("/api/v2/warehouses", { auth: {} });
    emulator.knobs.failNext(1, 503);
    await del("/api/v2/warehouses/WH_LOG");
    emulator.knobs.acceptNext(1, 1);
    const accepted = await put("/api/v2/warehouses/%22wh_log%22", { name: '"wh_log"' });
    await get(accepted.headers.get("location")!);
    expect(logWithoutUserAgents()).toEqual([
      { method: "GET", path: "/api/v2/warehouses", query: { like: "X%" }, status: 200 },
      { method: "GET", path: "/api/v2/warehouses", query: {}, status: 401 },
      { method: "DELETE", path: "/api/v2/warehouses/WH_LOG", query: {}, status: 503 },
      { method: "PUT", path: "/api/v2/warehouses/%22wh_log%22", query: {}, status: 202 },
      { method: "GET", path: accepted.headers.get("location"), query: {}, status: 200 },
    ]);
  });
});

/** The request log with the client-dependent User-Agent left out. */
function logWithoutUserAgents() {
  return emulator.requestLog.map(({ userAgent: _userAgent, ...entry }) => entry);
}
