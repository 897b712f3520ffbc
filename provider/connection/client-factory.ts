// Turns resolved connection settings into a REST client: picks the authenticator, and shares one client (and so
// one token cache and one connection pool) per account + user + role + login method in the provider process.
import * as crypto from "crypto";
import * as fs from "fs";
import { Authenticator, keyPairAuth, oauthAuth, programmaticAccessTokenAuth } from "../client/auth";
import { originFor } from "../client/origin";
import { RestClient, RetryPolicy } from "../client/rest-client";
import { describeSources, ResolvedConnection } from "./settings";

const AUTHENTICATOR_ALIASES: Record<string, string> = {
  SNOWFLAKE_JWT: "SNOWFLAKE_JWT",
  KEYPAIR_JWT: "SNOWFLAKE_JWT",
  OAUTH: "OAUTH",
  PROGRAMMATIC_ACCESS_TOKEN: "PROGRAMMATIC_ACCESS_TOKEN",
  PAT: "PROGRAMMATIC_ACCESS_TOKEN",
};
export const SUPPORTED_AUTHENTICATORS = ["SNOWFLAKE_JWT", "OAUTH", "PROGRAMMATIC_ACCESS_TOKEN"];

const clients = new Map<string, RestClient>();

export class ConnectionError extends Error {
  constructor(problem: string, resolved: ResolvedConnection) {
    super(`Cannot connect to Snowflake: ${problem}. Settings used: ${describeSources(resolved)}.`);
    this.name = "ConnectionError";
  }
}

function chooseAuthenticator(resolved: ResolvedConnection): string {
  const { settings } = resolved;
  if (settings.authenticator) {
    const chosen = AUTHENTICATOR_ALIASES[settings.authenticator.toUpperCase()];
    if (!chosen) {
      throw new ConnectionError(
        `authenticator "${settings.authenticator}" is not supported; allowed: ${SUPPORTED_AUTHENTICATORS.join(", ")}`, resolved);
    }
    return chosen;
  }
  // Snowflake's tools default to a password login; without one, infer the method from the credential given.
  if (settings.privateKey || settings.privateKeyPath) return "SNOWFLAKE_JWT";
  if (settings.token || settings.tokenFilePath) return "PROGRAMMATIC_ACCESS_TOKEN";
  throw new ConnectionError(
    "no credential is set; give a private key (privateKeyPath / SNOWFLAKE_PRIVATE_KEY_PATH), or a token with an authenticator of OAUTH or PROGRAMMATIC_ACCESS_TOKEN", resolved);
}

function authenticatorFor(resolved: ResolvedConnection, method: string): Authenticator {
  const { settings } = resolved;
  const readToken = () => settings.token ?? (settings.tokenFilePath ? fs.readFileSync(settings.tokenFilePath, "utf8").trim() : undefined);
  switch (method) {
    case "SNOWFLAKE_JWT": {
      if (!settings.account || !settings.user) throw new ConnectionError("key-pair login needs both account and user", resolved);
      let pem = settings.privateKey;
      if (!pem && settings.privateKeyPath) {
        try {
          pem = fs.readFileSync(settings.privateKeyPath, "utf8");
        } catch (error) {
          throw new ConnectionError(`the private key file could not be read (${(error as NodeJS.ErrnoException).code ?? "error"})`, resolved);
        }
      }
      if (!pem) throw new ConnectionError("key-pair login needs privateKey or privateKeyPath", resolved);
      try {
        return keyPairAuth({ account: settings.account, user: settings.user, privateKeyPem: pem, passphrase: settings.privateKeyPassphrase });
      } catch (error) {
        throw new ConnectionError((error as Error).message, resolved);
      }
    }
    case "OAUTH":
      if (!settings.token && !settings.tokenFilePath) throw new ConnectionError("OAUTH needs token or tokenFilePath", resolved);
      return oauthAuth({ token: settings.token, tokenFilePath: settings.tokenFilePath });
    default: {
      const token = readToken();
      if (!token) throw new ConnectionError("PROGRAMMATIC_ACCESS_TOKEN needs token or tokenFilePath", resolved);
      return programmaticAccessTokenAuth(token);
    }
  }
}

export function clientFor(resolved: ResolvedConnection, policy?: Partial<RetryPolicy>): RestClient {
  const { settings } = resolved;
  let origin: string;
  try {
    origin = originFor({ account: settings.account, host: settings.host, protocol: settings.protocol, port: settings.port });
  } catch (error) {
    throw new ConnectionError((error as Error).message, resolved);
  }
  const method = chooseAuthenticator(resolved);
  // A digest of the credential, not the credential: a rotated key or token gets a fresh client and token cache.
  const credential = crypto.createHash("sha256").update([settings.privateKey, settings.privateKeyPath, settings.privateKeyPassphrase, settings.token, settings.tokenFilePath].join("\0")).digest("hex");
  const key = [origin, settings.account?.toUpperCase(), settings.user?.toUpperCase(), settings.role?.toUpperCase(), method, credential].map((part) => part ?? "").join("|");
  let client = clients.get(key);
  if (!client) {
    client = new RestClient(origin, authenticatorFor(resolved, method), policy, describeSources(resolved));
    clients.set(key, client);
  }
  return client;
}
