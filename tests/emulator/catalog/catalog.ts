// The objects of one emulated account as a tree: the account holds warehouses and databases, a database holds
// schemas, a schema holds tables, views, stages and the rest. Every object keeps only the settable properties
// set on it (wire names); defaults, inherited parameters and derived values are computed when it is rendered.
import { formatIdentifier } from "../identifiers";
import type { KindContext, ObjectKind } from "./object-kind";

export type WireValues = Record<string, unknown>;

export interface Container {
  /** Child collections (a database's schemas, a schema's tables): collection -> stored name -> object. */
  readonly children: Map<string, Map<string, CatalogObject>>;
  readonly parent?: Container;
}

/** The account: its top-level objects and the parameters set at account level (ALTER ACCOUNT SET ...). */
export class AccountRoot implements Container {
  readonly children = new Map<string, Map<string, CatalogObject>>();
  /** Account-level parameter values (wire names), e.g. data_retention_time_in_days. */
  readonly parameters: WireValues = {};
}

export interface CatalogObject extends Container {
  readonly kind: ObjectKind;
  name: string;
  parent: Container;
  /** Settable properties set on the object itself (normalized wire values). */
  values: WireValues;
  createdOn: Date;
  updatedOn: Date;
  /** Tag assignments, keyed by the tag's stored parts joined by NUL. */
  tags: Map<string, string>;
  /** What Snowflake keeps besides properties: run state, row count, a stream's offset. */
  facts: Record<string, unknown>;
}

export function isObject(container: Container | undefined): container is CatalogObject {
  return container !== undefined && "kind" in container;
}

export function collectionOf(container: Container, collection: string): Map<string, CatalogObject> {
  let members = container.children.get(collection);
  if (!members) container.children.set(collection, (members = new Map()));
  return members;
}

/**
 * An object of another kind holding `name` in the namespace `kind` shares: tables, views, dynamic and event tables
 * of a schema cannot share a name (CREATE TABLE / CREATE VIEW docs: the identifier "must be unique for the schema
 * in which the table/view is created"; tables and views are both listed by SHOW OBJECTS).
 */
export function namesakeOfOtherKind(kind: ObjectKind, container: Container, name: string): CatalogObject | undefined {
  if (!kind.namespace) return undefined;
  for (const members of container.children.values()) {
    const found = members.get(name);
    if (found && found.kind !== kind && found.kind.namespace === kind.namespace) return found;
  }
  return undefined;
}

/** The key an object is filed under in its collection: its name, or name and signature (ObjectKind.signature). */
export function catalogKey(kind: ObjectKind, name: string, values: WireValues, context: KindContext): string {
  return kind.signature ? kind.signature.keyOf(name, values, context) : name;
}

/** A collection key as messages show it: a formatted name, or a signature key as it is. */
export function shownKey(kind: ObjectKind, key: string): string {
  return kind.signature ? key : formatIdentifier(key);
}

export function newObject(kind: ObjectKind, name: string, parent: Container, values: WireValues): CatalogObject {
  const now = new Date();
  return { kind, name, parent, values, createdOn: now, updatedOn: now, tags: new Map(), facts: {}, children: new Map() };
}

/** Stored names from the database down to the object (a warehouse or database: just its name). */
export function storedPath(object: CatalogObject): string[] {
  return isObject(object.parent) ? [...storedPath(object.parent), object.name] : [object.name];
}

/** The name as Snowflake prints it in messages: DB.SCHEMA.NAME, quoted where needed. */
export function displayName(object: CatalogObject): string {
  return storedPath(object).map(formatIdentifier).join(".");
}

export function accountOf(container: Container): AccountRoot {
  let current: Container = container;
  while (current.parent) current = current.parent;
  return current as AccountRoot;
}

/**
 * A parameter's value for an object and where it comes from (Parameters docs: "setting the parameter at the account
 * or schema level only affects tables for which the parameter has not already been explicitly set at a lower
 * level"): the object's own value, else the nearest container that has the parameter set, else the account's,
 * else the default. Containers whose type does not have the parameter are skipped (PIPE_EXECUTION_PAUSED:
 * account -> schema -> pipe).
 */
export function inheritedParameter(object: CatalogObject, wire: string): { value: unknown; level: string } {
  for (let current: Container | undefined = object; current; current = current.parent) {
    if (!isObject(current)) {
      const account = current as AccountRoot;
      if (account.parameters[wire] !== undefined) return { value: account.parameters[wire], level: "ACCOUNT" };
      break;
    }
    if (current.kind.parameters?.[wire] !== undefined && current.values[wire] !== undefined) return { value: current.values[wire], level: current.kind.parameterLevel };
  }
  return { value: object.kind.parameters?.[wire]?.default, level: "" };
}
