// The snapshot mapper: the one place that turns declared Pulumi properties into REST bodies and REST snapshots back
// into Pulumi state. State holds the properties the user declared (with Snowflake's live values, but in the user's
// own spelling when the two mean the same) plus a few read-only outputs; properties the user left unset are
// Snowflake's business and never show up as drift.
import { COMMON_INPUTS } from "./common-inputs";
import { FieldDefinition, Properties, ResourceDefinition, WireSnapshot } from "./definition";
import { isSet, reconcileValue } from "./field-kind";
import { canonicalIdentifier, qualifiedName } from "./identifiers";

export type { Properties, WireSnapshot };

/** What a read brought back: the object's snapshot, and its tag assignments when tags are managed. */
export interface LiveObject {
  snapshot: WireSnapshot;
  tags?: unknown[];
}

/**
 * A snapshot as received, ready for the wire model: the specs declare most optional fields non-nullable, but an
 * unset value may arrive as null. The mapper treats null and absent alike, so drop nulls rather than reject it.
 */
export function withoutNulls(body: unknown): unknown {
  if (!body || typeof body !== "object" || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null));
}

export function readWire(snapshot: WireSnapshot, path: string): unknown {
  return path.split(".").reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as WireSnapshot)[key] : undefined), snapshot);
}

const isObject = (value: unknown): value is WireSnapshot => typeof value === "object" && value !== null && !Array.isArray(value);

/** Sets a (possibly nested) wire property; objects written to the same place are merged. */
function writeWire(body: WireSnapshot, path: string, value: unknown): void {
  const keys = path.split(".");
  let target = body;
  for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as WireSnapshot;
  const last = keys[keys.length - 1];
  target[last] = isObject(value) && isObject(target[last]) ? { ...target[last], ...value } : value;
}

/** Fields whose values travel in REST bodies (tags and run state have endpoints of their own; createQuery fields go in the create's query). */
export function isBodyField(field: FieldDefinition): boolean {
  return field.change !== "tags" && field.change !== "runState" && field.createQuery === undefined;
}

/** The query parameters of the creating POST that declared fields carry (FieldDefinition.createQuery). */
export function createQueryOf(definition: ResourceDefinition, properties: Properties): Record<string, string | boolean> {
  const query: Record<string, string | boolean> = {};
  for (const [key, field] of Object.entries(definition.fields)) {
    if (field.createQuery !== undefined && isSet(properties[key])) query[field.createQuery] = field.kind.toWire(properties[key]) as string | boolean;
  }
  return query;
}

/** The declared properties whose value is set. */
export function declaredFields(definition: ResourceDefinition, properties: Properties): string[] {
  return Object.keys(definition.fields).filter((key) => isSet(properties[key]));
}

/** Identity of the object: container names in path order, then its own name. */
export function identityOf(definition: ResourceDefinition, properties: Properties): { parents: Record<string, string>; name: string } {
  const parents: Record<string, string> = {};
  let nameKey = "name";
  for (const [key, field] of Object.entries(definition.fields)) {
    if (field.identity === "parent") parents[key] = String(properties[key]);
    // The own name is usually `name`; an invocation names the object it acts on (a task run's `task`).
    if (field.identity === "name") nameKey = key;
  }
  return { parents, name: String(properties[nameKey]) };
}

/**
 * The identity properties of an object of `definition` named by stored parts in path order (`[DB, SCHEMA, NAME]`):
 * its containers' fields, then its name field (quoted, so any stored name survives). Parts beyond those given
 * stay unset (a collection needs only its containers).
 */
export function identityFromParts(definition: ResourceDefinition, parts: readonly string[]): Properties {
  const keys = [
    ...Object.entries(definition.fields).filter(([, field]) => field.identity === "parent").map(([key]) => key),
    ...Object.entries(definition.fields).filter(([, field]) => field.identity === "name").map(([key]) => key),
  ];
  return Object.fromEntries(keys.flatMap((key, index) => (parts[index] === undefined ? [] : [[key, `"${parts[index].replace(/"/g, '""')}"`]])));
}

/** `DB.SCHEMA.NAME`, with the signature of types that overload names (`DB.SCHEMA.ADD_ONE(NUMBER)`): the resource id. */
export function fullyQualifiedName(definition: ResourceDefinition, properties: Properties): string {
  if (definition.access) return definition.access.qualifiedName(properties);
  const { parents, name } = identityOf(definition, properties);
  return qualifiedName([...Object.values(parents), name]) + (definition.signature?.(properties) ?? "");
}

/** The REST body for the declared properties (identity containers go in the path, read-only fields never). */
export function toWireBody(definition: ResourceDefinition, properties: Properties, options: { includeCreateOnly: boolean }): WireSnapshot {
  const body: WireSnapshot = structuredClone(definition.bodyDefaults ?? {});
  const declared = definition.comparable ? definition.comparable(properties) : properties;
  for (const [key, field] of Object.entries(definition.fields)) {
    const value = declared[key];
    if (!isSet(value) || field.identity === "parent" || !isBodyField(field)) continue;
    if (field.createOnly && !options.includeCreateOnly) continue;
    if (field.body === "never" || (field.body === "create" && !options.includeCreateOnly)) continue;
    if (definition.wire.readOnly.includes(field.wire)) continue;
    writeWire(body, field.wire, field.identity === "name" ? canonicalIdentifier(String(value)) : field.kind.toWire(value));
  }
  return body;
}

/**
 * The full property set for PUT create-or-alter. Snowflake resets whatever the body leaves out, so the body starts
 * from the live snapshot (keeping settings made outside Pulumi that the user never declared), without read-only
 * fields, without properties the user stopped declaring (those go back to Snowflake's default), and without
 * inherited parameters not set on the object itself (sending those would pin an inherited value on the object).
 */
export function createOrAlterBody(definition: ResourceDefinition, live: WireSnapshot, declared: Properties, previouslyDeclared: Properties, setOnObject: ReadonlySet<string>): WireSnapshot {
  const body: WireSnapshot = {};
  const settable = Object.values(definition.fields).filter((f) => !f.identity && !f.createOnly && isBodyField(f) && !definition.wire.readOnly.includes(f.wire));
  for (const field of settable) {
    const top = field.wire.split(".")[0];
    if (!isSet(live[top])) continue;
    if (field.inherited && !setOnObject.has(field.wire)) continue;
    // A top-level value goes back in the spelling we send (a table reported with kind '' is sent as PERMANENT);
    // a nested record is kept as reported.
    body[top] = top === field.wire ? field.kind.toWire(field.kind.fromWire(live[top])) : live[top];
  }
  // A property no longer declared goes back to Snowflake's default: sent as the default where there is one (CREATE
  // OR ALTER TABLE keeps CHANGE_TRACKING when it is left out), else left out. Judged on the normal form, so a
  // constraint no longer declared on a column is gone from the body too.
  const previous = definition.comparable ? definition.comparable(previouslyDeclared) : previouslyDeclared;
  const next = definition.comparable ? definition.comparable(declared) : declared;
  for (const [key, field] of Object.entries(definition.fields)) {
    if (!isSet(previous[key]) || isSet(next[key])) continue;
    const top = field.wire.split(".")[0];
    if (field.serverDefault !== undefined && top === field.wire) body[top] = field.kind.toWire(field.serverDefault);
    else delete body[top];
  }
  return { ...body, ...toWireBody(definition, declared, { includeCreateOnly: false }) };
}

/**
 * The live values of what the declaration sets (its name aside), each in the declaration's spelling where they mean
 * the same: the object as found, to plan against the declaration (adopting it, or telling whether it is ours).
 */
export function declaredLiveValues(definition: ResourceDefinition, live: LiveObject, declared: Properties): Properties {
  const liveValues = liveProperties(definition, live);
  const values: Properties = {};
  for (const [key, field] of Object.entries(definition.fields)) {
    if (isSet(declared[key]) && key !== "name" && liveValues[key] !== undefined) values[key] = reconcileValue(field.kind, declared[key], liveValues[key]);
  }
  return values;
}

/** Every field's value in a snapshot, as Pulumi properties (Snowflake's spelling). */
export function liveProperties(definition: ResourceDefinition, live: LiveObject): Properties {
  const properties: Properties = {};
  for (const [key, field] of Object.entries(definition.fields)) {
    if (field.change === "tags") {
      if (live.tags) properties[key] = field.kind.fromWire(live.tags);
      continue;
    }
    if (field.change === "runState") {
      const state = definition.runState && readWire(live.snapshot, definition.runState.wire);
      if (typeof state === "string") properties[key] = definition.runState!.suspendedValues.includes(state.toUpperCase());
      continue;
    }
    const value = readWire(live.snapshot, field.wire);
    if (isSet(value)) properties[key] = field.kind.fromWire(value);
  }
  return properties;
}

/**
 * What state records for a write-only field whose digest (FieldDefinition.digest) no longer matches the one read after
 * the last write: Snowflake's copy changed outside Pulumi, and this differs from any declared value.
 */
export function changedOutsidePulumi(digestWire: string, recorded: unknown, live: unknown): string {
  return `(changed outside Pulumi: ${digestWire} was ${String(recorded)}, is ${String(live)})`;
}

/** The write-only field's value for state: the declared one, unless its digest says Snowflake's copy changed. */
function writeOnlyValue(definition: ResourceDefinition, field: FieldDefinition, declared: unknown, live: LiveObject, previous?: Properties): unknown {
  const output = field.digest ? definition.outputs[field.digest] : undefined;
  if (!output || !previous || !isSet(previous[field.digest!])) return declared;
  const liveDigest = readWire(live.snapshot, output.wire);
  return isSet(liveDigest) && liveDigest !== previous[field.digest!] ? changedOutsidePulumi(output.wire, previous[field.digest!], liveDigest) : declared;
}

/**
 * Pulumi state for a snapshot: declared properties with live values (in the declared spelling when equal), plus
 * outputs. `previous` is the state a refresh starts from (its digests tell out-of-band changes of write-only fields).
 */
export function stateFrom(definition: ResourceDefinition, declared: Properties, live: LiveObject, previous?: Properties): Properties {
  const state: Properties = {};
  const liveValues = liveProperties(definition, live);
  const comparableDeclared = definition.comparable ? definition.comparable(declared) : declared;
  const comparableLive = definition.comparable ? definition.comparable(liveValues) : liveValues;
  for (const key of declaredFields(definition, declared)) {
    const field = definition.fields[key];
    if (field.identity === "parent" || field.writeOnly || field.createOnly) {
      state[key] = field.writeOnly ? writeOnlyValue(definition, field, declared[key], live, previous) : declared[key];
      continue;
    }
    // A property Snowflake leaves out of its answer has Snowflake's default value.
    const liveValue = isSet(comparableLive[key]) ? comparableLive[key] : field.serverDefault;
    const kept = reconcileValue(field.kind, comparableDeclared[key], liveValue);
    if (kept === comparableDeclared[key]) state[key] = declared[key];
    else if (isSet(kept)) state[key] = kept;
  }
  // A property only the normal form has (constraints lifted from columns) that Snowflake no longer matches is drift
  // of the declared properties it came from: they take Snowflake's value, so the next diff sees the difference.
  const derived = Object.keys(comparableDeclared).filter((key) => definition.fields[key] && !isSet(declared[key]) && isSet(comparableDeclared[key]));
  if (derived.some((key) => reconcileValue(definition.fields[key].kind, comparableDeclared[key], comparableLive[key]) !== comparableDeclared[key])) {
    for (const key of declaredFields(definition, declared)) {
      if (JSON.stringify(comparableDeclared[key]) !== JSON.stringify(declared[key]) && isSet(comparableLive[key])) state[key] = comparableLive[key];
    }
  }
  for (const [property, output] of Object.entries(definition.outputs)) {
    const value = readWire(live.snapshot, output.wire);
    if (isSet(value)) state[property] = output.kind.fromWire(value);
  }
  for (const key of providerInputs(definition)) if (declared[key] !== undefined) state[key] = declared[key];
  state.fullyQualifiedName = fullyQualifiedName(definition, { ...declared, ...state });
  return state;
}

/** The inputs a refresh reports: what the user declares, as Snowflake has it now. */
export function inputsFromState(definition: ResourceDefinition, state: Properties): Properties {
  const inputs: Properties = {};
  for (const key of declaredFields(definition, state)) inputs[key] = state[key];
  for (const key of providerInputs(definition)) if (state[key] !== undefined) inputs[key] = state[key];
  return inputs;
}

/** Inputs that are the provider's business, not Snowflake's: the connection, adoptExisting, opt-ins and settings. */
export function providerInputs(definition: ResourceDefinition): string[] {
  return [...COMMON_INPUTS, ...definition.optIns, ...Object.keys(definition.settings ?? {})];
}
