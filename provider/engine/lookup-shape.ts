// Which lookups a resource type has, derived from its definition alone (so a new type gets them without new code):
// what identifies one object (its containers, its name, a signature for overloaded names), and what its
// collection's list operation can narrow by (the spec's `like`, `startsWith`, `showLimit`, `fromName`; SHOW's LIKE for
// the types reached through SQL). Used by the
// SDK generator (which functions to emit) and at run time (what to send, what to do in the SDK instead).
import { OPERATIONS } from "../wire/operations";
import { ResourceDefinition } from "./definition";
import { shownRowIsSnapshot } from "./sql-object/sql-object";

export interface ListShape {
  /** The list's query parameters that narrow it; what it lacks the SDK does after the list. */
  like: boolean;
  startsWith: boolean;
  showLimit: boolean;
  fromName: boolean;
  /**
   * The list answers whole snapshots (the definition's listCarriesSnapshot / readByList; a SHOW row that is all an
   * SQL type's get reads); else each row is read as get reads it (a GET; DESCRIBE and the rest for SQL types).
   */
  rowsAreSnapshots: boolean;
}

export interface LookupShape {
  typeName: string;
  noun: string;
  /** Container properties in path order, e.g. ["database", "schema"]. */
  parents: string[];
  /** The property naming the object itself: `name`, or a stage file's `path`. */
  nameKey: string;
  /** Names are identifiers (quoted or not); a stage file's path is not. */
  nameIsIdentifier: boolean;
  /** Objects Snowflake tells apart by argument types too (functions, procedures): get takes a `signature`. */
  signature: boolean;
  /** Undefined when the type has no list (see noList). */
  list?: ListShape;
  /** Why there is no list, for the generated docs. */
  noList?: string;
}

export type LookupAvailability = { shape: LookupShape } | { skipped: string };

const placeholderless = (path: string) => path.replace(/\{[^}]+\}/g, "{}");

/** The spec's GET of the collection (listWarehouses for /api/v2/warehouses), if there is one. */
function listOperation(collectionPath: string) {
  const target = placeholderless(collectionPath);
  return OPERATIONS.find((operation) => operation.method === "GET" && placeholderless(operation.path) === target);
}

export function lookupAvailability(definition: ResourceDefinition): LookupAvailability {
  if (definition.invokes) return { skipped: `an invocation (it runs :${definition.invokes.action} on an existing object), not an object of its own` };
  const nameKey = Object.keys(definition.fields).find((key) => definition.fields[key].identity === "name");
  if (!nameKey) return { skipped: "no field is its name (identity \"name\"): it is identified by what its properties connect, not by a name" };
  const parents = Object.keys(definition.fields).filter((key) => definition.fields[key].identity === "parent");
  const shape: LookupShape = {
    typeName: definition.typeName, noun: definition.noun, parents, nameKey,
    nameIsIdentifier: !definition.access, signature: Boolean(definition.signature),
  };
  const operation = listOperation(definition.collectionPath);
  // Types reached through SQL list by SHOW, which takes LIKE on every one of them (sql-object/sql-list.ts).
  if (definition.sqlObject) {
    shape.list = { like: true, startsWith: false, showLimit: false, fromName: false, rowsAreSnapshots: shownRowIsSnapshot(definition.sqlObject) };
  } else if (definition.access) shape.noList = `${pluralOf(definition.noun)} are read through their own access (provider/engine/access), not as rows of a REST list`;
  else if (!operation) shape.noList = `the REST API has no list of ${pluralOf(definition.noun)} at ${definition.collectionPath}`;
  else {
    const has = (name: string) => operation.query.some((parameter) => parameter.name === name);
    shape.list = {
      like: has("like"), startsWith: has("startsWith"), showLimit: has("showLimit"), fromName: has("fromName"),
      rowsAreSnapshots: Boolean(definition.listCarriesSnapshot || definition.readByList),
    };
  }
  return { shape };
}

/** The plural, for function names (listNetworkPolicies) and words (artifact repositories). */
export function pluralOf(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|sh|ch)$/.test(word)) return `${word}es`;
  return `${word}s`;
}
