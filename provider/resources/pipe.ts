// pipe.yaml components/schemas/Pipe. ALTER PIPE changes the comment and error integration; the COPY statement,
// AUTO_INGEST, AWS_SNS_TOPIC and INTEGRATION cannot change (ALTER PIPE docs): recreating the pipe drops its load
// history, after which ALTER PIPE ... REFRESH can load files twice -- a replacement, refused unless allowReplace.
import { defineResource } from "../engine/define";
import { identifierKind } from "../engine/kinds/names";
import { booleanKind, sqlTextKind, textKind } from "../engine/kinds/scalars";
import * as wire from "../wire/pipe";
import { commentField, field, output, ownershipOutputs, schemaObjectIdentity, schemaObjectPath } from "./common";

export const pipe = defineResource({
  typeName: "Pipe",
  noun: "pipe",
  doc: "A Snowpipe: a COPY INTO statement that loads files as they arrive on a stage (REST: .../schemas/{schema}/pipes).",
  collectionPath: schemaObjectPath("pipes"),
  changes: "sql",
  sqlObjectType: "PIPE",
  tags: true,
  dataBearing: { loses: "its load history (after which ALTER PIPE ... REFRESH could load files twice)" },
  fields: {
    ...schemaObjectIdentity("pipe"),
    // pipe.yaml copy_statement pattern (?i)^COPY INTO .*
    copyStatement: field("copy_statement", sqlTextKind({ pattern: /^\s*COPY\s+INTO\s/i, patternWords: "starts with COPY INTO" }), "The COPY INTO <table> FROM `@<stage>` statement the pipe runs.", { required: true, immutable: true }),
    autoIngest: field("auto_ingest", booleanKind(), "Load files when the cloud notifies of them. Default false.", { immutable: true, serverDefault: false }),
    errorIntegration: field("error_integration", identifierKind(), "Notification integration that receives load errors."),
    awsSnsTopic: field("aws_sns_topic", textKind(), "ARN of the SNS topic for auto-ingest from S3.", { immutable: true }),
    integration: field("integration", identifierKind(), "Notification integration for auto-ingest from GCS or Azure.", { immutable: true }),
    comment: commentField("pipe"),
  },
  outputs: {
    pattern: output("pattern", textKind(), "The PATTERN of the COPY statement, if any."),
    invalidReason: output("invalid_reason", textKind(), "Why the pipe cannot load, when Snowflake says so."),
    ...ownershipOutputs("pipe"),
  },
  wire: { schema: wire.Pipe, properties: wire.Pipe_PROPERTIES, readOnly: wire.Pipe_READ_ONLY },
});
