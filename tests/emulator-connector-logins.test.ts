// The emulator's connector endpoints with the real snowflake-sdk as client: every login method (password, MFA,
// key pair, tokens, workload identity, browser SSO, the OAuth flows) ends in a working session.
import { execFile } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { resolve } from "node:path";
import { SignJWT } from "jose";
import { ACME, connect, credentialCacheDir, emulator, execute, destroy, expectWorkingSession, jwtKeys, MFA_PASSCODE, pem, rawCall, scriptedBrowser, snowflake, trustingEmulatorTls, useConnectorEmulator, WIF_ISSUER, WIF_SUBJECT, wifKeys } from "./support/connector-emulator";

useConnectorEmulator();

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

