// The emulator's connector endpoints with the real snowflake-sdk as client, after login: session tokens on the REST
// API and their renewal, several accounts in one emulator, and details of the connector protocol.
import { createHash } from "node:crypto";
import { request as httpRequest } from "node:http";
import { gzipSync } from "node:zlib";
import { startEmulator } from "./emulator";
import { ACME, connect, destroy, emulator, execute, expectWorkingSession, GLOBEX, patAuth, rawCall, RawResponse, sessionAuth, sessionTokenOf, useConnectorEmulator } from "./support/connector-emulator";

useConnectorEmulator();

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
