// SELECT of literals and CURRENT_*() context functions (what snowflake-sdk and connection checks send), and the
// result shape every answered statement has.
import type { SessionDetails } from "../connector/sessions";
import { SqlError } from "./tokens";

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

export const SELECT_TYPE_ID = 0x1000;
export const SHOW_TYPE_ID = 0x4000;
// Snowflake statement type ids (result/statement_type.js): DDL is 0x6000.
export const DDL_TYPE_ID = 0x6000;

/** What a statement runs as: the session's facts (connector) or the caller's (SQL API). */
export type SessionFacts = Omit<SessionDetails, "authenticator"> & { id?: number };

export const text = (name: string, nullable = false): Column => ({ name, type: "text", nullable, length: 16777216 });
export const fixed = (name: string, precision = 38): Column => ({ name, type: "fixed", nullable: false, scale: 0, precision });
export const timestamp = (name: string): Column => ({ name, type: "timestamp_ltz", nullable: true, scale: 9, precision: 0 });

function unsupported(statement: string): SqlError {
  return compilationError(`The Snowflake emulator does not support this statement: ${statement}`);
}

function compilationError(detail: string): SqlError {
  return new SqlError("002003", "02000", `SQL compilation error:\n${detail}`);
}

// Context functions docs: the session facts SELECT can ask for.
function contextFunction(name: string, session: SessionFacts): string | null | undefined {
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
      return String(session.id ?? 0);
    case "CURRENT_VERSION":
      return "emulator";
    default:
      return undefined;
  }
}

const EXPRESSION =
  /^(-?\d+|'(?:[^']|'')*'|true|false|null|[a-z_][a-z0-9_$]*\s*\(\s*\))\s*(?:(?:as\s+)?("(?:[^"]|"")+"|[a-z_][a-z0-9_$]*))?$/i;

export function selectList(list: string, session: SessionFacts): ResultSet {
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

function evaluate(expression: string, session: SessionFacts): { column: Column; value: string | null } {
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

