// database.yaml components/schemas/Database.
import { defineResource } from "../engine/define";
import * as wire from "../wire/database";
import { kindField, nameField, output, ownershipOutputs } from "./common";
import { containerParameters, SERVERLESS_SIZE_ORDER } from "./container-parameters";
import { databaseContents } from "./container-contents";
import { textKind } from "../engine/kinds/scalars";

export const database = defineResource({
  typeName: "Database",
  noun: "database",
  doc: "A database (REST: /api/v2/databases). Snowflake gives it PUBLIC and INFORMATION_SCHEMA schemas. The id is its name at creation; a new name renames it in place.",
  collectionPath: "/api/v2/databases",
  // database.yaml listDatabases returns Database rows.
  listCarriesSnapshot: "paged",
  changes: "put",
  sqlObjectType: "DATABASE",
  rename: "sql",
  tags: true,
  contents: databaseContents,
  extraOptIns: ["forceDestroy"],
  dataBearing: { loses: "its schemas and everything in them" },
  fields: {
    name: nameField("database"),
    // CREATE OR ALTER cannot turn a transient database into a permanent one or back.
    kind: kindField("database"),
    ...containerParameters("database"),
  },
  outputs: {
    ...ownershipOutputs("database"),
    origin: output("origin", textKind(), "The share the database was created from, if any."),
  },
  rules: [SERVERLESS_SIZE_ORDER],
  wire: { schema: wire.Database, properties: wire.Database_PROPERTIES, readOnly: wire.Database_READ_ONLY },
});

