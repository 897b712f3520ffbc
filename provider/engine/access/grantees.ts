// Who a grant is to, and the one read all of a grantee's grants share. A refresh of many grants on the same role
// costs one list call for that role, not one per grant: the grantee's list (role.yaml listGrants /
// listFutureGrants, database-role.yaml, user.yaml) is fetched once per provider process -- Pulumi starts one per
// deployment -- and shared by every grant read of that grantee, including reads running at the same time. Any
// grant or revoke to the grantee through this process forgets its lists before and after the write, so a read
// back after a change always asks Snowflake again.
import { ConflictError, NotFoundError } from "../../client/errors";
import { RestClient } from "../../client/rest-client";
import { Properties } from "../definition";
import { identifierSegment, qualifiedName, splitQualifiedName, storedName } from "../identifiers";

export type GranteeType = "ROLE" | "DATABASE ROLE" | "USER";

export interface Grantee {
  type: GranteeType;
  /** Stored name parts: [ROLE], [DB, ROLE] for a database role, [USER]. */
  parts: string[];
}

/** The grantee fields a grant type may have, each with its grantee type. */
export const GRANTEE_FIELDS: Record<string, GranteeType> = { toRole: "ROLE", toDatabaseRole: "DATABASE ROLE", toUser: "USER" };

export function granteeOf(properties: Properties): Grantee {
  for (const [key, type] of Object.entries(GRANTEE_FIELDS)) {
    const value = properties[key];
    if (typeof value === "string") return { type, parts: (splitQualifiedName(value) ?? [value]).map(storedName) };
  }
  throw new Error(`a grant needs one of ${Object.keys(GRANTEE_FIELDS).join(", ")}`);
}

export function describeGrantee(grantee: Grantee): string {
  return `${grantee.type.toLowerCase()} ${qualifiedName(grantee.parts.map((part) => `"${part.replace(/"/g, '""')}"`))}`;
}

/** The grantee's REST path: /api/v2/roles/R, /api/v2/databases/D/database-roles/R, /api/v2/users/U. */
export function granteePath(grantee: Grantee): string {
  const segment = (stored: string) => identifierSegment(`"${stored.replace(/"/g, '""')}"`);
  if (grantee.type === "DATABASE ROLE") return `/api/v2/databases/${segment(grantee.parts[0])}/database-roles/${segment(grantee.parts[1])}`;
  return `/api/v2/${grantee.type === "USER" ? "users" : "roles"}/${segment(grantee.parts[0])}`;
}

/** Lists by client (one per connection), then by path; a pending read is shared like a finished one. */
let cachedLists = new WeakMap<RestClient, Map<string, Promise<unknown[] | undefined>>>();

function listsOf(client: RestClient): Map<string, Promise<unknown[] | undefined>> {
  let lists = cachedLists.get(client);
  if (!lists) cachedLists.set(client, (lists = new Map()));
  return lists;
}

/** A grantee's list (`grants` or `future-grants`); undefined when the grantee does not exist. */
export function granteeList(client: RestClient, grantee: Grantee, list: "grants" | "future-grants"): Promise<unknown[] | undefined> {
  const path = `${granteePath(grantee)}/${list}`;
  const lists = listsOf(client);
  let pending = lists.get(path);
  if (!pending) {
    pending = fetchList(client, path);
    lists.set(path, pending);
    // A failed read is not kept: the next read asks again.
    pending.catch(() => lists.delete(path));
  }
  return pending;
}

async function fetchList(client: RestClient, path: string): Promise<unknown[] | undefined> {
  try {
    // Shared: every grant of the grantee waits for this one list.
    const { body } = await client.request({ method: "GET", path, shared: true });
    if (!Array.isArray(body)) throw new Error(`Snowflake answered GET ${path} with ${JSON.stringify(body)?.slice(0, 200)}, not a list of grants`);
    return body;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

function forget(client: RestClient, grantee: Grantee): void {
  const prefix = `${granteePath(grantee)}/`;
  const lists = listsOf(client);
  for (const path of [...lists.keys()]) if (path.startsWith(prefix)) lists.delete(path);
}

/** A grant (POST .../grants) or revoke (.../grants:revoke) to the grantee: its cached lists are forgotten around it. */
export async function writeToGrantee(client: RestClient, grantee: Grantee, list: "grants" | "future-grants", revoke: boolean, body: unknown): Promise<void> {
  forget(client, grantee);
  try {
    // Granting what is held already, or revoking what is not, changes nothing: sent twice (after an answer lost
    // on the way back) it has the effect of once, so the client may send it again.
    await client.request({ method: "POST", path: `${granteePath(grantee)}/${list}${revoke ? ":revoke" : ""}`, body, idempotent: true });
  } finally {
    forget(client, grantee);
  }
}

/**
 * What a grant resource finds granted already, outside the stack: the engine's "already exists" conflict (taken over
 * only with adoptExisting), without pretending a request failed.
 */
export class AlreadyGrantedError extends ConflictError {
  constructor(what: string) {
    super({ status: 409, message: what, method: "GET", path: "grants" });
    this.message = what;
  }
}

/** Forgets every cached list, as a new provider process starts without them (a benchmark's next deployment). */
export function forgetGranteeLists(): void {
  cachedLists = new WeakMap();
}
