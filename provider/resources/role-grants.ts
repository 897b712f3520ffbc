// Roles granted to roles and users (GRANT ROLE ... TO ROLE | USER), and database roles granted to account roles or
// database roles of the same database (GRANT DATABASE ROLE ... TO ...): the grantee's grantPrivileges with the
// granted role as the securable, read from the grantee's shared grant list (engine/access/role-grants.ts).
// Nothing changes in place: another role or grantee is another grant. Snowflake refuses a grant that would make
// the role hierarchy a cycle.
import { roleGrantAccess, RoleGrantSnapshot } from "../engine/access/role-grants";
import { defineResource } from "../engine/define";
import { Properties } from "../engine/definition";
import { storedParts, identifierKind, qualifiedNameKind } from "../engine/kinds/names";
import { field } from "./common";
import { granteeFields, granteeProblems } from "./grant-fields";

export const roleGrant = defineResource({
  typeName: "RoleGrant",
  noun: "role grant",
  doc: "An account role granted to another role (which then inherits its privileges) or to a user (who may then use it). Snowflake refuses a grant that would make the role hierarchy a cycle (REST: /api/v2/roles/{role}/grants, /api/v2/users/{user}/grants).",
  collectionPath: "/api/v2/roles/{role}/grants",
  changes: "replace",
  access: roleGrantAccess,
  fields: {
    role: field("role", identifierKind(), "The role granted (e.g. `reader.name`). A change moves the grant (the new role granted, the old one revoked); a role renamed keeps it.", { required: true, change: "access" }),
    ...granteeFields(["toRole", "toUser"], "the role"),
  },
  outputs: {},
  crossChecks: (properties) => [
    ...granteeProblems(properties, ["toRole", "toUser"]),
    ...(typeof properties.toRole === "string" && sameName(properties.role, properties.toRole) ? [{ property: "toRole", reason: `${String(properties.toRole)} is the role granted; a role cannot be granted to itself` }] : []),
  ],
  wire: { schema: RoleGrantSnapshot, properties: ["role", "to_role", "to_user"], readOnly: [] },
});

function sameName(a: unknown, b: unknown): boolean {
  return typeof a === "string" && typeof b === "string" && storedParts(a).join(".") === storedParts(b).join(".");
}

function databaseRoleProblems(properties: Properties): { property: string; reason: string }[] {
  const problems = granteeProblems(properties, ["toRole", "toDatabaseRole"]);
  if (typeof properties.toDatabaseRole !== "string" || typeof properties.databaseRole !== "string") return problems;
  const [database] = storedParts(properties.databaseRole);
  // GRANT DATABASE ROLE docs: a database role can be granted to a database role of the same database only.
  if (storedParts(properties.toDatabaseRole)[0] !== database) problems.push({ property: "toDatabaseRole", reason: `${properties.toDatabaseRole} is in another database than ${properties.databaseRole}; a database role is granted only to database roles of its own database (or to account roles)` });
  else if (sameName(properties.databaseRole, properties.toDatabaseRole)) problems.push({ property: "toDatabaseRole", reason: "a database role cannot be granted to itself" });
  return problems;
}

export const databaseRoleGrant = defineResource({
  typeName: "DatabaseRoleGrant",
  noun: "database role grant",
  doc: "A database role granted to an account role or to another database role of the same database (REST: /api/v2/roles/{role}/grants, .../database-roles/{role}/grants).",
  collectionPath: "/api/v2/databases/{database}/database-roles/{role}/grants",
  changes: "replace",
  access: roleGrantAccess,
  fields: {
    databaseRole: field("database_role", qualifiedNameKind(2, { exactly: true, what: "a database role" }), "The database role granted, as `DB.ROLE`. A change moves the grant; a database role renamed keeps it.", { required: true, change: "access" }),
    ...granteeFields(["toRole", "toDatabaseRole"], "the database role"),
  },
  outputs: {},
  crossChecks: databaseRoleProblems,
  wire: { schema: RoleGrantSnapshot, properties: ["database_role", "to_role", "to_database_role"], readOnly: [] },
});
