// table.yaml components/schemas/Table: columns and constraints changed in place by PUT create-or-alter (the
// quickstart's "add a column"), with what CREATE OR ALTER TABLE cannot do refused at preview.
import { defineResource } from "../engine/define";
import { qualifiedName } from "../engine/identifiers";
import { booleanKind, integerKind, textKind } from "../engine/kinds/scalars";
import { columnChangeProblems, liftInlineConstraints, tableColumnsKind, tableConstraintsKind } from "../engine/kinds/table-columns";
import * as wire from "../wire/table";
import { clusterByField, collationField, commentField, field, kindField, output, ownershipOutputs, retentionFields, schemaObjectIdentity, schemaObjectPath } from "./common";

export const table = defineResource({
  typeName: "Table",
  noun: "table",
  doc: "A table in a schema (REST: .../schemas/{schema}/tables). Columns are added, widened and commented in place; the id is `DB.SCHEMA.TABLE` at creation, and a new name renames it in place.",
  collectionPath: schemaObjectPath("tables"),
  changes: "put",
  sqlObjectType: "TABLE",
  rename: "sql",
  tags: true,
  dataBearing: { loses: "its rows" },
  extraOptIns: ["allowDropColumns"],
  fields: {
    ...schemaObjectIdentity("table"),
    kind: kindField("table"),
    columns: field("columns", tableColumnsKind, "The columns, in order. New columns go at the end; Snowflake cannot reorder, rename or retype them except by widening.", { required: true }),
    constraints: field("constraints", tableConstraintsKind, "Primary, unique and foreign keys over the table's columns (constraints on one column can also be given on the column)."),
    clusterBy: clusterByField("table"),
    enableSchemaEvolution: field("enable_schema_evolution", booleanKind(), "Let loads add columns found in the files. Default false.", { serverDefault: false }),
    changeTracking: field("change_tracking", booleanKind(), "Record row changes (needed by streams and some dynamic tables). Default false.", { serverDefault: false }),
    ...retentionFields("table"),
    defaultDdlCollation: collationField("table"),
    comment: commentField("table"),
  },
  outputs: {
    rows: output("rows", integerKind(), "Number of rows, as Snowflake last counted."),
    bytes: output("bytes", integerKind(), "Bytes a full scan reads."),
    tableType: output("table_type", textKind(), "NORMAL for a regular table."),
    ...ownershipOutputs("table"),
  },
  notOffered: {
    // A temporary table lives only as long as the session that created it.
    "kind:TEMPORARY": "temporary tables vanish with the session that creates them",
  },
  comparable: liftInlineConstraints,
  changeProblems: (olds, news) => columnChangeProblems(
    qualifiedName([String(news.database), String(news.schema), String(news.name)]),
    liftInlineConstraints(olds).columns as never,
    liftInlineConstraints(news).columns as never
  ),
  wire: { schema: wire.Table, properties: wire.Table_PROPERTIES, readOnly: wire.Table_READ_ONLY },
});

