// Masking and row access policies have no REST endpoints: CREATE { MASKING | ROW ACCESS } POLICY <db>.<schema>.<name>
// AS (<arg> <type>, ...) RETURNS <type> -> <body> COMMENT = '...'; read from SHOW ... POLICIES LIKE '<name>' IN
// SCHEMA <db>.<schema> (comment) and DESCRIBE ... POLICY (signature, return_type, body); ALTER ... SET BODY -> ...,
// SET / UNSET COMMENT, RENAME TO; DROP ... IF EXISTS, which Snowflake refuses while the policy is attached.
// The signature and return type cannot be altered: a change of them is a new policy.
import { FieldDefinition, Properties, ResourceDefinition } from "../engine/definition";
import { defineResource } from "../engine/define";
import { FieldKind } from "../engine/field-kind";
import { argumentTypeKind } from "../engine/kinds/callables";
import { canonicalDataType, dataTypeKind, sameDataType } from "../engine/kinds/data-types";
import { identifierKind, qualifiedNameKind } from "../engine/kinds/names";
import { sqlTextKind } from "../engine/kinds/scalars";
import { listKind, objectKind, recordsKind } from "../engine/kinds/structures";
import { identifierFor, splitQualifiedName, storedName } from "../engine/identifiers";
import type { ObjectApi } from "../engine/object-api";
import { executeSql, rowObjects } from "../client/sql-api";
import { identifier, joinSql, keyword, literal, qualifiedIdentifier, sql, SqlText, userSql } from "../sql/sql-text";
import { commentField, field, ownershipOutputs, schemaObjectIdentity } from "./common";
import { sqlObjectPath } from "./sql-objects";

const ARGUMENT = objectKind({
  name: "PolicyArgument",
  doc: "An argument of a policy's signature: the column value (or values) it is given.",
  fields: {
    name: field("name", identifierKind(), "Argument name, used in the body.", { required: true }),
    datatype: field("datatype", argumentTypeKind(), "Data type, e.g. VARCHAR, NUMBER; compared by type name.", { required: true }),
  },
});
const SIGNATURE: FieldKind = { ...recordsKind(ARGUMENT, { identity: (argument) => String(argument.name), ordered: true, noun: "argument" }), meansUnset: () => false };

/**
 * A data type as SQL: the canonical spelling of a parsed type (letters, digits, parentheses and commas only), so
 * nothing the user wrote reaches the statement unparsed.
 */
function dataTypeSql(text: string): SqlText {
  const canonical = canonicalDataType(text);
  if (!/^[A-Z_][A-Z0-9_ ]*(\([0-9, ]*\))?$/.test(canonical)) throw new Error(`not a data type: ${text}`);
  return userSql(canonical);
}

const signatureClause = (value: unknown): SqlText => {
  const argumentsList = value as { name: string; datatype: string }[];
  return sql`AS (${joinSql(argumentsList.map((argument) => sql`${identifierKind().toSql(argument.name)} ${dataTypeSql(argument.datatype)}`), ", ")})`;
};

/**
 * DESCRIBE prints the signature as `(VAL VARCHAR, REGION VARCHAR)`: names as stored (so they may hold spaces and
 * quotes), each followed by a bare type name, one word.
 */
function signatureFromDescribe(row: Record<string, string | null>): unknown {
  const text = row.signature?.trim();
  if (!text) return undefined;
  const inner = text.replace(/^\(/, "").replace(/\)$/, "");
  // Each argument is the shortest text followed by a type word and then a comma or the end.
  return [...inner.matchAll(/(.+?)\s+([A-Z_][A-Z0-9_]*)\s*(?:,\s*|$)/gs)].map(([, name, datatype]) => ({ name: identifierFor(name.trim()), datatype }));
}

// Where a policy is set, read from SELECT * FROM TABLE(<db>.INFORMATION_SCHEMA.POLICY_REFERENCES(POLICY_NAME =>
// '<db>.<schema>.<policy>')) (POLICY_REFERENCES docs: REF_DATABASE_NAME, REF_SCHEMA_NAME, REF_ENTITY_NAME,
// REF_COLUMN_NAME, REF_ARG_COLUMN_NAMES), names as stored.
const policyReferences = (_name: SqlText, properties: Properties): SqlText => {
  const parts = [properties.database, properties.schema, properties.name].map((part) => storedName(String(part)));
  return sql`SELECT * FROM TABLE(${identifier(parts[0])}.INFORMATION_SCHEMA.POLICY_REFERENCES(POLICY_NAME => ${literal(qualifiedIdentifier(parts).text)}))`;
};
const refName = (row: Record<string, string | null>, ...columns: string[]) => columns.map((column) => identifierFor(String(row[column]))).join(".");
const COLUMN = qualifiedNameKind(4, { exactly: true, what: "a column as DB.SCHEMA.TABLE.COLUMN" });
const TABLE = qualifiedNameKind(3, { exactly: true, what: "a table as DB.SCHEMA.TABLE" });
const partsOf = (name: string) => splitQualifiedName(name) ?? [name];

/** ALTER TABLE <t> MODIFY COLUMN <c> SET MASKING POLICY <p> for new columns, UNSET for those no longer listed. */
function maskingStatements(next: unknown, previous: unknown, policy: SqlText): SqlText[] {
  const key = (column: unknown) => JSON.stringify(COLUMN.canonical(column));
  const now = (Array.isArray(next) ? next : []) as string[];
  const before = (Array.isArray(previous) ? previous : []) as string[];
  const on = (column: string) => { const parts = partsOf(column); return { table: TABLE.toSql(parts.slice(0, 3).join(".")), column: identifierKind().toSql(parts[3]) }; };
  return [
    ...before.filter((column) => !now.some((other) => key(other) === key(column))).map((column) => sql`ALTER TABLE ${on(column).table} MODIFY COLUMN ${on(column).column} UNSET MASKING POLICY`),
    ...now.filter((column) => !before.some((other) => key(other) === key(column))).map((column) => sql`ALTER TABLE ${on(column).table} MODIFY COLUMN ${on(column).column} SET MASKING POLICY ${policy}`),
  ];
}

const ROW_TABLE = objectKind({
  name: "RowAccessPolicyTable",
  doc: "A table the row access policy filters, and the columns it passes to the policy (as many as its signature).",
  fields: {
    table: field("table", TABLE, "The table, as DB.SCHEMA.TABLE.", { required: true }),
    on: field("on", listKind(identifierKind(), { ordered: true, itemWords: "column names" }), "The columns given to the policy's arguments, in order.", { required: true }),
  },
});
const ROW_TABLES: FieldKind = { ...recordsKind(ROW_TABLE, { identity: (entry) => JSON.stringify(entry.table), ordered: false, noun: "table" }), meansUnset: () => false };

/** ADD ROW ACCESS POLICY for new tables, DROP for those gone, both for a table whose columns changed. */
function rowAccessStatements(next: unknown, previous: unknown, policy: SqlText): SqlText[] {
  type Entry = { table: string; on: string[] };
  const key = (entry: Entry) => JSON.stringify(TABLE.canonical(entry.table));
  const same = (a: Entry, b: Entry) => key(a) === key(b) && JSON.stringify(a.on.map(storedName)) === JSON.stringify(b.on.map(storedName));
  const now = (Array.isArray(next) ? next : []) as Entry[];
  const before = (Array.isArray(previous) ? previous : []) as Entry[];
  const dropped = before.filter((entry) => !now.some((other) => same(other, entry)));
  const added = now.filter((entry) => !before.some((other) => same(other, entry)));
  return [
    ...dropped.map((entry) => sql`ALTER TABLE ${TABLE.toSql(entry.table)} DROP ROW ACCESS POLICY ${policy}`),
    ...added.map((entry) => sql`ALTER TABLE ${TABLE.toSql(entry.table)} ADD ROW ACCESS POLICY ${policy} ON (${joinSql(entry.on.map((column) => identifierKind().toSql(column)), ", ")})`),
  ];
}

/** The columns or tables a replacement would leave unprotected (or Snowflake refuses the drop). */
async function attachedTo(api: ObjectApi, properties: Properties): Promise<string[]> {
  const rows = rowObjects(await executeSql(api.client, policyReferences(api.sqlName(properties), properties)));
  return rows.map((row) => (row.REF_COLUMN_NAME ? `column ${refName(row, "REF_DATABASE_NAME", "REF_SCHEMA_NAME", "REF_ENTITY_NAME", "REF_COLUMN_NAME")}` : `table ${refName(row, "REF_DATABASE_NAME", "REF_SCHEMA_NAME", "REF_ENTITY_NAME")}`));
}

function policyFields(noun: string, returns: FieldDefinition | undefined): Record<string, FieldDefinition> {
  return {
    ...schemaObjectIdentity(noun),
    signature: field("signature", SIGNATURE, `The arguments the ${noun} is given, in order (the first is the column it applies to). A change means a new ${noun}.`, {
      required: true, immutable: true, shown: { from: "describe", read: signatureFromDescribe }, sql: { create: signatureClause },
    }),
    ...(returns ? { returns } : {}),
    body: field("body", sqlTextKind(), `The SQL expression the ${noun} evaluates, over the signature's arguments.`, {
      required: true,
      shown: { from: "describe" },
      // ALTER ... POLICY docs: SET BODY -> <expression>. A line break after the body, so a body ending in a `--`
      // comment does not swallow the COMMENT clause that follows it.
      sql: { create: (value) => sql`-> ${userSql(String(value))}
`, set: (value) => sql`SET BODY -> ${userSql(String(value))}
` },
    }),
    comment: commentField(noun),
    ...(returns
      ? { columns: field("columns", listKind(COLUMN, { ordered: false, itemWords: "columns as DB.SCHEMA.TABLE.COLUMN" }), "Columns the policy masks, as DB.SCHEMA.TABLE.COLUMN (ALTER TABLE ... MODIFY COLUMN ... SET MASKING POLICY); unset from them before the policy is dropped.", { body: "never", sql: { statements: maskingStatements } }) }
      : { tables: field("tables", ROW_TABLES, "Tables the policy filters, each with the columns it is given (ALTER TABLE ... ADD ROW ACCESS POLICY ... ON (...)); dropped from them before the policy is.", { body: "never", sql: { statements: rowAccessStatements } }) }),
  };
}

// DROP MASKING POLICY / DROP ROW ACCESS POLICY docs: a policy still set on a column or table cannot be dropped
// (the exact message is not confirmed; the emulator's names where it is attached).
const attachedRefusal = (what: string) => ({ pattern: /attached|associated with|currently (set|in use)/i, advice: `Unset it from the ${what} it protects first (ALTER TABLE ... ${what === "columns" ? "MODIFY COLUMN ... UNSET MASKING POLICY" : "DROP ROW ACCESS POLICY ..."}).` });

/** Masking policy docs: the first argument's type is the type of the column it masks, and the return type. */
function maskingProblems(properties: Properties): { property: string; reason: string }[] {
  const first = Array.isArray(properties.signature) ? (properties.signature[0] as { datatype?: unknown } | undefined) : undefined;
  if (typeof first?.datatype !== "string" || typeof properties.returns !== "string" || sameDataType(first.datatype.replace(/\(.*$/, ""), properties.returns.replace(/\(.*$/, ""))) return [];
  return [{ property: "returns", reason: `${JSON.stringify(properties.returns)} differs from the first argument's type ${JSON.stringify(first.datatype)}; expected the same type (a masking policy gives back values of the column type it masks)` }];
}

export const maskingPolicy: ResourceDefinition = defineResource({
  typeName: "MaskingPolicy",
  noun: "masking policy",
  doc: "A masking policy: an SQL expression that decides what a column's readers see. SQL only: REST v2 has no endpoints for it.",
  collectionPath: sqlObjectPath("MASKING POLICIES"),
  changes: "sql",
  sqlObjectType: "MASKING POLICY",
  sqlObject: {
    show: "MASKING POLICIES", describe: "row",
    alsoShow: { show: policyReferences, wire: "columns", read: (rows) => rows.filter((row) => row.REF_COLUMN_NAME).map((row) => refName(row, "REF_DATABASE_NAME", "REF_SCHEMA_NAME", "REF_ENTITY_NAME", "REF_COLUMN_NAME")) },
  },
  rename: "sql",
  fields: policyFields("masking policy", field("return_type", dataTypeKind(), "The type the body returns: the masked column's type. A change means a new masking policy.", {
    required: true, immutable: true, shown: { from: "describe" }, sql: { create: (value) => sql`RETURNS ${dataTypeSql(String(value))}` },
  })),
  outputs: ownershipOutputs("masking policy"),
  crossChecks: maskingProblems,
  deleteRefusal: attachedRefusal("columns"),
  usedBy: attachedTo,
});

export const rowAccessPolicy: ResourceDefinition = defineResource({
  typeName: "RowAccessPolicy",
  noun: "row access policy",
  doc: "A row access policy: a BOOLEAN SQL expression over a table's columns that decides which rows a reader sees. SQL only: REST v2 has no endpoints for it.",
  collectionPath: sqlObjectPath("ROW ACCESS POLICIES"),
  changes: "sql",
  sqlObjectType: "ROW ACCESS POLICY",
  sqlObject: {
    show: "ROW ACCESS POLICIES", describe: "row",
    alsoShow: { show: policyReferences, wire: "tables", read: (rows) => rows.map((row) => ({ table: refName(row, "REF_DATABASE_NAME", "REF_SCHEMA_NAME", "REF_ENTITY_NAME"), on: (JSON.parse(row.REF_ARG_COLUMN_NAMES ?? "[]") as string[]).map(identifierFor) })) },
  },
  rename: "sql",
  fields: (() => {
    const fields = policyFields("row access policy", undefined);
    // CREATE ROW ACCESS POLICY docs: it always RETURNS BOOLEAN, written after the signature.
    const signature = fields.signature;
    fields.signature = { ...signature, sql: { create: (value) => sql`${signatureClause(value)} ${keyword("RETURNS BOOLEAN")}` } };
    return fields;
  })(),
  outputs: ownershipOutputs("row access policy"),
  deleteRefusal: attachedRefusal("tables"),
  usedBy: attachedTo,
});

