// The grant operations of roles, database roles and users (role.yaml listGrants / grantPrivileges / revokeGrants /
// listFutureGrants / grantFuturePrivileges / revokeFutureGrants / listGrantsOf / listGrantsOn; the same on
// database-role.yaml and user.yaml). Bodies are role.yaml `Grant`s: `securable_type` with a `securable` (one
// object; ROLE / DATABASE ROLE: a role grant) or a `containing_scope` (ON ALL; on future-grants: ON FUTURE).
// Lists answer one row per privilege, as SHOW GRANTS TO ROLE prints them.
import * as wire from "../../../provider/wire/role";
import { bulkTypes } from "../../../provider/engine/kinds/securables";
import { CatalogObject, collectionOf, Container, displayName, isObject } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { ApiError, badRequest, doesNotExist, ErrorCodes } from "../errors";
import { ok, type Outcome } from "../http";
import { formatIdentifier, parseIdentifier } from "../identifiers";
import { notImplemented } from "../rest/actions";
import { targetOf } from "../rest/handlers";
import { findDatabase } from "../rest/lookup";
import { Status } from "../rest/status";
import type { RequestContext } from "../router";
import type { AccountState } from "../state";
import { checkPrivilege, findScope, findSecurable, objectsIn, scopeOf, securableOf, typeNamed } from "./securables";
import { addGrant, Grantee, GranteeType, GrantRecord, grantsOf, inheritedRoles, removeGrants } from "./store";

type Handler = (kind: ObjectKind, context: RequestContext) => Outcome;
type GrantBody = ReturnType<typeof wire.GrantStrict.parse>;

function readGrant(context: RequestContext): GrantBody {
  const parsed = wire.GrantStrict.safeParse(context.body);
  if (!parsed.success) throw badRequest(`Invalid Grant body: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  return parsed.data;
}

const privilegesOf = (body: GrantBody) => (body.privileges ?? []).map((privilege) => privilege.trim().replace(/\s+/g, " ").toUpperCase());

/** The role a ROLE / DATABASE ROLE securable names. */
function grantedRole(account: AccountState, body: GrantBody): CatalogObject {
  const securable = body.securable;
  if (!securable) throw badRequest(`A ${body.securable_type} grant needs the role as its securable.`);
  const name = parseIdentifier(securable.name, "role name");
  if (/^ROLE$/i.test(body.securable_type.trim())) {
    const role = collectionOf(account.catalog, "roles").get(name);
    if (!role) throw doesNotExist("Role", formatIdentifier(name));
    return role;
  }
  if (securable.database === undefined) throw badRequest("A DATABASE ROLE securable needs its database.");
  const database = findDatabase(account, parseIdentifier(securable.database, "database name"));
  const role = collectionOf(database, "database-roles").get(name);
  if (!role) throw doesNotExist("Database role", `${formatIdentifier(database.name)}.${formatIdentifier(name)}`);
  return role;
}

const isRoleGrant = (body: GrantBody) => /^(DATABASE[ _])?ROLE$/i.test(body.securable_type.trim());

/**
 * GRANT ROLE / GRANT DATABASE ROLE docs: a role is granted to roles and users, a database role to account roles and
 * database roles of its own database (never to users); and the hierarchy has no cycles. The cycle error text is not
 * confirmed against a live account.
 */
function checkRoleGrant(grantee: Grantee, role: CatalogObject, account: AccountState): void {
  const roleIsDatabaseRole = role.kind.sqlType === "DATABASE ROLE";
  if (grantee.type === "USER" && roleIsDatabaseRole) throw badRequest("A database role cannot be granted to a user.");
  if (grantee.type === "DATABASE ROLE" && !roleIsDatabaseRole) throw badRequest("An account role cannot be granted to a database role.");
  if (grantee.type === "DATABASE ROLE" && role.parent !== grantee.object.parent) throw badRequest(`Database role ${displayName(role)} can only be granted to database roles of its own database.`);
  if (grantee.type === "USER") return;
  if (role === grantee.object || inheritedRoles(account, role).has(grantee.object)) {
    throw new ApiError(400, ErrorCodes.sqlCompilation, `SQL execution error:\nGranting ${role.kind.objectType.toLowerCase()} '${displayName(role)}' to '${displayName(grantee.object)}' would create a cycle in the role hierarchy.`);
  }
}

/**
 * GRANT <privileges> docs: privileges granted to a database role are on its own database, that database's schemas
 * and their objects only -- no global privileges, no other account objects. The error text is not confirmed.
 */
function checkDatabaseRoleReach(grantee: Grantee, typeName: string, object: CatalogObject | undefined): void {
  if (grantee.type !== "DATABASE ROLE") return;
  const database = grantee.object.parent as CatalogObject;
  let reached: Container | undefined = object;
  while (reached && isObject(reached) && reached !== database) reached = reached.parent;
  if (reached !== database) throw badRequest(`Privileges on ${typeName} ${object ? displayName(object) : "ACCOUNT"} cannot be granted to database role ${displayName(grantee.object)}: a database role takes privileges only in database ${displayName(database)}.`);
}

function changeGrants(type: GranteeType, context: RequestContext, kind: ObjectKind, revoke: boolean): Outcome {
  const grantee: Grantee = { type, object: targetOf(kind, context).object };
  const body = readGrant(context);
  const account = context.account;
  if (isRoleGrant(body)) {
    const role = grantedRole(account, body);
    if (revoke) removeGrants(account, (record) => record.kind === "role" && record.grantee.object === grantee.object && record.role === role);
    else {
      checkRoleGrant(grantee, role, account);
      addGrant(account, { kind: "role", grantee, role, grantOption: false });
    }
    return Status.executed();
  }
  // GRANT <privileges> ... TO USER exists in Snowflake (docs: grant-privilege-user); the emulator models only roles
  // granted to users, and says so rather than pretending.
  if (type === "USER") return notImplemented(`grant of privileges on ${body.securable_type} to a user`);
  const securableType = typeNamed(body.securable_type);
  const privileges = privilegesOf(body);
  if (privileges.length === 0) throw badRequest("A grant of privileges needs at least one privilege.");
  if (privileges.includes("OWNERSHIP")) return notImplemented("grantPrivileges with OWNERSHIP (GRANT OWNERSHIP)");
  let objects: (CatalogObject | undefined)[];
  if (body.containing_scope) {
    if (!bulkTypes().includes(securableType.name)) throw badRequest(`Privileges on all ${securableType.name} objects cannot be granted in a scope.`);
    objects = objectsIn(findScope(account, body.containing_scope), securableType);
  } else if (securableType.name === "ACCOUNT") {
    objects = [undefined];
  } else {
    if (!body.securable) throw badRequest(`A ${securableType.name} grant needs a securable or a containing_scope.`);
    objects = [findSecurable(account, securableType, body.securable)];
  }
  for (const object of objects) {
    if (!revoke) checkDatabaseRoleReach(grantee, securableType.name, object);
    for (const privilege of privileges) {
      if (revoke) removeGrants(account, (record) => record.kind === "privilege" && record.grantee.object === grantee.object && record.object === object && record.securableType === securableType.name && record.privilege === privilege);
      else {
        checkPrivilege(securableType, privilege, object);
        addGrant(account, { kind: "privilege", grantee, securableType: securableType.name, object, privilege, grantOption: body.grant_option ?? false });
      }
    }
  }
  return Status.executed();
}

function changeFutureGrants(type: GranteeType, context: RequestContext, kind: ObjectKind, revoke: boolean): Outcome {
  const grantee: Grantee = { type, object: targetOf(kind, context).object };
  const body = readGrant(context);
  if (!body.containing_scope) throw badRequest("A future grant needs a containing_scope (a database or schema).");
  const objectType = typeNamed(body.securable_type);
  // GRANT ... ON FUTURE docs: schemas in a database, or schema objects in a database or schema.
  if (!bulkTypes().includes(objectType.name) || (objectType.name === "SCHEMA" && body.containing_scope.schema !== undefined)) {
    throw badRequest(`Future grants on ${objectType.name} objects cannot be defined in this scope.`);
  }
  const scope = findScope(context.account, body.containing_scope);
  if (!revoke) checkDatabaseRoleReach(grantee, objectType.name, scope);
  for (const privilege of privilegesOf(body)) {
    if (revoke) removeGrants(context.account, (record) => record.kind === "future" && record.grantee.object === grantee.object && record.scope === scope && record.objectType === objectType.name && record.privilege === privilege);
    else {
      checkPrivilege(objectType, privilege);
      addGrant(context.account, { kind: "future", grantee, objectType: objectType.name, scope, privilege, grantOption: body.grant_option ?? false });
    }
  }
  return Status.executed();
}

function limited(rows: unknown[], context: RequestContext): Outcome {
  const showLimit = context.query.integer("showLimit", 1, 10000);
  return ok(showLimit === undefined ? rows : rows.slice(0, showLimit));
}

function granted(record: GrantRecord) {
  return { created_on: record.createdOn.toISOString(), granted_by: record.grantedBy };
}

function listGrants(type: GranteeType, context: RequestContext, kind: ObjectKind): Outcome {
  const grantee = targetOf(kind, context).object;
  const rows = grantsOf(context.account).filter((record) => record.grantee.object === grantee).flatMap((record) => {
    if (record.kind === "role") return [{ securable: securableOf(record.role), securable_type: record.role.kind.sqlType, privileges: ["USAGE"], grant_option: false, ...granted(record) }];
    if (record.kind === "privilege") return [{ ...(record.object ? { securable: securableOf(record.object) } : {}), securable_type: record.securableType, privileges: [record.privilege], grant_option: record.grantOption, ...granted(record) }];
    return [];
  });
  return limited(rows, context);
}

function listFutureGrants(context: RequestContext, kind: ObjectKind): Outcome {
  const grantee = targetOf(kind, context).object;
  const rows = grantsOf(context.account).filter((record) => record.kind === "future" && record.grantee.object === grantee).map((record) => {
    const future = record as Extract<GrantRecord, { kind: "future" }>;
    return { containing_scope: scopeOf(future.scope), securable_type: future.objectType, privileges: [future.privilege], grant_option: future.grantOption, ...granted(record) };
  });
  return limited(rows, context);
}

/** role.yaml listGrantsOf: who the role is granted to (SHOW GRANTS OF ROLE). */
function listGrantsOf(context: RequestContext, kind: ObjectKind): Outcome {
  const role = targetOf(kind, context).object;
  const rows = grantsOf(context.account).filter((record) => record.kind === "role" && record.role === role)
    .map((record) => ({ role: formatIdentifier(role.name), granted_to: record.grantee.type, grantee_name: displayName(record.grantee.object), ...granted(record) }));
  return limited(rows, context);
}

/** The grant operations of a grantee kind, keyed as ObjectKind.operations wants them. */
export function grantOperations(type: GranteeType): Record<string, Handler> {
  const operations: Record<string, Handler> = {
    "GET /grants": (kind, context) => listGrants(type, context, kind),
    "POST /grants": (kind, context) => changeGrants(type, context, kind, false),
    "POST /grants:revoke": (kind, context) => changeGrants(type, context, kind, true),
  };
  if (type === "USER") return operations;
  Object.assign(operations, {
    "GET /future-grants": (kind: ObjectKind, context: RequestContext) => listFutureGrants(context, kind),
    "POST /future-grants": (kind: ObjectKind, context: RequestContext) => changeFutureGrants(type, context, kind, false),
    "POST /future-grants:revoke": (kind: ObjectKind, context: RequestContext) => changeFutureGrants(type, context, kind, true),
  });
  if (type === "ROLE") operations["GET /grants-of"] = (kind, context) => listGrantsOf(context, kind);
  return operations;
}

/**
 * Future grants at work (GRANT ... ON FUTURE docs): a new object of a type gets the privileges defined for its
 * schema, or else for its database -- "schema-level grants take precedence over the database-level grants, and the
 * database-level grants are ignored".
 */
export function applyFutureGrants(object: CatalogObject, account: AccountState): void {
  const typeName = object.kind.collection === "event-tables" ? "EVENT TABLE" : object.kind.sqlType;
  if (!bulkTypes().includes(typeName)) return;
  const scopes = typeName === "SCHEMA" ? [object.parent] : [object.parent, (object.parent as CatalogObject).parent];
  const futures = grantsOf(account).filter((record): record is Extract<GrantRecord, { kind: "future" }> => record.kind === "future" && record.objectType === typeName);
  for (const scope of scopes) {
    const here = futures.filter((record) => record.scope === scope);
    if (here.length === 0) continue;
    for (const record of here) addGrant(account, { kind: "privilege", grantee: record.grantee, securableType: typeName, object, privilege: record.privilege, grantOption: record.grantOption });
    return;
  }
}
