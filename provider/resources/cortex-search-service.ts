// cortex-search-service.yaml components/schemas/CortexSearchService: a hybrid (keyword + vector) search index over
// the result of a query, refreshed within a target lag by a warehouse.
// - No PUT: ALTER CORTEX SEARCH SERVICE (docs) sets WAREHOUSE, TARGET_LAG and COMMENT and suspends / resumes
//   INDEXING or SERVING; the query and its columns are fixed, so a change of them recreates the service
//   (CREATE OR REPLACE, POST createMode=orReplace). The index is rebuilt from the source; nothing is lost that the
//   source does not hold, so it is not data-bearing.
// - indexingSuspended / servingSuspended hold the desired state of each (ALTER CORTEX SEARCH SERVICE ... SUSPEND |
//   RESUME INDEXING | SERVING), read back from indexing_state / serving_state; unset: not managed. The model lets a
//   create body carry them, so a new or recreated service starts in the declared state.
import { defineResource } from "../engine/define";
import { identifierKind } from "../engine/kinds/names";
import { FieldKind } from "../engine/field-kind";
import { booleanKind, integerKind, sqlTextKind, textKind } from "../engine/kinds/scalars";
import { keyword, sql } from "../sql/sql-text";
import { targetLagKind } from "../engine/kinds/schedules";
import { listKind } from "../engine/kinds/structures";
import * as wire from "../wire/cortex-search-service";
import { CLEAR_COMMENT, commentField, field, output, ownershipOutputs, schemaObjectIdentity, schemaObjectPath, warehouseReference } from "./common";

/** A scheduling state (cortex-search-service.yaml SchedulingState) as a flag: SUSPENDED is true; ACTIVE and INITIALIZING false. */
function suspendedFlagKind(): FieldKind {
  const base = booleanKind();
  return { ...base, toWire: (value) => (value === true ? "SUSPENDED" : "ACTIVE"), fromWire: (value) => (typeof value === "string" ? value.toUpperCase() === "SUSPENDED" : value) };
}

/** ALTER ... SUSPEND <target> / RESUME <target>; a declaration removed changes nothing (filledBySnowflake). */
function stateField(target: "INDEXING" | "SERVING", wireName: string, doc: string) {
  const clause = (suspend: boolean) => sql`${keyword(suspend ? "SUSPEND" : "RESUME")} ${keyword(target)}`;
  return field(wireName, suspendedFlagKind(), doc, { filledBySnowflake: true, sql: { set: (value) => clause(value === true), unset: clause(false) } });
}

const columnList = listKind(identifierKind(), { ordered: false, itemWords: "column names" });
const fixed = { change: "orReplace" as const };

export const cortexSearchService = defineResource({
  typeName: "CortexSearchService",
  noun: "Cortex Search service",
  doc: "A Cortex Search service: a search index over the rows of a query, kept within a target lag (REST: .../schemas/{schema}/cortex-search-services). The warehouse, lag, comment and the indexing / serving states change in place; a new query or columns recreate it.",
  collectionPath: schemaObjectPath("cortex-search-services"),
  changes: "sql",
  sqlObjectType: "CORTEX SEARCH SERVICE",
  fields: {
    ...schemaObjectIdentity("Cortex Search service"),
    definition: field("definition", sqlTextKind(), "The query whose rows are indexed, e.g. `SELECT id, body, region FROM docs`.", { required: true, ...fixed }),
    searchColumn: field("search_column", identifierKind(), "The text column searched.", { required: true, ...fixed }),
    attributeColumns: field("attribute_columns", columnList, "Columns search queries may filter on; a set.", fixed),
    columns: field("columns", columnList, "Columns search results may return (default: all the query's); a set.", { ...fixed, filledBySnowflake: true }),
    warehouse: warehouseReference("Warehouse that refreshes the index.", { required: true }),
    targetLag: field("target_lag", targetLagKind(), "How stale the index may get: a duration such as \"1 hour\" (at least 1 minute).", { required: true }),
    indexingSuspended: stateField("INDEXING", "indexing_state", "Hold index refreshes (true) or run them (false); the service still answers from the index it has. Unset: not managed."),
    servingSuspended: stateField("SERVING", "serving_state", "Stop answering queries (true) or answer them (false). Unset: not managed."),
    comment: commentField("Cortex Search service", { sql: CLEAR_COMMENT }),
  },
  outputs: {
    indexingState: output("indexing_state", textKind(), "ACTIVE, SUSPENDED or INITIALIZING, as Snowflake reports it."),
    servingState: output("serving_state", textKind(), "ACTIVE, SUSPENDED or INITIALIZING, as Snowflake reports it."),
    indexingError: output("indexing_error", textKind(), "The last refresh's error, if any."),
    sourceDataNumRows: output("source_data_num_rows", integerKind(), "Rows in the indexed query's result."),
    dataTimestamp: output("data_timestamp", textKind(), "How fresh the served data is (ISO 8601)."),
    ...ownershipOutputs("Cortex Search service"),
  },
  wire: { schema: wire.CortexSearchService, properties: wire.CortexSearchService_PROPERTIES, readOnly: wire.CortexSearchService_READ_ONLY },
});
