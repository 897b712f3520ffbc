// Tables (table.yaml; CREATE TABLE, CREATE OR ALTER TABLE and ALTER TABLE docs). PUT is CREATE OR ALTER TABLE: the
// body is the whole table, columns included; what it cannot do to existing columns is refused (table-columns.ts).
import * as wire from "../../../provider/wire/table";
import { collectionOf } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { badRequest, doesNotExist } from "../errors";
import { formatIdentifier, parseIdentifier } from "../identifiers";
import { findSchema } from "../rest/lookup";
import type { AccountState } from "../state";
import { policyAttachmentClauses } from "./policy-attachments";
import { checkColumnChanges, Column, Constraint, normalizeColumns } from "./table-columns";
import { checkRetention, COLLATION_PARAMETER, containerKind, RETENTION_PARAMETERS, schemaPath } from "./shared";

// table.yaml Table.kind: PERMANENT, TRANSIENT, TEMPORARY, '' (= PERMANENT) and lower-case spellings.
const TABLE_KINDS: Record<string, string> = { PERMANENT: "PERMANENT", TRANSIENT: "TRANSIENT", TEMPORARY: "TEMPORARY", "": "PERMANENT" };

/** A foreign key's table must exist (relative names are in the referencing table's schema). */
function requireReferencedTable(account: AccountState, database: string, schema: string, constraint: Constraint): void {
  if (constraint.constraint_type !== "FOREIGN KEY") return;
  const parts = String(constraint.referenced_table_name).split(".").map((part) => parseIdentifier(part, "referenced_table_name"));
  const [db, sc, name] = parts.length === 3 ? parts : parts.length === 2 ? [database, ...parts] : [database, schema, parts[0]];
  if (!collectionOf(findSchema(account, db, sc), "tables").has(name)) throw doesNotExist("Table", [db, sc, name].map(formatIdentifier).join("."));
}

export const tableKind: ObjectKind = {
  spec: "table",
  model: "Table",
  objectType: "Table",
  sqlType: "TABLE",
  parameterLevel: "TABLE",
  collection: "tables",
  scope: "schema",
  namespace: "relations",
  wire: { strict: wire.TableStrict, properties: wire.Table_PROPERTIES, readOnly: wire.Table_READ_ONLY, writeOnly: wire.Table_WRITE_ONLY },
  // CREATE TABLE docs: ENABLE_SCHEMA_EVOLUTION and CHANGE_TRACKING default FALSE.
  defaults: { kind: "PERMANENT", enable_schema_evolution: false, change_tracking: false, cluster_by: [], constraints: [] },
  parameters: { ...RETENTION_PARAMETERS, ...COLLATION_PARAMETER },
  // CREATE OR ALTER TABLE docs: "After creation, transient tables cannot be converted to any other table type."
  fixedOnAlter: { kind: "a table's kind is fixed at creation" },
  // CREATE OR ALTER docs: "the CHANGE_TRACKING and ROW_TIMESTAMP properties will not be unset if not specified".
  keptOnAlter: ["change_tracking"],
  // SHOW TABLES has no column list; the list's deep=true and GET (DESCRIBE) have it.
  listOmits: ["columns", "constraints"],
  // ALTER TABLE ... MODIFY COLUMN ... SET / UNSET MASKING POLICY, ADD / DROP ROW ACCESS POLICY.
  sqlClauses: policyAttachmentClauses,
  accept(values, { account, parent, existing }) {
    const kind = TABLE_KINDS[String(values.kind ?? "").toUpperCase()];
    // The wire model reads kind TABLE (as Snowflake may report it), but CREATE has no TABLE kind.
    if (kind === undefined) throw badRequest(`SQL compilation error:\ninvalid table kind '${String(values.kind)}'.`);
    // Transient database / schema docs: every table created in a transient schema is transient.
    values.kind = containerKind(parent) === "TRANSIENT" ? "TRANSIENT" : kind;
    checkRetention(tableKind, values, values.kind as string);
    // TIMESTAMP_TYPE_MAPPING docs: a session / account parameter read when the column is created.
    const timestampMapping = account.catalog.parameters.timestamp_type_mapping;
    const { columns, constraints } = normalizeColumns(values.columns, values.constraints, existing?.values.constraints as Constraint[] | undefined, timestampMapping);
    const [database, schema] = schemaPath(parent);
    for (const constraint of constraints) requireReferencedTable(account, database, schema, constraint);
    return { ...values, columns, constraints };
  },
  alter(object, next) {
    checkColumnChanges(formatIdentifier(object.name), object.values.columns as Column[], next.columns as Column[], Number(object.facts.rows ?? 0));
  },
  render(object) {
    const rows = Number(object.facts.rows ?? 0);
    return {
      columns: (object.values.columns as Column[]).map((column) => ({ ...column, name: formatIdentifier(column.name) })),
      constraints: ((object.values.constraints as Constraint[] | undefined) ?? []).map((constraint) => ({
        ...constraint,
        column_names: constraint.column_names.map(formatIdentifier),
        ...(constraint.referenced_column_names && { referenced_column_names: constraint.referenced_column_names.map(formatIdentifier) }),
      })),
      rows,
      // The emulator keeps no data; a row is counted as 100 bytes.
      bytes: rows * 100,
      table_type: "NORMAL",
      automatic_clustering: Array.isArray(object.values.cluster_by) && object.values.cluster_by.length > 0,
      search_optimization: false,
    };
  },
};
