// Shares (CREATE / ALTER / DROP / SHOW SHARES, GRANT <privilege> ... TO SHARE and SHOW GRANTS TO SHARE docs): account
// objects holding privileges on one database's objects, and the consumer accounts they are shared with.
import type { CatalogObject, WireValues } from "../catalog/catalog";
import { collectionOf } from "../catalog/catalog";
import type { ObjectKind, OptionClause } from "../catalog/object-kind";
import { badRequest, doesNotExist } from "../errors";
import { formatIdentifier } from "../identifiers";
import { findDatabase, findSchema } from "../rest/lookup";
import type { AccountState } from "../state";
import { alterClauseOf } from "../sql/clauses";
import { DDL_TYPE_ID, SHOW_TYPE_ID, text, timestamp, type ResultSet, type SessionFacts } from "../sql/select";
import { epochSeconds } from "../sql/show";
import { TokenStream } from "../sql/token-stream";
import { SqlError } from "../sql/tokens";
import { ErrorCodes } from "../errors";
import { grantOwnershipStatement } from "../grants/ownership";
import { SHOWN, sqlOnlyWire } from "./sql-objects";

const SHARES = "shares";
interface ShareGrant { privilege: string; granted_on: string; name: string; granted: Date }

// GRANT <privilege> ... TO SHARE docs: USAGE on databases and schemas, SELECT on tables and views, REFERENCE_USAGE
// on another database a shared secure view reads.
const PRIVILEGES: Record<string, string[]> = { DATABASE: ["USAGE", "REFERENCE_USAGE"], SCHEMA: ["USAGE"], TABLE: ["SELECT"], VIEW: ["SELECT"] };
const grantsOf = (share: CatalogObject) => (share.values.grants as ShareGrant[] | undefined) ?? [];
const shownName = (parts: string[]) => parts.map(formatIdentifier).join(".");

function findShare(account: AccountState, name: string): CatalogObject {
  const share = collectionOf(account.catalog, SHARES).get(name);
  if (!share) throw doesNotExist("Share", formatIdentifier(name));
  return share;
}

/** The object a grant names must exist; its stored parts. */
function securableParts(account: AccountState, type: string, parts: string[]): string[] {
  const shown = shownName(parts);
  const depth = type === "DATABASE" ? 1 : type === "SCHEMA" ? 2 : 3;
  if (parts.length !== depth) throw doesNotExist(type === "VIEW" ? "View" : type === "TABLE" ? "Table" : type === "SCHEMA" ? "Schema" : "Database", shown);
  if (depth === 1) findDatabase(account, parts[0]);
  else if (depth === 2) findSchema(account, parts[0], parts[1]);
  else if (!collectionOf(findSchema(account, parts[0], parts[1]), type === "VIEW" ? "views" : "tables").has(parts[2])) throw doesNotExist(type === "VIEW" ? "View" : "Table", shown);
  return parts;
}

/** GRANT <privilege> ON <type> <name> TO SHARE <share> / REVOKE ... FROM SHARE <share>. */
function shareGrantStatement(sqlText: string, session: SessionFacts, revoke: boolean): ResultSet {
  const stream = new TokenStream(sqlText);
  stream.expect(revoke ? "REVOKE" : "GRANT");
  const privilege = stream.next().value.toUpperCase();
  stream.expect("ON");
  const type = stream.next().value.toUpperCase();
  if (!PRIVILEGES[type]?.includes(privilege)) throw new SqlError(ErrorCodes.sqlCompilation, "42601", `SQL compilation error:\nInvalid privilege ${privilege} on ${type} for a share.`);
  const parts = securableParts(session.account, type, stream.qualifiedName());
  stream.expect(revoke ? "FROM" : "TO", "SHARE");
  const share = findShare(session.account, stream.identifier());
  stream.expectEnd();
  const name = shownName(parts);
  const grants = grantsOf(share);
  const same = (grant: ShareGrant) => grant.privilege === privilege && grant.granted_on === type && grant.name === name;
  if (revoke) {
    share.values = { ...share.values, grants: grants.filter((grant) => !same(grant)) };
  } else if (!grants.some(same)) {
    const database = grants.find((grant) => grant.granted_on === "DATABASE" && grant.privilege === "USAGE");
    // Granting privileges to a share docs: USAGE on the database comes first, and one database per share (others
    // only by REFERENCE_USAGE). The exact messages are not confirmed.
    if (type === "DATABASE" && privilege === "USAGE" && database && database.name !== name) throw badRequest(`SQL compilation error:\nShare '${formatIdentifier(share.name)}' already has database ${database.name}; a share holds one database.`);
    if (type !== "DATABASE" && database?.name !== formatIdentifier(parts[0])) throw badRequest(`SQL compilation error:\nGrant USAGE on database ${formatIdentifier(parts[0])} to share '${formatIdentifier(share.name)}' first.`);
    share.values = { ...share.values, grants: [...grants, { privilege, granted_on: type, name, granted: new Date() }] };
  }
  return { columns: [text("status")], rows: [["Statement executed successfully."]], statementTypeId: DDL_TYPE_ID };
}

/** The role kind's GRANT handles OWNERSHIP; a grant to a share comes here. */
export function grantStatement(sqlText: string, session: SessionFacts): ResultSet {
  return /\bTO\s+SHARE\b/i.test(sqlText) ? shareGrantStatement(sqlText, session, false) : grantOwnershipStatement(sqlText, session);
}

/** SHOW GRANTS TO SHARE <share> docs: created_on, privilege, granted_on, name, granted_to, grantee_name, grant_option, granted_by. */
function showGrantsToShare(stream: TokenStream, session: SessionFacts): ResultSet {
  if (!stream.accept("TO", "SHARE")) throw new SqlError(ErrorCodes.sqlCompilation, "0A000", "SQL compilation error:\nthe emulator answers SHOW GRANTS only TO SHARE.");
  const share = findShare(session.account, stream.identifier());
  stream.expectEnd();
  const columns = [timestamp("created_on"), text("privilege"), text("granted_on"), text("name"), text("granted_to"), text("grantee_name"), text("grant_option"), text("granted_by")];
  // Names print as stored parts joined by dots.
  const rows = grantsOf(share).map((grant) => [epochSeconds(grant.granted), grant.privilege, grant.granted_on, grant.name.split(".").map((part) => part.replace(/^"(.*)"$/s, "$1").replace(/""/g, '"')).join("."), "SHARE", share.name, "false", "ACCOUNTADMIN"]);
  return { columns, rows, statementTypeId: SHOW_TYPE_ID };
}

/** Whether a share's consumer accounts (ORG.ACCOUNT, as ALTER SHARE ... ADD ACCOUNTS named them) include the account. */
const sharedWith = (share: CatalogObject, account: AccountState) => ((share.values.accounts as string[] | undefined) ?? [])
  .some((consumer) => consumer.split(".").pop()!.replace(/^"(.*)"$/s, "$1").toUpperCase() === account.name.toUpperCase());

/**
 * SHOW SHARES docs: it lists the inbound shares (from providers) the account may consume, besides its own outbound
 * ones, in the same columns. An inbound row's owner_account is the provider's account; its database_name names the
 * database created from the share (none here), and `to` and `owner` are empty (not confirmed against a live account).
 */
function inboundShares(account: AccountState): { name: string; row: (string | null)[] }[] {
  const providers = (account.organization?.all() ?? []).filter((other) => other !== account);
  return providers.flatMap((provider) => [...collectionOf(provider.catalog, SHARES).values()].filter((share) => sharedWith(share, account)).map((share) => ({
    name: share.name,
    row: [epochSeconds(share.createdOn), "INBOUND", provider.name, share.name, "", "", "", String(share.values.comment ?? ""), "", "true"],
  })));
}

/** ALTER SHARE docs: { ADD | REMOVE } ACCOUNTS = <org>.<account> [ , ... ]; consumer accounts must exist. */
function accountsClause(verb: "ADD" | "REMOVE"): OptionClause {
  return {
    read(stream) {
      if (!stream.accept(verb, "ACCOUNTS")) return undefined;
      stream.expectSymbol("=");
      const named: string[] = [];
      do named.push(stream.qualifiedName().map(formatIdentifier).join(".")); while (stream.acceptSymbol(","));
      return (values: WireValues) => {
        const current = (values.accounts as string[] | undefined) ?? [];
        return { ...values, accounts: verb === "ADD" ? [...current, ...named.filter((name) => !current.includes(name))] : current.filter((name) => !named.includes(name)) };
      };
    },
  };
}

export const shareKind: ObjectKind = {
  spec: "",
  model: "Share",
  objectType: "Share",
  sqlType: "SHARE",
  parameterLevel: "SHARE",
  collection: SHARES,
  scope: "account",
  wire: sqlOnlyWire(["name", "comment", "accounts", "grants"]),
  accept(values: WireValues, { account }) {
    // The organization's accounts (the emulator does not model organization names: the account part is checked).
    for (const consumer of (values.accounts as string[] | undefined) ?? []) {
      const name = consumer.split(".").pop()!.replace(/^"(.*)"$/s, "$1");
      if (!account.organization?.find(name)) throw badRequest(`SQL compilation error:\nAccount '${consumer}' does not exist or not authorized.`);
      if (name.toUpperCase() === account.name.toUpperCase()) throw badRequest("SQL compilation error:\nA share cannot be shared with the account that owns it.");
    }
    return values;
  },
  sqlProperties: { COMMENT: { wire: "comment", value: "string", unset: true } },
  sqlClauses: [alterClauseOf(accountsClause("ADD")), alterClauseOf(accountsClause("REMOVE"))],
  sqlCommands: { REVOKE: (sqlText, session) => shareGrantStatement(sqlText, session, true) },
  sqlShows: { GRANTS: showGrantsToShare },
  sqlObject: {
    show: "SHARES",
    // SHOW SHARES docs (2023_05 bundle: owner_account before name, name unqualified): created_on, kind,
    // owner_account, name, database_name, to, owner, comment, listing_global_name, secure_objects_only.
    columns: [
      SHOWN.createdOn,
      { column: text("kind"), value: () => "OUTBOUND" },
      { column: text("owner_account"), value: (_object, { account }) => account.name },
      SHOWN.name,
      { column: text("database_name"), value: (object) => grantsOf(object).find((grant) => grant.granted_on === "DATABASE" && grant.privilege === "USAGE")?.name ?? "" },
      { column: text("to"), value: (object) => ((object.values.accounts as string[] | undefined) ?? []).join(",") },
      SHOWN.owner,
      SHOWN.comment,
      { column: text("listing_global_name"), value: () => "" },
      { column: text("secure_objects_only"), value: () => "true" },
    ],
    listedFromElsewhere: ({ account }) => inboundShares(account),
  },
};
