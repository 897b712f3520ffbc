// One resolver for "which account, as whom": settings come from ordered layers (stack config, then SNOWFLAKE_*
// environment variables; later: per-resource connections and connections.toml), the first layer that sets a key
// wins, and every value remembers where it came from so errors can say so without printing it.

export const CONNECTION_KEYS = [
  "account", "user", "role", "warehouse", "host", "protocol", "port", "authenticator",
  "privateKeyPath", "privateKey", "privateKeyPassphrase", "token", "tokenFilePath",
  // Connector logins (snowflake-sdk): passwords with MFA, SSO, OAuth flows, workload identity.
  "password", "passcode", "passcodeInPassword", "clientRequestMfaToken", "clientStoreTemporaryCredential",
  "oauthClientId", "oauthClientSecret", "oauthAuthorizationUrl", "oauthTokenRequestUrl", "oauthRedirectUri", "oauthScope",
  "workloadIdentityProvider",
] as const;
export type ConnectionKey = (typeof CONNECTION_KEYS)[number];
export type ConnectionSettings = Partial<Record<ConnectionKey, string>>;

/** Values that must never appear in messages, state or logs. */
export const SECRET_CONNECTION_KEYS: ReadonlySet<ConnectionKey> = new Set([
  "privateKey", "privateKeyPassphrase", "token", "password", "passcode", "oauthClientSecret",
]);

export interface ConnectionLayer {
  /** e.g. "stack config" or "environment"; with the key name it tells the user where a value came from. */
  readonly name: string;
  /** The name of `key` in this layer, e.g. "snowflake:account" or "SNOWFLAKE_ACCOUNT". */
  keyName(key: ConnectionKey): string;
  read(key: ConnectionKey): string | undefined;
}

export interface ResolvedConnection {
  settings: ConnectionSettings;
  /** For each key set, where its value came from, e.g. "environment variable SNOWFLAKE_TOKEN". */
  sources: Partial<Record<ConnectionKey, string>>;
}

export function resolveConnection(layers: ConnectionLayer[]): ResolvedConnection {
  const settings: ConnectionSettings = {};
  const sources: ResolvedConnection["sources"] = {};
  for (const key of CONNECTION_KEYS) {
    for (const layer of layers) {
      const value = layer.read(key);
      if (value !== undefined && value !== "") {
        settings[key] = value;
        sources[key] = `${layer.name} ${layer.keyName(key)}`;
        break;
      }
    }
  }
  return { settings, sources };
}

const camelToScreamingSnake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();

/** `snowflake:*` stack config, as the dynamic provider's `configure` hook receives it. */
export function stackConfigLayer(get: (key: string) => string | undefined): ConnectionLayer {
  return {
    name: "stack config",
    keyName: (key) => `snowflake:${key}`,
    read: (key) => get(`snowflake:${key}`),
  };
}

/** SNOWFLAKE_* environment variables (SNOWFLAKE_ACCOUNT, SNOWFLAKE_PRIVATE_KEY_PATH, ...). */
export function environmentLayer(env: NodeJS.ProcessEnv = process.env): ConnectionLayer {
  return {
    name: "environment variable",
    keyName: (key) => `SNOWFLAKE_${camelToScreamingSnake(key)}`,
    read: (key) => env[`SNOWFLAKE_${camelToScreamingSnake(key)}`],
  };
}

/** Where each setting came from, for error messages: names and sources only, never values of secrets. */
export function describeSources(resolved: ResolvedConnection): string {
  const lines = Object.entries(resolved.sources).map(([key, source]) => {
    const shown = SECRET_CONNECTION_KEYS.has(key as ConnectionKey) ? "(secret)" : JSON.stringify(resolved.settings[key as ConnectionKey]);
    return `${key} = ${shown} from ${source}`;
  });
  return lines.length ? lines.join("; ") : "no connection settings were found in stack config (snowflake:*), SNOWFLAKE_* environment variables or connections.toml (its default connection, in $SNOWFLAKE_HOME, default ~/.snowflake)";
}
