// Event tables (event-table.yaml; CREATE EVENT TABLE and ALTER TABLE (event tables) docs). An event table has the
// fixed columns of the Event table columns docs; CREATE EVENT TABLE takes no column list.
import * as wire from "../../../provider/wire/event-table";
import type { ObjectKind } from "../catalog/object-kind";
import { badRequest } from "../errors";
import { clusteringClauses } from "../sql/clauses";
import { checkRetention, COLLATION_PARAMETER, containerKind, RETENTION_PARAMETERS, RETENTION_AND_COMMENT_SQL } from "./shared";

// Event table columns docs, in order.
const EVENT_COLUMNS: [string, string][] = [
  ["TIMESTAMP", "TIMESTAMP_NTZ(9)"], ["START_TIMESTAMP", "TIMESTAMP_NTZ(9)"], ["OBSERVED_TIMESTAMP", "TIMESTAMP_NTZ(9)"],
  ["TRACE", "OBJECT"], ["RESOURCE", "OBJECT"], ["RESOURCE_ATTRIBUTES", "OBJECT"], ["SCOPE", "OBJECT"], ["SCOPE_ATTRIBUTES", "OBJECT"],
  ["RECORD_TYPE", "VARCHAR(16777216)"], ["RECORD", "OBJECT"], ["RECORD_ATTRIBUTES", "OBJECT"], ["VALUE", "VARIANT"], ["EXEMPLARS", "ARRAY"],
];

export const eventTableKind: ObjectKind = {
  spec: "event-table",
  model: "EventTable",
  objectType: "Table",
  sqlType: "TABLE",
  parameterLevel: "TABLE",
  collection: "event-tables",
  scope: "schema",
  namespace: "relations",
  wire: { strict: wire.EventTableStrict, properties: wire.EventTable_PROPERTIES, readOnly: wire.EventTable_READ_ONLY, writeOnly: wire.EventTable_WRITE_ONLY },
  defaults: { change_tracking: false, cluster_by: [] },
  parameters: { ...RETENTION_PARAMETERS, ...COLLATION_PARAMETER },
  accept(values, { parent }) {
    if (values.columns !== undefined) throw badRequest("SQL compilation error:\nAn event table has a fixed set of columns; CREATE EVENT TABLE takes no column list.");
    checkRetention(eventTableKind, values, containerKind(parent));
    return values;
  },
  // ALTER TABLE (event tables) docs: SET / UNSET DATA_RETENTION_TIME_IN_DAYS, MAX_DATA_EXTENSION_TIME_IN_DAYS,
  // CHANGE_TRACKING, COMMENT; clustering actions. DEFAULT_DDL_COLLATION is not among them.
  sqlProperties: {
    ...RETENTION_AND_COMMENT_SQL,
    CHANGE_TRACKING: { wire: "change_tracking", value: "boolean", unset: true },
  },
  sqlClauses: clusteringClauses,
  render(object) {
    const rows = Number(object.facts.rows ?? 0);
    return {
      columns: EVENT_COLUMNS.map(([name, datatype]) => ({ name, datatype, nullable: true })),
      rows,
      bytes: rows * 100,
      automatic_clustering: Array.isArray(object.values.cluster_by) && object.values.cluster_by.length > 0,
      search_optimization: false,
    };
  },
};
