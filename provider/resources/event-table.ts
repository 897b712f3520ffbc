// event-table.yaml components/schemas/EventTable. No PUT: settings change with ALTER TABLE (ALTER TABLE (event
// tables) docs: SET/UNSET DATA_RETENTION_TIME_IN_DAYS, MAX_DATA_EXTENSION_TIME_IN_DAYS, CHANGE_TRACKING, COMMENT;
// CLUSTER BY / DROP CLUSTERING KEY); renames go through :rename.
import { defineResource } from "../engine/define";
import { identifierKind } from "../engine/kinds/names";
import { booleanKind, integerKind, textKind } from "../engine/kinds/scalars";
import { listKind, objectKind } from "../engine/kinds/structures";
import * as wire from "../wire/event-table";
import { clusterByField, collationField, commentField, field, output, ownershipOutputs, retentionFields, schemaObjectIdentity, schemaObjectPath } from "./common";

const EVENT_COLUMN = objectKind({
  name: "EventTableColumn",
  doc: "One of the columns every event table has (Event table columns docs).",
  fields: {
    name: field("name", identifierKind(), "Column name."),
    datatype: field("datatype", textKind(), "Data type as Snowflake reports it."),
  },
});

export const eventTable = defineResource({
  typeName: "EventTable",
  noun: "event table",
  doc: "An event table for logs and traces (REST: .../schemas/{schema}/event-tables). Its columns are the fixed set Snowflake defines.",
  collectionPath: schemaObjectPath("event-tables"),
  changes: "sql",
  sqlObjectType: "TABLE",
  rename: "restQuery",
  tags: true,
  dataBearing: { loses: "its events" },
  fields: {
    ...schemaObjectIdentity("event table"),
    clusterBy: clusterByField("event table", "sql"),
    ...retentionFields("event table"),
    changeTracking: field("change_tracking", booleanKind(), "Record row changes, for streams on the event table. Default false.", { serverDefault: false }),
    // ALTER TABLE on an event table cannot set DEFAULT_DDL_COLLATION: it is fixed at creation.
    defaultDdlCollation: collationField("event table", { immutable: true }),
    comment: commentField("event table"),
  },
  outputs: {
    columns: output("columns", listKind(EVENT_COLUMN, { ordered: true }), "The event table's columns (TIMESTAMP, RECORD_TYPE, RECORD, VALUE, ...)."),
    rows: output("rows", integerKind(), "Number of events stored."),
    bytes: output("bytes", integerKind(), "Bytes a full scan reads."),
    ...ownershipOutputs("event table"),
  },
  notOffered: { columns: "an event table's columns are fixed by Snowflake (CREATE EVENT TABLE takes none); they are an output" },
  wire: { schema: wire.EventTable, properties: wire.EventTable_PROPERTIES, readOnly: wire.EventTable_READ_ONLY },
});
