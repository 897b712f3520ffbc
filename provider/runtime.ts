// What serialized providers load at run time (`require("pulumi-snowflake-dynamic/runtime")`): the stack config
// handed over by the host's configure hook, and one engine per resource type; each resource's connection is
// resolved from its own `connection` input, the stack config, SNOWFLAKE_* variables and connections.toml, and
// clients (with their logins) are shared per connection. Nothing here is ever captured in `__provider`.
import { stackConnector } from "./connection/stack-connector";
import { ResourceEngine } from "./engine/engine";
import { namedMethods } from "./named-failures";
import { resourceDefinitions } from "./resources";

export interface HostConfig { get(key: string): string | undefined; }

let stackConfig: HostConfig | undefined;
const engines = new Map<string, ResourceEngine>();

/** The dynamic-provider host calls this once per serialized provider with the stack's whole config. */
export async function configure(request: { config: HostConfig }): Promise<void> {
  stackConfig = request.config;
}

const connector = stackConnector(() => {
  const config = stackConfig;
  return config && ((key) => config.get(key));
});

export function engineFor(resourceType: string): ResourceEngine {
  let engine = engines.get(resourceType);
  if (!engine) {
    const definition = resourceDefinitions[resourceType];
    if (!definition) throw new Error(`unknown Snowflake resource type "${resourceType}"; known: ${Object.keys(resourceDefinitions).join(", ")}`);
    engine = new ResourceEngine(definition, connector);
    engines.set(resourceType, engine);
  }
  return engine;
}

const methodSets = new Map<string, ReturnType<typeof namedMethods>>();

/** What the serialized provider's methods call: the engine's methods, every failure naming its operation and resource. */
export function methodsFor(resourceType: string): ReturnType<typeof namedMethods> {
  let methods = methodSets.get(resourceType);
  if (!methods) {
    methods = namedMethods(resourceType, engineFor(resourceType));
    methodSets.set(resourceType, methods);
  }
  return methods;
}
