// Snowflake's keywords (SQL reference "Reserved & limited keywords"). Reserved keywords cannot be unquoted
// identifiers at all; limited keywords cannot be in some places (a column named CURRENT_DATE, SHOW ... IN VIEW).
// The emulator refuses the reserved ones as Snowflake does; the provider sends both kinds double-quoted.

// Reserved by ANSI, and reserved by Snowflake (ILIKE, QUALIFY, REGEXP, RLIKE, SOME; INCREMENT and MINUS "by
// Snowflake and others").
const RESERVED = new Set([
  "ALL", "ALTER", "AND", "ANY", "AS", "BETWEEN", "BY", "CHECK", "COLUMN", "CONNECT", "CREATE", "CURRENT", "DELETE",
  "DISTINCT", "DROP", "ELSE", "EXISTS", "FOLLOWING", "FOR", "FROM", "GRANT", "GROUP", "HAVING", "IN", "INSERT",
  "INTERSECT", "INTO", "IS", "LIKE", "NOT", "NULL", "OF", "ON", "OR", "ORDER", "REVOKE", "ROW", "ROWS", "SAMPLE",
  "SELECT", "SET", "START", "TABLE", "TABLESAMPLE", "THEN", "TO", "TRIGGER", "UNION", "UNIQUE", "UPDATE", "VALUES",
  "WHENEVER", "WHERE", "WINDOW", "WITH",
  "ILIKE", "QUALIFY", "REGEXP", "RLIKE", "SOME", "INCREMENT", "MINUS",
]);

// Limited: not a column name (CURRENT_DATE, ..., CONSTRAINT), not a column reference (CASE, CAST, ...), not a table
// name in FROM (CROSS, JOIN, ...), not an identifier in SHOW ... IN (ACCOUNT, DATABASE, SCHEMA, VIEW, ...).
const LIMITED = new Set([
  "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "LOCALTIME", "LOCALTIMESTAMP", "CONSTRAINT",
  "CASE", "CAST", "FALSE", "TRUE", "TRY_CAST", "WHEN",
  "CROSS", "FULL", "INNER", "JOIN", "LATERAL", "LEFT", "NATURAL", "RIGHT", "USING",
  "ACCOUNT", "CONNECTION", "DATABASE", "GSCLUSTER", "ISSUE", "ORGANIZATION", "SCHEMA", "VIEW",
]);

/** Whether Snowflake refuses this unquoted identifier (compared case-insensitively, as unquoted names are). */
export function isReservedWord(unquoted: string): boolean {
  return RESERVED.has(unquoted.toUpperCase());
}

/** Whether the word is a reserved or limited keyword: such names are always sent double-quoted. */
export function isKeyword(unquoted: string): boolean {
  return RESERVED.has(unquoted.toUpperCase()) || LIMITED.has(unquoted.toUpperCase());
}
