// view.yaml components/schemas/View. A view holds no data, so any change recreates it in place with
// POST createMode=orReplace&copyGrants=true (CREATE OR REPLACE VIEW ... COPY GRANTS keeps its grants); a new name
// is ALTER VIEW ... RENAME TO.
import { defineResource } from "../engine/define";
import { identifierKind } from "../engine/kinds/names";
import { booleanKind, sqlTextKind, textKind } from "../engine/kinds/scalars";
import { objectKind, recordsKind } from "../engine/kinds/structures";
import * as wire from "../wire/view";
import { commentField, field, ownershipOutputs, schemaObjectIdentity, schemaObjectPath } from "./common";

const COLUMN = objectKind({
  name: "ViewColumn",
  doc: "A column of a view, named (and optionally commented) in the declaration.",
  fields: {
    name: field("name", identifierKind(), "Column name.", { required: true }),
    comment: field("comment", textKind(), "Column comment."),
  },
});

export const view = defineResource({
  typeName: "View",
  noun: "view",
  doc: "A view (REST: .../schemas/{schema}/views). Changes recreate it in place keeping its grants; it holds no data.",
  collectionPath: schemaObjectPath("views"),
  changes: "orReplace",
  copyGrants: true,
  sqlObjectType: "VIEW",
  rename: "sql",
  tags: true,
  fields: {
    ...schemaObjectIdentity("view"),
    query: field("query", sqlTextKind(), "The SELECT the view shows.", { required: true }),
    columns: field("columns", recordsKind(COLUMN, { identity: (column) => String(column.name), ordered: true, noun: "column" }), "Names (and comments) for the query's columns, in order. Unset: named after the query."),
    secure: field("secure", booleanKind(), "A secure view hides its definition from non-owners. Default false.", { serverDefault: false }),
    recursive: field("recursive", booleanKind(), "A recursive view may refer to itself. Default false.", { serverDefault: false }),
    comment: commentField("view"),
  },
  outputs: ownershipOutputs("view"),
  // view.yaml requires `columns`; an empty list means "named after the query", as CREATE VIEW without a column list.
  bodyDefaults: { columns: [] },
  notOffered: { kind: "the only other kind is TEMPORARY, and temporary views vanish with the session that creates them" },
  wire: { schema: wire.View, properties: wire.View_PROPERTIES, readOnly: wire.View_READ_ONLY },
});
