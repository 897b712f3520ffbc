// POST /queries/v1/query-request (snowflake-sdk connection/statement.js sendRequestPreExec): runs sqlText and
// answers a JSON rowset. result/result.js needs `returned` (without it the statement never completes) and, for
// TIMESTAMP_LTZ columns, a TIMEZONE parameter in this answer's own `parameters`.
import { randomUUID } from "node:crypto";
import { SessionDefaults } from "../defaults";
import type { Outcome } from "../http";
import type { RequestContext } from "../router";
import { badConnectorRequest, ConnectorError, connectorRoute, connectorSuccess, readJsonBody } from "./envelope";
import type { ConnectorServices } from "./services";
import { requireSession } from "./session-auth";
import { executeSql, StatementKinds } from "../sql/execute";
import type { ResultSet } from "../sql/select";
import { SqlError } from "../sql/tokens";
import { putFileMetadata } from "../stage-files";

// SQLSTATE 02000 ("no data") goes with Snowflake's 002003 "does not exist or not authorized".
const COMPILATION_SQL_STATE = "02000";

function queryRequest(services: ConnectorServices, kinds: StatementKinds, context: RequestContext): Outcome {
  const session = requireSession(context, services);
  const { sqlText } = readJsonBody(context.rawBody);
  if (typeof sqlText !== "string" || sqlText.trim() === "") throw badConnectorRequest("sqlText is required.");
  const queryId = randomUUID();
  let result: ResultSet;
  try {
    // PUT is a file transfer: the answer is upload metadata, and the driver copies the file itself (statement.js
    // isPutCommand -> FileStatementPreExec; the metadata and where the file lands: stage-files.ts).
    if (/^\s*PUT\s/i.test(sqlText)) return connectorSuccess(putFileMetadata(sqlText, session));
    result = executeSql(sqlText, session, kinds);
  } catch (error) {
    // statement.js turns data.sqlState/queryId into the error's sqlState and the statement's query id.
    if (error instanceof SqlError) throw new ConnectorError(error.code, error.message, { sqlState: error.sqlState || COMPILATION_SQL_STATE, queryId });
    throw error;
  }
  return connectorSuccess({
    parameters: [{ name: "TIMEZONE", value: SessionDefaults.timezone }],
    rowtype: result.columns.map((column) => ({ database: "", schema: "", table: "", collation: null, ...column })),
    rowset: result.rows,
    total: result.rows.length,
    returned: result.rows.length,
    queryId,
    queryResultFormat: "json",
    statementTypeId: result.statementTypeId,
    version: 1,
    finalDatabaseName: session.database,
    finalSchemaName: session.schema,
    finalWarehouseName: session.warehouse,
    finalRoleName: session.role,
  });
}

export function queryRoutes(services: ConnectorServices, kinds: StatementKinds) {
  return [
    connectorRoute({
      method: "POST",
      path: "/queries/v1/query-request",
      handler: (context) => queryRequest(services, kinds, context),
    }),
  ];
}
