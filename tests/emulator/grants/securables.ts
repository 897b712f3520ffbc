// What a Grant body points at (role.yaml Grant: securable_type with a `securable` or a `containing_scope`), found
// in the catalog, and whether a privilege is valid on it. The privilege lists are Snowflake's "Access control
// privileges" reference as provider/engine/kinds/securables.ts records it (one table, cited there).
import { SECURABLE_TYPES, canonicalTypeName, type SecurableType } from "../../../provider/engine/kinds/securables";
import { CatalogObject, collectionOf, Container, storedPath } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { ApiError, badRequest, doesNotExist, ErrorCodes } from "../errors";
import { formatIdentifier, parseIdentifier } from "../identifiers";
import { findDatabase, findSchema } from "../rest/lookup";
import type { AccountState } from "../state";

export interface SecurableRef { database?: string; schema?: string; name: string }
export interface ScopeRef { database: string; schema?: string }

function kindOfType(type: SecurableType): ObjectKind | undefined {
  // Loaded on use: the kinds import the grant operations, which use this module.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { OBJECT_KINDS } = require("../kinds") as { OBJECT_KINDS: readonly ObjectKind[] };
  // Event tables change through ALTER TABLE, so their kind's SQL type is TABLE; grants name them EVENT TABLE.
  if (type.name === "EVENT TABLE") return OBJECT_KINDS.find((kind) => kind.collection === "event-tables");
  return OBJECT_KINDS.find((kind) => kind.sqlType === type.name && kind.collection !== "event-tables");
}

/** The securable type a body names (any case, `_` or spaces); 400 for a type Snowflake grants nothing on. */
export function typeNamed(text: string): SecurableType {
  const type = SECURABLE_TYPES.get(canonicalTypeName(text));
  if (!type) throw badRequest(`Unsupported securable type '${text}'.`);
  return type;
}

/** The emulator hosts this type's objects; a type it does not host has no objects to grant on. */
export function hostedKind(type: SecurableType, shown: string): ObjectKind {
  const kind = kindOfType(type);
  if (!kind) throw doesNotExist(type.name.charAt(0) + type.name.slice(1).toLowerCase(), shown);
  return kind;
}

function containerFor(account: AccountState, kind: ObjectKind, ref: { database?: string; schema?: string }): Container {
  if (kind.scope === "account") return account.catalog;
  if (ref.database === undefined) throw badRequest(`A ${kind.sqlType} securable needs its database.`);
  const database = parseIdentifier(ref.database, "database name");
  if (kind.scope === "database") return findDatabase(account, database);
  if (ref.schema === undefined) throw badRequest(`A ${kind.sqlType} securable needs its schema.`);
  return findSchema(account, database, parseIdentifier(ref.schema, "schema name"));
}

/** The object a `securable` names; 404 as Snowflake answers for a missing object. */
export function findSecurable(account: AccountState, type: SecurableType, ref: SecurableRef): CatalogObject {
  const shown = [ref.database, ref.schema, ref.name].filter((part) => part !== undefined).join(".");
  const kind = hostedKind(type, shown);
  const object = collectionOf(containerFor(account, kind, ref), kind.collection).get(parseIdentifier(ref.name, "securable name"));
  if (!object) throw doesNotExist(kind.objectType, shown);
  return object;
}

/** The database or schema a `containing_scope` names. */
export function findScope(account: AccountState, scope: ScopeRef): CatalogObject {
  const database = parseIdentifier(scope.database, "database name");
  return scope.schema === undefined ? findDatabase(account, database) : findSchema(account, database, parseIdentifier(scope.schema, "schema name"));
}

/** The objects of a kind in a database (every schema) or schema, for ON ALL. */
export function objectsIn(scope: CatalogObject, type: SecurableType): CatalogObject[] {
  const kind = hostedKind(type, storedPath(scope).map(formatIdentifier).join("."));
  if (kind.scope === "database") return scope.kind.sqlType === "DATABASE" ? [...collectionOf(scope, kind.collection).values()].filter((schema) => schema.name !== "INFORMATION_SCHEMA") : [];
  const schemas = scope.kind.sqlType === "DATABASE" ? [...collectionOf(scope, "schemas").values()] : [scope];
  return schemas.flatMap((schema) => [...collectionOf(schema, kind.collection).values()]);
}

/**
 * GRANT <privileges> docs: each object type takes its own privileges; a stage takes READ / WRITE when internal and
 * USAGE when external ("Access control privileges", Stage privileges). The error text is not confirmed against a
 * live account (Snowflake reports an invalid privilege as a SQL compilation error).
 */
export function checkPrivilege(type: SecurableType, privilege: string, object?: CatalogObject): void {
  const valid = type.privileges.includes(privilege) || (type.special ?? []).includes(privilege);
  const stageMismatch = type.name === "STAGE" && object && (object.values.url ? privilege !== "USAGE" : privilege === "USAGE");
  if (!valid || stageMismatch) {
    throw new ApiError(400, ErrorCodes.sqlCompilation, `SQL compilation error:\nInvalid privilege ${privilege} for ${type.name}${stageMismatch ? (object!.values.url ? " (an external stage)" : " (an internal stage)") : ""}.`);
  }
}

/** A catalog object as a Grant row's `securable`: {name}, {database, name} or {database, schema, name}. */
export function securableOf(object: CatalogObject): SecurableRef {
  const parts = storedPath(object).map(formatIdentifier);
  if (parts.length === 1) return { name: parts[0] };
  if (parts.length === 2) return { database: parts[0], name: parts[1] };
  return { database: parts[0], schema: parts[1], name: parts[2] };
}

export function scopeOf(object: CatalogObject): ScopeRef {
  const parts = storedPath(object).map(formatIdentifier);
  return parts.length === 1 ? { database: parts[0] } : { database: parts[0], schema: parts[1] };
}
