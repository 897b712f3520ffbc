// Pipes (pipe.yaml; CREATE / ALTER PIPE docs). The COPY INTO statement must name a table and a stage that exist;
// ALTER PIPE changes the comment, the error integration and PIPE_EXECUTION_PAUSED only ("it is not possible to modify
// ... COPY INTO <table> statement, AWS_SNS_TOPIC ... INTEGRATION").
import * as wire from "../../../provider/wire/pipe";
import { collectionOf } from "../catalog/catalog";
import type { Container } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { ApiError, badRequest, ErrorCodes } from "../errors";
import { formatIdentifier } from "../identifiers";
import { findSchema } from "../rest/lookup";
import type { AccountState } from "../state";
import { TokenStream } from "../sql/token-stream";
import { SqlError } from "../sql/tokens";
import { text } from "../sql/select";
import { CREATED_ON, DATABASE_NAME, NAME, OWNER, SCHEMA_NAME, showInAccount, storedValue } from "../sql/show-in-account";
import { requireIntegration, schemaPath } from "./shared";

// CREATE PIPE of a missing table answers 001757 "Table '<name>' does not exist" (as seen from Snowflake; the docs
// list no error texts); COPY from a missing stage answers 002003 "Stage '<name>' does not exist or not authorized."
const TABLE_MISSING = "001757";

function qualify(parts: string[], [database, schema]: [string, string]): [string, string, string] {
  if (parts.length === 3) return parts as [string, string, string];
  if (parts.length === 2) return [database, parts[0], parts[1]];
  return [database, schema, parts[0]];
}

/** The table and stage a COPY INTO statement names, checked to exist; and its PATTERN, if any. */
function checkCopyStatement(statement: string, parent: Container, account: AccountState): { pattern?: string } {
  const stream = new TokenStream(statement);
  const where = schemaPath(parent);
  try {
    stream.expect("COPY", "INTO");
    const [database, schema, table] = qualify(stream.qualifiedName(), where);
    if (!collectionOf(findSchema(account, database, schema), "tables").has(table)) {
      throw new ApiError(400, TABLE_MISSING, `SQL compilation error:\nTable '${[database, schema, table].map(formatIdentifier).join(".")}' does not exist`);
    }
    while (!stream.done && !(stream.peek()?.type === "symbol" && stream.peek()?.value === "@")) stream.next();
    stream.expectSymbol("@");
    const [stageDatabase, stageSchema, stage] = qualify(stream.qualifiedName(), where);
    if (!collectionOf(findSchema(account, stageDatabase, stageSchema), "stages").has(stage)) {
      throw new ApiError(400, ErrorCodes.doesNotExist, `SQL compilation error:\nStage '${[stageDatabase, stageSchema, stage].map(formatIdentifier).join(".")}' does not exist or not authorized.`);
    }
    while (!stream.done) if (stream.accept("PATTERN")) {
      stream.expectSymbol("=");
      return { pattern: stream.string() };
    } else stream.next();
    return {};
  } catch (error) {
    if (error instanceof SqlError) throw badRequest(error.message);
    throw error;
  }
}

// SHOW PIPES docs: created_on, name, database_name, schema_name, definition, owner, notification_channel, comment,
// integration, pattern, error_integration, ...; the ones the provider reads (notification_channel and pattern left out).
const showPipes = showInAccount("PIPES", "pipes", [
  CREATED_ON, NAME, DATABASE_NAME, SCHEMA_NAME, { column: text("definition"), value: (pipe) => String(pipe.values.copy_statement) }, OWNER,
  storedValue("comment"), storedValue("integration"), storedValue("error_integration"),
]);

export const pipeKind: ObjectKind = {
  spec: "pipe",
  model: "Pipe",
  objectType: "Pipe",
  sqlType: "PIPE",
  parameterLevel: "PIPE",
  collection: "pipes",
  scope: "schema",
  wire: { strict: wire.PipeStrict, properties: wire.Pipe_PROPERTIES, readOnly: wire.Pipe_READ_ONLY, writeOnly: wire.Pipe_WRITE_ONLY },
  identifiers: ["error_integration", "integration"],
  // CREATE PIPE docs: AUTO_INGEST = FALSE by default.
  defaults: { auto_ingest: false },
  accept(values, { account, parent }) {
    checkCopyStatement(String(values.copy_statement), parent, account);
    requireIntegration(account, values.error_integration);
    requireIntegration(account, values.integration);
    return values;
  },
  sqlProperties: {
    COMMENT: { wire: "comment", value: "string", unset: true },
    ERROR_INTEGRATION: { wire: "error_integration", value: "identifier", unset: true },
  },
  sqlShows: { PIPES: showPipes },
  render(object, { account }) {
    return { pattern: checkCopyStatement(String(object.values.copy_statement), object.parent, account).pattern };
  },
};
