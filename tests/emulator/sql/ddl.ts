// CREATE, DROP, DESCRIBE and SHOW of the object types REST v2 has no endpoints for (kinds with `sqlObject`):
// resource monitors, file formats, policies and the rest. Values are read through the kind's sqlProperties (the
// `<PROPERTY> = <value>` options its CREATE and ALTER pages document) and its own clauses, then checked by the
// kind's accept() like a REST body would be. Any other CREATE / DROP / DESCRIBE is refused as before.
import { CatalogObject, collectionOf, Container, displayName, namesakeOfOtherKind, newObject, WireValues } from "../catalog/catalog";
import type { KindContext, ObjectKind } from "../catalog/object-kind";
import { alreadyExists, ErrorCodes } from "../errors";
import { formatIdentifier } from "../identifiers";
import { likePatternToRegExp } from "../listing";
import { findDatabase, findSchema } from "../rest/lookup";
import type { AccountState } from "../state";
import { findForStatement, readPropertyValue } from "./alter";
import { DDL_TYPE_ID, ResultSet, SessionFacts, SHOW_TYPE_ID, text } from "./select";
import type { TokenStream } from "./token-stream";
import { SqlError } from "./tokens";

const done = (message = "Statement executed successfully."): ResultSet => ({ columns: [text("status")], rows: [[message]], statementTypeId: DDL_TYPE_ID });

function unsupported(stream: TokenStream): SqlError {
  return new SqlError("002003", "02000", `SQL compilation error:\nThe Snowflake emulator does not support this statement: ${stream.text.trim()}`);
}

/** The SQL-only kinds among these (same type words: one kind), or the refusal of a statement the emulator does not run. */
function sqlObjectKind(candidates: readonly ObjectKind[], stream: TokenStream): ObjectKind {
  const kind = candidates.find((candidate) => candidate.sqlObject);
  if (!kind) throw unsupported(stream);
  return kind;
}

/** The container a new object's name puts it in (Identifier resolution docs: no session database in the SQL API). */
function containerFor(kind: ObjectKind, parts: string[], account: AccountState): Container {
  const depth = kind.scope === "account" ? 1 : kind.scope === "database" ? 2 : 3;
  if (parts.length !== depth) {
    // A bare name needs a current database / schema, which an SQL API request without one does not have.
    throw new SqlError(ErrorCodes.sqlCompilation, "02000", `SQL compilation error:\nCannot perform CREATE ${kind.sqlType}. This session does not have a current ${depth === 3 ? "schema" : "database"}. Call 'USE SCHEMA', or use a qualified name.`);
  }
  if (depth === 1) return account.catalog;
  return depth === 2 ? findDatabase(account, parts[0]) : findSchema(account, parts[0], parts[1]);
}

/** The options after the name: the kind's own clauses, else `<PROPERTY> = <value>` of its sqlProperties. */
export function readOptions(kind: ObjectKind, stream: TokenStream): WireValues {
  let values: WireValues = {};
  while (!stream.done) {
    let own: ((values: WireValues) => WireValues) | undefined;
    // The first clause that reads itself at this position (each reader consumes what it matched).
    for (const clause of kind.sqlObject?.createClauses ?? []) if (!own) own = clause.read(stream);
    if (own) {
      values = own(values);
      continue;
    }
    const token = stream.next();
    const property = token.type === "word" ? kind.sqlProperties?.[token.value.toUpperCase()] : undefined;
    if (!property) throw stream.unexpected(token);
    stream.expectSymbol("=");
    values[property.wire] = readPropertyValue(stream, property);
    stream.acceptSymbol(",");
  }
  return values;
}

/** CREATE [ OR REPLACE ] <type> [ IF NOT EXISTS ] <name> [ <with> ] <options> (each type's CREATE page). */
export function executeCreate(stream: TokenStream, session: SessionFacts, read: (stream: TokenStream) => ObjectKind[]): ResultSet {
  const orReplace = stream.accept("OR", "REPLACE");
  const kind = sqlObjectKind(read(stream), stream);
  const ifNotExists = stream.accept("IF", "NOT", "EXISTS");
  const parts = stream.qualifiedName();
  const account = session.account;
  const parent = containerFor(kind, parts, account);
  const name = parts[parts.length - 1];
  if (kind.sqlObject!.createWith) stream.accept(kind.sqlObject!.createWith);
  const options = readOptions(kind, stream);
  const members = collectionOf(parent, kind.collection);
  const existing = members.get(name) ?? namesakeOfOtherKind(kind, parent, name);
  if (existing && ifNotExists) return done(`${formatIdentifier(name)} already exists, statement succeeded.`);
  if (existing && (!orReplace || existing.kind !== kind)) throw alreadyExists(formatIdentifier(name));
  const context: KindContext = { account };
  const accepted = kind.accept ? kind.accept({ ...options, name }, { account, parent }) : options;
  const { name: _name, ...values } = accepted;
  const object = newObject(kind, name, parent, values);
  members.set(name, object);
  kind.created?.(object, context, existing);
  return done(`${kind.objectType} ${formatIdentifier(name)} successfully created.`);
}

/** DROP <type> [ IF EXISTS ] <name>; the kind's beforeDrop may refuse (a policy still attached). */
export function executeDrop(stream: TokenStream, session: SessionFacts, read: (stream: TokenStream) => ObjectKind[]): ResultSet {
  const kind = sqlObjectKind(read(stream), stream);
  const ifExists = stream.accept("IF", "EXISTS");
  const parts = stream.qualifiedName();
  stream.expectEnd();
  let object: CatalogObject;
  try {
    object = findForStatement([kind], parts, session.account);
  } catch (error) {
    if (ifExists) return done("Drop statement executed successfully (object does not exist).");
    throw error;
  }
  const context: KindContext = { account: session.account };
  kind.beforeDrop?.(object, context);
  collectionOf(object.parent, kind.collection).delete(object.name);
  kind.dropped?.(object, context);
  return done(`${formatIdentifier(object.name)} successfully dropped.`);
}

/** DESC[RIBE] <type> <name>. */
export function executeDescribe(stream: TokenStream, session: SessionFacts, read: (stream: TokenStream) => ObjectKind[]): ResultSet {
  const kind = sqlObjectKind(read(stream), stream);
  if (!kind.sqlObject!.describe) throw unsupported(stream);
  const object = findForStatement([kind], stream.qualifiedName(), session.account);
  stream.expectEnd();
  return kind.sqlObject!.describe(object, { account: session.account });
}

/** The objects an `IN ACCOUNT | IN DATABASE <db> | IN SCHEMA <db>.<schema>` scope holds of the kind. */
function objectsInScope(kind: ObjectKind, stream: TokenStream, account: AccountState): CatalogObject[] {
  if (kind.scope === "account" || stream.done) {
    if (kind.scope !== "account") throw new SqlError(ErrorCodes.sqlCompilation, "0A000", `SQL compilation error:\nthe emulator answers SHOW ${kind.sqlObject!.show} only IN SCHEMA <database>.<schema>.`);
    return [...collectionOf(account.catalog, kind.collection).values()];
  }
  stream.expect("IN");
  if (kind.scope === "schema" && stream.accept("SCHEMA")) {
    const [database, schema, ...rest] = stream.qualifiedName();
    if (schema === undefined || rest.length) throw stream.unexpected(stream.peek() ?? stream.next());
    return [...collectionOf(findSchema(account, database, schema), kind.collection).values()];
  }
  stream.expect("DATABASE");
  const database = findDatabase(account, stream.identifier());
  if (kind.scope === "database") return [...collectionOf(database, kind.collection).values()];
  return [...database.children.get("schemas")?.values() ?? []].flatMap((schema) => [...collectionOf(schema, kind.collection).values()]);
}

/**
 * SHOW <types> [ LIKE '<pattern>' ] [ IN ... ]: the kind's columns, rows sorted by name. Undefined: not such a SHOW.
 * Each kind answers its own words only: SHOW { STORAGE | EXTERNAL ACCESS | SECURITY | ... } INTEGRATIONS returns
 * integrations of that type only (SHOW INTEGRATIONS docs), and each integration kind is a collection of its own.
 */
export function executeShowSqlObjects(stream: TokenStream, session: SessionFacts, kinds: readonly ObjectKind[]): ResultSet | undefined {
  const kind = kinds.find((candidate) => candidate.sqlObject && stream.accept(...candidate.sqlObject.show.split(" ")));
  if (!kind) return undefined;
  // SHOW docs: LIKE is case-insensitive, with SQL wildcards.
  const like = stream.accept("LIKE") ? likePatternToRegExp(stream.string()) : undefined;
  const objects = objectsInScope(kind, stream, session.account).filter((object) => !like || like.test(object.name));
  stream.expectEnd();
  const context: KindContext = { account: session.account };
  const columns = kind.sqlObject!.columns;
  const own = objects.map((object) => ({ key: displayName(object), row: columns.map(({ value }) => value(object, context)) }));
  const elsewhere = (kind.sqlObject!.listedFromElsewhere?.(context) ?? []).filter(({ name }) => !like || like.test(name)).map(({ name, row }) => ({ key: formatIdentifier(name), row }));
  const rows = [...own, ...elsewhere].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(({ row }) => row);
  return { columns: columns.map(({ column }) => column), rows, statementTypeId: SHOW_TYPE_ID };
}
