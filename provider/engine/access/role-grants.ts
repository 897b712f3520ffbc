// A role granted to a role or a user, and a database role granted to a role or database role: role.yaml /
// user.yaml / database-role.yaml grantPrivileges with `securable_type` ROLE or DATABASE ROLE and the granted role as
// the `securable` (snowflake.core RoleResource.grant_role sends exactly that), revoked with grants:revoke, and
// read as that row of the grantee's shared grant list (grantees.ts).
import { z } from "zod";
import { NotFoundError, SnowflakeApiError } from "../../client/errors";
import { ObjectAccess, Properties } from "../definition";
import { formatSecurableName, parseSecurableName } from "../kinds/grants";
import { canonicalTypeName } from "../kinds/securables";
import type { ObjectApi } from "../object-api";
import { grantRows, rowObject, sameParts } from "./grant-rows";
import { AlreadyGrantedError, describeGrantee, granteeList, granteeOf, writeToGrantee } from "./grantees";

export const RoleGrantSnapshot = z.strictObject({
  role: z.string().optional(), database_role: z.string().optional(),
  to_role: z.string().optional(), to_database_role: z.string().optional(), to_user: z.string().optional(),
});

/** The granted role: its type as the grant lists name it, stored parts, and the securable to send. */
function grantedOf(properties: Properties) {
  const database = typeof properties.databaseRole === "string";
  const parts = parseSecurableName(String(database ? properties.databaseRole : properties.role)) ?? [];
  const quoted = parts.map((part) => formatSecurableName([part]));
  const securable = database ? { database: quoted[0], name: quoted[1] } : { name: quoted[0] };
  return { type: database ? "DATABASE ROLE" : "ROLE", parts, body: { securable_type: database ? "DATABASE ROLE" : "ROLE", securable } };
}

function describeGranted(properties: Properties): string {
  const granted = grantedOf(properties);
  return `${granted.type.toLowerCase()} ${formatSecurableName(granted.parts)}`;
}

async function isGranted(api: ObjectApi, properties: Properties): Promise<boolean | undefined> {
  const grantee = granteeOf(properties);
  const rows = await granteeList(api.client, grantee, "grants");
  if (!rows) return undefined;
  const granted = grantedOf(properties);
  return grantRows(rows, grantee, "grants").some((row) => canonicalTypeName(row.securable_type) === granted.type && row.securable !== undefined && sameParts(rowObject(row), granted.parts));
}

async function write(api: ObjectApi, properties: Properties, revoke: boolean): Promise<void> {
  const grantee = granteeOf(properties);
  try {
    await writeToGrantee(api.client, grantee, "grants", revoke, grantedOf(properties).body);
  } catch (error) {
    if (revoke && error instanceof NotFoundError) return; // either role is gone, and the grant with it
    const reason = error instanceof SnowflakeApiError ? error.serverMessage : (error as Error).message;
    throw new Error(`cannot ${revoke ? "revoke" : "grant"} ${describeGranted(properties)} ${revoke ? "from" : "to"} ${describeGrantee(grantee)}: ${reason.replace(/\s+/g, " ").trim()}`, { cause: error });
  }
}

export const roleGrantAccess: ObjectAccess = {
  qualifiedName: (properties) => `${describeGranted(properties)} to ${describeGrantee(granteeOf(properties))}`,
  async fetch(api, properties) {
    if (!(await isGranted(api, properties))) return undefined;
    const snapshot = Object.fromEntries(Object.entries({ role: "role", databaseRole: "database_role", toRole: "to_role", toDatabaseRole: "to_database_role", toUser: "to_user" })
      .filter(([key]) => typeof properties[key] === "string").map(([key, wireName]) => [wireName, properties[key]]));
    return { snapshot: RoleGrantSnapshot.parse(snapshot) };
  },
  async create(api, properties) {
    await refuseForeign(api, properties);
    await write(api, properties, false);
  },
  async delete(api, properties) {
    await write(api, properties, true);
  },
  async update(api, olds, news) {
    // Another role or grantee, or the same one renamed (the grant followed it; the old name is gone, so the revoke
    // there finds nothing): grant the new one, then revoke the old one.
    if (!(await refuseForeign(api, news, olds))) await write(api, news, false);
    await write(api, olds, true);
  },
};

/**
 * Whether the grant exists already; when the stack did not make it, refused without adoptExisting (deleting the
 * resource would revoke it). `movedFrom`: where it was, when it still holds there (else it is the stack's own,
 * renamed).
 */
async function refuseForeign(api: ObjectApi, properties: Properties, movedFrom?: Properties): Promise<boolean> {
  const granted = (await isGranted(api, properties)) === true;
  if (!granted || properties.adoptExisting === true) return granted;
  if (movedFrom && !(await isGranted(api, movedFrom))) return granted;
  throw new AlreadyGrantedError(`${describeGranted(properties)} is granted to ${describeGrantee(granteeOf(properties))} already, outside this stack`);
}
