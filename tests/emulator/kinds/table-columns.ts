// Table columns and constraints as Snowflake keeps them (CREATE TABLE and CREATE OR ALTER TABLE docs; ALTER TABLE
// ... ALTER COLUMN docs): types in canonical form, inline constraints moved to the table with a system name when
// unnamed, primary key columns NOT NULL -- and what CREATE OR ALTER TABLE refuses to do to existing columns.
import { randomUUID } from "node:crypto";
import { reportedDataType } from "../data-types";
import { reprintedDefault } from "../expressions";
import { badRequest } from "../errors";
import { formatIdentifier, parseIdentifier } from "../identifiers";

export interface Column {
  name: string;
  datatype: string;
  nullable: boolean;
  collate?: string;
  default?: string;
  autoincrement?: boolean;
  autoincrement_start?: number;
  autoincrement_increment?: number;
  comment?: string;
}

export interface Constraint {
  name: string;
  constraint_type: "PRIMARY KEY" | "UNIQUE" | "FOREIGN KEY";
  column_names: string[];
  referenced_table_name?: string;
  referenced_column_names?: string[];
}

type WireColumn = Omit<Column, "nullable"> & { nullable?: boolean; constraints?: Partial<Constraint>[] };

const compilationError = (message: string) => badRequest(`SQL compilation error:\n${message}`);

/** Snowflake names an unnamed constraint itself (the Python API quickstart shows SYS_CONSTRAINT_<uuid>). */
const systemName = () => `SYS_CONSTRAINT_${randomUUID()}`;

function canonicalType(column: WireColumn, timestampMapping: unknown): string {
  const reported = reportedDataType(String(column.datatype), timestampMapping);
  if (reported === undefined) throw compilationError(`Unsupported data type '${column.datatype}' for column '${column.name}'.`);
  return reported;
}

/** Columns and table constraints of a body, checked and in the form Snowflake reports. */
export function normalizeColumns(wireColumns: unknown, wireConstraints: unknown, previous: Constraint[] = [], timestampMapping?: unknown): { columns: Column[]; constraints: Constraint[] } {
  if (!Array.isArray(wireColumns) || wireColumns.length === 0) throw compilationError("A table must have at least one column.");
  const columns: Column[] = [];
  const constraints: Constraint[] = [];
  for (const raw of wireColumns as WireColumn[]) {
    const name = parseIdentifier(raw.name, "TableColumn.name");
    if (columns.some((column) => column.name === name)) throw compilationError(`duplicate column name '${formatIdentifier(name)}'`);
    const datatype = canonicalType(raw, timestampMapping);
    // CREATE TABLE docs: AUTOINCREMENT / IDENTITY is for numeric columns only.
    if (raw.autoincrement && !datatype.startsWith("NUMBER")) throw compilationError(`AUTOINCREMENT is only allowed on numeric column '${formatIdentifier(name)}'.`);
    const { constraints: inline, ...column } = raw;
    columns.push({ ...column, name, datatype, nullable: raw.nullable ?? true, ...(typeof raw.default === "string" && { default: reprintedDefault(raw.default) }), ...(raw.autoincrement ? { autoincrement_start: raw.autoincrement_start ?? 1, autoincrement_increment: raw.autoincrement_increment ?? 1 } : {}) });
    for (const constraint of inline ?? []) constraints.push(normalizeConstraint({ ...constraint, column_names: [name] }, previous));
  }
  for (const constraint of (Array.isArray(wireConstraints) ? wireConstraints : []) as Partial<Constraint>[]) constraints.push(normalizeConstraint(constraint, previous));
  for (const constraint of constraints) {
    for (const column of constraint.column_names) {
      if (!columns.some((c) => c.name === column)) throw compilationError(`invalid identifier '${formatIdentifier(column)}' in constraint ${constraint.name}`);
    }
  }
  if (constraints.filter((constraint) => constraint.constraint_type === "PRIMARY KEY").length > 1) throw compilationError("A table can have only one primary key.");
  // CREATE TABLE docs: a primary key column is NOT NULL.
  const primary = new Set(constraints.filter((c) => c.constraint_type === "PRIMARY KEY").flatMap((c) => c.column_names));
  return { columns: columns.map((column) => (primary.has(column.name) ? { ...column, nullable: false } : column)), constraints };
}

function normalizeConstraint(raw: Partial<Constraint>, previous: Constraint[]): Constraint {
  const columnNames = (raw.column_names ?? []).map((name) => parseIdentifier(name, "Constraint.column_names"));
  const type = raw.constraint_type!;
  const same = previous.find((old) => old.constraint_type === type && old.column_names.join() === columnNames.join());
  // table.yaml Constraint.name is a plain string: names Snowflake generated come back as they were printed.
  const constraint: Constraint = { name: raw.name ? constraintName(raw.name) : same?.name ?? systemName(), constraint_type: type, column_names: columnNames };
  if (type === "FOREIGN KEY") {
    constraint.referenced_table_name = raw.referenced_table_name;
    constraint.referenced_column_names = (raw.referenced_column_names ?? []).map((name) => parseIdentifier(name, "ForeignKey.referenced_column_names"));
  }
  return constraint;
}

function constraintName(name: string): string {
  return /^SYS_CONSTRAINT_/.test(name) ? name : parseIdentifier(name, "Constraint.name");
}

/** A reported type ("NUMBER(10,2)") as its name and arguments. */
function splitReported(type: string): { name: string; args: string[] } {
  const [name, rest] = type.split("(");
  return { name, args: rest === undefined ? [] : rest.replace(")", "").split(",").map((part) => part.trim()) };
}

/** Why Snowflake cannot change a column's type in place (ALTER TABLE ... ALTER COLUMN docs; error texts as observed). */
function typeChangeError(table: string, column: string, from: string, to: string, rows: number): string | undefined {
  if (from === to) return undefined;
  const a = splitReported(from);
  const b = splitReported(to);
  const base = `cannot change column ${column} from type ${from} to ${to}`;
  if (a.name !== b.name) return base;
  if (a.name === "VARCHAR") return Number(b.args[0]) >= Number(a.args[0]) ? undefined : `${base} because reducing the byte-length of a varchar is not supported.`;
  if (a.name === "NUMBER") {
    if (a.args[1] !== b.args[1]) return `${base} because changing the scale of a number is not supported.`;
    // Decreasing precision is allowed only when every value fits; the emulator holds no values, so only empty tables.
    return Number(b.args[0]) >= Number(a.args[0]) || rows === 0 ? undefined : `${base} because some existing values cannot be represented using precision ${b.args[0]}.`;
  }
  return `${base} in table ${table}`;
}

/** CREATE OR ALTER TABLE's rules for the columns of an existing table. */
export function checkColumnChanges(table: string, before: Column[], after: Column[], rows: number): void {
  const oldNames = before.map((column) => column.name);
  const kept = after.filter((column) => oldNames.includes(column.name));
  // CREATE OR ALTER TABLE docs: "New columns can only be added to the end of the column list"; "You can't ...
  // change column order". (Error texts as other emulators record them from live accounts.)
  const keptOrder = oldNames.filter((name) => kept.some((column) => column.name === name));
  if (kept.map((column) => column.name).join("\u0000") !== keptOrder.join("\u0000")) throw compilationError("Invalid operation column re-ordering is not possible in CREATE OR ALTER TABLE");
  const lastKept = Math.max(-1, ...kept.map((column) => after.indexOf(column)));
  for (const [index, column] of after.entries()) {
    if (oldNames.includes(column.name)) continue;
    if (index < lastKept) throw compilationError("Unsupported feature 'CREATE OR ALTER TABLE column add before end of column list'.");
    if (!column.nullable && column.default === undefined && rows > 0) {
      throw compilationError(`Non-nullable column '${column.name}' cannot be added to non-empty table '${table}' unless it has a non-null default value.`);
    }
  }
  for (const column of kept) {
    const old = before.find((c) => c.name === column.name)!;
    const typeError = typeChangeError(table, column.name, old.datatype, column.datatype, rows);
    if (typeError) throw compilationError(typeError);
    // CREATE OR ALTER TABLE docs: "Collation specifications cannot be altered."
    if ((old.collate ?? "").toLowerCase() !== (column.collate ?? "").toLowerCase()) throw compilationError(`cannot change column ${column.name} from type "${old.datatype}${old.collate ? ` COLLATE '${old.collate}'` : ""}" to "${column.datatype}${column.collate ? ` COLLATE '${column.collate}'` : ""}" because they have incompatible collations.`);
    // ALTER TABLE ... ALTER COLUMN docs: adding or changing a default is not supported; dropping it is. Both sides
    // are in Snowflake's printed form, so a default re-spelt the way Snowflake prints it is no change.
    if (column.default !== undefined && column.default !== old.default) throw compilationError("Unsupported feature 'Alter Column Set Default'.");
    // ALTER TABLE docs: on a non-empty table only an autoincrement's default can be altered.
    const identity = (c: Column) => JSON.stringify([c.autoincrement ?? false, c.autoincrement_start, c.autoincrement_increment]);
    if (identity(old) !== identity(column) && rows > 0) throw compilationError(`cannot change the autoincrement of column ${column.name} of non-empty table ${table}`);
  }
}
