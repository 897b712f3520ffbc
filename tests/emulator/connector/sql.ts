// The few statements the emulator's connector answers: SELECT of literals and CURRENT_*() functions, and
// SHOW WAREHOUSES / SHOW DATABASES [LIKE '...'] from the account's state. Anything else is a compilation error.
import { OWNER_ROLE } from "../defaults";
import { ErrorCodes } from "../errors";
import { likePatternToRegExp } from "../listing";
import { optionsText } from "../resources/object-kind";
import { ConnectorError } from "./envelope";
import type { Session } from "./sessions";

/** A rowtype entry (snowflake-sdk connection/result/column.js reads name, type, scale, precision, nullable). */
export interface Column {
  name: string;
  type: "fixed" | "text" | "boolean" | "timestamp_ltz";
  nullable: boolean;
  scale?: number;
  precision?: number;
  length?: number;
}

export interface ResultSet {
  columns: Column[];
  /** JSON rowset: every value a string, or null (result/result.js). */
  rows: (string | null)[][];
  /** Snowflake statement type ids (result/statement_type.js): 0x1000 SELECT; SHOW is outside the DML range. */
  statementTypeId: number;
}

const SELECT_TYPE_ID = 0x1000;
const SHOW_TYPE_ID = 0x4000;

const text = (name: string, nullable = false): Column => ({ name, type: "text", nullable, length: 16777216 });
const fixed = (name: string, precision = 38): Column => ({ name, type: "fixed", nullable: false, scale: 0, precision });
const timestamp = (name: string): Column => ({ name, type: "timestamp_ltz", nullable: true, scale: 9, precision: 0 });

export function executeStatement(sqlText: string, session: Session): ResultSet {
  const statement = sqlText.trim().replace(/;\s*$/, "").trim();
  const show = /^show\s+(warehouses|databases)(?:\s+like\s+'((?:[^']|'')*)')?$/i.exec(statement);
  if (show) {
    const like = show[2] === undefined ? undefined : likePatternToRegExp(show[2].replace(/''/g, "'"));
    return show[1].toLowerCase() === "warehouses" ? showWarehouses(session, like) : showDatabases(session, like);
  }
  const select = /^select\s+([\s\S]+)$/i.exec(statement);
  if (select) return selectList(select[1], session);
  throw unsupported(statement);
}

function unsupported(statement: string): ConnectorError {
  return compilationError(`The Snowflake emulator does not support this statement: ${statement}`);
}

function compilationError(detail: string): ConnectorError {
  return new ConnectorError(ErrorCodes.sqlCompilation, `SQL compilation error:\n${detail}`);
}

// Context functions docs: the session facts SELECT can ask for.
function contextFunction(name: string, session: Session): string | null | undefined {
  switch (name) {
    case "CURRENT_ACCOUNT":
    case "CURRENT_ACCOUNT_NAME":
      return session.account.name.toUpperCase();
    case "CURRENT_USER":
      return session.user;
    case "CURRENT_ROLE":
      return session.role;
    case "CURRENT_WAREHOUSE":
      return session.warehouse;
    case "CURRENT_DATABASE":
      return session.database;
    case "CURRENT_SCHEMA":
      return session.schema;
    case "CURRENT_SESSION":
      return String(session.id);
    case "CURRENT_VERSION":
      return "emulator";
    default:
      return undefined;
  }
}

const EXPRESSION =
  /^(-?\d+|'(?:[^']|'')*'|true|false|null|[a-z_][a-z0-9_$]*\s*\(\s*\))\s*(?:(?:as\s+)?("(?:[^"]|"")+"|[a-z_][a-z0-9_$]*))?$/i;

function selectList(list: string, session: Session): ResultSet {
  const columns: Column[] = [];
  const row: (string | null)[] = [];
  for (const item of splitTopLevel(list)) {
    const match = EXPRESSION.exec(item.trim());
    if (!match) throw unsupported(`SELECT ${list}`);
    const [, expression, alias] = match;
    // Snowflake names an unaliased column after its expression, upper-cased.
    const name = alias === undefined ? expression.replace(/\s+/g, "").toUpperCase() : identifierName(alias);
    const value = evaluate(expression, session);
    columns.push({ ...value.column, name });
    row.push(value.value);
  }
  return { columns, rows: [row], statementTypeId: SELECT_TYPE_ID };
}

function evaluate(expression: string, session: Session): { column: Column; value: string | null } {
  if (/^-?\d+$/.test(expression)) {
    return { column: fixed("", Math.min(38, expression.replace("-", "").length)), value: String(BigInt(expression)) };
  }
  if (expression.startsWith("'")) {
    const value = expression.slice(1, -1).replace(/''/g, "'");
    return { column: { ...text(""), length: value.length }, value };
  }
  const upper = expression.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") {
    return { column: { name: "", type: "boolean", nullable: false }, value: upper === "TRUE" ? "1" : "0" };
  }
  if (upper === "NULL") return { column: text("", true), value: null };
  const functionName = upper.replace(/\s*\(\s*\)$/, "");
  const value = contextFunction(functionName, session);
  if (value === undefined) throw compilationError(`Unknown function ${functionName}`);
  return { column: text("", true), value };
}

/** Splits a select list at commas outside quotes. */
function splitTopLevel(list: string): string[] {
  const items: string[] = [];
  let current = "";
  let quote: string | undefined;
  for (const char of list) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === ",") {
      items.push(current);
      current = "";
      continue;
    }
    current += char;
  }
  items.push(current);
  return items;
}

function identifierName(alias: string): string {
  return alias.startsWith('"') ? alias.slice(1, -1).replace(/""/g, '"') : alias.toUpperCase();
}

/** TIMESTAMP_LTZ on the JSON rowset: "<epoch seconds>.<9 digit fraction>" (needs `scale`, and TIMEZONE in the answer). */
function epochSeconds(date: Date): string {
  const milliseconds = date.getTime();
  return `${Math.floor(milliseconds / 1000)}.${String(milliseconds % 1000).padStart(3, "0")}000000`;
}

function byName<T extends { name: string }>(items: Iterable<T>, like: RegExp | undefined): T[] {
  return [...items]
    .filter((item) => !like || like.test(item.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

// SHOW WAREHOUSES docs: the leading columns of its output.
function showWarehouses(session: Session, like: RegExp | undefined): ResultSet {
  const columns = [
    text("name"),
    text("state"),
    text("type"),
    text("size"),
    fixed("min_cluster_count"),
    fixed("max_cluster_count"),
    fixed("auto_suspend"),
    text("auto_resume"),
    timestamp("created_on"),
    text("owner"),
    text("comment", true),
  ];
  const rows = byName(session.account.warehouses.values(), like).map(({ name, state, settings, createdOn }) => [
    name,
    state,
    settings.warehouse_type,
    settings.warehouse_size,
    String(settings.min_cluster_count),
    String(settings.max_cluster_count),
    String(settings.auto_suspend),
    String(settings.auto_resume),
    epochSeconds(createdOn),
    OWNER_ROLE,
    settings.comment ?? "",
  ]);
  return { columns, rows, statementTypeId: SHOW_TYPE_ID };
}

// SHOW DATABASES docs: created_on, name, is_default, is_current, origin, owner, comment, options, retention_time, kind.
function showDatabases(session: Session, like: RegExp | undefined): ResultSet {
  const columns = [
    timestamp("created_on"),
    text("name"),
    text("is_default"),
    text("is_current"),
    text("origin"),
    text("owner"),
    text("comment", true),
    text("options"),
    text("retention_time"),
    text("kind"),
  ];
  const rows = byName(session.account.databases.values(), like).map((database) => [
    epochSeconds(database.createdOn),
    database.name,
    "N",
    database.name === session.database ? "Y" : "N",
    "",
    OWNER_ROLE,
    database.comment ?? "",
    optionsText(database.kind),
    String(database.dataRetentionDays),
    "STANDARD",
  ]);
  return { columns, rows, statementTypeId: SHOW_TYPE_ID };
}
