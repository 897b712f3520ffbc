// Shares have no REST endpoints: CREATE SHARE <name> COMMENT = '...'; its objects by GRANT <privilege> ON <type>
// <name> TO SHARE <share> / REVOKE ... FROM SHARE (read back from SHOW GRANTS TO SHARE <share>); its consumer
// accounts by ALTER SHARE ... ADD ACCOUNTS = ... / REMOVE ACCOUNTS = ... (read from SHOW SHARES LIKE '<name>', column
// `to`); ALTER SHARE ... SET / UNSET COMMENT; DROP SHARE IF EXISTS.
import { defineResource } from "../engine/define";
import { FieldKind, show } from "../engine/field-kind";
import { canonicalIdentifier, storedName } from "../engine/identifiers";
import { qualifiedNameKind } from "../engine/kinds/names";
import { choiceKind, enumType, textKind } from "../engine/kinds/scalars";
import { listKind, objectKind, recordsKind } from "../engine/kinds/structures";
import { splitPrintedList } from "../engine/sql-object/shown";
import { joinSql, keyword, sql, SqlText } from "../sql/sql-text";
import { commentField, field, nameField } from "./common";
import { sqlObjectPath } from "./sql-objects";

// GRANT <privilege> ... TO SHARE docs: what a share can be granted, and on what.
const PRIVILEGE = enumType("SharePrivilege", "What the share's consumers may do with the object.", ["USAGE", "SELECT", "REFERENCE_USAGE"]);
const OBJECT_TYPE = enumType("ShareObjectType", "The kind of object granted to the share.", ["DATABASE", "SCHEMA", "TABLE", "VIEW"]);
/** Containers before their contents: Snowflake needs a database's USAGE granted before anything in it. */
const ORDER = ["DATABASE", "SCHEMA", "TABLE", "VIEW"];

const GRANT = objectKind({
  name: "ShareGrant",
  doc: "A privilege on an object, granted to the share.",
  fields: {
    privilege: field("privilege", choiceKind(PRIVILEGE), "USAGE (databases, schemas), SELECT (tables, views) or REFERENCE_USAGE (another database a shared view reads).", { required: true }),
    on: field("granted_on", choiceKind(OBJECT_TYPE), "DATABASE, SCHEMA, TABLE or VIEW.", { required: true }),
    name: field("name", qualifiedNameKind(3, { what: "the object" }), "The object: DB, DB.SCHEMA or DB.SCHEMA.NAME.", { required: true }),
  },
}, {
  problem: (grant) => {
    const on = String(grant.on ?? "").toUpperCase();
    const parts = typeof grant.name === "string" ? grant.name.split(".").length : 0;
    const expected = on === "DATABASE" ? 1 : on === "SCHEMA" ? 2 : 3;
    if (ORDER.includes(on) && parts && parts !== expected) return `${show(grant.name)} names ${parts} parts; expected ${expected} for a ${on}`;
    const privilege = String(grant.privilege ?? "").toUpperCase();
    if (privilege === "SELECT" && (on === "DATABASE" || on === "SCHEMA")) return `SELECT is granted on tables and views; expected USAGE on a ${on}`;
    return undefined;
  },
});
type Grant = { privilege: string; on: string; name: string };
const identity = (grant: Record<string, unknown>) => `${String(grant.privilege).toUpperCase()} ${String(grant.on).toUpperCase()} ${String(grant.name).split(".").map((part) => storedName(part)).join(".")}`;
const GRANTS: FieldKind = { ...recordsKind(GRANT, { identity, ordered: false, noun: "grant" }), meansUnset: () => false };

const securable = (grant: Grant) => qualifiedNameKind(3, { what: "the object" }).toSql(grant.name);
const byContainment = (grants: Grant[]) => [...grants].sort((a, b) => ORDER.indexOf(a.on.toUpperCase()) - ORDER.indexOf(b.on.toUpperCase()));

/** GRANT what is new (containers first), REVOKE what is gone (contents first). */
function grantStatements(next: unknown, previous: unknown, share: SqlText): SqlText[] {
  const now = (Array.isArray(next) ? next : []) as Grant[];
  const before = (Array.isArray(previous) ? previous : []) as Grant[];
  const keys = (list: Grant[]) => new Set(list.map((grant) => identity(grant)));
  const added = byContainment(now.filter((grant) => !keys(before).has(identity(grant))));
  const removed = byContainment(before.filter((grant) => !keys(now).has(identity(grant)))).reverse();
  return [
    ...removed.map((grant) => sql`REVOKE ${keyword(grant.privilege.toUpperCase())} ON ${keyword(grant.on.toUpperCase())} ${securable(grant)} FROM SHARE ${share}`),
    ...added.map((grant) => sql`GRANT ${keyword(grant.privilege.toUpperCase())} ON ${keyword(grant.on.toUpperCase())} ${securable(grant)} TO SHARE ${share}`),
  ];
}

/** SHOW GRANTS TO SHARE docs: privilege, granted_on, name (qualified, as stored) per row; in wire names. */
function grantsFromShow(rows: Record<string, string | null>[]): Record<string, string>[] {
  return rows.filter((row) => row.privilege && row.granted_on && row.name).map((row) => ({ privilege: String(row.privilege), granted_on: String(row.granted_on), name: String(row.name).split(".").map((part) => canonicalIdentifier(`"${part.replace(/"/g, '""')}"`)).join(".") }));
}

// ALTER SHARE docs: ADD ACCOUNTS = <org>.<account> [ , ... ] / REMOVE ACCOUNTS = ...
const ACCOUNT = qualifiedNameKind(2, { exactly: true, what: "an account as ORGANIZATION.ACCOUNT" });
const accountsKind: FieldKind = listKind(ACCOUNT, { ordered: false, itemWords: "accounts as ORGANIZATION.ACCOUNT" });

function accountClauses(next: unknown, previous: unknown): SqlText[] {
  const key = (value: unknown) => JSON.stringify(ACCOUNT.canonical(value));
  const now = (Array.isArray(next) ? next : []) as string[];
  const before = (Array.isArray(previous) ? previous : []) as string[];
  const removed = before.filter((account) => !now.some((other) => key(other) === key(account)));
  const added = now.filter((account) => !before.some((other) => key(other) === key(account)));
  const list = (accounts: string[]) => joinSql(accounts.map((account) => ACCOUNT.toSql(account)), ", ");
  return [...(removed.length ? [sql`REMOVE ACCOUNTS = ${list(removed)}`] : []), ...(added.length ? [sql`ADD ACCOUNTS = ${list(added)}`] : [])];
}

export const share = defineResource({
  typeName: "Share",
  noun: "share",
  doc: "A share: a database and objects in it (granted to the share) that consumer accounts of other organizations' or your own mount read-only. SQL only: REST v2 has no endpoints for it.",
  collectionPath: sqlObjectPath("SHARES"),
  changes: "sql",
  sqlObjectType: "SHARE",
  sqlObject: {
    show: "SHARES",
    // SHOW SHARES docs: it lists inbound shares (from providers) too; this account's own are kind OUTBOUND.
    isOwnRow: (row) => row.kind === "OUTBOUND",
    alsoShow: { show: (name) => sql`SHOW GRANTS TO SHARE ${name}`, wire: "grants", read: grantsFromShow },
  },
  fields: {
    name: nameField("share"),
    grants: field("grants", GRANTS, "Privileges granted to the share: USAGE on its database (and schemas), SELECT on tables and views. Changed grant by grant.", {
      body: "never", sql: { statements: grantStatements, keptOnDrop: true },
    }),
    accounts: field("accounts", accountsKind, "Consumer accounts as ORGANIZATION.ACCOUNT; added and removed one by one.", {
      body: "never", shown: { column: "to", read: (row) => splitPrintedList(row.to ?? "").filter(Boolean) }, sql: { alter: accountClauses },
    }),
    comment: commentField("share"),
  },
  outputs: {
    owner: { wire: "owner", kind: textKind(), doc: "Role that owns the share." },
    createdOn: { wire: "created_on", kind: textKind(), doc: "When the share was created." },
  },
});
