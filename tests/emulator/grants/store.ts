// The grants of one emulated account. A record points at the catalog objects it joins (grantee, securable, scope),
// not at their names, which is how Snowflake behaves: a renamed object keeps its grants, and a dropped one takes
// its grants with it -- a role dropped is gone from every grant to and of it, a table dropped loses its grants,
// and an object created again under the same name starts with none (DROP ROLE docs: "the privileges granted to
// the role are revoked"; Overview of Access Control: privileges are granted on objects).
import { CatalogObject, collectionOf, Container, isObject } from "../catalog/catalog";
import { OWNER_ROLE } from "../defaults";
import type { AccountState } from "../state";

export type GranteeType = "ROLE" | "DATABASE ROLE" | "USER";

export interface Grantee {
  type: GranteeType;
  object: CatalogObject;
}

interface Granted {
  grantee: Grantee;
  grantOption: boolean;
  grantedBy: string;
  createdOn: Date;
}

/** A privilege on one object (ACCOUNT: no object). ON ALL grants become one of these per object they reach. */
export interface PrivilegeRecord extends Granted {
  kind: "privilege";
  securableType: string;
  object?: CatalogObject;
  privilege: string;
}

/** A privilege objects of a type created in the scope (database or schema) get. */
export interface FutureRecord extends Granted {
  kind: "future";
  objectType: string;
  scope: CatalogObject;
  privilege: string;
}

/** A role or database role granted to the grantee (the grantee inherits its privileges). */
export interface RoleRecord extends Granted {
  kind: "role";
  role: CatalogObject;
}

export type GrantRecord = PrivilegeRecord | FutureRecord | RoleRecord;

const stores = new WeakMap<AccountState, GrantRecord[]>();

/** Whether the object is still in the catalog where it was (not dropped, nor replaced by a namesake). */
export function isLive(object: CatalogObject): boolean {
  let current: Container = object;
  while (isObject(current)) {
    const members = collectionOf(current.parent, current.kind.collection);
    if (![...members.values()].includes(current)) return false;
    current = current.parent;
  }
  return true;
}

function recordIsLive(record: GrantRecord): boolean {
  const joined = [record.grantee.object, record.kind === "privilege" ? record.object : record.kind === "future" ? record.scope : record.role];
  return joined.every((object) => object === undefined || isLive(object));
}

/** The account's grants whose objects all still exist (the others went with their objects). */
export function grantsOf(account: AccountState): GrantRecord[] {
  const live = (stores.get(account) ?? []).filter(recordIsLive);
  stores.set(account, live);
  return live;
}

export function addGrant(account: AccountState, record: Omit<PrivilegeRecord, "createdOn" | "grantedBy"> | Omit<FutureRecord, "createdOn" | "grantedBy"> | Omit<RoleRecord, "createdOn" | "grantedBy">): void {
  const records = grantsOf(account);
  const same = records.find((existing) => sameGrant(existing, record as GrantRecord));
  // Granting what is held already succeeds; WITH GRANT OPTION adds the option to it, and a plain grant over one held
  // with the option keeps the option (not confirmed against a live account: the docs do not say). REVOKE's mode
  // (RESTRICT fails when the privilege was granted on; CASCADE) is not modelled: grants are made by one role here.
  if (same) {
    same.grantOption ||= record.grantOption;
    return;
  }
  // The emulator's sessions use ACCOUNTADMIN, which is who grants.
  records.push({ ...record, createdOn: new Date(), grantedBy: OWNER_ROLE } as GrantRecord);
}

export function removeGrants(account: AccountState, matches: (record: GrantRecord) => boolean): number {
  const records = grantsOf(account);
  const kept = records.filter((record) => !matches(record));
  stores.set(account, kept);
  return records.length - kept.length;
}

function sameGrant(a: GrantRecord, b: GrantRecord): boolean {
  if (a.kind !== b.kind || a.grantee.object !== b.grantee.object) return false;
  if (a.kind === "privilege" && b.kind === "privilege") return a.object === b.object && a.securableType === b.securableType && a.privilege === b.privilege;
  if (a.kind === "future" && b.kind === "future") return a.scope === b.scope && a.objectType === b.objectType && a.privilege === b.privilege;
  return a.kind === "role" && b.kind === "role" && a.role === b.role;
}

/** The privileges granted on `from` now on `to` (CREATE OR REPLACE ... COPY GRANTS). */
export function copyGrants(account: AccountState, from: CatalogObject, to: CatalogObject): void {
  for (const record of stores.get(account) ?? []) if (record.kind === "privilege" && record.object === from) record.object = to;
}

/** The roles `role` inherits, directly or through other roles (the role hierarchy below it). */
export function inheritedRoles(account: AccountState, role: CatalogObject): Set<CatalogObject> {
  const found = new Set<CatalogObject>();
  const pending = [role];
  while (pending.length) {
    const current = pending.pop()!;
    for (const record of grantsOf(account)) {
      if (record.kind === "role" && record.grantee.object === current && !found.has(record.role)) {
        found.add(record.role);
        pending.push(record.role);
      }
    }
  }
  return found;
}
