// Pieces resource definitions share: the field builder, identity fields, comments, the retention parameters
// schema objects inherit, clustering keys and the enums several types use.
import { ChangeMethod, FieldDefinition, OutputDefinition, SqlChange } from "../engine/definition";
import { FieldKind } from "../engine/field-kind";
import { identifierKind } from "../engine/kinds/names";
import { collationKind, sqlExpressionKind } from "../engine/kinds/expressions";
import { choiceKind, enumType, integerKind, textKind } from "../engine/kinds/scalars";
import { listKind } from "../engine/kinds/structures";
import { literal, sql } from "../sql/sql-text";

/** A property: its wire name, kind, one-line doc, and behaviours. */
export function field(wire: string, kind: FieldKind, doc: string, behaviour: Omit<Partial<FieldDefinition>, "wire" | "kind" | "doc"> = {}): FieldDefinition {
  return { wire, kind, doc, ...behaviour };
}

export function nameField(noun: string): FieldDefinition {
  return field("name", identifierKind(), `Name of the ${noun}: unquoted names are upper-cased by Snowflake, "quoted" names kept exactly. Default: derived from the resource name.`, { identity: "name", required: true });
}

export function databaseField(noun: string): FieldDefinition {
  return field("database_name", identifierKind(), `The database the ${noun} lives in (e.g. \`db.name\`). A change means a new ${noun}.`, { identity: "parent", required: true });
}

export function schemaField(noun: string): FieldDefinition {
  return field("schema_name", identifierKind(), `The schema the ${noun} lives in (e.g. \`schema.name\`). A change means a new ${noun}.`, { identity: "parent", required: true });
}

/** Identity fields of an object inside a schema. */
export function schemaObjectIdentity(noun: string): Record<string, FieldDefinition> {
  return { database: databaseField(noun), schema: schemaField(noun), name: nameField(noun) };
}

export function schemaObjectPath(collection: string): string {
  return `/api/v2/databases/{database}/schemas/{schema}/${collection}`;
}

/** ALTER ... SET COMMENT = '' where the statement has no UNSET COMMENT (ALTER STAGE). */
export const CLEAR_COMMENT: SqlChange = { property: "COMMENT", unset: sql`SET COMMENT = ${literal("")}` };

export function commentField(noun: string, behaviour: Partial<FieldDefinition> = {}): FieldDefinition {
  return field("comment", textKind(), `Comment on the ${noun}.`, behaviour);
}

// Parameters docs: DATA_RETENTION_TIME_IN_DAYS 0-90 (above 1 needs Enterprise Edition; transient objects 0 or 1),
// MAX_DATA_EXTENSION_TIME_IN_DAYS 0-90 (default 14); both inherited account -> database -> schema -> table.
export function retentionFields(noun: string, change?: ChangeMethod): Record<string, FieldDefinition> {
  return {
    dataRetentionTimeInDays: field("data_retention_time_in_days", integerKind({ min: 0, max: 90 }), `Days of Time Travel for the ${noun}, 0-90 (above 1 needs Enterprise Edition). Unset: inherited from its container.`, { inherited: true, change }),
    maxDataExtensionTimeInDays: field("max_data_extension_time_in_days", integerKind({ min: 0, max: 90 }), `Days Snowflake may extend retention to keep streams on the ${noun} from going stale, 0-90. Unset: inherited (default 14).`, { inherited: true, change }),
  };
}

export function collationField(noun: string, behaviour: Partial<FieldDefinition> = {}): FieldDefinition {
  return field("default_ddl_collation", collationKind(), `Default collation for text columns created in the ${noun}, e.g. \`en-ci\`. Unset: inherited.`, { inherited: true, ...behaviour });
}

/** CLUSTER BY expressions; changed through ALTER ... CLUSTER BY ( ... ) / DROP CLUSTERING KEY where there is no PUT. */
export function clusterByField(noun: string, change?: ChangeMethod): FieldDefinition {
  const kind = listKind(sqlExpressionKind(), { ordered: true, itemWords: "clustering expressions (column names or expressions)" });
  const viaSql: SqlChange = { set: (value) => sql`CLUSTER BY (${kind.toSql(value)})`, unset: sql`DROP CLUSTERING KEY` };
  return field("cluster_by", kind, `Clustering key of the ${noun}: columns or expressions, in order.`, change === "sql" ? { change, sql: viaSql } : { change });
}

// CREATE WAREHOUSE docs, WAREHOUSE_SIZE: canonical tokens and the spellings Snowflake also accepts.
export const WAREHOUSE_SIZE = enumType("WarehouseSize", "Warehouse sizes; Snowflake's other spellings (`X-SMALL`, `2X-LARGE`, any case) are accepted too.",
  ["XSMALL", "SMALL", "MEDIUM", "LARGE", "XLARGE", "XXLARGE", "XXXLARGE", "X4LARGE", "X5LARGE", "X6LARGE"],
  { "X-SMALL": "XSMALL", "X-LARGE": "XLARGE", X2LARGE: "XXLARGE", "2X-LARGE": "XXLARGE", X3LARGE: "XXXLARGE", "3X-LARGE": "XXXLARGE", "4X-LARGE": "X4LARGE", "5X-LARGE": "X5LARGE", "6X-LARGE": "X6LARGE" });

// database.yaml Database.log_level / trace_level (Parameters docs: LOG_LEVEL, TRACE_LEVEL).
export const LOG_LEVEL = enumType("LogLevel", "Severity of log messages ingested into the event table.", ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL", "OFF"]);
export const TRACE_LEVEL = enumType("TraceLevel", "How trace events are ingested into the event table.", ["ALWAYS", "ON_EVENT", "OFF"]);

/** PERMANENT (default) or TRANSIENT; fixed at creation. Snowflake may report a permanent table's kind as TABLE. */
export const OBJECT_KIND = enumType("ObjectKind", "PERMANENT (default) or TRANSIENT (no Fail-safe); fixed at creation, so a change replaces the object.", ["PERMANENT", "TRANSIENT"]);

/**
 * A permanent object may be reported with kind '' (table.yaml's kind enum has it) or, for a table, 'TABLE' (the
 * Python API quickstart prints it): both read as PERMANENT, neither offered as an input.
 */
function objectKindKind(): FieldKind {
  const base = choiceKind(OBJECT_KIND);
  return { ...base, fromWire: (value) => (value === "" || value === "TABLE" ? "PERMANENT" : base.fromWire(value)) };
}

export function kindField(noun: string): FieldDefinition {
  return field("kind", objectKindKind(), `PERMANENT (default) or TRANSIENT (no Fail-safe).`, { immutable: true, serverDefault: "PERMANENT" });
}

export function warehouseReference(doc: string, behaviour: Partial<FieldDefinition> = {}): FieldDefinition {
  return field("warehouse", identifierKind(), doc, behaviour);
}

export function output(wire: string, kind: FieldKind, doc: string): OutputDefinition {
  return { wire, kind, doc };
}

/** The read-only outputs every owned object reports. */
export function ownershipOutputs(noun: string): Record<string, OutputDefinition> {
  return {
    owner: output("owner", textKind(), `Role that owns the ${noun}.`),
    createdOn: output("created_on", textKind(), `When the ${noun} was created (ISO 8601).`),
  };
}
