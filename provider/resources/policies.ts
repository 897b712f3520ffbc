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
import { identifierKind } from "../engine/kinds/names";
import { sqlTextKind } from "../engine/kinds/scalars";
import { objectKind, recordsKind } from "../engine/kinds/structures";
import { identifierFor } from "../engine/identifiers";
import { joinSql, keyword, sql, SqlText, userSql } from "../sql/sql-text";
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
  sqlObject: { show: "MASKING POLICIES", describe: "row" },
  rename: "sql",
  fields: policyFields("masking policy", field("return_type", dataTypeKind(), "The type the body returns: the masked column's type. A change means a new masking policy.", {
    required: true, immutable: true, shown: { from: "describe" }, sql: { create: (value) => sql`RETURNS ${dataTypeSql(String(value))}` },
  })),
  outputs: ownershipOutputs("masking policy"),
  crossChecks: maskingProblems,
  deleteRefusal: attachedRefusal("columns"),
});

export const rowAccessPolicy: ResourceDefinition = defineResource({
  typeName: "RowAccessPolicy",
  noun: "row access policy",
  doc: "A row access policy: a BOOLEAN SQL expression over a table's columns that decides which rows a reader sees. SQL only: REST v2 has no endpoints for it.",
  collectionPath: sqlObjectPath("ROW ACCESS POLICIES"),
  changes: "sql",
  sqlObjectType: "ROW ACCESS POLICY",
  sqlObject: { show: "ROW ACCESS POLICIES", describe: "row" },
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
});

