// The connection of one resource: which settings apply, in which order, and which account that means.
//
// Precedence, key by key: the resource's own `connection` input > stack config `snowflake:*` > SNOWFLAKE_*
// environment variables > the default connections.toml connection. A resource that names a connections.toml
// `profile` uses that connection alone under its explicit fields: settings meant for another account must not
// leak into it.
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

export function connectionLayers(connection: ResourceConnection | undefined, stackConfig: StackConfig | undefined, env: NodeJS.ProcessEnv = process.env): ConnectionLayer[] {
  const layers: ConnectionLayer[] = [];
  if (connection) layers.push(resourceLayer(connection));
  if (connection?.profile !== undefined) {
    layers.push(connectionsTomlLayer({ name: String(connection.profile), env }));
    return layers;
  }
  if (stackConfig) layers.push(stackConfigLayer(stackConfig));
  layers.push(environmentLayer(env), connectionsTomlLayer({ env }));
  return layers;
}

export function resolveResourceConnection(connection: ResourceConnection | undefined, stackConfig: StackConfig | undefined, env: NodeJS.ProcessEnv = process.env): ResolvedConnection {
  return resolveConnection(connectionLayers(connection, stackConfig, env));
}

/**
 * The account a connection points at, as recorded in state: the account identifier upper-cased (Snowflake's
 * account names are case-insensitive), or the host when only a host is given. Credentials play no part, so
 * rotating them changes nothing.
 */
export function accountIdentity(resolved: ResolvedConnection): string {
  return resolved.settings.account?.toUpperCase() ?? resolved.settings.host?.toLowerCase() ?? "";
}
