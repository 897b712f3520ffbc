// Dynamic tables (dynamic-table.yaml; CREATE / ALTER DYNAMIC TABLE docs): a query refreshed within a target lag
// by a warehouse. ALTER sets the lag, warehouse, retention and comment and changes the clustering key; the query,
// refresh mode and initialization are fixed (CREATE OR ALTER DYNAMIC TABLE limitations).
import * as wire from "../../../provider/wire/dynamic-table";
import { reportedDataType } from "../data-types";
import type { ObjectKind } from "../catalog/object-kind";
import { badRequest } from "../errors";
import { formatIdentifier, parseIdentifier } from "../identifiers";
import { checkEnum } from "../rest/body";
import { clusteringClauses } from "../sql/clauses";
import { checkRetention, checkTargetLag, containerKind, RETENTION_PARAMETERS, requireWarehouse, RETENTION_AND_COMMENT_SQL } from "./shared";

// CREATE DYNAMIC TABLE docs: REFRESH_MODE AUTO (default), FULL, INCREMENTAL; INITIALIZE ON_CREATE (default) or
// ON_SCHEDULE.
const REFRESH_MODES = ["AUTO", "FULL", "INCREMENTAL"];
const INITIALIZE = ["ON_CREATE", "ON_SCHEDULE"];

/** The query of a view or dynamic table must be a query (CREATE VIEW / CREATE DYNAMIC TABLE docs: AS <select>). */
export function requireQuery(query: unknown): void {
  if (typeof query !== "string" || !/^\s*\(?\s*(SELECT|WITH)\b/i.test(query)) {
    throw badRequest(`SQL compilation error:\nsyntax error line 1 at position 0 unexpected '${String(query).trim().split(/\s+/)[0] ?? ""}'.`);
  }
}

interface DynamicColumn { name: string; datatype?: string; comment?: string }

export const dynamicTableKind: ObjectKind = {
  spec: "dynamic-table",
  model: "DynamicTable",
  objectType: "Dynamic table",
  sqlType: "DYNAMIC TABLE",
  parameterLevel: "DYNAMIC TABLE",
  collection: "dynamic-tables",
  scope: "schema",
  namespace: "relations",
  wire: { strict: wire.DynamicTableStrict, properties: wire.DynamicTable_PROPERTIES, readOnly: wire.DynamicTable_READ_ONLY, writeOnly: wire.DynamicTable_WRITE_ONLY },
  identifiers: ["warehouse"],
  defaults: { kind: "PERMANENT", refresh_mode: "AUTO", initialize: "ON_CREATE", cluster_by: [] },
  parameters: RETENTION_PARAMETERS,
  runState: {
    wire: "scheduling_state",
    running: "RUNNING",
    suspended: "SUSPENDED",
    // SHOW DYNAMIC TABLES docs: RUNNING while refreshes are scheduled; a new dynamic table is scheduled.
    initial: () => "running",
  },
  accept(values, { account, parent }) {
    const kind = dynamicTableKind;
    values.kind = containerKind(parent) === "TRANSIENT" ? "TRANSIENT" : checkEnum(kind, "kind", values.kind, ["PERMANENT", "TRANSIENT"]) ?? "PERMANENT";
    values.refresh_mode = checkEnum(kind, "refresh_mode", values.refresh_mode, REFRESH_MODES);
    values.initialize = checkEnum(kind, "initialize", values.initialize, INITIALIZE);
    checkTargetLag(values.target_lag, { downstream: true });
    requireWarehouse(account, values.warehouse);
    requireQuery(values.query);
    checkRetention(kind, values, values.kind as string);
    if (Array.isArray(values.columns)) {
      values.columns = (values.columns as DynamicColumn[]).map((column) => {
        const datatype = column.datatype === undefined ? undefined : reportedDataType(column.datatype, account.catalog.parameters.timestamp_type_mapping);
        if (column.datatype !== undefined && datatype === undefined) throw badRequest(`SQL compilation error:\nUnsupported data type '${column.datatype}'.`);
        return { ...column, name: parseIdentifier(column.name, "DynamicTableColumn.name"), ...(datatype && { datatype }) };
      });
    }
    return values;
  },
  // ALTER DYNAMIC TABLE docs: SET TARGET_LAG, WAREHOUSE, DATA_RETENTION_TIME_IN_DAYS, MAX_DATA_EXTENSION_TIME_IN_DAYS,
  // COMMENT; UNSET the retention parameters and COMMENT (not TARGET_LAG or WAREHOUSE).
  sqlProperties: {
    TARGET_LAG: { wire: "target_lag", value: "lag" },
    WAREHOUSE: { wire: "warehouse", value: "identifier" },
    ...RETENTION_AND_COMMENT_SQL,
  },
  sqlClauses: clusteringClauses,
  render(object) {
    const rows = Number(object.facts.rows ?? 0);
    return {
      columns: ((object.values.columns as DynamicColumn[] | undefined) ?? []).map((column) => ({ ...column, name: formatIdentifier(column.name) })),
      scheduling_state: object.facts.state === "suspended" ? "SUSPENDED" : "RUNNING",
      rows,
      bytes: rows * 100,
      automatic_clustering: Array.isArray(object.values.cluster_by) && object.values.cluster_by.length > 0,
      scheduler: "ENABLE",
    };
  },
};
