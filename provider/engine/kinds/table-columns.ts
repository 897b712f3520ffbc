// Table columns and constraints (table.yaml TableColumn, Constraint). Columns are matched by name and their order
// matters; constraints are matched by type and column set, their name compared only when the program names them
// (Snowflake names unnamed ones itself). A constraint written on a column is reported back as a table constraint,
// so comparisons lift inline constraints to the table (liftInlineConstraints) before comparing.
import type { ChangeProblem, FieldDefinition, Properties } from "../definition";
import { FieldKind, isSet, ObjectType, sameValue } from "../field-kind";
import { storedName } from "../identifiers";
import { isUnknown } from "../unknowns";
import { dataTypeKind, inPlaceTypeChangeProblem } from "./data-types";
import { collationKind, defaultExpressionKind } from "./expressions";
import { identifierKind, qualifiedNameKind } from "./names";
import { booleanKind, canonicalToken, choiceKind, enumType, integerKind, textKind } from "./scalars";
import { listKind, objectKind, recordsKind } from "./structures";

export const CONSTRAINT_TYPES = enumType("ConstraintType", "The kind of a table constraint.", ["PRIMARY KEY", "UNIQUE", "FOREIGN KEY"], { PRIMARY_KEY: "PRIMARY KEY", FOREIGN_KEY: "FOREIGN KEY" });

const field = (wire: string, kind: FieldKind, doc: string, extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ wire, kind, doc, ...extra });
const names = listKind(identifierKind(), { ordered: true, itemWords: "column names" });

function constraintType(columnsRequired: boolean): ObjectType {
  return {
    name: columnsRequired ? "TableConstraint" : "ColumnConstraint",
    doc: columnsRequired ? "A primary key, unique key or foreign key over columns of the table." : "A primary key, unique key or foreign key on this column.",
    fields: {
      type: field("constraint_type", choiceKind(CONSTRAINT_TYPES), "PRIMARY KEY, UNIQUE or FOREIGN KEY.", { required: true }),
      name: field("name", identifierKind(), "Constraint name; Snowflake names it when left out."),
      ...(columnsRequired ? { columnNames: field("column_names", names, "The columns it covers, in order.", { required: true }) } : {}),
      referencedTable: field("referenced_table_name", qualifiedNameKind(3, { what: "a table" }), "FOREIGN KEY only: the table it references."),
      referencedColumns: field("referenced_column_names", names, "FOREIGN KEY only: the referenced columns, in order."),
    },
  };
}

/** Identity of a constraint: what it constrains, never the name Snowflake may have generated. */
function constraintIdentity(canonical: Record<string, unknown>): string {
  return JSON.stringify([canonical.type, canonical.columnNames ?? [], canonical.referencedTable ?? "", canonical.referencedColumns ?? []]);
}

function constraintKind(columnsRequired: boolean): FieldKind {
  const base = objectKind(constraintType(columnsRequired), {
    problem: (value) => {
      const foreign = canonicalToken(CONSTRAINT_TYPES, value.type) === "FOREIGN KEY";
      const references = isSet(value.referencedTable) && isSet(value.referencedColumns);
      if (foreign && !references) return "a FOREIGN KEY needs referencedTable and referencedColumns";
      if (!foreign && (isSet(value.referencedTable) || isSet(value.referencedColumns))) return "referencedTable and referencedColumns belong to FOREIGN KEY constraints";
      return undefined;
    },
  });
  return {
    ...base,
    // An unnamed declared constraint matches whatever name Snowflake gave it.
    same: (next, previous) => {
      const a = base.canonical(next) as Record<string, unknown>;
      const b = base.canonical(previous) as Record<string, unknown>;
      return constraintIdentity(a) === constraintIdentity(b) && (a.name === undefined || a.name === b.name);
    },
  };
}

export const tableConstraintsKind = recordsKind(constraintKind(true), { identity: constraintIdentity, ordered: false, noun: "constraint" });

const COLUMN: ObjectType = {
  name: "TableColumn",
  doc: "A column of a table: name, data type and options.",
  fields: {
    name: field("name", identifierKind(), "Column name.", { required: true }),
    datatype: field("datatype", dataTypeKind(), "Data type; synonyms are the same type (INT is NUMBER(38,0), STRING is VARCHAR(16777216)).", { required: true }),
    nullable: field("nullable", booleanKind(), "Whether NULL is allowed. Default true (false for a primary key column).", { serverDefault: true }),
    default: field("default", defaultExpressionKind(), "Default value as an SQL expression, e.g. `0`, `'n/a'` or `CURRENT_TIMESTAMP()`. Snowflake cannot add or change it on an existing column."),
    collate: field("collate", collationKind(), "Collation specification, e.g. `en-ci`. Fixed once the column exists."),
    autoincrement: field("autoincrement", booleanKind(), "Numbers the rows (AUTOINCREMENT / IDENTITY).", { serverDefault: false }),
    autoincrementStart: field("autoincrement_start", integerKind(), "First value of an autoincrement column (default 1).", { serverDefault: 1 }),
    autoincrementIncrement: field("autoincrement_increment", integerKind(), "Step of an autoincrement column (default 1).", { serverDefault: 1 }),
    constraints: field("constraints", recordsKind(constraintKind(false), { identity: constraintIdentity, ordered: false, noun: "constraint" }), "Constraints on this column alone (reported back as table constraints)."),
    comment: field("comment", textKind(), "Column comment."),
  },
};

export const tableColumnsKind = recordsKind(objectKind(COLUMN), { identity: (column) => String(column.name), ordered: true, noun: "column" });

type Column = Record<string, unknown> & { name: string; constraints?: Record<string, unknown>[] };

/**
 * The table as Snowflake reports it: each column's inline constraints moved to the table's constraints, and primary
 * key columns NOT NULL (CREATE OR ALTER TABLE usage notes: "Setting or unsetting an inline primary key changes the
 * nullability of the column accordingly").
 */
export function liftInlineConstraints(properties: Properties): Properties {
  const columns = properties.columns as Column[] | undefined;
  if (!Array.isArray(columns) || isUnknown(columns)) return properties;
  const lifted: Record<string, unknown>[] = columns.flatMap((column) => (Array.isArray(column?.constraints) ? column.constraints : []).map((constraint) => ({ ...constraint, columnNames: [column.name] })));
  const constraints = [...(Array.isArray(properties.constraints) ? (properties.constraints as Record<string, unknown>[]) : []), ...lifted];
  const primaryKey = new Set(constraints.filter((c) => canonicalToken(CONSTRAINT_TYPES, c.type) === "PRIMARY KEY").flatMap((c) => (Array.isArray(c.columnNames) ? c.columnNames.map((n) => storedName(String(n))) : [])));
  return {
    ...properties,
    columns: columns.map(({ constraints: _inline, ...column }) => (primaryKey.has(storedName(String(column.name))) && !isSet(column.nullable) ? { ...column, nullable: false } : column)),
    ...(constraints.length || isSet(properties.constraints) ? { constraints } : {}),
  };
}


const keyOf = (column: Column) => storedName(column.name);

/**
 * What Snowflake's CREATE OR ALTER TABLE cannot do to existing columns (CREATE TABLE docs, "CREATE OR ALTER TABLE
 * usage notes"; ALTER TABLE ... ALTER COLUMN docs): add a column anywhere but the end, reorder or rename columns
 * (a rename is a drop and an add), change a type other than widening, change a collation, add or change a default,
 * change autoincrement. Dropping a column loses its data, so it needs allowDropColumns.
 */
export function columnChangeProblems(table: string, oldColumns: Column[] | undefined, newColumns: Column[] | undefined): ChangeProblem[] {
  if (!Array.isArray(oldColumns) || !Array.isArray(newColumns) || isUnknown(newColumns)) return [];
  const problems: ChangeProblem[] = [];
  const oldByKey = new Map(oldColumns.map((column) => [keyOf(column), column]));
  const newKeys = new Set(newColumns.map(keyOf));
  for (const column of oldColumns) {
    if (!newKeys.has(keyOf(column))) problems.push({ property: "columns", message: `column ${column.name} of ${table} would be dropped with its data (Snowflake cannot rename a column in place: a new name is a drop and an add)`, allowedBy: "allowDropColumns" });
  }
  const kept = newColumns.filter((column) => oldByKey.has(keyOf(column)));
  const keptOrder = oldColumns.filter((column) => newKeys.has(keyOf(column))).map(keyOf);
  if (kept.map(keyOf).join("\u0000") !== keptOrder.join("\u0000")) {
    problems.push({ property: "columns", message: `the columns of ${table} would change order (${kept.map((c) => c.name).join(", ")}); Snowflake cannot reorder columns`, allowedBy: "allowReplace" });
  }
  const lastKept = Math.max(-1, ...kept.map((column) => newColumns.indexOf(column)));
  for (const [index, column] of newColumns.entries()) {
    if (!oldByKey.has(keyOf(column)) && index < lastKept) {
      problems.push({ property: "columns", message: `column ${column.name} would be added before existing columns of ${table}; Snowflake adds new columns only at the end`, allowedBy: "allowReplace" });
    }
  }
  for (const column of kept) problems.push(...keptColumnProblems(table, oldByKey.get(keyOf(column))!, column));
  return problems;
}

function keptColumnProblems(table: string, before: Column, after: Column): ChangeProblem[] {
  const problems: ChangeProblem[] = [];
  const where = `column ${after.name} of ${table}`;
  const typeProblem = inPlaceTypeChangeProblem(String(before.datatype), String(after.datatype));
  if (typeProblem) problems.push({ property: "columns", message: `${where} cannot change type from ${before.datatype} to ${after.datatype}: ${typeProblem}`, allowedBy: "allowReplace" });
  const text = (value: unknown) => (isSet(value) && value !== "" ? String(value).trim() : undefined);
  const { collate, default: defaultField } = COLUMN.fields;
  if (!sameValue(collate.kind, after.collate, before.collate)) problems.push({ property: "columns", message: `${where} cannot change collation from ${text(before.collate) ?? "none"} to ${text(after.collate) ?? "none"}: collations are fixed once a column exists`, allowedBy: "allowReplace" });
  if (text(after.default) !== undefined && !sameValue(defaultField.kind, after.default, before.default)) problems.push({ property: "columns", message: `${where} cannot ${text(before.default) === undefined ? "get" : "change"} a default (${text(after.default)}): Snowflake only drops defaults of existing columns`, allowedBy: "allowReplace" });
  // Start and step default to 1 (CREATE TABLE docs), as Snowflake reports them.
  const identity = (column: Column) => JSON.stringify(column.autoincrement ? [true, column.autoincrementStart ?? 1, column.autoincrementIncrement ?? 1] : [false]);
  if (identity(before) !== identity(after)) problems.push({ property: "columns", message: `${where} cannot change its autoincrement settings in place`, allowedBy: "allowReplace" });
  return problems;
}
