// Iceberg tables managed by Snowflake (iceberg-table.yaml createSnowflakeManagedIcebergTable; CREATE / ALTER ICEBERG
// TABLE (Snowflake as the catalog) docs): a table whose files go to an external volume. The volume must exist and
// allow writes ("must be set to TRUE for Iceberg tables that use Snowflake as the catalog", external-volume.yaml
// allow_writes); its catalog is SNOWFLAKE; a volume or catalog integration a table uses cannot be dropped.
import * as wire from "../../../provider/wire/iceberg-table";
import type { CatalogObject } from "../catalog/catalog";
import { collectionOf } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { reportedDataType } from "../data-types";
import { badRequest, doesNotExist } from "../errors";
import { formatIdentifier, parseIdentifier } from "../identifiers";
import { schemaObjectsOf } from "../rest/lookup";
import { AlterClause, applyValues } from "../sql/alter";
import { text } from "../sql/select";
import { CREATED_ON, DATABASE_NAME, NAME, OWNER, SCHEMA_NAME, showInAccount, storedValue } from "../sql/show-in-account";
import { clusteringClauses } from "../sql/clauses";
import type { AccountState } from "../state";
import { checkRetention, RETENTION_AND_COMMENT_SQL } from "./shared";

interface IcebergColumn { name: string; datatype: string; nullable?: boolean; comment?: string }

// Iceberg table data types docs: semi-structured VARIANT / OBJECT / ARRAY (unstructured) and the geospatial types
// are not Iceberg types (Iceberg v2). Structured OBJECT / ARRAY / MAP with field types are, but not emulated.
const NOT_ICEBERG = /^(VARIANT|OBJECT|ARRAY|MAP|GEOGRAPHY|GEOMETRY|VECTOR)\b/i;

function normalizeColumns(columns: unknown, account: AccountState): IcebergColumn[] {
  return (columns as IcebergColumn[]).map((column) => {
    const datatype = reportedDataType(column.datatype, account.catalog.parameters.timestamp_type_mapping);
    if (datatype === undefined) throw badRequest(`SQL compilation error:\nUnsupported data type '${column.datatype}'.`);
    if (NOT_ICEBERG.test(datatype)) throw badRequest(`SQL compilation error:\nData type '${datatype}' of column ${column.name} is not supported for Iceberg tables.`);
    return { ...column, name: parseIdentifier(column.name, "IcebergTableColumn.name"), datatype };
  });
}

/** The Iceberg tables of the account that use this external volume or catalog integration (wire property, stored name). */
export function icebergTablesUsing(account: AccountState, wireName: "external_volume" | "catalog_sync", name: string): CatalogObject[] {
  return allIcebergTables(account).filter((table) => table.values[wireName] === name);
}

/** Every Iceberg table of the account. */
function allIcebergTables(account: AccountState): CatalogObject[] {
  return schemaObjectsOf(account, "iceberg-tables");
}

// SHOW ICEBERG TABLES docs: these columns among others (created_on, name, database_name, schema_name, owner,
// external_volume_name, catalog_name, iceberg_table_type, base_location, comment).
const showIcebergTables = showInAccount("ICEBERG TABLES", "iceberg-tables", [
  CREATED_ON, NAME, DATABASE_NAME, SCHEMA_NAME, OWNER,
  { column: text("external_volume_name"), value: (table) => String(table.values.external_volume) },
  { column: text("catalog_name"), value: (table) => String(table.values.catalog ?? "SNOWFLAKE") },
  { column: text("iceberg_table_type"), value: () => "MANAGED" },
  storedValue("base_location", false), storedValue("comment"),
]);

// ALTER ICEBERG TABLE docs: ADD [ COLUMN ] <name> <type> [ NOT NULL ] [ COMMENT '<comment>' ].
const addColumnClause: AlterClause = {
  read(stream) {
    if (!stream.accept("ADD")) return undefined;
    stream.accept("COLUMN");
    const name = stream.identifier();
    const typeTokens: string[] = [];
    while (!stream.done && !(stream.peek()?.type === "word" && /^(NOT|COMMENT)$/i.test(stream.peek()!.value))) typeTokens.push(stream.next().value);
    const nullable = !stream.accept("NOT", "NULL");
    const comment = stream.accept("COMMENT") ? stream.string() : undefined;
    return (object, context) => {
      const columns = object.values.columns as IcebergColumn[];
      if (columns.some((column) => column.name === name)) throw badRequest(`SQL compilation error:\ncolumn '${formatIdentifier(name)}' already exists`);
      const added: IcebergColumn = { name: formatIdentifier(name), datatype: typeTokens.join(" ").replace(/\s*([(),])\s*/g, "$1"), ...(nullable ? {} : { nullable: false }), ...(comment !== undefined && { comment }) };
      applyValues(object, { ...object.values, columns: [...columns.map((column) => ({ ...column, name: formatIdentifier(column.name) })), added] }, context);
    };
  },
};

export const icebergTableKind: ObjectKind = {
  spec: "iceberg-table",
  model: "IcebergTable",
  objectType: "Iceberg table",
  sqlType: "ICEBERG TABLE",
  parameterLevel: "ICEBERG TABLE",
  collection: "iceberg-tables",
  scope: "schema",
  namespace: "relations",
  wire: { strict: wire.IcebergTableStrict, properties: wire.IcebergTable_PROPERTIES, readOnly: wire.IcebergTable_READ_ONLY, writeOnly: wire.IcebergTable_WRITE_ONLY },
  identifiers: ["external_volume", "catalog", "catalog_sync"],
  // CREATE ICEBERG TABLE (Snowflake as the catalog) docs: CATALOG = 'SNOWFLAKE' (the default), STORAGE_SERIALIZATION_POLICY
  // OPTIMIZED by default, CHANGE_TRACKING FALSE.
  defaults: { catalog: "SNOWFLAKE", storage_serialization_policy: "OPTIMIZED", change_tracking: false, cluster_by: [] },
  accept(values, { account, existing }) {
    if (values.columns === undefined) throw badRequest("Missing required field 'columns' in IcebergTable.");
    if (values.external_volume === undefined) throw badRequest("SQL compilation error:\nEXTERNAL_VOLUME must be specified (or set on the schema, database or account).");
    const volume = collectionOf(account.catalog, "external-volumes").get(String(values.external_volume));
    if (!volume) throw doesNotExist("External volume", formatIdentifier(String(values.external_volume)));
    if (!existing && volume.values.allow_writes === false) throw badRequest(`SQL compilation error:\nExternal volume ${formatIdentifier(volume.name)} does not allow writes, which an Iceberg table with Snowflake as its catalog needs.`);
    if (values.catalog !== undefined && values.catalog !== "SNOWFLAKE") throw badRequest(`SQL compilation error:\nThis endpoint creates Iceberg tables with Snowflake as the catalog, not ${formatIdentifier(String(values.catalog))}.`);
    checkRetention(icebergTableKind, values, "PERMANENT");
    // Not confirmed what BASE_LOCATION Snowflake takes when none is given: the table's name here.
    return { ...values, base_location: values.base_location ?? String(values.name), columns: normalizeColumns(values.columns, account) };
  },
  render: (object) => ({
    columns: (object.values.columns as IcebergColumn[]).map((column) => ({ ...column, name: formatIdentifier(column.name) })),
    iceberg_table_type: "MANAGED",
    can_write_metadata: "Y",
  }),
  sqlProperties: {
    ...RETENTION_AND_COMMENT_SQL,
    CHANGE_TRACKING: { wire: "change_tracking", value: "boolean", unset: true },
    CATALOG_SYNC: { wire: "catalog_sync", value: "identifier", unset: true },
  },
  sqlClauses: [addColumnClause, ...clusteringClauses],
  sqlShows: { ICEBERG: showIcebergTables },
};
