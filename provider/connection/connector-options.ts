// Resolved connection settings -> snowflake-sdk connection options, for the logins that go through the Node driver.
// Missing or malformed settings are reported here, before the driver is loaded, naming the setting to fix.
import * as fs from "fs";
import type { ConnectionOptions } from "snowflake-sdk";
import { originFor } from "../client/origin";
import { browserOpenerFrom } from "./browser";
import { ConnectionError } from "./connection-error";
import { ConnectionKey, ResolvedConnection } from "./settings";

export const CONNECTOR_LOGIN_METHODS = [
  "SNOWFLAKE", "USERNAME_PASSWORD_MFA", "EXTERNALBROWSER", "OAUTH_CLIENT_CREDENTIALS", "OAUTH_AUTHORIZATION_CODE", "WORKLOAD_IDENTITY",
] as const;
export type ConnectorLoginMethod = (typeof CONNECTOR_LOGIN_METHODS)[number];

export function isConnectorLoginMethod(method: string): method is ConnectorLoginMethod {
  return (CONNECTOR_LOGIN_METHODS as readonly string[]).includes(method);
}

/**
 * Every method snowflake-sdk can log in with: the connector logins, and the ones the REST API takes directly, for
 * statements only a driver runs (PUT: the SQL API refuses it). The driver's names (authentication_types.js).
 */
export type DriverLoginMethod = ConnectorLoginMethod | "SNOWFLAKE_JWT" | "OAUTH" | "PROGRAMMATIC_ACCESS_TOKEN";

// dist/lib/authentication/auth_workload_identity/types.js WorkloadIdentityProvider.
const WORKLOAD_IDENTITY_PROVIDERS = ["AWS", "AZURE", "GCP", "OIDC"] as const;

type Options = ConnectionOptions & Record<string, unknown>;

/** Fresh options for each login: the driver rewrites its options object (host, account) and forgets the password after login. */
export function connectorOptionsFor(resolved: ResolvedConnection, method: DriverLoginMethod, env: NodeJS.ProcessEnv = process.env): ConnectionOptions {
  const { settings } = resolved;
  const fail = (problem: string) => new ConnectionError(`${method} login ${problem}`, resolved);
  const required = (key: ConnectionKey, what = key): string => {
    const value = settings[key];
    if (!value) throw fail(`needs ${what}`);
    return value;
  };
  const flag = (key: ConnectionKey): boolean | undefined => parseFlag(settings[key], () => fail(`needs ${key} to be true or false, not "${settings[key]}"`));

  const accessUrl = originFor({ account: settings.account, host: settings.host, protocol: settings.protocol, port: settings.port });
  const options: Options = {
    authenticator: method,
    // The driver needs an account even with a custom host (it would take the host's first label, "127" for 127.0.0.1).
    account: settings.account,
    accessUrl,
    // The driver takes the host from accessUrl without its port, and builds the SSO URLs from that host alone
    // (dist/lib/authentication/sso_url_provider.js, auth_web.js); keep a non-default port on it.
    host: new URL(accessUrl).host,
    username: settings.user,
    role: settings.role,
    warehouse: settings.warehouse,
  };

  switch (method) {
    case "SNOWFLAKE":
      options.username = required("user");
      options.password = required("password");
      break;
    case "USERNAME_PASSWORD_MFA": {
      options.username = required("user");
      options.password = required("password");
      options.passcode = settings.passcode;
      options.passcodeInPassword = flag("passcodeInPassword");
      const cacheMfaToken = flag("clientRequestMfaToken");
      options.clientRequestMFAToken = cacheMfaToken;
      // The driver reads the MFA token cache through its global credential manager, which it only creates when
      // clientStoreTemporaryCredential is on (dist/lib/connection/connection.js connectAsync); without one it
      // would fail on null. The file cache honours SF_TEMPORARY_CREDENTIAL_CACHE_DIR
      // (dist/lib/authentication/secure_storage/json_credential_manager.js).
      if (cacheMfaToken) options.clientStoreTemporaryCredential = true;
      break;
    }
    case "EXTERNALBROWSER":
      browserLogin(options, flag("clientStoreTemporaryCredential"), env);
      break;
    case "OAUTH_CLIENT_CREDENTIALS":
      options.oauthClientId = required("oauthClientId");
      options.oauthClientSecret = required("oauthClientSecret");
      oauthEndpoints(options, settings, accessUrl);
      break;
    case "OAUTH_AUTHORIZATION_CODE":
      // Without a client id and secret the driver uses Snowflake's LOCAL_APPLICATION client, for Snowflake hosts
      // only (dist/lib/connection/connection_config.js getOauthClientId).
      if (!settings.oauthClientId && !isSnowflakeHost(settings.oauthAuthorizationUrl ?? accessUrl)) {
        throw fail("needs oauthClientId and oauthClientSecret when the identity provider is not Snowflake itself");
      }
      options.oauthClientId = settings.oauthClientId;
      options.oauthClientSecret = settings.oauthClientSecret;
      options.oauthAuthorizationUrl = settings.oauthAuthorizationUrl;
      options.oauthRedirectUri = settings.oauthRedirectUri;
      oauthEndpoints(options, settings, accessUrl);
      browserLogin(options, flag("clientStoreTemporaryCredential"), env);
      break;
    case "SNOWFLAKE_JWT":
      // auth_keypair.js signs the JWT itself from the PEM text or the file (decrypted with privateKeyPass).
      options.username = required("user");
      if (!settings.privateKey && !settings.privateKeyPath) throw fail("needs privateKey or privateKeyPath");
      options.privateKey = settings.privateKey;
      options.privateKeyPath = settings.privateKey ? undefined : settings.privateKeyPath;
      options.privateKeyPass = settings.privateKeyPassphrase;
      break;
    case "OAUTH":
    case "PROGRAMMATIC_ACCESS_TOKEN":
      // auth_oauth.js / auth_oauth_pat.js send the token as the login's TOKEN; a token file is read now, as the
      // REST client reads it for each request.
      options.token = settings.token ?? (settings.tokenFilePath ? readTokenFile(settings.tokenFilePath, fail) : undefined);
      if (!options.token) throw fail("needs token or tokenFilePath");
      break;
    case "WORKLOAD_IDENTITY": {
      const provider = required("workloadIdentityProvider").toUpperCase();
      if (!(WORKLOAD_IDENTITY_PROVIDERS as readonly string[]).includes(provider)) {
        throw fail(`needs workloadIdentityProvider to be one of ${WORKLOAD_IDENTITY_PROVIDERS.join(", ")}, not "${settings.workloadIdentityProvider}"`);
      }
      options.workloadIdentityProvider = provider as ConnectionOptions["workloadIdentityProvider"];
      if (provider === "OIDC") {
        if (!settings.token && !settings.tokenFilePath) throw fail("with the OIDC provider needs token or tokenFilePath (the identity token)");
        options.token = settings.token;
        // The driver reads the file itself, refusing files others can write (dist/lib/file_util.js).
        options.tokenFilePath = settings.tokenFilePath;
      }
      break;
    }
  }
  for (const key of Object.keys(options)) if (options[key] === undefined) delete options[key];
  return options;
}

/**
 * Browser logins keep what they obtained (SSO id token, OAuth access and refresh tokens) in the driver's credential
 * cache unless told not to, so that a later login -- when the session and master tokens have expired, or in the
 * next `pulumi up` -- need not open a browser again. The cache entry is keyed by host and user (and role for
 * OAuth), so it needs `user` (dist/lib/authentication/cache_key_builder.js).
 */
function browserLogin(options: Options, storeCredential: boolean | undefined, env: NodeJS.ProcessEnv): void {
  options.clientStoreTemporaryCredential = storeCredential ?? true;
  const open = browserOpenerFrom(env);
  if (open) options.openExternalBrowserCallback = open;
}

function oauthEndpoints(options: Options, settings: ResolvedConnection["settings"], accessUrl: string): void {
  options.oauthTokenRequestUrl = settings.oauthTokenRequestUrl;
  options.oauthScope = settings.oauthScope;
  // oauth4webapi refuses plain-http token endpoints; the driver's oauthHttpAllowed lifts that. Allow it only for a
  // token endpoint on this machine (a local emulator or proxy), never for one across the network.
  const tokenUrl = settings.oauthTokenRequestUrl ?? `${accessUrl}/oauth/token-request`;
  if (isLoopbackHttp(tokenUrl)) options.oauthHttpAllowed = true;
}

function readTokenFile(file: string, fail: (problem: string) => Error): string {
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (error) {
    throw fail(`could not read tokenFilePath (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

function isSnowflakeHost(url: string): boolean {
  try {
    return /(^|\.)snowflakecomputing\.(com|cn)$/i.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

function isLoopbackHttp(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === "http:" && (hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname));
  } catch {
    return false;
  }
}

// Flags arrive as text (stack config, environment, TOML): the spellings Snowflake's connectors accept.
const TRUE_FLAGS = ["true", "1", "yes", "on"];
const FALSE_FLAGS = ["false", "0", "no", "off"];

/** Whether a flag setting is on; an unset or unreadable one is not (options report unreadable ones). */
export function isFlagOn(value: string | undefined): boolean {
  return value !== undefined && TRUE_FLAGS.includes(value.trim().toLowerCase());
}

function parseFlag(value: string | undefined, invalid: () => Error): boolean | undefined {
  if (value === undefined) return undefined;
  const normalized = value.trim().toLowerCase();
  if (TRUE_FLAGS.includes(normalized)) return true;
  if (FALSE_FLAGS.includes(normalized)) return false;
  throw invalid();
}
