// dynamic-table.yaml components/schemas/DynamicTable. No PUT: target lag, warehouse, retention, comment and the
// clustering key change with ALTER DYNAMIC TABLE (its docs); the query, refresh mode, kind and column list cannot
// change in place (CREATE OR ALTER DYNAMIC TABLE limitations), so they replace the table, which loses its rows.
import { defineResource } from "../engine/define";
import { dataTypeKind } from "../engine/kinds/data-types";
import { identifierKind } from "../engine/kinds/names";
import { choiceKind, enumType, integerKind, sqlTextKind, textKind } from "../engine/kinds/scalars";
import { objectKind, recordsKind } from "../engine/kinds/structures";
import { targetLagKind } from "../engine/kinds/schedules";
import * as wire from "../wire/dynamic-table";
import { clusterByField, commentField, field, kindField, output, ownershipOutputs, retentionFields, schemaObjectIdentity, schemaObjectPath, warehouseReference } from "./common";

const REFRESH_MODE = enumType("RefreshMode", "How a dynamic table refreshes: AUTO (Snowflake chooses), FULL or INCREMENTAL.", ["AUTO", "FULL", "INCREMENTAL"]);
const INITIALIZE = enumType("DynamicTableInitialize", "When a dynamic table first fills: ON_CREATE or ON_SCHEDULE.", ["ON_CREATE", "ON_SCHEDULE"]);
const SCHEDULING_STATE = enumType("SchedulingState", "Whether a dynamic table's refreshes run.", ["RUNNING", "SUSPENDED"]);

const COLUMN = objectKind({
  name: "DynamicTableColumn",
  doc: "A column of a dynamic table's result, named (and optionally commented) in the declaration.",
  fields: {
    name: field("name", identifierKind(), "Column name.", { required: true }),
    datatype: field("datatype", dataTypeKind(), "Data type, if given; Snowflake derives it from the query otherwise.", { filledBySnowflake: true }),
    comment: field("comment", textKind(), "Column comment."),
  },
});

export const dynamicTable = defineResource({
  typeName: "DynamicTable",
  noun: "dynamic table",
  doc: "A dynamic table: a query's result Snowflake keeps fresh within a target lag (REST: .../schemas/{schema}/dynamic-tables).",
  collectionPath: schemaObjectPath("dynamic-tables"),
  changes: "sql",
  sqlObjectType: "DYNAMIC TABLE",
  rename: "sql",
  tags: true,
  dataBearing: { loses: "its rows and their Time Travel history" },
  runState: { wire: "scheduling_state", suspendedValues: ["SUSPENDED"], via: "rest", createdSuspended: false },
  fields: {
    ...schemaObjectIdentity("dynamic table"),
    kind: kindField("dynamic table"),
    query: field("query", sqlTextKind(), "The SELECT whose result the table holds.", { required: true, immutable: true }),
    targetLag: field("target_lag", targetLagKind(), "How stale the table may get: a duration such as \"5 minutes\" (at least 1 minute) or DOWNSTREAM.", { required: true }),
    warehouse: warehouseReference("Warehouse that runs the refreshes.", { required: true }),
    refreshMode: field("refresh_mode", choiceKind(REFRESH_MODE), "AUTO (default), FULL or INCREMENTAL. Fixed at creation.", { immutable: true, serverDefault: "AUTO" }),
    initialize: field("initialize", choiceKind(INITIALIZE), "ON_CREATE (default: fill at creation) or ON_SCHEDULE.", { createOnly: true }),
    columns: field("columns", recordsKind(COLUMN, { identity: (column) => String(column.name), ordered: true, noun: "column" }), "Names (and comments) for the result's columns, in order.", { immutable: true }),
    clusterBy: clusterByField("dynamic table", "sql"),
    ...retentionFields("dynamic table"),
    comment: commentField("dynamic table"),
  },
  outputs: {
    schedulingState: output("scheduling_state", choiceKind(SCHEDULING_STATE), "RUNNING or SUSPENDED."),
    rows: output("rows", integerKind(), "Number of rows."),
    bytes: output("bytes", integerKind(), "Bytes a full scan reads."),
    ...ownershipOutputs("dynamic table"),
  },
  wire: { schema: wire.DynamicTable, properties: wire.DynamicTable_PROPERTIES, readOnly: wire.DynamicTable_READ_ONLY },
});
