// The connection of one resource: which settings apply, in which order, and which account that means.
//
// Precedence, key by key: the resource's own `connection` input > stack config `snowflake:*` > SNOWFLAKE_*
// environment variables > the default connections.toml connection. A connections.toml connection is a unit for
// one account, so it is never mixed with an account named elsewhere: a resource that names a `profile` uses that
// connection alone under its explicit fields, and the default connection applies only when nothing above it
// names an account or host.
import { refuseAccountOtherThanHost } from "./account-agreement";
import { connectionsTomlLayer } from "./connections-toml";
import { ConnectionLayer, environmentLayer, ResolvedConnection, resolveConnection, stackConfigLayer } from "./settings";

/** What a resource may say about its connection. Never secrets: resource inputs are stored in Pulumi state. */
export const RESOURCE_CONNECTION_KEYS = ["profile", "account", "user", "role", "warehouse", "host", "port", "protocol"] as const;
export type ResourceConnection = Partial<Record<(typeof RESOURCE_CONNECTION_KEYS)[number], string | number>>;

export type StackConfig = (key: string) => string | undefined;

function resourceLayer(connection: ResourceConnection): ConnectionLayer {
  return {
    name: "the resource's",
    keyName: (key) => `connection.${key}`,
    read: (key) => {
      // `profile` is not a setting but the choice of a connections.toml section; ConnectionKey never names it.
      const value = (connection as Record<string, unknown>)[key];
      return value === undefined || value === null ? undefined : String(value);
    },
  };
}

export function resolveResourceConnection(connection: ResourceConnection | undefined, stackConfig: StackConfig | undefined, env: NodeJS.ProcessEnv = process.env): ResolvedConnection {
  const layers: ConnectionLayer[] = [];
  if (connection) layers.push(resourceLayer(connection));
  if (connection?.profile !== undefined) {
    return resolveConnection([...layers, connectionsTomlLayer({ name: String(connection.profile), env })]);
  }
  if (stackConfig) layers.push(stackConfigLayer(stackConfig));
  layers.push(environmentLayer(env));
  const named = resolveConnection(layers);
  if (named.settings.account || named.settings.host) return named;
  return resolveConnection([...layers, connectionsTomlLayer({ env })]);
}

/**
 * The account a connection points at, as recorded in state: the account identifier upper-cased (Snowflake's
 * account names are case-insensitive), or the host when only a host is given. Credentials play no part, so
 * rotating them changes nothing. A host that provably serves another account is refused (account-agreement.ts).
 */
export function accountIdentity(resolved: ResolvedConnection): string {
  refuseAccountOtherThanHost(resolved);
  return resolved.settings.account?.toUpperCase() ?? resolved.settings.host?.toLowerCase() ?? "";
}
