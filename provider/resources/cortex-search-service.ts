// cortex-search-service.yaml components/schemas/CortexSearchService: a hybrid (keyword + vector) search index over
// the result of a query, refreshed within a target lag by a warehouse.
// - No PUT: ALTER CORTEX SEARCH SERVICE (docs) sets WAREHOUSE, TARGET_LAG and COMMENT and suspends / resumes
//   INDEXING or SERVING; the query and its columns are fixed, so a change of them recreates the service
//   (CREATE OR REPLACE, POST createMode=orReplace). The index is rebuilt from the source; nothing is lost that the
//   source does not hold, so it is not data-bearing.
// - `suspended` suspends (or resumes) both indexing and serving (:suspend / :resume without a target); the two
//   states are reported as outputs.
import { defineResource } from "../engine/define";
import { identifierKind } from "../engine/kinds/names";
import { integerKind, sqlTextKind, textKind } from "../engine/kinds/scalars";
import { targetLagKind } from "../engine/kinds/schedules";
import { listKind } from "../engine/kinds/structures";
import * as wire from "../wire/cortex-search-service";
import { CLEAR_COMMENT, commentField, field, output, ownershipOutputs, schemaObjectIdentity, schemaObjectPath, warehouseReference } from "./common";

const columnList = listKind(identifierKind(), { ordered: false, itemWords: "column names" });
const fixed = { change: "orReplace" as const };

export const cortexSearchService = defineResource({
  typeName: "CortexSearchService",
  noun: "Cortex Search service",
  doc: "A Cortex Search service: a search index over the rows of a query, kept within a target lag (REST: .../schemas/{schema}/cortex-search-services). The warehouse, lag and comment change in place; a new query or columns recreate it.",
  collectionPath: schemaObjectPath("cortex-search-services"),
  changes: "sql",
  sqlObjectType: "CORTEX SEARCH SERVICE",
  runState: { wire: "serving_state", suspendedValues: ["SUSPENDED"], via: "rest", createdSuspended: false },
  fields: {
    ...schemaObjectIdentity("Cortex Search service"),
    definition: field("definition", sqlTextKind(), "The query whose rows are indexed, e.g. `SELECT id, body, region FROM docs`. A change recreates the service.", { required: true, ...fixed }),
    searchColumn: field("search_column", identifierKind(), "The text column searched. A change recreates the service.", { required: true, ...fixed }),
    attributeColumns: field("attribute_columns", columnList, "Columns search queries may filter on; a set. A change recreates the service.", fixed),
    columns: field("columns", columnList, "Columns search results may return (default: all the query's); a set. A change recreates the service.", { ...fixed, filledBySnowflake: true }),
    warehouse: warehouseReference("Warehouse that refreshes the index.", { required: true }),
    targetLag: field("target_lag", targetLagKind(), "How stale the index may get: a duration such as \"1 hour\" (at least 1 minute).", { required: true }),
    comment: commentField("Cortex Search service", { sql: CLEAR_COMMENT }),
  },
  outputs: {
    indexingState: output("indexing_state", textKind(), "ACTIVE, SUSPENDED or INITIALIZING: whether the index is being refreshed."),
    servingState: output("serving_state", textKind(), "ACTIVE, SUSPENDED or INITIALIZING: whether the service answers queries."),
    indexingError: output("indexing_error", textKind(), "The last refresh's error, if any."),
    sourceDataNumRows: output("source_data_num_rows", integerKind(), "Rows in the indexed query's result."),
    dataTimestamp: output("data_timestamp", textKind(), "How fresh the served data is (ISO 8601)."),
    ...ownershipOutputs("Cortex Search service"),
  },
  notOffered: { indexing_state: "a state, not a setting: `suspended` suspends and resumes indexing together with serving; reported as the indexingState output" },
  wire: { schema: wire.CortexSearchService, properties: wire.CortexSearchService_PROPERTIES, readOnly: wire.CortexSearchService_READ_ONLY },
});
