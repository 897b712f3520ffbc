// No false account in state: where the account a credential belongs to is known without a request -- a host of
// Snowflake's form serves one account, a key-pair JWT's claims name one -- a configured account that is provably
// another fails, naming both, before anything is sent (rule: provider/connection/account-agreement.ts).
import * as crypto from "crypto";
import { request as httpRequest } from "node:http";
import { keyPairAuth } from "../provider/client/auth";
import { closeAllPools } from "../provider/client/rest-client";
import { clientFor, ConnectionError } from "../provider/connection/client-factory";
import { accountIdentity } from "../provider/connection/resource-connection";
import { environmentLayer, resolveConnection } from "../provider/connection/settings";
import { engineFor } from "../provider/runtime";
import { Emulator, startEmulator } from "./emulator";

const keys = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const PUBLIC_PEM = keys.publicKey.export({ type: "spki", format: "pem" }).toString();
const PRIVATE_PEM = keys.privateKey.export({ type: "pkcs8", format: "pem" }).toString();

let emulator: Emulator;
beforeAll(async () => {
  // The same user and key in both accounts: only the account tells the credentials apart.
  const users = [{ name: "DEPLOYER", rsaPublicKeyPem: PUBLIC_PEM }];
  emulator = await startEmulator({ accounts: [{ name: "MYORG-DEV", users }, { name: "MYORG-PROD", users }] });
});
afterAll(async () => {
  await closeAllPools();
  await emulator.close();
});

const settings = (account: string, host: string) =>
  resolveConnection([environmentLayer({ SNOWFLAKE_ACCOUNT: account, SNOWFLAKE_HOST: host, SNOWFLAKE_TOKEN: "pat-secret-41c2", SNOWFLAKE_AUTHENTICATOR: "PAT" })]);

describe("a host of Snowflake's form names the account its credentials belong to", () => {
  const refused: [string, string, string, string][] = [
    ["organization names", "myorg-dev", "myorg-prod.snowflakecomputing.com", "MYORG-PROD"],
    ["a PrivateLink host", "MYORG-DEV", "myorg-prod.privatelink.snowflakecomputing.com", "MYORG-PROD"],
    ["locators with regions", "xy12345.us-east-2.aws", "ab98765.us-east-2.aws.snowflakecomputing.com", "AB98765"],
    ["a China region host", "cn11111.cn-north-1", "cn22222.cn-north-1.snowflakecomputing.cn", "CN22222"],
  ];
  test.each(refused)("refused when they differ, naming both accounts and never the credential: %s", (_case, account, host, served) => {
    const resolved = settings(account, host);
    for (const attempt of [() => accountIdentity(resolved), () => clientFor(resolved)]) {
      let error: unknown;
      try { attempt(); } catch (caught) { error = caught; }
      expect(error).toBeInstanceOf(ConnectionError);
      const message = (error as Error).message;
      expect(message).toContain(`the host ${host} serves account ${served}, but the account is ${account.toUpperCase()} (from environment variable SNOWFLAKE_ACCOUNT)`);
      expect(message).not.toContain("pat-secret-41c2");
    }
  });

  const accepted: [string, string, string][] = [
    ["the same account", "myorg-prod", "MYORG-PROD.snowflakecomputing.com"],
    ["underscores as the host spells them", "MYORG_MY_ACCOUNT", "myorg-my-account.snowflakecomputing.com"],
    ["a locator with its region", "xy12345.us-east-2.aws", "xy12345.us-east-2.aws.snowflakecomputing.com"],
    // An account has both identifiers; which locator an organization name has is not known without asking.
    ["a locator against an organization name", "xy12345", "myorg-prod.snowflakecomputing.com"],
    ["a host of another form (proxy)", "MYORG-DEV", "snowflake-proxy.corp.example"],
  ];
  test.each(accepted)("accepted: %s", (_case, account, host) => {
    expect(accountIdentity(settings(account, host))).toBe(account.toUpperCase());
    expect(() => clientFor(settings(account, host))).not.toThrow();
  });

  test("through the provider: create and diff fail before any request, so nothing is recorded as the wrong account", async () => {
    const connection = { account: "MYORG-DEV", host: "myorg-prod.snowflakecomputing.com" };
    const database = engineFor("Database");
    // Were a request sent, the host (not resolvable here) would fail with a network error instead.
    await expect(database.create({ name: "ANALYTICS", connection })).rejects.toThrow(/serves account MYORG-PROD, but the account is MYORG-DEV \(from the resource's connection\.account\)/);
    await expect(database.diff("ANALYTICS", { name: "ANALYTICS", account: "MYORG-DEV" }, { name: "ANALYTICS", connection })).rejects.toThrow(/serves account MYORG-PROD/);
  });
});

/** A GET of /api/v2/databases with the key-pair JWT the provider signs, to the emulator, naming `host`. */
async function withProviderJwt(account: string, host?: string): Promise<{ status: number; code?: string }> {
  const headers = await keyPairAuth({ account, user: "deployer", privateKeyPem: PRIVATE_PEM }).headers();
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${emulator.url}/api/v2/databases`, { headers: { ...headers, Accept: "application/json", ...(host && { Host: host }) } }, (response) => {
      let text = "";
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, code: response.statusCode === 200 ? undefined : JSON.parse(text).code }));
    });
    request.on("error", reject).end();
  });
}

describe("a key-pair JWT names its account in its claims", () => {
  test("the emulator, as Snowflake, checks the claims against the account of the host called: another account's JWT is invalid there (390144)", async () => {
    expect(await withProviderJwt("MYORG-DEV", "myorg-dev.snowflakecomputing.com")).toEqual({ status: 200, code: undefined });
    expect(await withProviderJwt("MYORG-DEV", "myorg-prod.snowflakecomputing.com")).toEqual({ status: 401, code: "390144" });
  });

  test("a refused JWT's error names the account its claims carry and where that account came from", async () => {
    const resolved = resolveConnection([environmentLayer({
      SNOWFLAKE_ACCOUNT: "MYORG-STAGING", SNOWFLAKE_USER: "deployer", SNOWFLAKE_PRIVATE_KEY: PRIVATE_PEM,
      SNOWFLAKE_HOST: emulator.host, SNOWFLAKE_PORT: String(emulator.port), SNOWFLAKE_PROTOCOL: "http",
    })]);
    const failure = await clientFor(resolved, { baseDelayMs: 1 }).request({ method: "GET", path: "/api/v2/databases" }).catch((error: Error) => error);
    expect(String(failure)).toMatch(/HTTP 401: JWT token is invalid.*code 390144.*key pair \(SNOWFLAKE_JWT\) for user DEPLOYER of account MYORG-STAGING.*account = "MYORG-STAGING" from environment variable SNOWFLAKE_ACCOUNT/s);
    expect(String(failure)).not.toContain("PRIVATE KEY");
  });
});
