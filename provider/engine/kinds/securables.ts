// What can be granted on what: the securable object types and the privileges each takes, from Snowflake's "Access
// control privileges" reference (docs.snowflake.com/en/user-guide/security-access-control-privileges) and GRANT
// <privileges> (docs.snowflake.com/en/sql-reference/sql/grant-privilege). OWNERSHIP is on every type but is a
// transfer, not a privilege a grant resource holds; `ALL [PRIVILEGES]` means every privilege listed here except
// OWNERSHIP ("Grants all privileges, except OWNERSHIP"). Privileges that exist only on shared or special objects
// (IMPORTED PRIVILEGES, REFERENCE_USAGE) are accepted but not part of ALL.
// Not confirmed against a live account: the event table list, and whether ALL on a table reports EVOLVE SCHEMA
// and REBUILD; Snowflake adds privileges over time, and a newer list shows as a diff that up grants.
// Functions and procedures are left out: their securable name needs argument types, which role.yaml's Securable
// name pattern (an identifier) has no room for, and how REST names them could not be confirmed.

/** Where objects of a type live: their name has 1 (account object), 2 (schema) or 3 (schema object) parts. */
export type SecurableLevel = "account" | "database" | "schema";

export interface SecurableType {
  /** The SQL spelling, e.g. "DYNAMIC TABLE". */
  name: string;
  level: SecurableLevel | "none";
  privileges: readonly string[];
  /** Privileges valid on the type but not granted by ALL. */
  special?: readonly string[];
  /** Why ALL cannot be expanded for this type (it depends on the object), if so. */
  noAll?: string;
}

const SCHEMA_CREATE = [
  "ALERT", "CORTEX SEARCH SERVICE", "DYNAMIC TABLE", "EVENT TABLE", "EXTERNAL TABLE", "FILE FORMAT", "FUNCTION", "ICEBERG TABLE",
  "IMAGE REPOSITORY", "MASKING POLICY", "MATERIALIZED VIEW", "MODEL", "NETWORK RULE", "NOTEBOOK", "PASSWORD POLICY", "PIPE",
  "PROCEDURE", "ROW ACCESS POLICY", "SECRET", "SEQUENCE", "SERVICE", "SESSION POLICY", "STAGE", "STREAM", "STREAMLIT", "TABLE",
  "TAG", "TASK", "VIEW",
].map((type) => `CREATE ${type}`);

// Global privileges ("Global privileges (account-level privileges)" in the privileges reference).
const GLOBAL = [
  "APPLY AGGREGATION POLICY", "APPLY AUTHENTICATION POLICY", "APPLY MASKING POLICY", "APPLY PACKAGES POLICY", "APPLY PASSWORD POLICY",
  "APPLY PROJECTION POLICY", "APPLY ROW ACCESS POLICY", "APPLY SESSION POLICY", "APPLY TAG", "ATTACH POLICY", "AUDIT", "BIND SERVICE ENDPOINT",
  "CREATE ACCOUNT", "CREATE API INTEGRATION", "CREATE APPLICATION", "CREATE APPLICATION PACKAGE", "CREATE COMPUTE POOL", "CREATE CREDENTIAL",
  "CREATE DATA EXCHANGE LISTING", "CREATE DATABASE", "CREATE EXTERNAL VOLUME", "CREATE FAILOVER GROUP", "CREATE INTEGRATION",
  "CREATE NETWORK POLICY", "CREATE REPLICATION GROUP", "CREATE ROLE", "CREATE SHARE", "CREATE USER", "CREATE WAREHOUSE",
  "EXECUTE ALERT", "EXECUTE DATA METRIC FUNCTION", "EXECUTE MANAGED ALERT", "EXECUTE MANAGED TASK", "EXECUTE TASK", "IMPORT SHARE",
  "MANAGE ACCOUNT SUPPORT CASES", "MANAGE EVENT SHARING", "MANAGE GRANTS", "MANAGE LISTING AUTO FULFILLMENT", "MANAGE ORGANIZATION SUPPORT CASES",
  "MANAGE USER SUPPORT CASES", "MANAGE WAREHOUSES", "MODIFY LOG LEVEL", "MODIFY METRIC LEVEL", "MODIFY SESSION LOG LEVEL",
  "MODIFY SESSION TRACE LEVEL", "MODIFY TRACE LEVEL", "MONITOR", "MONITOR EXECUTION", "MONITOR SECURITY", "MONITOR USAGE",
  "OVERRIDE SHARE RESTRICTIONS", "PURCHASE DATA EXCHANGE LISTING", "READ SESSION", "RESOLVE ALL",
];

const TYPES: SecurableType[] = [
  { name: "ACCOUNT", level: "none", privileges: GLOBAL, noAll: "global privileges are granted one by one" },
  { name: "DATABASE", level: "account", privileges: ["APPLYBUDGET", "CREATE DATABASE ROLE", "CREATE SCHEMA", "MODIFY", "MONITOR", "USAGE"], special: ["IMPORTED PRIVILEGES", "REFERENCE_USAGE"] },
  { name: "WAREHOUSE", level: "account", privileges: ["APPLYBUDGET", "MODIFY", "MONITOR", "OPERATE", "USAGE"] },
  { name: "INTEGRATION", level: "account", privileges: ["USAGE"], special: ["USE_ANY_ROLE"] },
  { name: "COMPUTE POOL", level: "account", privileges: ["MODIFY", "MONITOR", "OPERATE", "USAGE"] },
  { name: "EXTERNAL VOLUME", level: "account", privileges: ["USAGE"] },
  { name: "RESOURCE MONITOR", level: "account", privileges: ["MODIFY", "MONITOR"] },
  { name: "USER", level: "account", privileges: ["MONITOR"] },
  { name: "FAILOVER GROUP", level: "account", privileges: ["FAILOVER", "MODIFY", "MONITOR", "REPLICATE"] },
  { name: "REPLICATION GROUP", level: "account", privileges: ["MODIFY", "MONITOR", "REPLICATE"] },
  { name: "SCHEMA", level: "database", privileges: ["ADD SEARCH OPTIMIZATION", "APPLYBUDGET", ...SCHEMA_CREATE, "MODIFY", "MONITOR", "USAGE"] },
  { name: "TABLE", level: "schema", privileges: ["DELETE", "EVOLVE SCHEMA", "INSERT", "REBUILD", "REFERENCES", "SELECT", "TRUNCATE", "UPDATE"] },
  { name: "VIEW", level: "schema", privileges: ["REFERENCES", "SELECT"] },
  { name: "MATERIALIZED VIEW", level: "schema", privileges: ["APPLYBUDGET", "REFERENCES", "SELECT"] },
  { name: "DYNAMIC TABLE", level: "schema", privileges: ["MONITOR", "OPERATE", "SELECT"] },
  { name: "EVENT TABLE", level: "schema", privileges: ["DELETE", "INSERT", "SELECT", "TRUNCATE"] },
  { name: "EXTERNAL TABLE", level: "schema", privileges: ["REFERENCES", "SELECT"] },
  { name: "ICEBERG TABLE", level: "schema", privileges: ["APPLYBUDGET", "DELETE", "INSERT", "REFERENCES", "SELECT", "TRUNCATE", "UPDATE"] },
  // Stage privileges: READ and WRITE on internal stages, USAGE on external ones, so ALL depends on the stage.
  { name: "STAGE", level: "schema", privileges: ["READ", "USAGE", "WRITE"], noAll: "it means READ, WRITE on an internal stage and USAGE on an external one; list those" },
  { name: "FILE FORMAT", level: "schema", privileges: ["USAGE"] },
  { name: "SEQUENCE", level: "schema", privileges: ["USAGE"] },
  { name: "STREAM", level: "schema", privileges: ["SELECT"] },
  { name: "PIPE", level: "schema", privileges: ["APPLYBUDGET", "MONITOR", "OPERATE"] },
  { name: "TASK", level: "schema", privileges: ["APPLYBUDGET", "MONITOR", "OPERATE"] },
  { name: "ALERT", level: "schema", privileges: ["MONITOR", "OPERATE"] },
  { name: "TAG", level: "schema", privileges: ["APPLY", "READ"] },
  { name: "SECRET", level: "schema", privileges: ["READ", "USAGE"] },
  { name: "NETWORK RULE", level: "schema", privileges: ["USAGE"] },
  { name: "PASSWORD POLICY", level: "schema", privileges: ["APPLY"] },
  { name: "SESSION POLICY", level: "schema", privileges: ["APPLY"] },
  { name: "MASKING POLICY", level: "schema", privileges: ["APPLY"] },
  { name: "ROW ACCESS POLICY", level: "schema", privileges: ["APPLY"] },
  { name: "IMAGE REPOSITORY", level: "schema", privileges: ["READ", "WRITE"] },
  { name: "SERVICE", level: "schema", privileges: ["MONITOR", "OPERATE", "USAGE"] },
  { name: "NOTEBOOK", level: "schema", privileges: ["USAGE"] },
  { name: "STREAMLIT", level: "schema", privileges: ["USAGE"] },
  { name: "CORTEX SEARCH SERVICE", level: "schema", privileges: ["USAGE"] },
  { name: "MODEL", level: "schema", privileges: ["USAGE"] },
];

export const SECURABLE_TYPES: ReadonlyMap<string, SecurableType> = new Map(TYPES.map((type) => [type.name, type]));

/** "dynamic_table", "Dynamic Table" and "DYNAMIC  TABLE" are DYNAMIC TABLE. */
export function canonicalTypeName(value: string): string {
  return value.trim().replace(/[_\s]+/g, " ").toUpperCase();
}

export function securableType(value: string): SecurableType | undefined {
  return SECURABLE_TYPES.get(canonicalTypeName(value));
}

/** Types an ALL / FUTURE grant can name: schemas (in a database) and schema objects. */
export function bulkTypes(): string[] {
  return TYPES.filter((type) => type.level === "database" || type.level === "schema").map((type) => type.name);
}

/** `select` and `Create  Table` are SELECT and CREATE TABLE; `ALL PRIVILEGES` is ALL. */
export function canonicalPrivilege(value: string): string {
  const upper = value.trim().replace(/\s+/g, " ").toUpperCase();
  return upper === "ALL PRIVILEGES" ? "ALL" : upper;
}

export function isValidPrivilege(type: SecurableType, privilege: string): boolean {
  return privilege === "OWNERSHIP" || type.privileges.includes(privilege) || (type.special ?? []).includes(privilege);
}

/** The privileges a declared list means on a type: ALL expanded, canonical spelling, sorted, no duplicates. */
export function concretePrivileges(type: SecurableType | undefined, declared: readonly string[]): string[] {
  const result = new Set<string>();
  for (const privilege of declared.map(canonicalPrivilege)) {
    if (privilege === "ALL" && type && !type.noAll) type.privileges.forEach((one) => result.add(one));
    else result.add(privilege);
  }
  return [...result].sort();
}

/** Why a declared privilege list does not fit the type, or undefined. */
export function privilegesProblem(type: SecurableType, declared: readonly string[]): string | undefined {
  if (declared.length === 0) return "[] is not allowed; expected at least one privilege";
  for (const privilege of declared.map(canonicalPrivilege)) {
    if (privilege === "ALL") {
      if (type.noAll) return `ALL cannot be used on ${type.name}: ${type.noAll}`;
      continue;
    }
    if (privilege === "OWNERSHIP") return `OWNERSHIP is not granted with privileges: it moves the object to another owner; use an OwnershipGrant`;
    if (!isValidPrivilege(type, privilege)) return `${privilege} is not a privilege on ${type.name}; allowed: ${[...type.privileges, ...(type.special ?? [])].join(", ")}, or ALL`;
  }
  return undefined;
}
