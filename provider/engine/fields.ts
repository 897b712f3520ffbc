// Field kinds for resource definitions: each pairs the input validation with the mapping to and from the wire and
// the canonical form used to compare values. Normalization lives here and nowhere else.
import { z } from "zod";
import { FieldDefinition } from "./definition";
import { identifierProblem, storedName } from "./identifiers";

type FieldOptions = Partial<Pick<FieldDefinition, "immutable" | "createOnly" | "writeOnly" | "serverDefault" | "identity">>;

/** Free text such as comments: an empty string and no value are the same thing in Snowflake. */
export function text(wire: string, options: FieldOptions = {}): FieldDefinition {
  return {
    wire,
    input: z.string(),
    expected: "a string",
    canonical: (value) => (value === null || value === undefined ? "" : value),
    ...options,
  };
}

/** A Snowflake identifier: compared by the name Snowflake stores (case-insensitive unless quoted). */
export function identifier(wire: string, options: FieldOptions = {}): FieldDefinition {
  return {
    wire,
    input: z.string().superRefine((value, context) => {
      const problem = identifierProblem(value);
      if (problem) context.addIssue({ code: "custom", message: problem });
    }),
    expected: 'a Snowflake identifier: letters, digits, _ and $ not starting with a digit, or any text in double quotes ("my-name")',
    canonical: (value) => (typeof value === "string" ? storedName(value) : value),
    ...options,
  };
}

export function integer(wire: string, range: { min?: number; max?: number }, options: FieldOptions = {}): FieldDefinition {
  let schema = z.number().int();
  if (range.min !== undefined) schema = schema.min(range.min);
  if (range.max !== undefined) schema = schema.max(range.max);
  const bounds = [range.min !== undefined ? `>= ${range.min}` : "", range.max !== undefined ? `<= ${range.max}` : ""].filter(Boolean).join(" and ");
  return { wire, input: schema, expected: bounds ? `an integer ${bounds}` : "an integer", ...options };
}

export function boolean(wire: string, options: FieldOptions = {}): FieldDefinition {
  return { wire, input: z.boolean(), expected: "true or false", ...options };
}

/**
 * A boolean the spec types as a string: warehouse.yaml declares auto_resume, initially_suspended,
 * enable_query_acceleration and wait_for_completion as `type: string` with values true/false, and Snowflake
 * sends "true"/"false". Users write real booleans; the wire gets strings.
 */
export function stringBoolean(wire: string, options: FieldOptions = {}): FieldDefinition {
  return {
    wire,
    input: z.boolean(),
    expected: "true or false",
    toWire: (value) => (typeof value === "boolean" ? String(value) : value),
    fromWire: (value) => (value === "true" ? true : value === "false" ? false : value),
    ...options,
  };
}

/**
 * One of a fixed set of upper-case tokens, accepted in any case and with Snowflake's aliases
 * (e.g. `X-Small` for XSMALL), and compared in canonical form.
 */
export function choice(wire: string, values: readonly string[], aliases: Record<string, string> = {}, options: FieldOptions = {}): FieldDefinition {
  const canonicalOf = (value: unknown): unknown => {
    if (typeof value !== "string") return value;
    const upper = value.trim().toUpperCase();
    return aliases[upper] ?? upper;
  };
  return {
    wire,
    input: z.string().refine((value) => values.includes(canonicalOf(value) as string)),
    expected: `one of ${values.join(", ")}${Object.keys(aliases).length ? ` (any case; aliases such as ${Object.keys(aliases).slice(0, 2).join(", ")} are accepted)` : " (any case)"}`,
    toWire: canonicalOf,
    canonical: canonicalOf,
    ...options,
  };
}
