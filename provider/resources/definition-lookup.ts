// The resource type whose objects a securable type names (DYNAMIC TABLE -> DynamicTable), for grants that must
// read or list such objects (GrantOnAll's scope, OwnershipGrant's owner). Only types read by a GET of one object.
import { ResourceDefinition } from "../engine/definition";

export function definitionForSecurableType(securableType: string): ResourceDefinition | undefined {
  // Loaded when first used: the registry imports the grant types, which use this module.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { resourceDefinitions } = require("./index") as { resourceDefinitions: Record<string, ResourceDefinition> };
  const typeName = securableType.toLowerCase().split(/[\s_]+/).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
  const definition = resourceDefinitions[typeName];
  // SQL-only types (sqlObject) are read by SHOW, not listed over REST: not offered to grants that list (yet).
  return definition && !definition.access && !definition.readByList && !definition.signature && !definition.sqlObject ? definition : undefined;
}
