// A catalog object as its type's REST model: the values set on it, defaults for the rest, inherited parameters
// with their effective value, the read-only facts every owned object has, and what its kind derives.
import { OWNER_ROLE, OWNER_ROLE_TYPE } from "../defaults";
import { formatIdentifier } from "../identifiers";
import { CatalogObject, displayName, inheritedParameter, isObject, WireValues } from "../catalog/catalog";
import { isLive } from "../grants/store";
import type { KindContext } from "../catalog/object-kind";

function formatted(object: CatalogObject, wire: string, value: unknown): unknown {
  return object.kind.identifiers?.includes(wire) && typeof value === "string" ? formatIdentifier(value) : value;
}

/**
 * The session's role owns what it creates; GRANT OWNERSHIP moves it to a role (grants/ownership.ts). DROP ROLE docs:
 * the objects a dropped role owned go to the role that dropped it -- here always the session's. How Snowflake prints
 * a database role owner is not confirmed: DB.ROLE, with owner_role_type DATABASE_ROLE.
 */
export function ownerOf(object: CatalogObject): WireValues {
  const owner = object.facts.owner as CatalogObject | undefined;
  if (!owner || !isLive(owner)) return { owner: OWNER_ROLE, owner_role_type: OWNER_ROLE_TYPE };
  return { owner: displayName(owner), owner_role_type: owner.kind.sqlType === "DATABASE ROLE" ? "DATABASE_ROLE" : "ROLE" };
}

export function renderObject(object: CatalogObject, context: KindContext, options: { omit?: readonly string[] } = {}): WireValues {
  const { kind } = object;
  const properties = new Set(kind.wire.properties);
  const snapshot: WireValues = {};
  const hidden = new Set([...(kind.wire.writeOnly ?? []), ...(kind.hidden ?? [])]);
  for (const wire of kind.wire.properties) {
    if (options.omit?.includes(wire) || hidden.has(wire)) continue;
    const own = object.values[wire];
    if (kind.parameters?.[wire] !== undefined) {
      const { value } = inheritedParameter(object, wire);
      if (value !== undefined) snapshot[wire] = value;
    } else if (own !== undefined) snapshot[wire] = formatted(object, wire, own);
    else if (kind.defaults?.[wire] !== undefined) snapshot[wire] = kind.defaults[wire];
  }
  snapshot.name = formatIdentifier(object.name);
  const common: WireValues = { created_on: object.createdOn.toISOString(), ...ownerOf(object) };
  if (isObject(object.parent)) {
    const database = isObject(object.parent.parent) ? object.parent.parent : object.parent;
    common.database_name = formatIdentifier(database.name);
    if (database !== object.parent) common.schema_name = formatIdentifier(object.parent.name);
  }
  for (const [wire, value] of Object.entries(common)) if (properties.has(wire) && !options.omit?.includes(wire)) snapshot[wire] = value;
  const derived = kind.render?.(object, context) ?? {};
  for (const [wire, value] of Object.entries(derived)) {
    if (!properties.has(wire)) throw new Error(`emulator bug: ${kind.model} renders ${wire}, which the spec does not define`);
    if (options.omit?.includes(wire)) continue;
    if (value === undefined) delete snapshot[wire];
    else snapshot[wire] = value;
  }
  return snapshot;
}
