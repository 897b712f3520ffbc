// Privileges granted to a role or database role, as one resource per grantee + securable (+ grant option):
// - on one object (role.yaml grantPrivileges with `securable`),
// - on all objects of a type in a database or schema (grantPrivileges with `containing_scope`),
// - on future objects of a type (grantFuturePrivileges; listed by listFutureGrants).
// Reads use the grantee's shared list (grantees.ts). A resource holds a set of privileges and only those: a read
// reports which of them Snowflake still has (others granted on the same object are left alone), an update grants
// the added ones and revokes the removed ones, and a delete revokes exactly what the resource holds.
import { z } from "zod";
import { NotFoundError, SnowflakeApiError } from "../../client/errors";
import { ObjectAccess, Properties } from "../definition";
import { formatSecurableName, parseSecurableName } from "../kinds/grants";
import { concretePrivileges, canonicalPrivilege, canonicalTypeName, securableType, SecurableType } from "../kinds/securables";
import { LiveObject } from "../mapper";
import type { ObjectApi } from "../object-api";
import { GrantRow, grantRows, rowObject, rowScope, sameParts } from "./grant-rows";
import { AlreadyGrantedError, describeGrantee, Grantee, granteeList, granteeOf, writeToGrantee } from "./grantees";

export type GrantScope = "object" | "all" | "future";

/** The snapshot a privilege grant is read as (grantee, securable and the privileges it holds). */
export const PrivilegeGrantSnapshot = z.strictObject({
  to_role: z.string().optional(), to_database_role: z.string().optional(),
  securable_type: z.string(), securable_name: z.string().optional(),
  in_database: z.string().optional(), in_schema: z.string().optional(),
  privileges: z.array(z.string()), grant_option: z.boolean(),
});
export const PRIVILEGE_GRANT_PROPERTIES = Object.keys(PrivilegeGrantSnapshot.shape);

/** Names of the objects of a type in a scope (stored parts), for reading ALL grants; undefined: cannot be listed. */
export type ObjectLister = (api: ObjectApi, typeName: string, scope: string[]) => Promise<string[][] | undefined>;

/** What the resource's properties say: the type, where, the wire shape of the securable, and words for messages. */
function targetOf(scope: GrantScope, properties: Properties) {
  const type = securableType(String(scope === "object" ? properties.securableType : properties.objectType)) as SecurableType;
  if (scope === "object") {
    const parts = typeof properties.securableName === "string" ? parseSecurableName(properties.securableName) ?? [] : [];
    const securable = parts.length ? { ...(parts.length === 3 ? { database: parts[0], schema: parts[1] } : parts.length === 2 ? { database: parts[0] } : {}), name: parts[parts.length - 1] } : undefined;
    return { type, parts, body: { securable_type: type.name, ...(securable ? { securable: quoteAll(securable) } : {}) }, words: `${type.name}${parts.length ? ` ${formatSecurableName(parts)}` : ""}` };
  }
  const parts = parseSecurableName(String(properties.inSchema ?? properties.inDatabase)) ?? [];
  const containing = quoteAll({ database: parts[0], ...(parts[1] !== undefined ? { schema: parts[1] } : {}) });
  return { type, parts, body: { securable_type: type.name, containing_scope: containing }, words: `${scope} ${type.name} objects in ${parts.length === 2 ? "schema" : "database"} ${formatSecurableName(parts)}` };
}

/** Identifiers as the spec's pattern wants them: bare where that reads back the same, else double-quoted. */
function quoteAll<T extends Record<string, string>>(names: T): T {
  return Object.fromEntries(Object.entries(names).map(([key, value]) => [key, formatSecurableName([value])])) as T;
}

function privilegesOf(rows: GrantRow[]): Set<string> {
  return new Set(rows.flatMap((row) => (row.privileges ?? []).map(canonicalPrivilege)));
}

export function privilegeGrantAccess(scope: GrantScope, listObjects?: ObjectLister): ObjectAccess {
  const listName = scope === "future" ? "future-grants" : "grants";
  const declaredOf = (properties: Properties) => concretePrivileges(targetOf(scope, properties).type, (properties.privileges as string[]) ?? []);
  const grantOption = (properties: Properties) => properties.withGrantOption === true;

  /**
   * The privileges of the declaration the grantee holds now; undefined when the grantee is gone. A grant WITH GRANT
   * OPTION needs rows with the option; a plain one is held by any row (`anyOption`: also for a declared option, to
   * find privileges held already in whatever form).
   */
  async function held(api: ObjectApi, grantee: Grantee, properties: Properties, anyOption = false): Promise<Set<string> | undefined> {
    const rows = await granteeList(api.client, grantee, listName);
    if (!rows) return undefined;
    const target = targetOf(scope, properties);
    const needsOption = grantOption(properties) && !anyOption;
    const mine = grantRows(rows, grantee, listName).filter((row) => !needsOption || row.grant_option === true);
    const ofType = mine.filter((row) => canonicalTypeName(row.securable_type) === target.type.name);
    if (scope === "object") return privilegesOf(ofType.filter((row) => sameParts(rowObject(row), target.parts)));
    if (scope === "future") return privilegesOf(ofType.filter((row) => sameParts(rowScope(row), target.parts)));
    // ALL is no lasting grant: it is held where every object of the type in the scope has the privilege now. Rows
    // are matched by object alone: a listing of TABLEs may hold dynamic tables, whose grants say DYNAMIC TABLE.
    const objects = listObjects ? await listObjects(api, target.type.name, target.parts) : undefined;
    if (!objects) return new Set(declaredOf(properties));
    const perObject = objects.map((object) => privilegesOf(mine.filter((row) => sameParts(rowObject(row), object))));
    return new Set(declaredOf(properties).filter((privilege) => perObject.every((privileges) => privileges.has(privilege))));
  }

  /** Grantee and securable (or scope), compared by stored names: a change of either moves the grant. */
  const placeOf = (properties: Properties) => JSON.stringify([granteeOf(properties), targetOf(scope, properties).parts]);

  /**
   * Privileges of `properties` the grantee holds already that the stack did not grant; refused without adoptExisting,
   * as deleting the resource would revoke them. `movedFrom`: where the grant was before, when it still holds there
   * (a grant on a renamed object or role is found under its new name and is the stack's own).
   */
  async function refuseForeign(api: ObjectApi, properties: Properties, movedFrom?: Properties): Promise<Set<string> | undefined> {
    const have = await held(api, granteeOf(properties), properties, true);
    if (scope === "all" || properties.adoptExisting === true) return have;
    if (movedFrom) {
      const before = await held(api, granteeOf(movedFrom), movedFrom, true);
      if (!before || before.size === 0) return have;
    }
    const already = declaredOf(properties).filter((privilege) => have?.has(privilege));
    if (already.length) throw new AlreadyGrantedError(`${already.join(", ")} on ${targetOf(scope, properties).words} ${already.length > 1 ? "are" : "is"} granted to ${describeGrantee(granteeOf(properties))} already, outside this stack`);
    return have;
  }

  async function fetch(api: ObjectApi, properties: Properties): Promise<LiveObject | undefined> {
    const have = await held(api, granteeOf(properties), properties);
    if (!have) return undefined;
    const privileges = declaredOf(properties).filter((privilege) => have.has(privilege));
    // None of its privileges left (revoked, or the object is gone and its grants with it): the grant is gone. An ON
    // ALL grant stays, holding none, so that up grants them again to the objects now in its scope.
    if (privileges.length === 0 && scope !== "all") return undefined;
    const snapshot: Record<string, unknown> = { privileges, grant_option: grantOption(properties) };
    for (const [key, wireName] of Object.entries({ toRole: "to_role", toDatabaseRole: "to_database_role", securableName: "securable_name", inDatabase: "in_database", inSchema: "in_schema" })) {
      if (typeof properties[key] === "string") snapshot[wireName] = properties[key];
    }
    snapshot.securable_type = targetOf(scope, properties).type.name;
    return { snapshot: PrivilegeGrantSnapshot.parse(snapshot) };
  }

  /** Grants or revokes privileges; Snowflake's refusal is reported with the grant it was about. */
  async function write(api: ObjectApi, properties: Properties, privileges: string[], revoke: boolean): Promise<void> {
    if (privileges.length === 0) return;
    const grantee = granteeOf(properties);
    const target = targetOf(scope, properties);
    const body = { ...target.body, privileges, ...(revoke ? {} : { grant_option: grantOption(properties) }) };
    try {
      await writeToGrantee(api.client, grantee, listName, revoke, body);
    } catch (error) {
      // Revoking from a grantee or on an object that is gone: nothing is left to revoke.
      if (revoke && error instanceof NotFoundError) return;
      const reason = error instanceof SnowflakeApiError ? error.serverMessage : (error as Error).message;
      const verb = revoke ? `revoke ${privileges.join(", ")} on ${target.words} from` : `grant ${privileges.join(", ")} on ${target.words} to`;
      throw new Error(`cannot ${verb} ${describeGrantee(grantee)}: ${reason.replace(/\s+/g, " ").trim()}`, { cause: error });
    }
  }

  return {
    qualifiedName: (properties) => `${targetOf(scope, properties).words} to ${describeGrantee(granteeOf(properties))}${grantOption(properties) ? " with grant option" : ""}`,
    fetch,
    async create(api, properties) {
      await refuseForeign(api, properties);
      await write(api, properties, declaredOf(properties), false);
    },
    async delete(api, properties) {
      await write(api, properties, declaredOf(properties), true);
    },
    async update(api, olds, news) {
      const before = new Set(declaredOf(olds));
      const after = declaredOf(news);
      if (placeOf(olds) === placeOf(news)) {
        await write(api, news, after.filter((privilege) => !before.has(privilege)), false);
        await write(api, olds, [...before].filter((privilege) => !after.includes(privilege)), true);
        return;
      }
      // Another grantee or object (or the same one renamed: its grants followed it, and the old name is gone, so
      // the revoke there finds nothing): grant at the new place, then revoke at the old one.
      await refuseForeign(api, news, olds);
      await write(api, news, after, false);
      await write(api, olds, [...before], true);
    },
  };
}
