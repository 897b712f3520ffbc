// What a database or schema still holds when it is about to be deleted: DROP DATABASE / DROP SCHEMA take everything
// inside with them, so a delete that would drop objects the stack did not delete first is refused (forceDestroy
// allows it). Snowflake's own schemas (PUBLIC, INFORMATION_SCHEMA: Database docs) do not count; what is inside
// PUBLIC does. The collections are those of every schema-level type this package defines, so the list grows with
// the definitions. A schema an inventory of its database proves empty (database-inventory.ts: one SHOW per type
// for all schemas, shared by a destroy's schema deletes) is not listed collection by collection.
import { ResourceDefinition, Properties } from "../engine/definition";
import { NotFoundError } from "../client/errors";
import { ObjectApi } from "../engine/object-api";
import { identityOf } from "../engine/mapper";
import { storedName } from "../engine/identifiers";
import { provedEmpty, SCHEMA_COLLECTION } from "./database-inventory";

/** Schemas every database has from its creation (CREATE DATABASE docs); INFORMATION_SCHEMA cannot be dropped. */
const SNOWFLAKE_SCHEMAS = new Set(["PUBLIC", "INFORMATION_SCHEMA"]);

let schemaCollections: string[] | undefined;

function allDefinitions(): ResourceDefinition[] {
  // Loaded when first needed: the definitions module imports this one's users.
  const { resourceDefinitions } = require("./index") as { resourceDefinitions: Record<string, ResourceDefinition> };
  return Object.values(resourceDefinitions);
}

function collectionsInSchemas(): string[] {
  schemaCollections ??= [...new Set(allDefinitions().map((definition) => SCHEMA_COLLECTION.exec(definition.collectionPath)?.[1]).filter((name): name is string => Boolean(name)))];
  return schemaCollections;
}

async function namesAt(api: ObjectApi, path: string): Promise<string[]> {
  try {
    const answer = await api.client.request<{ name?: string }[]>({ method: "GET", path });
    return Array.isArray(answer.body) ? answer.body.map((row) => String(row.name)) : [];
  } catch (error) {
    // Gone already (dropped with its container, or by hand): nothing in it to protect.
    if (error instanceof NotFoundError) return [];
    throw error;
  }
}

async function objectsInSchema(api: ObjectApi, schemaPath: string, label: string, database: string, schema: string): Promise<string[]> {
  if (await provedEmpty(api.client, allDefinitions(), database, schema)) return [];
  const found = await Promise.all(collectionsInSchemas().map(async (collection) => {
    const noun = collection.replace(/s$/, "").replace(/-/g, " ");
    return (await namesAt(api, `${schemaPath}/${collection}`)).map((name) => `${label}${name} (${noun})`);
  }));
  return found.flat();
}

export function schemaContents(api: ObjectApi, properties: Properties): Promise<string[]> {
  const { parents, name } = identityOf(api.definition, properties);
  return objectsInSchema(api, api.objectPath(properties), "", storedName(parents.database), storedName(name));
}

export async function databaseContents(api: ObjectApi, properties: Properties): Promise<string[]> {
  const path = api.objectPath(properties);
  const schemas = (await namesAt(api, `${path}/schemas`)).filter((name) => !SNOWFLAKE_SCHEMAS.has(name));
  const roles = await namesAt(api, `${path}/database-roles`);
  const inPublic = await objectsInSchema(api, `${path}/schemas/PUBLIC`, "PUBLIC.", storedName(identityOf(api.definition, properties).name), "PUBLIC");
  return [...schemas.map((name) => `${name} (schema)`), ...roles.map((name) => `${name} (database role)`), ...inPublic];
}
