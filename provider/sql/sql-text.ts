// SQL text for the statements the provider sends over Snowflake's SQL API. Snowflake DDL takes no bind
// variables, so values are spliced into the text. The rule that keeps that safe: a statement is a `sql` template
// whose literal parts are the provider's own code, and every value in it is an SqlText made by one of the
// functions below -- `identifier` for names, `literal` for strings. Nothing else turns a user's value into SQL.
const BUILT_HERE = Symbol("sql-text");

export class SqlText {
  /**
   * @param secrets the text of the secret literals in it (secretLiteral), so that whatever reports a failure of
   *   the statement can take them out (client/sql-api.ts).
   */
  constructor(readonly text: string, key: symbol, readonly secrets: readonly string[] = []) {
    if (key !== BUILT_HERE) throw new Error("SqlText is built by provider/sql only");
  }
  toString(): string {
    return this.text;
  }
}

const make = (text: string, secrets: readonly string[] = []) => new SqlText(text, BUILT_HERE, secrets);
const secretsOf = (items: readonly SqlText[]) => items.flatMap((item) => item.secrets);

/** A statement: code-written text with SqlText values, e.g. sql`ALTER ALERT ${name} RESUME`. */
export function sql(parts: TemplateStringsArray, ...values: SqlText[]): SqlText {
  let text = parts[0];
  values.forEach((value, index) => {
    if (!(value instanceof SqlText)) throw new Error(`sql template value ${index} is not SqlText`);
    text += value.text + parts[index + 1];
  });
  return make(text, secretsOf(values));
}

/**
 * A name as Snowflake stores it, always double-quoted (Identifier requirements docs: inside double quotes any
 * character is allowed and `"` is written `""`), so case, spaces and reserved words all survive.
 */
export function identifier(storedName: string): SqlText {
  return make(`"${storedName.replace(/"/g, '""')}"`);
}

/** A qualified name from stored parts, e.g. "DB"."SCHEMA"."T". */
export function qualifiedIdentifier(storedParts: readonly string[]): SqlText {
  return make(storedParts.map((part) => identifier(part).text).join("."));
}

/**
 * A string literal. Snowflake string constants docs: in single-quoted strings a quote is written '' (or \') and
 * the backslash starts an escape sequence, so both are escaped.
 */
export function literal(value: string): SqlText {
  return make(`'${value.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`);
}

/**
 * A string literal holding a secret (a password): the same text as literal(), marked so that error reports of the
 * statement replace it (a syntax error echoes the text around the position it failed at).
 */
export function secretLiteral(value: string): SqlText {
  const text = literal(value).text;
  return make(text, [text, value]);
}

export function numberLiteral(value: number): SqlText {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return make(String(value));
}

export function booleanLiteral(value: boolean): SqlText {
  return make(value ? "TRUE" : "FALSE");
}

/**
 * Keywords written in the provider's code (property names, object types, system functions such as
 * SYSTEM$SHOW_OAUTH_CLIENT_SECRETS): upper-case words only, a `$` inside a word but never `$$` (which opens a string).
 */
export function keyword(words: string): SqlText {
  if (!/^[A-Z][A-Z0-9_$]*( [A-Z][A-Z0-9_$]*)*$/.test(words) || words.includes("$$")) throw new Error(`not an SQL keyword: ${words}`);
  return make(words);
}

/**
 * SQL the user wrote as SQL -- a view's query, an alert's condition and action, a pipe's COPY statement, a dynamic
 * table's query, clustering expressions, a column's default -- goes in as written: it is the user's program, not a
 * value to quote. Every SQL API request pins multi_statement_count to 1 (client/sql-api.ts), so such text cannot
 * carry a second statement.
 */
export function userSql(text: string): SqlText {
  return make(text);
}

export function joinSql(items: readonly SqlText[], separator: string): SqlText {
  return make(items.map((item) => item.text).join(separator), secretsOf(items));
}

/**
 * An option list from a wire object: `KEY = 'value' ...`, a nested object as `KEY = ( ... )`, unset values left out
 * (CREATE / ALTER STAGE ... CREDENTIALS = ( ... ), ALTER EXTERNAL VOLUME ... ADD STORAGE_LOCATION = ( ... )).
 */
export function optionList(wireValue: Record<string, unknown>, skip: readonly string[] = []): SqlText {
  const parts = Object.entries(wireValue).filter(([key, value]) => !skip.includes(key) && value !== undefined && value !== null);
  return joinSql(parts.map(([key, value]) => (typeof value === "object"
    ? sql`${keyword(key.toUpperCase())} = (${optionList(value as Record<string, unknown>)})`
    : sql`${keyword(key.toUpperCase())} = ${literal(String(value))}`)), " ");
}
