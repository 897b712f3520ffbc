// The objects of a type in a database or schema, for reading a GrantOnAll: listed through the collection of the
// resource type with that SQL object type (its definition names the path), schema by schema for a database.
import { NotFoundError } from "../client/errors";
import type { ObjectLister } from "../engine/access/privilege-grants";
import { ResourceDefinition } from "../engine/definition";
import { storedName } from "../engine/identifiers";
import { identityFromParts } from "../engine/mapper";
import { ObjectApi } from "../engine/object-api";
import { definitionForSecurableType } from "./definition-lookup";

const IN_SCHEMA = "/api/v2/databases/{database}/schemas/{schema}/";

// INFORMATION_SCHEMA is read-only and owned by Snowflake: grants on all schemas do not reach it.
const SYSTEM_SCHEMAS = new Set(["INFORMATION_SCHEMA"]);

function definitionFor(typeName: string): ResourceDefinition | undefined {
  const definition = definitionForSecurableType(typeName);
  return definition && (typeName === "SCHEMA" || definition.collectionPath.startsWith(IN_SCHEMA)) ? definition : undefined;
}

/** Stored names in a collection of `definition`, whose containers are `scope` (stored parts). */
async function names(api: ObjectApi, definition: ResourceDefinition, scope: string[]): Promise<string[]> {
  const path = new ObjectApi(definition, api.client).collectionPath(identityFromParts(definition, scope));
  try {
    const { body } = await api.client.request<{ name?: string }[]>({ method: "GET", path });
    return (Array.isArray(body) ? body : []).map((row) => storedName(String(row.name)));
  } catch (error) {
    if (error instanceof NotFoundError) return []; // the scope is gone, and its objects with it
    throw error;
  }
}

export const scopeObjectLister: ObjectLister = async (api, typeName, scope) => {
  const definition = definitionFor(typeName);
  const schemaDefinition = definitionFor("SCHEMA");
  if (!definition || !schemaDefinition) return undefined;
  const [database, schema] = scope;
  const schemasOf = async () => (await names(api, schemaDefinition, [database])).filter((name) => !SYSTEM_SCHEMAS.has(name));
  if (typeName === "SCHEMA") return (await schemasOf()).map((name) => [database, name]);
  const objects: string[][] = [];
  for (const inSchema of schema !== undefined ? [schema] : await schemasOf()) {
    for (const name of await names(api, definition, [database, inSchema])) objects.push([database, inSchema, name]);
  }
  return objects;
};
