// Request bodies checked against the spec's model (the generated strict zod model): unknown fields, wrong types,
// missing required fields and read-only fields are 400s naming the field; names must be valid identifiers.
import type { ObjectKind } from "../catalog/object-kind";
import type { WireValues } from "../catalog/catalog";
import { badRequest } from "../errors";
import { parseIdentifier } from "../identifiers";

const isPlainObject = (value: unknown): value is WireValues => typeof value === "object" && value !== null && !Array.isArray(value);

/** A spec-valid body as wire values (nulls mean absent), with identifiers parsed into stored names. */
export function readObjectBody(kind: ObjectKind, body: unknown): WireValues {
  if (!isPlainObject(body)) throw badRequest(`Request body must be a JSON object (${kind.model}).`);
  const values = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null && value !== undefined));
  for (const key of Object.keys(values)) {
    // Read-only properties are Snowflake's to set; a client that sends them back has a bug.
    if (kind.wire.readOnly.includes(key)) throw badRequest(`Field '${key}' of ${kind.model} is read-only and cannot be set.`);
  }
  const parsed = kind.wire.strict.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue.code === "unrecognized_keys") throw badRequest(`Unknown field '${issue.keys.join("', '")}' in ${kind.model}.`);
    const field = issue.path.join(".") || "(body)";
    const given = issue.path.reduce<unknown>((value, key) => (value as WireValues | undefined)?.[key as string], values);
    if (given === undefined) throw badRequest(`Missing required field '${field}' in ${kind.model}.`);
    throw badRequest(`Invalid value ${JSON.stringify(given)} for field '${field}' in ${kind.model}: ${issue.message}.`);
  }
  if (values.name !== undefined) values.name = parseIdentifier(values.name, `${kind.model}.name`);
  for (const wire of kind.identifiers ?? []) {
    if (typeof values[wire] === "string") values[wire] = parseIdentifier(values[wire], `${kind.model}.${wire}`);
  }
  return values;
}

export function checkRange(kind: ObjectKind, field: string, value: unknown, min: number, max: number): void {
  if (typeof value === "number" && (value < min || value > max)) {
    throw badRequest(`Invalid value ${value} for field '${field}' in ${kind.model}: must be between ${min} and ${max}.`);
  }
}

/** Upper-cases an enumerated string and checks it against the accepted values. */
export function checkEnum(kind: ObjectKind, field: string, value: unknown, accepted: readonly string[]): string | undefined {
  if (value === undefined) return undefined;
  const upper = String(value).toUpperCase();
  if (!accepted.includes(upper)) throw badRequest(`Invalid value '${value}' for field '${field}' in ${kind.model}: expected one of ${accepted.join(", ")}.`);
  return upper;
}
