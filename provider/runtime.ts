// What serialized providers load at run time (`require("pulumi-snowflake-dynamic/runtime")`): the stack config
// handed over by the host's configure hook, and one engine per resource type sharing one REST client per
// connection. Nothing here is ever captured in `__provider`.
import { RestClient } from "./client/rest-client";
import { clientFor } from "./connection/client-factory";
import { environmentLayer, resolveConnection, stackConfigLayer } from "./connection/settings";
import { ResourceEngine } from "./engine/engine";
import { resourceDefinitions } from "./resources";

export interface HostConfig { get(key: string): string | undefined; }

let stackConfig: HostConfig | undefined;
const engines = new Map<string, ResourceEngine>();

/** The dynamic-provider host calls this once per serialized provider with the stack's whole config. */
export async function configure(request: { config: HostConfig }): Promise<void> {
  stackConfig = request.config;
}

function currentClient(): RestClient {
  const layers = [environmentLayer()];
  if (stackConfig) {
    const config = stackConfig;
    layers.unshift(stackConfigLayer((key) => config.get(key)));
  }
  return clientFor(resolveConnection(layers));
}

export function engineFor(resourceType: string): ResourceEngine {
  let engine = engines.get(resourceType);
  if (!engine) {
    const definition = resourceDefinitions[resourceType];
    if (!definition) throw new Error(`unknown Snowflake resource type "${resourceType}"; known: ${Object.keys(resourceDefinitions).join(", ")}`);
    engine = new ResourceEngine(definition, currentClient);
    engines.set(resourceType, engine);
  }
  return engine;
}
