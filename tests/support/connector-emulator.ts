// One emulator with connector users for a test file, and the real snowflake-sdk as client: connecting, queries,
// raw calls with session tokens, and the scripted browser that SSO logins open.
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as SnowflakeSdk from "snowflake-sdk";
import { startEmulator, type Emulator } from "../emulator";

// Before the driver loads: no cloud metadata probes (platform_detection.js), no native telemetry addon
// (minicore/minicore.js; it holds a handle jest reports), and let WORKLOAD_IDENTITY talk to a 127.0.0.1 host
// (auth_workload_identity/host_allowlist.js).
process.env.SNOWFLAKE_DISABLE_PLATFORM_DETECTION = "true";
process.env.SNOWFLAKE_DISABLE_MINICORE = "1";
process.env.SNOWFLAKE_WIF_ALLOWED_HOST_SUFFIXES = "127.0.0.1";
export const snowflake: typeof SnowflakeSdk = require("snowflake-sdk");
snowflake.configure({ logLevel: "OFF", useEnvProxy: false });

export type Connection = SnowflakeSdk.Connection;
export type ConnectionOptions = SnowflakeSdk.ConnectionOptions & Record<string, unknown>;

export const ACME = "ACME";
export const GLOBEX = "GLOBEX";
export const MFA_PASSCODE = "123456";
export const WIF_ISSUER = "https://issuer.example.test";
export const WIF_SUBJECT = "system:serviceaccount:infra:deployer";

export let emulator: Emulator;
export let jwtKeys: { publicKey: KeyObject; privateKey: KeyObject };
export let wifKeys: { publicKey: KeyObject; privateKey: KeyObject };
export let credentialCacheDir: string;

/** Starts the file's emulator (two accounts, a user per login method) before its tests, and stops it after. */
export function useConnectorEmulator(): void {
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
}

export function pem(key: KeyObject): string {
  return key.export({ type: "spki", format: "pem" }).toString();
}

export function connect(options: ConnectionOptions): Promise<Connection> {
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

export function execute(connection: Connection, sqlText: string): Promise<Record<string, unknown>[]> {
  return new Promise((resolvePromise, reject) =>
    connection.execute({
      sqlText,
      complete: (error, _statement, rows) => (error ? reject(error) : resolvePromise(rows ?? [])),
    })
  );
}

export function destroy(connection: Connection): Promise<void> {
  return new Promise((resolvePromise, reject) =>
    connection.destroy((error) => (error ? reject(error) : resolvePromise()))
  );
}

export function sessionTokenOf(connection: Connection): string {
  return JSON.parse(snowflake.serializeConnection(connection)).services.sf.tokenInfo.sessionToken;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: any; // checked field by field in the tests
}

/** node:http, because fetch does not let a caller set Host. */
export function rawCall(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<RawResponse> {
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

export const sessionAuth = (token: string) => ({ Authorization: `Snowflake Token="${token}"` });
export const patAuth = (token: string) => ({
  Authorization: `Bearer ${token}`,
  "X-Snowflake-Authorization-Token-Type": "PROGRAMMATIC_ACCESS_TOKEN",
});

/** The checks every login ends with: a query answers as the user, and the session token works on /api/v2. */
export async function expectWorkingSession(connection: Connection, user: string, account = ACME): Promise<void> {
  const rows = await execute(connection, "SELECT CURRENT_ACCOUNT(), CURRENT_USER()");
  expect(rows).toEqual([{ "CURRENT_ACCOUNT()": account, "CURRENT_USER()": user }]);
  const databases = await rawCall("GET", "/api/v2/databases", sessionAuth(sessionTokenOf(connection)));
  expect(databases.status).toBe(200);
  await destroy(connection);
}

/** The "browser": opens the URL without following redirects, then calls where it was sent (the driver's callback). */
export async function scriptedBrowser(url: string): Promise<void> {
  const page = await fetch(url, { redirect: "manual" });
  const location = page.headers.get("location");
  if (!location) throw new Error(`No redirect from ${url}: ${page.status} ${await page.text()}`);
  // The driver's callback server answers and drops the socket; the answer itself does not matter.
  await fetch(location)
    .then((answer) => answer.text())
    .catch(() => undefined);
}

/** The driver sends /session/authenticator-request to https://<host>: trust the emulator's certificate there. */
export function trustingEmulatorTls(): (agentOptions: object) => HttpsAgent {
  const agent = new HttpsAgent({ ca: emulator.tlsCertificatePem, keepAlive: false });
  return () => agent;
}

