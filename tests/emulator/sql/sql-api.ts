// Snowflake's SQL API (sqlapi.yaml): POST /api/v2/statements runs one statement and answers a ResultSet (200),
// a QueryStatus while it runs (202, polled at GET /api/v2/statements/{statementHandle}), or a QueryFailureStatus
// (422). Statements go through the same executor as the connector's (sql/execute.ts).
import { randomUUID } from "node:crypto";
import { ApiError, badRequest, ErrorCodes } from "../errors";
import type { Outcome } from "../http";
import type { Knobs } from "../knobs";
import type { RequestContext, Route } from "../router";
import type { AccountState } from "../state";
import { executeSql, StatementKinds } from "./execute";
import type { Column, ResultSet } from "./select";
import { SqlError, tokenize } from "./tokens";

const STATEMENTS = "/api/v2/statements";
// sqlapi.yaml examples: ResultSet.code 090001 with sqlState 00000; QueryStatus 333334 while running.
const SUCCESS_CODE = "090001";
const RUNNING_CODE = "333334";
// Snowflake error 000008: "Actual statement count N did not match the desired statement count 1."
const STATEMENT_COUNT_CODE = "000008";

function rowType(column: Column) {
  const type = column.type === "fixed" ? "FIXED" : column.type === "boolean" ? "BOOLEAN" : column.type === "timestamp_ltz" ? "TIMESTAMP_LTZ" : "TEXT";
  return { name: column.name, type, length: column.length ?? 0, precision: column.precision ?? 0, scale: column.scale ?? 0, nullable: column.nullable };
}

function resultSet(result: ResultSet, handle: string): Outcome {
  return {
    status: 200,
    body: {
      resultSetMetaData: { numRows: result.rows.length, format: "jsonv2", rowType: result.columns.map(rowType), partitionInfo: [{ rowCount: result.rows.length, uncompressedSize: JSON.stringify(result.rows).length }] },
      data: result.rows,
      code: SUCCESS_CODE,
      statementStatusUrl: `${STATEMENTS}/${handle}`,
      sqlState: "00000",
      statementHandle: handle,
      message: "Statement executed successfully.",
      createdOn: Date.now(),
    },
  };
}

function failure(error: SqlError, handle: string): Outcome {
  return { status: 422, body: { code: error.code, sqlState: error.sqlState, message: error.message, statementHandle: handle, createdOn: Date.now(), statementStatusUrl: `${STATEMENTS}/${handle}` } };
}

/**
 * The statement count a request asks for: its `parameters.multi_statement_count` (sqlapi.yaml; the SQL API docs'
 * examples spell it MULTI_STATEMENT_COUNT, so any case), else the account's MULTI_STATEMENT_COUNT parameter
 * (Parameters docs: a session parameter, default 1, that an account or user may set to 0 = any number).
 */
function desiredStatementCount(body: unknown, account: AccountState): number {
  const parameters = (body as { parameters?: Record<string, unknown> } | undefined)?.parameters ?? {};
  const key = Object.keys(parameters).find((name) => name.toLowerCase() === "multi_statement_count");
  return Number(key === undefined ? account.catalog.parameters.multi_statement_count ?? 1 : parameters[key]);
}

function readStatement(body: unknown, account: AccountState): string {
  const statement = (body as { statement?: unknown } | undefined)?.statement;
  if (typeof statement !== "string" || statement.trim() === "") throw badRequest("The request body needs a statement (sqlapi.yaml SubmitStatement).");
  const count = desiredStatementCount(body, account);
  const separators = tokenize(statement).filter((token, index, all) => token.type === "symbol" && token.value === ";" && index < all.length - 1).length;
  if (separators + 1 !== count && count !== 0) {
    throw new SqlError(STATEMENT_COUNT_CODE, "0A000", `Actual statement count ${separators + 1} did not match the desired statement count ${count}.`);
  }
  return statement;
}

export function sqlApiRoutes(knobs: Knobs, kinds: StatementKinds): Route[] {
  const pending = new Map<string, { polls: number; outcome: Outcome }>();
  const submit = (context: RequestContext): Outcome => {
    const handle = randomUUID();
    let outcome: Outcome;
    try {
      const statement = readStatement(context.body, context.account);
      const session = { account: context.account, user: context.principal?.user ?? "", role: "ACCOUNTADMIN", warehouse: null, database: null, schema: null };
      outcome = resultSet(executeSql(statement, session, kinds), handle);
    } catch (error) {
      if (!(error instanceof SqlError)) throw error;
      outcome = failure(error, handle);
    }
    const polls = knobs.takeDeferral("POST", STATEMENTS);
    if (polls === undefined) return outcome;
    pending.set(handle, { polls: polls - 1, outcome });
    return { status: 202, body: { code: RUNNING_CODE, message: "Asynchronous execution in progress. Use provided query id to perform query monitoring and management.", statementHandle: handle, statementStatusUrl: `${STATEMENTS}/${handle}`, createdOn: Date.now() } };
  };
  const status = (context: RequestContext): Outcome => {
    const handle = context.params.statementHandle;
    const entry = pending.get(handle);
    if (!entry) throw new ApiError(404, ErrorCodes.notFound, `Statement handle '${handle}' is unknown.`);
    if (entry.polls > 0) {
      entry.polls--;
      return { status: 202, body: { code: RUNNING_CODE, message: "Asynchronous execution in progress.", statementHandle: handle, statementStatusUrl: `${STATEMENTS}/${handle}` } };
    }
    return entry.outcome;
  };
  return [
    { method: "POST", path: STATEMENTS, query: ["requestId", "async", "nullable"], body: true, deferrable: false, handler: submit },
    { method: "GET", path: `${STATEMENTS}/{statementHandle}`, query: ["requestId", "partition"], deferrable: false, handler: status },
  ];
}
