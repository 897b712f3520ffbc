// Finding objects from request paths: the container a kind's collection lives in, and an object in it.
import { AccountRoot, CatalogObject, collectionOf, Container, displayName, shownKey } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { doesNotExist } from "../errors";
import { formatIdentifier, parsePathIdentifier } from "../identifiers";
import type { AccountState } from "../state";

// CREATE DATABASE docs: a database; CREATE SCHEMA docs: a schema. Collection segments of the containers.
export const DATABASES = "databases";
export const SCHEMAS = "schemas";

export function findDatabase(account: AccountState, name: string): CatalogObject {
  const database = collectionOf(account.catalog, DATABASES).get(name);
  if (!database) throw doesNotExist("Database", formatIdentifier(name));
  return database;
}

export function findSchema(account: AccountState, databaseName: string, schemaName: string): CatalogObject {
  const database = findDatabase(account, databaseName);
  const schema = collectionOf(database, SCHEMAS).get(schemaName);
  if (!schema) throw doesNotExist("Schema", `${formatIdentifier(databaseName)}.${formatIdentifier(schemaName)}`);
  return schema;
}

/** The container of a kind's collection, from the path's {database} and {schema} parameters. */
export function parentFromPath(kind: ObjectKind, account: AccountState, params: Record<string, string>): Container {
  if (kind.scope === "account") return account.catalog;
  const database = parsePathIdentifier(params.database, "database name");
  if (kind.scope === "database") return findDatabase(account, database);
  return findSchema(account, database, parsePathIdentifier(params.schema, "schema name"));
}

export function missingObject(kind: ObjectKind, parent: Container, name: string) {
  const prefix = parent instanceof AccountRoot ? "" : `${displayName(parent as CatalogObject)}.`;
  return doesNotExist(kind.objectType, `${prefix}${shownKey(kind, name)}`);
}

export function findIn(kind: ObjectKind, parent: Container, name: string): CatalogObject {
  const object = collectionOf(parent, kind.collection).get(name);
  if (!object) throw missingObject(kind, parent, name);
  return object;
}

/** Every object of a schema-level collection in the account, database by database and schema by schema. */
export function schemaObjectsOf(account: AccountState, collection: string): CatalogObject[] {
  return [...collectionOf(account.catalog, DATABASES).values()].flatMap((database) =>
    [...collectionOf(database, SCHEMAS).values()].flatMap((schema) => [...collectionOf(schema, collection).values()]));
}
