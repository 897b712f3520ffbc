// The objects of a type in a database or schema, for reading a GrantOnAll: listed through the collection of the
// resource type with that SQL object type (its definition names the path), schema by schema for a database.
import { NotFoundError } from "../client/errors";
import type { ObjectLister } from "../engine/access/privilege-grants";
import { ResourceDefinition } from "../engine/definition";
import { identifierFor, storedName } from "../engine/identifiers";
import type { ObjectApi } from "../engine/object-api";
import { definitionForSecurableType } from "./definition-lookup";

const IN_SCHEMA = "/api/v2/databases/{database}/schemas/{schema}/";

// INFORMATION_SCHEMA is read-only and owned by Snowflake: grants on all schemas do not reach it.
const SYSTEM_SCHEMAS = new Set(["INFORMATION_SCHEMA"]);

function definitionFor(typeName: string): ResourceDefinition | undefined {
  const definition = definitionForSecurableType(typeName);
  return definition && (typeName === "SCHEMA" || definition.collectionPath.startsWith(IN_SCHEMA)) ? definition : undefined;
}

async function names(api: ObjectApi, path: string): Promise<string[]> {
  try {
    const { body } = await api.client.request<{ name?: string }[]>({ method: "GET", path });
    return (Array.isArray(body) ? body : []).map((row) => storedName(String(row.name)));
  } catch (error) {
    if (error instanceof NotFoundError) return []; // the scope is gone, and its objects with it
    throw error;
  }
}

const segment = (stored: string) => encodeURIComponent(identifierFor(stored));

export const scopeObjectLister: ObjectLister = async (api, typeName, scope) => {
  const definition = definitionFor(typeName);
  if (!definition) return undefined;
  const [database, schema] = scope;
  const schemasPath = `/api/v2/databases/${segment(database)}/schemas`;
  if (typeName === "SCHEMA") return (await names(api, schemasPath)).filter((name) => !SYSTEM_SCHEMAS.has(name)).map((name) => [database, name]);
  const schemas = schema !== undefined ? [schema] : (await names(api, schemasPath)).filter((name) => !SYSTEM_SCHEMAS.has(name));
  const objects: string[][] = [];
  for (const inSchema of schemas) {
    const path = definition.collectionPath.replace("{database}", segment(database)).replace("{schema}", segment(inSchema));
    for (const name of await names(api, path)) objects.push([database, inSchema, name]);
  }
  return objects;
};
