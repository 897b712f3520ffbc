// Account roles (role.yaml; CREATE / ALTER / DROP / SHOW ROLES docs). role.yaml has no GET of one role: the generic
// list answers `like` (SHOW ROLES LIKE: case-insensitive, `\` escapes a wildcard), `startsWith`, `fromName` and
// `showLimit` (listing.ts). ALTER ROLE docs: RENAME TO, SET / UNSET COMMENT and tags only, on custom roles.
// Every account has the system-defined roles (Overview of Access Control docs), which cannot be dropped, and the
// emulator's one session role, ACCOUNTADMIN, sits on top of them.
import * as wire from "../../../provider/wire/role";
import { CatalogObject, collectionOf, newObject } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { OWNER_ROLE, SYSTEM_ROLES } from "../defaults";
import { ApiError, ErrorCodes } from "../errors";
import { grantOperations } from "../grants/operations";
import { grantStatement } from "./share";
import { grantsOf } from "../grants/store";
import { formatIdentifier } from "../identifiers";

const ROLES = "roles";

/**
 * The system roles' hierarchy (Overview of Access Control docs, "System-defined roles"): ACCOUNTADMIN is granted
 * SYSADMIN and SECURITYADMIN, SECURITYADMIN is granted USERADMIN; PUBLIC is granted to every user and role
 * automatically, which SHOW ROLES does not count here. These are counted on top of the grants made (grants/store.ts).
 */
const SYSTEM_GRANTS: Record<string, { granted_roles: number; granted_to_roles: number }> = {
  ACCOUNTADMIN: { granted_roles: 2, granted_to_roles: 0 },
  SECURITYADMIN: { granted_roles: 1, granted_to_roles: 1 },
  SYSADMIN: { granted_roles: 0, granted_to_roles: 1 },
  USERADMIN: { granted_roles: 0, granted_to_roles: 1 },
  PUBLIC: { granted_roles: 0, granted_to_roles: 0 },
};

const isSystemRole = (object: CatalogObject) => object.facts.systemDefined === true;

/**
 * Docs: "System-defined roles cannot be dropped" and ALTER ROLE "modifies the properties for an existing custom
 * role". The error Snowflake answers with is not confirmed; this is the access control error it gives for other
 * system objects (as for INFORMATION_SCHEMA, kinds/schema.ts).
 */
function refuseSystemRole(object: CatalogObject): void {
  if (isSystemRole(object)) {
    throw new ApiError(403, ErrorCodes.insufficientPrivileges, `SQL access control error:\nInsufficient privileges to operate on role '${formatIdentifier(object.name)}'.`);
  }
}

export const roleKind: ObjectKind = {
  spec: "role",
  model: "Role",
  objectType: "Role",
  sqlType: "ROLE",
  parameterLevel: "ROLE",
  collection: ROLES,
  scope: "account",
  wire: { strict: wire.RoleStrict, properties: wire.Role_PROPERTIES, readOnly: wire.Role_READ_ONLY },
  seed({ account }) {
    // ORGADMIN exists only in the organization's account where it is enabled (Organizations docs): not seeded.
    const roles = collectionOf(account.catalog, ROLES);
    for (const name of SYSTEM_ROLES) {
      const role = newObject(roleKind, name, account.catalog, {});
      role.facts.systemDefined = true;
      roles.set(name, role);
    }
  },
  beforeChange: refuseSystemRole,
  beforeDrop: refuseSystemRole,
  sqlProperties: {
    // ALTER ROLE docs: SET COMMENT = '<string_literal>' / UNSET COMMENT.
    COMMENT: { wire: "comment", value: "string", unset: true },
  },
  operations: grantOperations("ROLE"),
  // GRANT OWNERSHIP moves any object to a role (grants/ownership.ts).
  // GRANT OWNERSHIP, and GRANT ... TO SHARE (kinds/share.ts).
  sqlCommands: { GRANT: grantStatement },
  render(object, { account }) {
    const system = isSystemRole(object) ? SYSTEM_GRANTS[object.name] : undefined;
    const roleGrants = grantsOf(account).filter((record) => record.kind === "role");
    const count = (test: (record: (typeof roleGrants)[number]) => boolean) => roleGrants.filter(test).length;
    return {
      // SHOW ROLES: is_current marks the session's role and is_inherited the roles it inherits (the emulator's
      // sessions all use ACCOUNTADMIN), is_default the user's DEFAULT_ROLE (the emulator's users set none).
      is_default: false,
      is_current: object.name === OWNER_ROLE,
      is_inherited: system !== undefined && object.name !== OWNER_ROLE,
      assigned_to_users: count((record) => record.kind === "role" && record.role === object && record.grantee.type === "USER"),
      granted_to_roles: (system?.granted_to_roles ?? 0) + count((record) => record.kind === "role" && record.role === object && record.grantee.type === "ROLE"),
      granted_roles: (system?.granted_roles ?? 0) + count((record) => record.grantee.object === object),
    };
  },
};
