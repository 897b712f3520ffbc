// Turns resolved connection settings into a REST client: picks the authenticator, and shares one client (and so
// one token cache or connector login, and one connection pool) per account + user + role + login method in the
// provider process.
import * as crypto from "crypto";
import * as fs from "fs";
import { Authenticator, keyPairAuth, oauthAuth, programmaticAccessTokenAuth } from "../client/auth";
import { originFor } from "../client/origin";
import { RestClient, RetryPolicy } from "../client/rest-client";
import { refuseAccountOtherThanHost } from "./account-agreement";
import { ConnectionError } from "./connection-error";
import { CONNECTOR_LOGIN_METHODS, DriverLoginMethod, isConnectorLoginMethod, isFlagOn } from "./connector-options";
import { driverLoginFor, registerDriverLogin } from "./driver-statements";
import { connectorSessionAuth, DriverConnectionSource } from "./session-login";
import { describeSources, ResolvedConnection } from "./settings";

export { ConnectionError };

const AUTHENTICATOR_ALIASES: Record<string, string> = {
  SNOWFLAKE_JWT: "SNOWFLAKE_JWT",
  KEYPAIR_JWT: "SNOWFLAKE_JWT",
  OAUTH: "OAUTH",
  PROGRAMMATIC_ACCESS_TOKEN: "PROGRAMMATIC_ACCESS_TOKEN",
  PAT: "PROGRAMMATIC_ACCESS_TOKEN",
  // Logins through snowflake-sdk (session-login.ts); the spellings of Snowflake's connectors, plus the Terraform
  // provider's USERNAMEPASSWORDMFA.
  ...Object.fromEntries(CONNECTOR_LOGIN_METHODS.map((method) => [method, method])),
  USERNAMEPASSWORDMFA: "USERNAME_PASSWORD_MFA",
};
export const SUPPORTED_AUTHENTICATORS = ["SNOWFLAKE_JWT", "OAUTH", "PROGRAMMATIC_ACCESS_TOKEN", ...CONNECTOR_LOGIN_METHODS];

const clients = new Map<string, RestClient>();

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
  // Without an authenticator, infer the method from the credential given.
  if (settings.privateKey || settings.privateKeyPath) return "SNOWFLAKE_JWT";
  if (settings.token || settings.tokenFilePath) return "PROGRAMMATIC_ACCESS_TOKEN";
  if (settings.password) {
    // As snowflake-sdk does: a passcode means MFA (dist/lib/authentication/auth_default.js isMFAAuth).
    const mfa = settings.passcode || isFlagOn(settings.passcodeInPassword) || isFlagOn(settings.clientRequestMfaToken);
    return mfa ? "USERNAME_PASSWORD_MFA" : "SNOWFLAKE";
  }
  throw new ConnectionError(
    "no credential is set; give a private key (privateKeyPath / SNOWFLAKE_PRIVATE_KEY_PATH), a password (SNOWFLAKE_PASSWORD), or a token with an authenticator of OAUTH or PROGRAMMATIC_ACCESS_TOKEN, in stack config, SNOWFLAKE_* variables or a connections.toml connection, or choose another authenticator", resolved);
}

function authenticatorFor(resolved: ResolvedConnection, method: string): Authenticator {
  const { settings } = resolved;
  if (isConnectorLoginMethod(method)) return connectorSessionAuth(resolved, method);
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
  refuseAccountOtherThanHost(resolved);
  const method = chooseAuthenticator(resolved);
  // A digest of the credential, not the credential: a rotated key or token gets a fresh client and token cache.
  const credential = crypto.createHash("sha256").update([
    settings.privateKey, settings.privateKeyPath, settings.privateKeyPassphrase, settings.token, settings.tokenFilePath,
    settings.password, settings.passcode, settings.oauthClientId, settings.oauthClientSecret, settings.workloadIdentityProvider,
  ].join("\0")).digest("hex");
  const key = [origin, settings.account?.toUpperCase(), settings.user?.toUpperCase(), settings.role?.toUpperCase(), method, credential].map((part) => part ?? "").join("|");
  let client = clients.get(key);
  if (!client) {
    const authenticator = authenticatorFor(resolved, method);
    client = new RestClient(origin, authenticator, policy, describeSources(resolved));
    // Statements the REST API cannot run (PUT) log in through snowflake-sdk as the same user, on first use only.
    registerDriverLogin(client, "driverConnection" in authenticator
      ? () => (authenticator as DriverConnectionSource).driverConnection()
      : driverLoginFor(resolved, method as DriverLoginMethod));
    clients.set(key, client);
  }
  return client;
}
