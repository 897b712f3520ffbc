// What the SDK's lookup functions load when first called (never at import: the definitions and their wire models
// are large). Lookups run in the program's process and reach Snowflake through the same connector the provider
// host gives resources, with the stack config the program reads (sdk/lookup-calls.ts).
import { StackConfig } from "./connection/resource-connection";
import { stackConnector } from "./connection/stack-connector";
import { ResourceDefinition } from "./engine/definition";
import { getObject, listObjects } from "./engine/lookups";
import { Properties } from "./engine/mapper";
import { resourceDefinitions } from "./resources";

function definitionOf(typeName: string): ResourceDefinition {
  const definition = resourceDefinitions[typeName];
  if (!definition) throw new Error(`unknown Snowflake resource type "${typeName}"; known: ${Object.keys(resourceDefinitions).join(", ")}`);
  return definition;
}

export function lookupObject(typeName: string, args: unknown, stackConfig: StackConfig): Promise<Properties> {
  return getObject(definitionOf(typeName), stackConnector(() => stackConfig), args);
}

export function lookupObjects(typeName: string, args: unknown, stackConfig: StackConfig): Promise<Properties[]> {
  return listObjects(definitionOf(typeName), stackConnector(() => stackConfig), args);
}
