// SQL expressions and collations Snowflake keeps in its own spelling: compared in the form it prints them, so a
// refresh shows no diff for a spelling Snowflake rewrote.
import { literal, userSql } from "../../sql/sql-text";
import { FieldKind } from "../field-kind";
import { normalizeSql, sqlTextKind, textKind } from "./scalars";

/** Applies `change` to the unquoted stretches of SQL text, leaving 'literals' and "identifiers" as written. */
function outsideQuotes(text: string, change: (part: string) => string): string {
  return text.replace(/("(?:[^"]|"")*"|'(?:[^'\\]|''|\\.)*')|[^"']+/g, (part, quoted) => quoted ?? change(part));
}

// Context functions that may be written without parentheses (CURRENT_DATE, CURRENT_TIME, CURRENT_TIMESTAMP,
// LOCALTIME, LOCALTIMESTAMP docs); Snowflake prints them as calls, e.g. CURRENT_TIMESTAMP().
const NILADIC = /\b(CURRENT_TIMESTAMP|CURRENT_DATE|CURRENT_TIME|LOCALTIMESTAMP|LOCALTIME)\b(?!\s*\()/g;
// A quoted identifier that is all upper case means the same as the unquoted one ("DB"."S"."SEQ".NEXTVAL is how
// Snowflake prints db.s.seq.nextval; terraform-provider-snowflake#2644 shows the quoted form).
const PLAIN_QUOTED = /"([A-Z_][A-Z0-9_$]*)"/g;

/** An expression in the form Snowflake prints it: unquoted text upper-cased, whitespace collapsed, niladic calls. */
export function printedExpression(text: string): string {
  const upper = normalizeSql(text, true);
  return outsideQuotes(upper, (part) => part.replace(NILADIC, "$1()").replace(/\s*\(\s*/g, "(").replace(/\s*\)/g, ")").replace(/\s*,\s*/g, ", "))
    .replace(PLAIN_QUOTED, "$1");
}

/** SQL expressions compared as Snowflake keeps them (clustering keys): unquoted text upper-cased, whitespace collapsed. */
export function sqlExpressionKind(): FieldKind {
  const base = sqlTextKind();
  const normal = (value: unknown) => (typeof value === "string" ? normalizeSql(value, true) : value);
  return { ...base, expected: "an SQL expression such as a column name", canonical: normal, toSql: (value) => userSql(String(value)) };
}

/**
 * A column's default expression, e.g. `0`, `'n/a'` or `current_timestamp`: compared as Snowflake re-prints it.
 * Rewrites beyond that (SYSDATE() becomes a CAST of CONVERT_TIMEZONE, SnowDDL#334) are seen as a difference.
 */
export function defaultExpressionKind(): FieldKind {
  const base = sqlTextKind();
  return {
    ...base,
    expected: "an SQL expression such as 0, 'n/a' or CURRENT_TIMESTAMP()",
    canonical: (value) => (typeof value === "string" ? printedExpression(value) : value),
    toSql: (value) => userSql(String(value)),
    meansUnset: (value) => value === "",
  };
}

/** A collation specification such as `en-ci`: its specifiers are case-insensitive (Collation support docs). */
export function collationKind(): FieldKind {
  const base = textKind();
  return {
    ...base,
    expected: "a collation specification such as en-ci or utf8",
    canonical: (value) => (typeof value === "string" ? value.trim().toLowerCase() : value ?? ""),
    toSql: (value) => literal(String(value).trim()),
  };
}
