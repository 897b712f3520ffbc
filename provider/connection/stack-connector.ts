// How resources and lookups reach Snowflake: each call's own `connection` settings, then the stack config, then
// SNOWFLAKE_* variables and connections.toml (resource-connection.ts), one shared client per connection. The
// provider host reads the stack config from its configure hook; a program's lookups read it through
// pulumi.Config. Both resolve through this one connector, so a lookup reaches exactly where a resource would.
import { clientFor } from "./client-factory";
import { accountIdentity, ResourceConnection, resolveResourceConnection, StackConfig } from "./resource-connection";
import type { Connector } from "../engine/engine";
import type { Properties } from "../engine/definition";

/** A connector whose stack config is read when a connection is resolved (the host configures it late). */
export function stackConnector(stackConfig: () => StackConfig | undefined): Connector {
  const resolve = (properties: Properties) => resolveResourceConnection(properties.connection as ResourceConnection | undefined, stackConfig());
  return {
    accountOf: (properties) => accountIdentity(resolve(properties)),
    clientFor: (properties) => clientFor(resolve(properties)),
  };
}
