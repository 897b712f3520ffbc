// Snowflake's SQL API (sqlapi.yaml POST /api/v2/statements) over the same REST client, authentication and retries:
// for the changes REST cannot make (ALTER ... SET, RENAME TO, RESUME) and the reads it cannot do (SHOW PARAMETERS).
// A statement still running answers 202 with its handle; the client polls GET /api/v2/statements/{handle}.
import { SqlText } from "../sql/sql-text";
import { SnowflakeApiError } from "./errors";
import { RestClient } from "./rest-client";

export interface SqlResult {
  /** Column names, as Snowflake reports them (SHOW output is lower case: "key", "value", "level"). */
  columns: string[];
  /** Every value as text, or null (sqlapi.yaml ResultSet.data). */
  rows: (string | null)[][];
}

interface ResultSetBody {
  resultSetMetaData?: { rowType?: { name?: string }[] };
  data?: (string | null)[][];
}

/** SHOW and DESCRIBE (DESC) only report (SQL command reference: "SHOW <objects>", "DESCRIBE <object>"). */
const REPORTING_STATEMENT = /^\s*(SHOW|DESCRIBE|DESC)\s/i;

/**
 * `readOnly`: the statement changes nothing, so readers that remember listings (coalesced reads, inventories) need
 * not forget them; SHOW and DESCRIBE are taken as such without asking. `shared`: a read-only statement many
 * operations wait for (RestRequest.shared).
 */
export async function executeSql(client: RestClient, statement: SqlText, options: { readOnly?: boolean; shared?: boolean } = {}): Promise<SqlResult> {
  // timeout 0: the server's maximum; the REST client's own deadline bounds the wait. multi_statement_count 1
  // (sqlapi.yaml parameters) pins one statement per request whatever MULTI_STATEMENT_COUNT the account or user set,
  // so SQL text the user wrote can never carry a second statement (sql-text.ts userSql).
  const body = { statement: statement.text, timeout: 0, parameters: { multi_statement_count: 1 } };
  let response;
  try {
    response = await client.request<ResultSetBody>({ method: "POST", path: "/api/v2/statements", body, readOnly: options.readOnly ?? REPORTING_STATEMENT.test(statement.text), shared: options.shared });
  } catch (error) {
    throw redacted(error, statement.secrets);
  }
  const columns = (response.body?.resultSetMetaData?.rowType ?? []).map((column) => column.name ?? "");
  return { columns, rows: response.body?.data ?? [] };
}

/** Rows as objects keyed by column name. */
export function rowObjects(result: SqlResult): Record<string, string | null>[] {
  return result.rows.map((row) => Object.fromEntries(result.columns.map((column, index) => [column, row[index] ?? null])));
}

const REDACTED = "'***'";

/**
 * A failure of a statement holding secret literals, with every one of them (as written in the statement, and as
 * the value itself) replaced: Snowflake's errors may quote the statement (a syntax error echoes the text near
 * where it failed), and error messages reach the console and CI logs. The error keeps its class and details.
 */
function redacted(error: unknown, secrets: readonly string[]): unknown {
  if (secrets.length === 0 || !(error instanceof Error)) return error;
  // Longest first, so a literal is replaced whole before the bare value inside it.
  const ordered = [...new Set(secrets)].filter((secret) => secret !== "").sort((a, b) => b.length - a.length);
  const clean = (text: string) => ordered.reduce((result, secret) => result.split(secret).join(REDACTED), text);
  error.message = clean(error.message);
  if (error instanceof SnowflakeApiError) Object.defineProperty(error, "serverMessage", { value: clean(error.serverMessage) });
  if (error.stack) error.stack = clean(error.stack);
  // A retry timeout carries the last failure, which carries the same text.
  const last = (error as { lastError?: unknown }).lastError;
  if (last instanceof Error && last !== error) redacted(last, secrets);
  return error;
}
