// The snapshot mapper: the one place that turns declared Pulumi properties into REST bodies and REST snapshots back
// into Pulumi state. State holds the properties the user declared (with Snowflake's live values, but in the user's
// own spelling when the two mean the same) plus a few read-only outputs; properties the user left unset are
// Snowflake's business and never show up as drift.
import { COMMON_INPUTS, FieldDefinition, ResourceDefinition } from "./definition";
import { canonicalIdentifier, qualifiedName } from "./identifiers";

export type Properties = Record<string, unknown>;
export type WireSnapshot = Record<string, unknown>;

const isSet = (value: unknown) => value !== undefined && value !== null;

/**
 * A snapshot as received, ready for the wire model: the specs declare most optional fields non-nullable, but an
 * unset value may arrive as null. The mapper treats null and absent alike, so drop nulls rather than reject it.
 */
export function withoutNulls(body: unknown): unknown {
  if (!body || typeof body !== "object" || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null));
}

function canonicalJson(field: FieldDefinition, value: unknown): string {
  const canonical = field.canonical ? field.canonical(value) : value;
  return JSON.stringify(canonical ?? null);
}

/** Whether two values of a field mean the same to Snowflake. */
export function equivalent(field: FieldDefinition, a: unknown, b: unknown): boolean {
  return canonicalJson(field, a) === canonicalJson(field, b);
}

/** The declared (non-identity) properties whose value is set. */
export function declaredFields(definition: ResourceDefinition, properties: Properties): string[] {
  return Object.keys(definition.fields).filter((key) => isSet(properties[key]));
}

/** Identity of the object: container names in path order, then its own name. */
export function identityOf(definition: ResourceDefinition, properties: Properties): { parents: Record<string, string>; name: string } {
  const parents: Record<string, string> = {};
  for (const [key, field] of Object.entries(definition.fields)) {
    if (field.identity === "parent") parents[key] = String(properties[key]);
  }
  return { parents, name: String(properties.name) };
}

export function fullyQualifiedName(definition: ResourceDefinition, properties: Properties): string {
  const { parents, name } = identityOf(definition, properties);
  return qualifiedName([...Object.values(parents), name]);
}

/** The REST body for the declared properties (identity containers go in the path, read-only fields never). */
export function toWireBody(definition: ResourceDefinition, properties: Properties, options: { includeCreateOnly: boolean }): WireSnapshot {
  const body: WireSnapshot = {};
  for (const [key, field] of Object.entries(definition.fields)) {
    const value = properties[key];
    if (!isSet(value) || field.identity === "parent") continue;
    if (field.createOnly && !options.includeCreateOnly) continue;
    if (definition.readOnlyWire.includes(field.wire)) continue;
    body[field.wire] = field.identity === "name" ? canonicalIdentifier(String(value)) : field.toWire ? field.toWire(value) : value;
  }
  return body;
}

/**
 * The full property set for PUT create-or-alter: Snowflake resets whatever the body leaves out, so start from the
 * live snapshot (keeping settings made outside Pulumi that the user never declared), drop read-only fields and the
 * properties the user stopped declaring (those go back to Snowflake's default), then apply the declared ones.
 */
export function createOrAlterBody(definition: ResourceDefinition, live: WireSnapshot, declared: Properties, previouslyDeclared: Properties): WireSnapshot {
  const body: WireSnapshot = {};
  const settableWire = new Set(Object.values(definition.fields).filter((f) => !f.identity && !f.createOnly).map((f) => f.wire));
  for (const [wire, value] of Object.entries(live)) {
    if (settableWire.has(wire) && !definition.readOnlyWire.includes(wire) && isSet(value)) body[wire] = value;
  }
  for (const [key, field] of Object.entries(definition.fields)) {
    if (isSet(previouslyDeclared[key]) && !isSet(declared[key])) delete body[field.wire];
  }
  return { ...body, ...toWireBody(definition, declared, { includeCreateOnly: false }) };
}

/** Pulumi state for a snapshot: declared properties with live values (in the declared spelling when equal), plus outputs. */
export function stateFrom(definition: ResourceDefinition, declared: Properties, snapshot: WireSnapshot): Properties {
  const state: Properties = {};
  for (const key of declaredFields(definition, declared)) {
    const field = definition.fields[key];
    const value = declared[key];
    if (field.identity === "parent" || field.writeOnly || field.createOnly) {
      state[key] = value;
      continue;
    }
    const live = field.fromWire ? field.fromWire(snapshot[field.wire]) : snapshot[field.wire];
    if (equivalent(field, value, live)) state[key] = value;
    else if (isSet(live)) state[key] = live;
  }
  for (const [property, wire] of Object.entries(definition.outputs)) {
    if (isSet(snapshot[wire])) state[property] = snapshot[wire];
  }
  for (const key of COMMON_INPUTS) if (declared[key] !== undefined) state[key] = declared[key];
  state.fullyQualifiedName = fullyQualifiedName(definition, { ...declared, ...state });
  return state;
}

/** The inputs a refresh reports: what the user declares, as Snowflake has it now. */
export function inputsFromState(definition: ResourceDefinition, state: Properties): Properties {
  const inputs: Properties = {};
  for (const key of declaredFields(definition, state)) inputs[key] = state[key];
  for (const key of COMMON_INPUTS) if (state[key] !== undefined) inputs[key] = state[key];
  return inputs;
}
