// schema.yaml components/schemas/Schema; lives in a database, so the database is part of its identity.
import { defineResource } from "../engine/define";
import { booleanKind } from "../engine/kinds/scalars";
import * as wire from "../wire/schema";
import { databaseField, field, kindField, nameField, ownershipOutputs } from "./common";
import { containerParameters, SERVERLESS_SIZE_ORDER } from "./container-parameters";
import { schemaContents } from "./container-contents";

export const schema = defineResource({
  typeName: "Schema",
  noun: "schema",
  doc: "A schema in a database (REST: /api/v2/databases/{db}/schemas). The id is `DATABASE.SCHEMA` at creation; a new name renames it in place.",
  collectionPath: "/api/v2/databases/{database}/schemas",
  // schema.yaml listSchemas returns Schema rows: a refresh of many schemas is one list call.
  listCarriesSnapshot: "paged",
  changes: "put",
  sqlObjectType: "SCHEMA",
  rename: "sql",
  tags: true,
  contents: schemaContents,
  extraOptIns: ["forceDestroy"],
  dataBearing: { loses: "its tables, views, stages and everything else in it" },
  fields: {
    database: databaseField("schema"),
    name: nameField("schema"),
    kind: kindField("schema"),
    managedAccess: field("managed_access", booleanKind(), "Managed access: only the schema owner grants privileges on its objects. Default false.", { serverDefault: false }),
    pipeExecutionPaused: field("pipe_execution_paused", booleanKind(), "Pause every pipe in the schema. Unset: inherited from the account (default false).", { inherited: true }),
    ...containerParameters("schema"),
  },
  outputs: ownershipOutputs("schema"),
  rules: [SERVERLESS_SIZE_ORDER],
  wire: { schema: wire.Schema, properties: wire.Schema_PROPERTIES, readOnly: wire.Schema_READ_ONLY },
});
