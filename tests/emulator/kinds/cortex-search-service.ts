// Cortex Search services (cortex-search-service.yaml; CREATE / ALTER CORTEX SEARCH SERVICE docs): an index over
// the rows of a query. The query must read an existing table (or view) whose columns include the search, attribute
// and returned columns; the warehouse must exist. Indexing and serving are suspended and resumed separately
// (:suspend / :resume with target=indexing|serving; without a target, both -- not confirmed from the spec, which
// leaves the target optional). :query, :suggest and :feedback run searches, which the emulator does not (501).
import * as wire from "../../../provider/wire/cortex-search-service";
import type { CatalogObject } from "../catalog/catalog";
import { collectionOf } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { badRequest, doesNotExist } from "../errors";
import { formatIdentifier, parseIdentifier } from "../identifiers";
import { withObject } from "../rest/actions";
import { findSchema } from "../rest/lookup";
import type { RequestContext } from "../router";
import { TokenStream } from "../sql/token-stream";
import type { AccountState } from "../state";
import { checkTargetLag, requireWarehouse, schemaPath } from "./shared";
import { requireQuery } from "./dynamic-table";

const TARGETS = ["indexing", "serving"] as const;
type Target = (typeof TARGETS)[number];

/**
 * The source's columns, from `SELECT <col> [AS <alias>], ... FROM <table>`: the table must exist (in the service's
 * schema unless qualified) and have the columns; `*` means all of them. Other select lists are not understood by the
 * emulator and are refused, so a test never passes on a query it did not check.
 */
function sourceColumns(account: AccountState, definition: string, parent: CatalogObject): Map<string, string> {
  requireQuery(definition);
  const match = /^\s*SELECT\s+(.+?)\s+FROM\s+([^\s;()]+)\s*(?:WHERE\s.*)?;?\s*$/is.exec(definition);
  if (!match) throw badRequest(`SQL compilation error:\nthe emulator reads only SELECT <columns> FROM <table> [WHERE ...] as a Cortex Search source: ${definition}`);
  const parts = new TokenStream(match[2]).qualifiedName();
  const [database, schema] = schemaPath(parent);
  const [tableDatabase, tableSchema, tableName] = parts.length === 3 ? parts : parts.length === 2 ? [database, ...parts] : [database, schema, parts[0]];
  const container = findSchema(account, tableDatabase, tableSchema);
  const table = collectionOf(container, "tables").get(tableName) ?? collectionOf(container, "views").get(tableName);
  if (!table) throw doesNotExist("Table", [tableDatabase, tableSchema, tableName].map(formatIdentifier).join("."));
  const tableColumns = new Map(((table.values.columns as { name: string; datatype?: string }[] | undefined) ?? []).map((column) => [column.name, String(column.datatype ?? "")]));
  if (match[1].trim() === "*") return tableColumns;
  return new Map(match[1].split(",").map((item) => {
    const [column, alias] = item.trim().split(/\s+AS\s+/i);
    const name = parseIdentifier(column.trim(), "column");
    if (!tableColumns.has(name)) throw badRequest(`SQL compilation error: error line 1 at position 7\ninvalid identifier '${formatIdentifier(name)}'`);
    return [alias ? parseIdentifier(alias.trim(), "column") : name, tableColumns.get(name)!];
  }));
}

function stateOf(object: CatalogObject, target: Target): string {
  return object.facts[target] === "suspended" ? "SUSPENDED" : "ACTIVE";
}

function suspendResume(verb: "suspended" | "running") {
  return (kind: ObjectKind, context: RequestContext) => withObject(kind, context, (object) => {
    const target = context.query.string("target")?.toLowerCase() as Target | undefined;
    for (const each of target ? [target] : TARGETS) object.facts[each] = verb;
  });
}

export const cortexSearchServiceKind: ObjectKind = {
  spec: "cortex-search-service",
  model: "CortexSearchService",
  objectType: "Cortex Search Service",
  sqlType: "CORTEX SEARCH SERVICE",
  parameterLevel: "CORTEX SEARCH SERVICE",
  collection: "cortex-search-services",
  scope: "schema",
  wire: { strict: wire.CortexSearchServiceStrict, properties: wire.CortexSearchService_PROPERTIES, readOnly: wire.CortexSearchService_READ_ONLY, writeOnly: wire.CortexSearchService_WRITE_ONLY },
  identifiers: ["search_column", "warehouse"],
  accept(values, { account, parent }) {
    // A create body may carry the states (cortex-search-service.yaml: not read-only); they are kept as facts.
    const settings = { ...values };
    for (const target of TARGETS) {
      const declared = settings[`${target}_state`];
      if (declared !== undefined && declared !== "ACTIVE" && declared !== "SUSPENDED") throw badRequest(`Invalid value '${String(declared)}' for field '${target}_state' in CortexSearchService: ACTIVE or SUSPENDED.`);
    }
    for (const required of ["search_column", "warehouse", "target_lag", "definition"]) {
      if (settings[required] === undefined) throw badRequest(`Missing required field '${required}' in CortexSearchService.`);
    }
    requireWarehouse(account, settings.warehouse);
    checkTargetLag(settings.target_lag, { downstream: false });
    const available = sourceColumns(account, String(settings.definition), parent as CatalogObject);
    const named = (list: unknown) => ((list as string[] | undefined) ?? []).map((column) => parseIdentifier(column, "column"));
    const searchColumn = parseIdentifier(settings.search_column, "search_column");
    // CREATE CORTEX SEARCH SERVICE docs: the search column must be of type VARCHAR (TEXT).
    if (available.has(searchColumn) && !/^(VARCHAR|TEXT|STRING)/i.test(available.get(searchColumn)!)) {
      throw badRequest(`SQL compilation error:\nSearch column '${formatIdentifier(searchColumn)}' must be of type VARCHAR, not ${available.get(searchColumn)}.`);
    }
    for (const column of [searchColumn, ...named(settings.attribute_columns), ...named(settings.columns)]) {
      if (!available.has(column)) throw badRequest(`SQL compilation error:\nColumn '${formatIdentifier(column)}' is not in the result of the Cortex Search service's query.`);
    }
    return { ...settings, attribute_columns: named(settings.attribute_columns), ...(settings.columns !== undefined ? { columns: named(settings.columns) } : { columns: [...available.keys()] }) };
  },
  created(object) {
    for (const target of TARGETS) {
      const declared = object.values[`${target}_state`];
      object.facts[target] = declared === "SUSPENDED" ? "suspended" : "running";
      delete object.values[`${target}_state`];
    }
  },
  render: (object) => ({
    columns: (object.values.columns as string[]).map(formatIdentifier),
    attribute_columns: (object.values.attribute_columns as string[]).map(formatIdentifier),
    indexing_state: stateOf(object, "indexing"),
    serving_state: stateOf(object, "serving"),
    source_data_num_rows: 0,
    data_timestamp: object.updatedOn.toISOString(),
    serving_data_bytes: 0,
  }),
  // ALTER CORTEX SEARCH SERVICE docs: SET WAREHOUSE, TARGET_LAG, COMMENT.
  sqlProperties: {
    WAREHOUSE: { wire: "warehouse", value: "identifier" },
    TARGET_LAG: { wire: "target_lag", value: "lag" },
    COMMENT: { wire: "comment", value: "string" },
  },
  // ALTER CORTEX SEARCH SERVICE docs: { SUSPEND | RESUME } [ { INDEXING | SERVING } ].
  sqlClauses: [{
    read(stream) {
      const verb = stream.accept("SUSPEND") ? "suspended" : stream.accept("RESUME") ? "running" : undefined;
      if (!verb) return undefined;
      const target = stream.accept("INDEXING") ? "indexing" : stream.accept("SERVING") ? "serving" : undefined;
      return (object) => { for (const each of target ? [target] : TARGETS) object.facts[each] = verb; };
    },
  }],
  operations: {
    "POST :suspend": suspendResume("suspended"),
    "POST :resume": suspendResume("running"),
  },
};
