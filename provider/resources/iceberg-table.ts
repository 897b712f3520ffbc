// iceberg-table.yaml components/schemas/IcebergTable: an Apache Iceberg table whose data and metadata files
// Snowflake writes to an external volume, with Snowflake as its catalog (POST iceberg-tables "creates a Snowflake
// managed Iceberg table"; tables of other catalogs come from the :from-* endpoints and are not offered).
// - No PUT: ALTER ICEBERG TABLE (docs) adds columns (ADD COLUMN), renames, sets / unsets the retention
//   parameters, CHANGE_TRACKING, CATALOG_SYNC and COMMENT, and changes the clustering key. Columns are appended in
//   place; a column removed, reordered or changed means a new table, which loses the rows (allowReplace).
// - The external volume, base location, catalog and storage serialization policy are fixed at creation.
import { Properties } from "../engine/definition";
import { defineResource } from "../engine/define";
import { sameValue } from "../engine/field-kind";
import { dataTypeKind } from "../engine/kinds/data-types";
import { identifierKind } from "../engine/kinds/names";
import { booleanKind, choiceKind, enumType, textKind } from "../engine/kinds/scalars";
import { objectKind, recordsKind } from "../engine/kinds/structures";
import { identifier, joinSql, literal, sql, SqlText, userSql } from "../sql/sql-text";
import { storedName } from "../engine/identifiers";
import * as wire from "../wire/iceberg-table";
import { clusterByField, commentField, field, output, ownershipOutputs, retentionFields, schemaObjectIdentity, schemaObjectPath } from "./common";

const SERIALIZATION = enumType("StorageSerializationPolicy", "How Snowflake encodes and compresses the table's Parquet files: COMPATIBLE (readable by other engines) or OPTIMIZED.", ["COMPATIBLE", "OPTIMIZED"]);

const COLUMN = objectKind({
  name: "IcebergTableColumn",
  doc: "A column of an Iceberg table.",
  fields: {
    name: field("name", identifierKind(), "Column name.", { required: true }),
    datatype: field("datatype", dataTypeKind(), "Data type, as Snowflake spells it for Iceberg tables (e.g. NUMBER(10,2), VARCHAR, TIMESTAMP_NTZ(6)).", { required: true }),
    nullable: field("nullable", booleanKind(), "Whether the column takes NULL. Default true.", { serverDefault: true }),
    comment: field("comment", textKind(), "Column comment."),
  },
});
const COLUMNS = recordsKind(COLUMN, { identity: (column) => String(column.name), ordered: true, noun: "column" });

type Column = Record<string, unknown> & { name: string };
const asColumns = (value: unknown): Column[] => (Array.isArray(value) ? (value as Column[]) : []);

/** ALTER ICEBERG TABLE ... ADD COLUMN for columns appended after the existing ones (the only in-place change). */
function addColumns(next: unknown, previous: unknown): SqlText[] {
  return asColumns(next).slice(asColumns(previous).length).map((column) => {
    // The type passed the data type kind's check (a known type with its parameters), so it goes in as written.
    const parts: SqlText[] = [sql`ADD COLUMN ${identifier(storedName(column.name))} ${userSql(String(dataTypeKind().canonical(column.datatype)))}`];
    if (column.nullable === false) parts.push(sql`NOT NULL`);
    if (typeof column.comment === "string") parts.push(sql`COMMENT ${literal(column.comment)}`);
    return joinSql(parts, " ");
  });
}

/** Columns kept as they were, with new ones only at the end; anything else needs a new table. */
function columnsReplaced(olds: Properties, news: Properties): string[] {
  const before = asColumns(olds.columns);
  const after = asColumns(news.columns);
  const kept = before.length <= after.length && before.every((column, index) => sameValue(COLUMN, after[index], column));
  return kept ? [] : ["columns"];
}

export const icebergTable = defineResource({
  typeName: "IcebergTable",
  noun: "Iceberg table",
  doc: "A Snowflake-managed Apache Iceberg table on an external volume (REST: .../schemas/{schema}/iceberg-tables). Columns are appended in place; other column changes need allowReplace.",
  collectionPath: schemaObjectPath("iceberg-tables"),
  changes: "sql",
  sqlObjectType: "ICEBERG TABLE",
  rename: "sql",
  tags: true,
  dataBearing: { loses: "its rows and snapshots (the files it wrote stay on the external volume, unreferenced)" },
  fields: {
    ...schemaObjectIdentity("Iceberg table"),
    columns: field("columns", COLUMNS, "The columns, in order. New columns go at the end (ALTER ICEBERG TABLE ... ADD COLUMN); any other change means a new table.", { required: true, sql: { alter: addColumns } }),
    externalVolume: field("external_volume", identifierKind(), "The external volume the files are written to (it must allow writes). A change means a new table.", { required: true, immutable: true }),
    baseLocation: field("base_location", textKind(), "The table's directory in the volume, relative to its base URL. A change means a new table.", { immutable: true, filledBySnowflake: true }),
    catalog: field("catalog", identifierKind(), "SNOWFLAKE: Snowflake is the table's catalog (the only catalog of this endpoint; default).", { immutable: true, serverDefault: "SNOWFLAKE" }),
    storageSerializationPolicy: field("storage_serialization_policy", choiceKind(SERIALIZATION), "COMPATIBLE or OPTIMIZED (default). A change means a new table.", { immutable: true, serverDefault: "OPTIMIZED" }),
    catalogSync: field("catalog_sync", identifierKind(), "A catalog integration for Snowflake Open Catalog the table is synced to.", { sql: { property: "CATALOG_SYNC" } }),
    clusterBy: clusterByField("Iceberg table", "sql"),
    changeTracking: field("change_tracking", booleanKind(), "Record row changes (for streams). Default false.", { serverDefault: false, sql: { property: "CHANGE_TRACKING", unset: "serverDefault" } }),
    ...retentionFields("Iceberg table"),
    comment: commentField("Iceberg table"),
  },
  outputs: {
    icebergTableType: output("iceberg_table_type", textKind(), "MANAGED for a table Snowflake catalogs."),
    canWriteMetadata: output("can_write_metadata", textKind(), "Whether Snowflake can write the table's metadata."),
    ...ownershipOutputs("Iceberg table"),
  },
  notOffered: {
    catalog_table_name: "for tables of an external catalog (the :from-aws-glue-catalog / :from-iceberg-rest endpoints), not offered",
    catalog_namespace: "for tables of an external catalog, not offered",
    metadata_file_path: "for tables made from Iceberg files (:from-iceberg-files), not offered",
    replace_invalid_characters: "for tables of an external catalog, not offered",
    constraints: "not offered for Iceberg tables yet (declare keys on a Table)",
  },
  replacedBy: columnsReplaced,
  wire: { schema: wire.IcebergTable, properties: wire.IcebergTable_PROPERTIES, readOnly: wire.IcebergTable_READ_ONLY },
});
