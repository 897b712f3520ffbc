// Where masking and row access policies are set (ALTER TABLE docs: MODIFY COLUMN <c> SET / UNSET MASKING POLICY,
// ADD / DROP ROW ACCESS POLICY <p> ON (<cols>)), and the INFORMATION_SCHEMA.POLICY_REFERENCES table function that
// lists them (POLICY_REFERENCES docs). A policy set somewhere cannot be dropped (kinds/policies.ts).
import type { CatalogObject } from "../catalog/catalog";
import { collectionOf, storedPath } from "../catalog/catalog";
import type { KindContext } from "../catalog/object-kind";
import { badRequest, doesNotExist } from "../errors";
import { formatIdentifier } from "../identifiers";
import { findSchema } from "../rest/lookup";
import type { AccountState } from "../state";
import type { AlterClause } from "../sql/alter";
import { SELECT_TYPE_ID, text, type ResultSet, type SessionFacts } from "../sql/select";
import type { TokenStream } from "../sql/token-stream";

/** Where a policy is set: a column (masking) or a table on some columns (row access). */
export interface PolicyReference { table: CatalogObject; column?: string; columns?: string[] }

export const referencesOf = (policy: CatalogObject): PolicyReference[] => (policy.facts.references as PolicyReference[] | undefined) ?? [];
const setReferences = (policy: CatalogObject, references: PolicyReference[]) => void (policy.facts.references = references);

function findPolicy(account: AccountState, collection: "masking-policies" | "row-access-policies", parts: string[], table: CatalogObject): CatalogObject {
  // A bare or schema-qualified policy name resolves in the table's database and schema.
  const tablePath = storedPath(table);
  const [database, schema, name] = parts.length === 3 ? parts : parts.length === 2 ? [tablePath[0], ...parts] : [tablePath[0], tablePath[1], parts[0]];
  const policy = collectionOf(findSchema(account, database, schema), collection).get(name);
  if (!policy) throw doesNotExist(collection === "masking-policies" ? "Masking policy" : "Row access policy", [database, schema, name].map(formatIdentifier).join("."));
  return policy;
}

const allPolicies = (account: AccountState, collection: string) =>
  [...collectionOf(account.catalog, "databases").values()].flatMap((database) => [...collectionOf(database, "schemas").values()].flatMap((schema) => [...collectionOf(schema, collection).values()]));

function columnOf(table: CatalogObject, name: string): { name: string; datatype: string } {
  const column = ((table.values.columns as { name: string; datatype: string }[] | undefined) ?? []).find((candidate) => candidate.name.replace(/^"(.*)"$/s, "$1") === name);
  if (!column) throw badRequest(`SQL compilation error:\nerror line 0 at position -1\ninvalid identifier '${formatIdentifier(name)}'`);
  return column;
}

const typeName = (datatype: string) => datatype.replace(/\(.*$/, "").toUpperCase().replace(/^(STRING|TEXT|CHAR|CHARACTER)$/, "VARCHAR").replace(/^(INT|INTEGER|BIGINT|SMALLINT|DECIMAL|NUMERIC)$/, "NUMBER");

/** ALTER TABLE <t> { MODIFY | ALTER } COLUMN <c> SET MASKING POLICY <p> / UNSET MASKING POLICY. */
const maskingClause: AlterClause = {
  read(stream) {
    if (!(stream.peek()?.value.toUpperCase() === "MODIFY" || stream.peek()?.value.toUpperCase() === "ALTER") || stream.peek(1)?.value.toUpperCase() !== "COLUMN") return undefined;
    const offset = stream.peek(2)?.type === "quoted" || stream.peek(2)?.type === "word" ? 3 : 2;
    const verb = String(stream.peek(offset)?.value).toUpperCase();
    if (!["SET", "UNSET"].includes(verb) || String(stream.peek(offset + 1)?.value).toUpperCase() !== "MASKING") return undefined;
    stream.next();
    stream.next();
    const columnName = stream.identifier();
    const set = stream.accept("SET", "MASKING", "POLICY");
    if (!set) stream.expect("UNSET", "MASKING", "POLICY");
    const policyParts = set ? stream.qualifiedName() : [];
    return (table, { account }) => {
      const column = columnOf(table, columnName);
      const current = allPolicies(account, "masking-policies").find((policy) => referencesOf(policy).some((ref) => ref.table === table && ref.column === columnName));
      if (!set) {
        if (current) setReferences(current, referencesOf(current).filter((ref) => !(ref.table === table && ref.column === columnName)));
        return;
      }
      const policy = findPolicy(account, "masking-policies", policyParts, table);
      // ALTER TABLE docs / masking policy docs: one masking policy per column; the column's type is the policy's input.
      if (current) throw badRequest(`SQL execution error:\nSpecified column already attached to another masking policy. A column cannot be attached to multiple masking policies. Please drop the current association in order to attach a new masking policy.`);
      const argument = (policy.values.signature as { datatype: string }[])[0];
      if (typeName(argument.datatype) !== typeName(column.datatype)) throw badRequest(`SQL compilation error:\nMasking policy ${formatIdentifier(policy.name)} takes ${argument.datatype}, not the ${column.datatype} of column ${formatIdentifier(columnName)}.`);
      setReferences(policy, [...referencesOf(policy), { table, column: columnName }]);
    };
  },
};

/** ALTER TABLE <t> ADD ROW ACCESS POLICY <p> ON ( <c> [ , ... ] ) / DROP ROW ACCESS POLICY <p>. */
const rowAccessClause: AlterClause = {
  read(stream) {
    const add = stream.accept("ADD", "ROW", "ACCESS", "POLICY");
    if (!add && !stream.accept("DROP", "ROW", "ACCESS", "POLICY")) return undefined;
    const policyParts = stream.qualifiedName();
    const columns: string[] = [];
    if (add) {
      stream.expect("ON");
      stream.expectSymbol("(");
      do columns.push(stream.identifier()); while (stream.acceptSymbol(","));
      stream.expectSymbol(")");
    }
    return (table, { account }: KindContext) => {
      const policy = findPolicy(account, "row-access-policies", policyParts, table);
      if (!add) {
        if (!referencesOf(policy).some((ref) => ref.table === table)) throw badRequest(`SQL compilation error:\nRow access policy ${formatIdentifier(policy.name)} is not attached to table ${formatIdentifier(table.name)}.`);
        setReferences(policy, referencesOf(policy).filter((ref) => ref.table !== table));
        return;
      }
      // Row access policy docs: a table has at most one row access policy; ON names as many columns as its signature.
      if (allPolicies(account, "row-access-policies").some((other) => referencesOf(other).some((ref) => ref.table === table))) throw badRequest("SQL execution error:\nA table can only have one row access policy attached.");
      columns.forEach((column) => columnOf(table, column));
      if (columns.length !== (policy.values.signature as unknown[]).length) throw badRequest(`SQL compilation error:\nRow access policy ${formatIdentifier(policy.name)} takes ${(policy.values.signature as unknown[]).length} column(s), given ${columns.length}.`);
      setReferences(policy, [...referencesOf(policy), { table, columns }]);
    };
  },
};

export const policyAttachmentClauses: readonly AlterClause[] = [maskingClause, rowAccessClause];

/**
 * SELECT * FROM TABLE( <db>.INFORMATION_SCHEMA.POLICY_REFERENCES( POLICY_NAME => '<db>.<schema>.<policy>' ) )
 * (POLICY_REFERENCES docs; the columns the provider reads). Undefined for any other SELECT.
 */
export function selectPolicyReferences(stream: TokenStream, session: SessionFacts): ResultSet | undefined {
  if (!(stream.peek()?.value === "*" && String(stream.peek(1)?.value).toUpperCase() === "FROM" && String(stream.peek(2)?.value).toUpperCase() === "TABLE")) return undefined;
  stream.next();
  stream.expect("FROM", "TABLE");
  stream.expectSymbol("(");
  const functionName = stream.qualifiedName();
  if (functionName.slice(-2).join(".").toUpperCase() !== "INFORMATION_SCHEMA.POLICY_REFERENCES") throw stream.unexpected(stream.next());
  stream.expectSymbol("(");
  stream.expect("POLICY_NAME");
  stream.expectSymbol("=");
  stream.expectSymbol(">");
  const policyName = stream.string();
  stream.expectSymbol(")");
  stream.expectSymbol(")");
  stream.expectEnd();
  // The name as an identifier chain, parsed like one (quoted parts kept exactly).
  const parts = new (stream.constructor as new (text: string) => TokenStream)(policyName).qualifiedName();
  const [database, schema, name] = parts;
  const schemaObject = findSchema(session.account, database, schema);
  const policy = collectionOf(schemaObject, "masking-policies").get(name) ?? collectionOf(schemaObject, "row-access-policies").get(name);
  if (!policy) throw doesNotExist("Policy", parts.map(formatIdentifier).join("."));
  const kind = policy.kind.sqlType === "MASKING POLICY" ? "MASKING_POLICY" : "ROW_ACCESS_POLICY";
  const names = ["POLICY_DB", "POLICY_SCHEMA", "POLICY_NAME", "POLICY_KIND", "REF_DATABASE_NAME", "REF_SCHEMA_NAME", "REF_ENTITY_NAME", "REF_ENTITY_DOMAIN", "REF_COLUMN_NAME", "REF_ARG_COLUMN_NAMES", "POLICY_STATUS"];
  const rows = referencesOf(policy).map((ref) => {
    const [refDatabase, refSchema, refTable] = storedPath(ref.table);
    return [database, schema, name, kind, refDatabase, refSchema, refTable, "TABLE", ref.column ?? null, ref.columns ? JSON.stringify(ref.columns) : null, "ACTIVE"];
  });
  return { columns: names.map((column) => text(column, true)), rows, statementTypeId: SELECT_TYPE_ID };
}
