// ALTER <type> <name> ...: RENAME TO, SET / UNSET of the properties each kind's ALTER statement documents,
// RESUME / SUSPEND, and the clauses of a kind's own (kind.sqlClauses). Each change is re-checked by the kind's
// accept() exactly as a REST body would be, so both doors into an object enforce the same rules.
import { CatalogObject, collectionOf, Container } from "../catalog/catalog";
import type { KindContext, ObjectKind, SqlProperty } from "../catalog/object-kind";
import { badRequest } from "../errors";
import { renameObject } from "../rest/actions";
import type { AccountState } from "../state";
import { findDatabase, findSchema } from "../rest/lookup";
import { SqlError } from "./tokens";
import type { TokenStream } from "./token-stream";
import { ErrorCodes } from "../errors";
import { formatIdentifier } from "../identifiers";

export type Change = (object: CatalogObject, context: KindContext) => void;

export interface AlterClause {
  /** Reads the clause at the stream's position and returns the change, or undefined when it is not this clause. */
  read(stream: TokenStream): Change | undefined;
}

export interface SqlContext extends KindContext {
  kinds: readonly ObjectKind[];
}

const LAG = /^(\d+)\s*(second|minute|hour|day)s?$/i;
const UNIT_SECONDS: Record<string, number> = { SECOND: 1, MINUTE: 60, HOUR: 3600, DAY: 86400 };

/** A property value in the form its ALTER statement documents, as the wire value. */
export function readPropertyValue(stream: TokenStream, property: SqlProperty): unknown {
  switch (property.value) {
    case "string":
      return stream.string();
    case "identifier":
      return stream.identifier();
    case "integer": {
      const token = stream.next();
      if (token.type !== "number" || !/^-?\d+$/.test(token.value)) throw stream.unexpected(token);
      return Number(token.value);
    }
    case "number": {
      const token = stream.next();
      if (token.type !== "number") throw stream.unexpected(token);
      return Number(token.value);
    }
    case "textOrNone": {
      // CREATE FILE FORMAT docs: ESCAPE, FIELD_OPTIONALLY_ENCLOSED_BY and the delimiters take '<text>' or NONE.
      if (stream.accept("NONE")) return "NONE";
      return stream.string();
    }
    case "keyword": {
      // A bare word (FREQUENCY = MONTHLY, TYPE = CSV) or its text in quotes, upper-cased.
      const token = stream.next();
      if (token.type !== "word" && token.type !== "string") throw stream.unexpected(token);
      return token.value.toUpperCase();
    }
    case "boolean": {
      if (stream.accept("TRUE")) return true;
      if (stream.accept("FALSE")) return false;
      throw stream.unexpected(stream.next());
    }
    case "lag": {
      // ALTER DYNAMIC TABLE docs: TARGET_LAG = { '<num> { seconds | minutes | hours | days }' | DOWNSTREAM }.
      if (stream.accept("DOWNSTREAM")) return { type: "DOWNSTREAM" };
      const text = stream.string();
      const match = LAG.exec(text.trim());
      if (!match) throw badRequest(`SQL compilation error:\ninvalid value '${text}' for TARGET_LAG`);
      return { type: "USER_DEFINED", seconds: Number(match[1]) * UNIT_SECONDS[match[2].toUpperCase()] };
    }
    case "stringList": {
      // ALTER NETWORK POLICY / ALTER NETWORK RULE docs: <LIST> = ( '<value>' [ , '<value>' ... ] ); the policy's IP
      // lists may be empty: ( ).
      stream.expectSymbol("(");
      const values: string[] = [];
      while (!stream.acceptSymbol(")")) {
        if (values.length) stream.expectSymbol(",");
        values.push(stream.string());
      }
      return values;
    }
    case "stringOrList": {
      // CREATE SECURITY INTEGRATION (External OAuth) docs: { '<string_literal>' | ('<string_literal>' [ , ... ] ) };
      // one string is kept as a list of one.
      if (stream.peek()?.type === "string") return [stream.string()];
      return readPropertyValue(stream, { ...property, value: "stringList" });
    }
    case "stringMap": {
      // ALTER NOTIFICATION INTEGRATION docs: WEBHOOK_HEADERS = ( '<header>'='<value>' [ , ... ] ).
      stream.expectSymbol("(");
      const entries: [string, string][] = [];
      while (!stream.acceptSymbol(")")) {
        if (entries.length) stream.expectSymbol(",");
        const key = stream.string();
        stream.expectSymbol("=");
        entries.push([key, stream.string()]);
      }
      return Object.fromEntries(entries);
    }
    case "objectReference": {
      // A schema object named <db>.<schema>.<name> (WEBHOOK_SECRET = my_db.my_schema.my_secret), as the REST
      // models carry it: { database_name, schema_name, name }, names formatted.
      const parts = stream.qualifiedName();
      if (parts.length !== 3) throw badRequest(`SQL compilation error:
'${parts.join(".")}' must be named <database>.<schema>.<name>.`);
      return { database_name: formatIdentifier(parts[0]), schema_name: formatIdentifier(parts[1]), name: formatIdentifier(parts[2]) };
    }
    case "qualifiedNameList": {
      // CREATE EXTERNAL ACCESS INTEGRATION docs: ALLOWED_NETWORK_RULES = ( <db>.<schema>.<rule> [ , ... ] ); each part
      // formatted, joined by dots.
      stream.expectSymbol("(");
      const names: string[] = [];
      while (!stream.acceptSymbol(")")) {
        if (names.length) stream.expectSymbol(",");
        names.push(stream.qualifiedName().map(formatIdentifier).join("."));
      }
      return names;
    }
    case "identifierList": {
      // ALTER SERVICE docs: EXTERNAL_ACCESS_INTEGRATIONS = ( <EAI_name> [ , ... ] ); names kept formatted.
      stream.expectSymbol("(");
      const names: string[] = [];
      while (!stream.acceptSymbol(")")) {
        if (names.length) stream.expectSymbol(",");
        names.push(formatIdentifier(stream.identifier()));
      }
      return names;
    }
    case "schedule": {
      // ALTER ALERT docs: SCHEDULE = '{ <num> MINUTE | USING CRON <expr> <time_zone> }' (also '<num> M'); ALTER TASK
      // docs spell it '<num> MINUTES' too.
      const text = stream.string().trim();
      const minutes = /^(\d+)\s*(MINUTES?|M)$/i.exec(text);
      if (minutes) return { schedule_type: "MINUTES_TYPE", minutes: Number(minutes[1]) };
      const cron = /^USING\s+CRON\s+((?:\S+\s+){4}\S+)\s+(\S+)$/i.exec(text);
      if (cron) return { schedule_type: "CRON_TYPE", cron_expr: cron[1], timezone: cron[2] };
      throw badRequest(`SQL compilation error:\ninvalid value '${text}' for SCHEDULE`);
    }
  }
}

/**
 * Re-checks an object's values after a change through the kind's own rules, then keeps them. `asAlter`: the change
 * is one a PUT could make too (a service's new specification), so the kind's alter hook sees it first.
 */
export function applyValues(object: CatalogObject, values: Record<string, unknown>, context: KindContext, options: { asAlter?: boolean } = {}): void {
  const accepted = object.kind.accept ? object.kind.accept({ ...values, name: object.name }, { ...context, parent: object.parent, existing: object }) : values;
  const { name: _name, ...settings } = accepted;
  if (options.asAlter) object.kind.alter?.(object, settings, context);
  object.values = settings;
}

function propertyOf(kind: ObjectKind, stream: TokenStream, verb: string): [string, SqlProperty] {
  const token = stream.next();
  const keyword = token.value.toUpperCase();
  const property = kind.sqlProperties?.[keyword];
  if (token.type !== "word" || !property) {
    throw new SqlError(ErrorCodes.sqlCompilation, "42601", `SQL compilation error:\ninvalid property '${token.value}' for 'ALTER ${kind.sqlType} ... ${verb}'`);
  }
  return [keyword, property];
}

function setProperties(kind: ObjectKind, stream: TokenStream): Change {
  const assignments: [string, unknown][] = [];
  do {
    const [, property] = propertyOf(kind, stream, "SET");
    stream.expectSymbol("=");
    if (property.nullable && (stream.accept("NULL") || (stream.peek()?.value === "(" && stream.peek(1)?.value === ")" && stream.acceptSymbol("(") && stream.acceptSymbol(")")))) {
      assignments.push([property.wire, undefined]);
    } else assignments.push([property.wire, readPropertyValue(stream, property)]);
    stream.acceptSymbol(",");
  } while (!stream.done);
  return (object, context) => applyValues(object, assignments.reduce((values, [wire, value]) => withValueAt(values, wire, value), object.values), context);
}

/**
 * The values with one (possibly nested: "notification_hook.allowed_recipients") property set, or removed when
 * `value` is undefined; nested objects are copied, never changed in place.
 */
function withValueAt(values: Record<string, unknown>, wire: string, value: unknown): Record<string, unknown> {
  const [top, ...rest] = wire.split(".");
  const next = { ...values };
  if (rest.length) {
    const inner = values[top];
    next[top] = withValueAt(inner && typeof inner === "object" ? (inner as Record<string, unknown>) : {}, rest.join("."), value);
  } else if (value === undefined) delete next[top];
  else next[top] = value;
  return next;
}

function unsetProperties(kind: ObjectKind, stream: TokenStream): Change {
  const removed: string[] = [];
  do {
    const [keyword, property] = propertyOf(kind, stream, "UNSET");
    if (!property.unset) throw new SqlError(ErrorCodes.sqlCompilation, "42601", `SQL compilation error:\nproperty '${keyword}' cannot be unset for 'ALTER ${kind.sqlType}'`);
    removed.push(property.wire);
  } while (stream.acceptSymbol(","));
  return (object, context) => applyValues(object, removed.reduce((values, wire) => withValueAt(values, wire, undefined), object.values), context);
}

function runState(kind: ObjectKind, verb: "RESUME" | "SUSPEND"): Change {
  if (!kind.runState) throw new SqlError(ErrorCodes.sqlCompilation, "42601", `SQL compilation error:\n${kind.sqlType} cannot be ${verb.toLowerCase()}d`);
  return (object, context) => {
    const wanted = verb === "RESUME" ? "running" : "suspended";
    const refusal = object.facts.state === wanted ? kind.runState!.refusesNoop?.(object, verb === "RESUME" ? "resumed" : "suspended") : undefined;
    if (refusal) throw refusal;
    kind.runState!.beforeTransition?.(object, wanted, context);
    object.facts.state = wanted;
  };
}

/** Where RENAME TO puts the object: a bare name stays in its schema; db.schema.name moves it. */
function renameTarget(object: CatalogObject, parts: string[], account: AccountState): { name: string; database?: string; schema?: string } {
  const name = parts[parts.length - 1];
  if (parts.length === 1 || object.kind.scope === "account") return { name };
  if (object.kind.scope === "database") return { name, database: parts[0] };
  return parts.length === 2 ? { name, schema: parts[0] } : { name, database: parts[0], schema: parts[1] };
}

/** The change an ALTER's action clause asks for. */
export function readAlterAction(kind: ObjectKind, stream: TokenStream, account: AccountState): Change {
  for (const clause of kind.sqlClauses ?? []) {
    const change = clause.read(stream);
    if (change) return change;
  }
  if (stream.accept("RENAME", "TO")) {
    const parts = stream.qualifiedName();
    return (object, context) => {
      const target = renameTarget(object, parts, account);
      renameObject(object, target.name, context.account, target);
    };
  }
  if (stream.accept("SET")) return setProperties(kind, stream);
  if (stream.accept("UNSET")) return unsetProperties(kind, stream);
  if (stream.accept("RESUME")) return runState(kind, "RESUME");
  if (stream.accept("SUSPEND")) return runState(kind, "SUSPEND");
  throw stream.unexpected(stream.next());
}

/** The object a statement names: `parts` qualified as the kind's scope needs (account, DB, DB.SCHEMA). */
export function findForStatement(kinds: readonly ObjectKind[], parts: string[], account: AccountState): CatalogObject {
  const first = kinds[0];
  const depth = first.scope === "account" ? 1 : first.scope === "database" ? 2 : 3;
  const shown = parts.map(formatIdentifier).join(".");
  if (parts.length !== depth) throw new SqlError(ErrorCodes.sqlCompilation, "02000", `SQL compilation error:\n${first.objectType} '${shown}' does not exist or not authorized.`);
  let parent: Container;
  try {
    parent = depth === 1 ? account.catalog : depth === 2 ? findDatabase(account, parts[0]) : findSchema(account, parts[0], parts[1]);
  } catch {
    throw new SqlError(ErrorCodes.sqlCompilation, "02000", `SQL compilation error:\n${first.objectType} '${shown}' does not exist or not authorized.`);
  }
  for (const kind of kinds) {
    const found = collectionOf(parent, kind.collection).get(parts[parts.length - 1]);
    if (found) return found;
  }
  throw new SqlError(ErrorCodes.sqlCompilation, "02000", `SQL compilation error:\n${first.objectType} '${shown}' does not exist or not authorized.`);
}
