// Masking and row access policies (CREATE / ALTER / DROP / SHOW / DESCRIBE MASKING POLICY and ROW ACCESS POLICY
// docs): schema objects holding a signature, a return type and a body expression. REST v2 has no endpoints.
import type { CatalogObject, WireValues } from "../catalog/catalog";
import type { ObjectKind, OptionClause } from "../catalog/object-kind";
import { badRequest } from "../errors";
import { formatIdentifier } from "../identifiers";
import { reportedDataType } from "../data-types";
import { alterClauseOf } from "../sql/clauses";
import { DDL_TYPE_ID, text, type ResultSet } from "../sql/select";
import type { TokenStream } from "../sql/token-stream";
import { SHOWN, sqlOnlyWire } from "./sql-objects";
import { referencesOf } from "./policy-attachments";
import { storedPath } from "../catalog/catalog";

interface Argument { name: string; datatype: string }

/** A data type as the statement writes it: tokens up to a comma or parenthesis outside its own parentheses. */
function readDataType(stream: TokenStream, stopAt: (token: { type: string; value: string }) => boolean): string {
  let depth = 0;
  const start = stream.peek();
  let end = start;
  while (stream.peek() && !(depth === 0 && stopAt(stream.peek()!))) {
    const token = stream.next();
    if (token.value === "(" && token.type === "symbol") depth++;
    if (token.value === ")" && token.type === "symbol") depth--;
    end = token;
  }
  if (!start || !end) throw stream.unexpected(stream.next());
  const written = stream.text.slice(start.start, end.end);
  const reported = reportedDataType(written);
  if (!reported) throw badRequest(`SQL compilation error:\nUnsupported data type '${written}'.`);
  return reported;
}

/** AS ( <arg> <type> [ , ... ] ) (CREATE MASKING POLICY / CREATE ROW ACCESS POLICY docs). */
const signatureClause: OptionClause = {
  read(stream) {
    if (!stream.accept("AS")) return undefined;
    stream.expectSymbol("(");
    const signature: Argument[] = [];
    while (!stream.acceptSymbol(")")) {
      if (signature.length) stream.expectSymbol(",");
      const name = stream.identifier();
      signature.push({ name, datatype: readDataType(stream, (token) => token.type === "symbol" && (token.value === "," || token.value === ")")) });
    }
    return (values) => ({ ...values, signature });
  },
};

/** RETURNS <type>. */
const returnsClause: OptionClause = {
  read(stream) {
    if (!stream.accept("RETURNS")) return undefined;
    const returns = readDataType(stream, (token) => token.type === "symbol" && token.value === "-");
    return (values) => ({ ...values, return_type: returns });
  },
};

/**
 * -> <expression>: the body runs to the end of the statement, or to a COMMENT = '<text>' that ends it (the
 * documented order puts COMMENT after the body).
 */
function readBody(stream: TokenStream): string {
  stream.expectSymbol("-");
  stream.expectSymbol(">");
  const first = stream.peek();
  if (!first) throw stream.unexpected(stream.next());
  let depth = 0;
  while (stream.peek()) {
    const token = stream.peek()!;
    const trailingComment = depth === 0 && token.type === "word" && token.value.toUpperCase() === "COMMENT" && stream.peek(1)?.value === "=" && stream.peek(2)?.type === "string" && stream.peek(3) === undefined;
    if (trailingComment) return stream.text.slice(first.start, token.start).trim();
    if (token.type === "symbol" && token.value === "(") depth++;
    if (token.type === "symbol" && token.value === ")") depth--;
    stream.next();
  }
  // Kept as written, comments included, to the end of the statement (without a closing semicolon).
  return stream.text.slice(first.start).trim().replace(/;$/, "").trim();
}

const bodyClause: OptionClause = { read: (stream) => (stream.peek()?.value === "-" && stream.peek(1)?.value === ">" ? ((body) => (values: WireValues) => ({ ...values, body }))(readBody(stream)) : undefined) };
/** ALTER ... POLICY docs: SET BODY -> <expression>. */
const setBodyClause: OptionClause = { read: (stream) => (stream.accept("SET", "BODY") ? ((body) => (values: WireValues) => ({ ...values, body }))(readBody(stream)) : undefined) };

/** DESCRIBE ... POLICY docs: one row of name, signature (bare type names), return_type, body. */
function describe(object: CatalogObject): ResultSet {
  const signature = (object.values.signature as Argument[]).map((argument) => `${argument.name} ${argument.datatype.replace(/\(.*$/, "")}`).join(", ");
  return {
    columns: [text("name"), text("signature"), text("return_type"), text("body")],
    rows: [[object.name, `(${signature})`, String(object.values.return_type), String(object.values.body)]],
    statementTypeId: DDL_TYPE_ID,
  };
}

/** Where a policy is attached (set by ALTER TABLE, policy-attachments.ts), as the drop refusal names it. */
export const attachmentsOf = (policy: CatalogObject): string[] =>
  referencesOf(policy).map((ref) => [...storedPath(ref.table), ...(ref.column ? [ref.column] : [])].map(formatIdentifier).join("."));

function policyKind(options: { sqlType: "MASKING POLICY" | "ROW ACCESS POLICY"; objectType: string; collection: string; show: string; kindColumn: string }): ObjectKind {
  const kind: ObjectKind = {
    spec: "",
    model: options.objectType.replace(/ /g, ""),
    objectType: options.objectType,
    sqlType: options.sqlType,
    parameterLevel: options.sqlType,
    collection: options.collection,
    scope: "schema",
    wire: sqlOnlyWire(["name", "signature", "return_type", "body", "comment"]),
    accept(values: WireValues, { existing }) {
      if (!values.signature || !values.return_type || !values.body) throw badRequest(`SQL compilation error:\n${options.sqlType} needs AS (<signature>) RETURNS <type> -> <body>.`);
      // ALTER ... POLICY docs: the signature and return type cannot be altered.
      if (existing && (JSON.stringify(existing.values.signature) !== JSON.stringify(values.signature) || existing.values.return_type !== values.return_type)) {
        throw badRequest(`SQL compilation error:\nThe signature and return type of ${options.sqlType.toLowerCase()} '${formatIdentifier(existing.name)}' cannot be changed.`);
      }
      // CREATE ROW ACCESS POLICY docs: RETURNS BOOLEAN. CREATE MASKING POLICY docs: the first argument's type is the
      // return type (the column type it masks).
      if (options.sqlType === "ROW ACCESS POLICY" && values.return_type !== "BOOLEAN") throw badRequest("SQL compilation error:\nA row access policy must return BOOLEAN.");
      const first = (values.signature as Argument[])[0];
      if (options.sqlType === "MASKING POLICY" && (!first || first.datatype.replace(/\(.*$/, "") !== String(values.return_type).replace(/\(.*$/, ""))) {
        throw badRequest(`SQL compilation error:\nThe return type ${values.return_type} of a masking policy must be the type of its first argument.`);
      }
      return values;
    },
    sqlProperties: { COMMENT: { wire: "comment", value: "string", unset: true } },
    sqlClauses: [alterClauseOf(setBodyClause)],
    // DROP MASKING POLICY docs: "a policy cannot be dropped while it is assigned to a column" (message not confirmed).
    beforeDrop(policy) {
      const attached = attachmentsOf(policy);
      if (attached.length) throw badRequest(`SQL execution error:\nPolicy ${formatIdentifier(policy.name)} cannot be dropped because it is attached to ${attached.join(", ")}.`);
    },
    sqlObject: {
      show: options.show,
      createClauses: [signatureClause, returnsClause, bodyClause],
      // SHOW MASKING POLICIES / SHOW ROW ACCESS POLICIES docs: created_on, name, database_name, schema_name, kind,
      // owner, comment, owner_role_type, options (the column order is as remembered, not checked against output).
      columns: [SHOWN.createdOn, SHOWN.name, SHOWN.databaseName, SHOWN.schemaName, { column: text("kind"), value: () => options.kindColumn }, SHOWN.owner, SHOWN.comment, SHOWN.ownerRoleType, { column: text("options"), value: () => "" }],
      describe,
    },
  };
  return kind;
}

export const maskingPolicyKind = policyKind({ sqlType: "MASKING POLICY", objectType: "Masking policy", collection: "masking-policies", show: "MASKING POLICIES", kindColumn: "MASKING_POLICY" });
export const rowAccessPolicyKind = policyKind({ sqlType: "ROW ACCESS POLICY", objectType: "Row access policy", collection: "row-access-policies", show: "ROW ACCESS POLICIES", kindColumn: "ROW_ACCESS_POLICY" });
