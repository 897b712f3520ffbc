// How a REST request proves who it is. Each authenticator yields the headers for one request; key-pair JWTs are
// signed locally and reused until shortly before they expire.
import * as crypto from "crypto";
import * as fs from "fs";

export interface Authenticator {
  /** e.g. "key pair (SNOWFLAKE_JWT) for user ALICE": used in error messages, never holds a secret. */
  readonly description: string;
  headers(): Promise<Record<string, string>>;
  /** Called after a 401 so the next request gets fresh credentials where that is possible. */
  invalidate(): void;
}

const TOKEN_TYPE_HEADER = "X-Snowflake-Authorization-Token-Type";

class BearerTokenAuthenticator implements Authenticator {
  constructor(readonly description: string, private readonly tokenType: string, private readonly token: () => string) {}
  async headers(): Promise<Record<string, string>> {
    return { Authorization: `Bearer ${this.token()}`, [TOKEN_TYPE_HEADER]: this.tokenType };
  }
  invalidate(): void {}
}

/**
 * A connector session token (see provider/connection/session-login.ts): the scheme Snowflake's own Python tools
 * use on /api/v2 (snowflake-connector-python network.py HEADER_SNOWFLAKE_TOKEN), with no token-type header.
 */
export function sessionTokenHeaders(sessionToken: string): Record<string, string> {
  return { Authorization: `Snowflake Token="${sessionToken}"` };
}

export function programmaticAccessTokenAuth(token: string): Authenticator {
  return new BearerTokenAuthenticator("programmatic access token", "PROGRAMMATIC_ACCESS_TOKEN", () => token);
}

/** OAuth access token, given directly or read from a file each time (token files are rotated by other tools). */
export function oauthAuth(source: { token?: string; tokenFilePath?: string }): Authenticator {
  const read = () => {
    if (source.token) return source.token;
    if (!source.tokenFilePath) throw new Error("OAUTH needs a token or a token file path");
    return fs.readFileSync(source.tokenFilePath, "utf8").trim();
  };
  return new BearerTokenAuthenticator("OAuth token", "OAUTH", read);
}

export interface KeyPairSettings {
  account: string;
  user: string;
  privateKeyPem: string;
  passphrase?: string;
  /** Seconds a JWT stays valid; Snowflake accepts at most one hour. */
  lifetimeSeconds?: number;
}

/** Account part of the JWT claims: upper case, without the region/cloud suffix of a locator (xy12345.us-east-2.aws). */
export function jwtAccountName(account: string): string {
  return account.split(".")[0].toUpperCase();
}

export function publicKeyFingerprint(privateKey: crypto.KeyObject): string {
  const der = crypto.createPublicKey(privateKey).export({ type: "spki", format: "der" });
  return "SHA256:" + crypto.createHash("sha256").update(der).digest("base64");
}

export function keyPairAuth(settings: KeyPairSettings): Authenticator {
  let privateKey: crypto.KeyObject;
  try {
    privateKey = crypto.createPrivateKey({ key: settings.privateKeyPem, format: "pem", passphrase: settings.passphrase });
  } catch (error) {
    const hint = settings.passphrase ? "" : " (an encrypted key needs its passphrase)";
    throw new Error(`the private key could not be read${hint}: ${(error as Error).message}`);
  }
  const account = jwtAccountName(settings.account);
  const user = settings.user.toUpperCase();
  const issuer = `${account}.${user}.${publicKeyFingerprint(privateKey)}`;
  const lifetime = settings.lifetimeSeconds ?? 3540;
  let cached: { jwt: string; renewAt: number } | undefined;

  return {
    // The JWT's claims name the account; a 401 may mean it is not the account of the host (390144).
    description: `key pair (SNOWFLAKE_JWT) for user ${user} of account ${account}`,
    async headers() {
      const now = Math.floor(Date.now() / 1000);
      if (!cached || now >= cached.renewAt) {
        const { SignJWT } = await import("jose");
        const jwt = await new SignJWT({})
          .setProtectedHeader({ alg: "RS256", typ: "JWT" })
          .setIssuer(issuer)
          .setSubject(`${account}.${user}`)
          .setIssuedAt(now)
          .setExpirationTime(now + lifetime)
          .sign(privateKey);
        // Renew a minute early so a token never expires in flight.
        cached = { jwt, renewAt: now + lifetime - 60 };
      }
      return { Authorization: `Bearer ${cached.jwt}`, [TOKEN_TYPE_HEADER]: "KEYPAIR_JWT" };
    },
    invalidate() { cached = undefined; },
  };
}
