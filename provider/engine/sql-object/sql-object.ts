// Objects REST v2 has no endpoints for (resource monitors, file formats, policies, integrations, shares), made, read
// and removed with SQL statements over the SQL API: CREATE <type> <name> <options>, SHOW <types> LIKE '<name>'
// (+ DESCRIBE <type> <name> where SHOW lacks values), DROP <type> IF EXISTS <name>. Changes are the engine's usual
// ALTER SET / UNSET (apply.ts applySql). Every statement is built from the definition, through sql-text.ts.
import { z } from "zod";
import { ConflictError, SnowflakeApiError } from "../../client/errors";
import { executeSql, rowObjects } from "../../client/sql-api";
import { joinSql, keyword, literal, qualifiedIdentifier, sql, SqlText } from "../../sql/sql-text";
import type { FieldDefinition, OutputDefinition, Properties, ResourceDefinition, WireModel, WireSnapshot } from "../definition";
import { isSet } from "../field-kind";
import { storedName } from "../identifiers";
import { exactLikePattern } from "../list-read";
import { identityOf, LiveObject } from "../mapper";
import type { ObjectApi } from "../object-api";
import { PrintedForm, readPrinted, ShownValue } from "./shown";

/** How a type without REST endpoints is reached through SQL (ResourceDefinition.sqlObject). */
export interface SqlObjectDefinition {
  /** The object words SHOW lists them under: SHOW <show> LIKE '<name>' [IN SCHEMA <db>.<schema>]. */
  show: string;
  /** Words between the name and the options of CREATE (CREATE RESOURCE MONITOR <name> WITH <options>). */
  createWith?: string;
  /** Options every CREATE of the type carries, before the declared ones (CREATE STORAGE INTEGRATION ... TYPE = EXTERNAL_STAGE). */
  createFixed?: SqlText;
  /** Values CREATE sends for fields left undeclared, where its page requires them (ENABLED = TRUE). */
  createDefaults?: Properties;
  /**
   * A system function read with the object (SELECT <function>('<qualified name>')) whose JSON answer carries values
   * SHOW and DESCRIBE do not (SYSTEM$SHOW_OAUTH_CLIENT_SECRETS), when `applies` to the snapshot read so far;
   * `wires`: the answer's keys -> snapshot wire names.
   */
  functionRead?: { function: string; applies(snapshot: WireSnapshot): boolean; wires: Record<string, string> };
  /** A SHOW about the object (SHOW GRANTS TO SHARE <name>) whose rows `read` turns into the snapshot's `wire`. */
  alsoShow?: { show(name: SqlText, properties: Properties): SqlText; wire: string; read(rows: Record<string, string | null>[]): unknown };
  /**
   * DESCRIBE <type> <name>, folded into what fields read `from: "describe"`: property rows (the column naming the
   * property and the one holding its value: DESCRIBE FILE FORMAT), or "row": one row whose columns are the values
   * (DESCRIBE MASKING POLICY: name, signature, return_type, body).
   */
  describe?: { property: string; value: string } | "row";
  /** Where SHOW lists objects of another type too: true for the rows that are of this one (SHOW SHARES: kind OUTBOUND). */
  isOwnRow?(row: Record<string, string | null>): boolean;
}

// Snowflake SQL errors (the emulator's errors.ts): 002002 "Object '<name>' already exists.", 002003 "<Type>
// '<name>' does not exist or not authorized."
const ALREADY_EXISTS = "002002";
const DOES_NOT_EXIST = "002003";

const sqlObjectOf = (definition: ResourceDefinition): SqlObjectDefinition => {
  if (!definition.sqlObject || !definition.sqlObjectType) throw new Error(`${definition.noun}s are not SQL objects`);
  return definition.sqlObject;
};

/** The property's SQL name: the field's ALTER property, else its wire name upper-cased. */
export const sqlPropertyOf = (field: FieldDefinition): string => field.sql?.property ?? field.wire.toUpperCase();

/** CREATE's clauses for the declared properties, in declaration order: a field's own clause, else `NAME = value`. */
export function createClauses(definition: ResourceDefinition, properties: Properties): SqlText[] {
  const clauses: SqlText[] = [];
  for (const [key, field] of Object.entries(definition.fields)) {
    const value = properties[key];
    // `body: "never"`: not an option of CREATE; the engine sets it right after (engine.ts createObject).
    if (field.identity || field.derived || field.body === "never" || !isSet(value) || field.kind.meansUnset?.(value)) continue;
    clauses.push(field.sql?.create ? field.sql.create(value) : sql`${keyword(sqlPropertyOf(field))} = ${field.kind.toSql(value)}`);
  }
  return clauses;
}

export function createStatement(api: ObjectApi, properties: Properties): SqlText {
  const { createWith, createFixed, createDefaults } = sqlObjectOf(api.definition);
  const declared = Object.fromEntries(Object.entries(createDefaults ?? {}).filter(([key]) => !isSet(properties[key])));
  const options = [...(createFixed ? [createFixed] : []), ...createClauses(api.definition, { ...declared, ...properties })];
  const head = sql`CREATE ${keyword(api.definition.sqlObjectType!)} ${api.sqlName(properties)}`;
  return joinSql([head, ...(createWith && options.length ? [keyword(createWith)] : []), ...options], " ");
}

export async function createSqlObject(api: ObjectApi, properties: Properties): Promise<void> {
  try {
    await executeSql(api.client, createStatement(api, properties));
  } catch (error) {
    // The engine tells "exists already" (adoptExisting) from other failures by ConflictError, as for REST's 409.
    if (error instanceof SnowflakeApiError && error.code === ALREADY_EXISTS && !(error instanceof ConflictError)) {
      const conflict = new ConflictError({ status: 409, code: error.code, message: error.serverMessage, method: error.method, path: error.path, requestId: error.requestId });
      conflict.afterLostAnswer = error.afterLostAnswer;
      throw conflict;
    }
    throw error;
  }
}

/**
 * DROP <type> IF EXISTS <name>, after undoing what the object's own statements set up outside it (a policy set on
 * columns, the account's monitor): the resource owns those settings, and Snowflake refuses to drop a policy in use.
 */
export async function dropSqlObject(api: ObjectApi, properties: Properties): Promise<void> {
  const undone = Object.entries(api.definition.fields).filter(([key, field]) => field.body === "never" && field.sql?.statements && !field.sql.keptOnDrop && isSet(properties[key]));
  // What the object has now, not what state says: an UNSET names only the column, so it must be this policy's.
  const live = undone.length ? await fetchSqlObject(api, properties) : undefined;
  for (const [, field] of undone) {
    const current = live ? field.kind.fromWire(live.snapshot[field.wire]) : undefined;
    if (!isSet(current)) continue;
    for (const statement of field.sql!.statements!(undefined, current, api.sqlName(properties))) await executeSql(api.client, statement);
  }
  await executeSql(api.client, sql`DROP ${keyword(api.definition.sqlObjectType!)} IF EXISTS ${api.sqlName(properties)}`);
}

/** SHOW's scope: nothing for account objects, IN DATABASE / IN SCHEMA for objects in a container (stored names). */
function showScope(parents: string[]): SqlText {
  if (parents.length === 0) return sql``;
  return sql` IN ${keyword(parents.length === 1 ? "DATABASE" : "SCHEMA")} ${qualifiedIdentifier(parents.map(storedName))}`;
}

export type ShownRow = Record<string, string | null>;

/** A failure that means the object, or the container SHOW was scoped to, does not exist (002003). */
export const isDoesNotExist = (error: unknown): error is SnowflakeApiError => error instanceof SnowflakeApiError && error.code === DOES_NOT_EXIST;

/**
 * SHOW <show> [ LIKE '<pattern>' ] [ IN DATABASE | SCHEMA <container> ]: the type's rows, without those of other
 * types the same SHOW lists (sqlObject.isOwnRow). `parents`: the container's names as identifiers, in path order.
 */
export async function showRows(api: ObjectApi, parents: string[], like: string | undefined): Promise<ShownRow[]> {
  const sqlObject = sqlObjectOf(api.definition);
  const pattern = like === undefined ? sql`` : sql` LIKE ${literal(like)}`;
  const rows = rowObjects(await executeSql(api.client, sql`SHOW ${keyword(sqlObject.show)}${pattern}${showScope(parents)}`));
  return sqlObject.isOwnRow ? rows.filter((row) => sqlObject.isOwnRow!(row)) : rows;
}

/** The object's SHOW row (and DESCRIBE rows) as a snapshot; undefined when it does not exist, or its container is gone. */
export async function fetchSqlObject(api: ObjectApi, properties: Properties): Promise<LiveObject | undefined> {
  const { parents, name } = identityOf(api.definition, properties);
  const stored = storedName(name);
  let row: ShownRow | undefined;
  try {
    // LIKE matches case-insensitively and `_` / `%` are wildcards: escaped, then the row is picked by exact name.
    row = (await showRows(api, Object.values(parents), exactLikePattern(stored))).find((candidate) => candidate.name === stored);
  } catch (error) {
    if (isDoesNotExist(error)) return undefined;
    throw error;
  }
  return row && completedSqlObject(api, properties, row);
}

/** Whether a SHOW row is all of the snapshot, or DESCRIBE / a system function / another SHOW add to it. */
export const shownRowIsSnapshot = (sqlObject: SqlObjectDefinition): boolean => !sqlObject.describe && !sqlObject.functionRead && !sqlObject.alsoShow;

/** The snapshot from the object's SHOW row, with what DESCRIBE, the functionRead and alsoShow add where it has them. */
export async function completedSqlObject(api: ObjectApi, properties: Properties, row: ShownRow): Promise<LiveObject> {
  const definition = api.definition;
  const sqlObject = sqlObjectOf(definition);
  const described: Record<string, string | null> = {};
  if (sqlObject.describe) {
    const rows = rowObjects(await executeSql(api.client, sql`DESCRIBE ${keyword(definition.sqlObjectType!)} ${api.sqlName(properties)}`));
    const layout = sqlObject.describe;
    if (layout === "row") Object.assign(described, rows[0] ?? {});
    else for (const entry of rows) described[String(entry[layout.property]).toLowerCase()] = entry[layout.value];
  }
  const snapshot = snapshotOf(definition, row, described);
  const extra = sqlObject.functionRead;
  if (extra && extra.applies(snapshot)) {
    // The name as stored: such functions take it case-sensitively (SYSTEM$SHOW_OAUTH_CLIENT_SECRETS docs).
    const answer = await executeSql(api.client, sql`SELECT ${keyword(extra.function)}(${literal(storedName(identityOf(definition, properties).name))})`);
    const parsed = JSON.parse(answer.rows[0]?.[0] ?? "{}") as Record<string, unknown>;
    for (const [key, wire] of Object.entries(extra.wires)) if (parsed[key] !== undefined && parsed[key] !== null) snapshot[wire] = parsed[key];
  }
  if (sqlObject.alsoShow) snapshot[sqlObject.alsoShow.wire] = sqlObject.alsoShow.read(rowObjects(await executeSql(api.client, sqlObject.alsoShow.show(api.sqlName(properties), properties))));
  return { snapshot };
}

/** The printed form a field's kind reads when the field does not name one. */
function defaultForm(shownAs: FieldDefinition["kind"]["shape"]): PrintedForm {
  if ("primitive" in shownAs) return shownAs.primitive === "number" ? "number" : shownAs.primitive === "boolean" ? "boolean" : "text";
  return "list" in shownAs ? "list" : "text";
}

function readShown(entry: { wire: string; kind: FieldDefinition["kind"]; shown?: ShownValue; identity?: FieldDefinition["identity"] }, show: Record<string, string | null>, described: Record<string, string | null>): unknown {
  const shown = entry.shown ?? {};
  if (shown.read) return shown.read(shown.from === "describe" ? described : show);
  const column = shown.column ?? entry.wire.split(".")[0];
  const text = shown.from === "describe" ? described[column.toLowerCase()] : show[column];
  const form = shown.as ?? (entry.identity ? "name" : column === "created_on" ? "timestamp" : defaultForm(entry.kind.shape));
  return readPrinted(text, form);
}

/** The snapshot of the definition's wire model from SHOW's row and DESCRIBE's rows. */
export function snapshotOf(definition: ResourceDefinition, show: Record<string, string | null>, described: Record<string, string | null>): WireSnapshot {
  const snapshot: WireSnapshot = {};
  const entries: { wire: string; kind: FieldDefinition["kind"]; shown?: ShownValue; identity?: FieldDefinition["identity"] }[] = [
    ...Object.values(definition.fields).filter((field) => !field.writeOnly && !field.derived),
    ...Object.values(definition.outputs as Record<string, OutputDefinition>),
  ];
  for (const entry of entries) {
    const value = readShown(entry, show, described);
    if (value !== undefined) snapshot[entry.wire] = value;
  }
  return snapshot;
}

/** The wire model of an SQL object: what its fields and outputs read from SHOW / DESCRIBE (no spec describes it). */
export function sqlWireModel(fields: Record<string, FieldDefinition>, outputs: Record<string, OutputDefinition>): WireModel {
  const readOnly = Object.values(outputs).map((output) => output.wire);
  const properties = [...new Set([...Object.values(fields).map((field) => field.wire.split(".")[0]), ...readOnly])];
  return { schema: z.record(z.string(), z.unknown()), properties, readOnly };
}
