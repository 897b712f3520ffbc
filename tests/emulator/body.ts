// Validation of JSON request bodies against a model's property table (the spec's components/schemas).
import { badRequest } from "./errors";
import { parseIdentifier } from "./identifiers";

export type FieldType =
  | "identifier" // common.yaml Identifier → stored name
  | "string"
  | "integer"
  | "boolean"
  // warehouse.yaml Warehouse: auto_resume & co. are `type: string` with values "true"/"false".
  | "stringBoolean";

export interface FieldSpec {
  type: FieldType;
  /** readOnly in the spec: set by the server, ignored when a client sends it back. */
  readOnly?: boolean;
}

export type ModelFields = Readonly<Record<string, FieldSpec>>;

/** Writable, type-checked values of a body; absent and null properties are left out. */
export type BodyValues = Record<string, string | number | boolean>;

export function readModelBody(body: unknown, model: string, fields: ModelFields): BodyValues {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw badRequest(`Request body must be a JSON object (${model}).`);
  }
  const values: BodyValues = {};
  for (const [field, value] of Object.entries(body)) {
    const spec = fields[field];
    if (!spec) throw badRequest(`Unknown field '${field}' in ${model}.`);
    if (spec.readOnly || value === null || value === undefined) continue;
    values[field] = readField(model, field, spec.type, value);
  }
  if (values.name === undefined && fields.name) {
    throw badRequest(`Missing required field 'name' in ${model}.`);
  }
  return values;
}

function readField(model: string, field: string, type: FieldType, value: unknown): string | number | boolean {
  const invalid = (expected: string) =>
    badRequest(`Invalid value ${JSON.stringify(value)} for field '${field}' in ${model}: expected ${expected}.`);
  switch (type) {
    case "identifier":
      return parseIdentifier(value, `${model}.${field}`);
    case "string":
      if (typeof value !== "string") throw invalid("a string");
      return value;
    case "integer":
      if (typeof value !== "number" || !Number.isSafeInteger(value)) throw invalid("an integer");
      return value;
    case "boolean":
    case "stringBoolean":
      // Lenient both ways: "true"/"false" strings and JSON booleans mean the same thing.
      if (typeof value === "boolean") return value;
      if (typeof value === "string" && /^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
      throw invalid(type === "boolean" ? "a boolean" : 'the string "true" or "false"');
  }
}

export function checkRange(model: string, field: string, value: number, min: number, max: number): void {
  if (value < min || value > max) {
    throw badRequest(`Invalid value ${value} for field '${field}' in ${model}: must be between ${min} and ${max}.`);
  }
}

/** Upper-cases an enumerated string and checks it against the accepted values. */
export function checkEnum(model: string, field: string, value: string, accepted: readonly string[]): string {
  const upper = value.toUpperCase();
  if (!accepted.includes(upper)) {
    throw badRequest(
      `Invalid value '${value}' for field '${field}' in ${model}: expected one of ${accepted.join(", ")}.`
    );
  }
  return upper;
}
