// Scalar kinds: free text, SQL text, integers, booleans, and the closed sets of tokens (enums).
import { booleanLiteral, literal, numberLiteral } from "../../sql/sql-text";
import { EnumType, FieldKind, show } from "../field-kind";

const INT64_SAFE = Number.MAX_SAFE_INTEGER;

/** Free text such as comments: Snowflake treats an empty string and no value alike. */
export function textKind(options: { pattern?: RegExp; patternWords?: string; maxLength?: number } = {}): FieldKind {
  const limits = [options.patternWords, options.maxLength !== undefined ? `at most ${options.maxLength} characters` : undefined].filter(Boolean);
  return {
    shape: { primitive: "string" },
    expected: `a string${limits.length ? ` (${limits.join(", ")})` : ""}`,
    problem: (value) => {
      if (typeof value !== "string") return "not a string";
      if (options.pattern && !options.pattern.test(value)) return `does not match: ${options.patternWords}`;
      if (options.maxLength !== undefined && value.length > options.maxLength) return `${value.length} characters is longer than ${options.maxLength}`;
      return undefined;
    },
    canonical: (value) => (value === null || value === undefined ? "" : value),
    toWire: (value) => value,
    fromWire: (value) => value,
    toSql: (value) => literal(String(value)),
    meansUnset: (value) => value === "",
  };
}

/**
 * Whitespace collapsed outside quoted parts ('literals', "identifiers"); `upperCase` also upper-cases the unquoted
 * text, as Snowflake does with expressions it keeps (clustering keys).
 */
export function normalizeSql(text: string, upperCase = false): string {
  return text.trim().replace(/("(?:[^"]|"")*"|'(?:[^'\\]|''|\\.)*')|[^"']+/g, (part, quoted) => quoted ?? (upperCase ? part.replace(/\s+/g, " ").toUpperCase() : part.replace(/\s+/g, " ")));
}

/**
 * SQL the user writes (a view's query, an alert's condition): compared without the whitespace and trailing
 * semicolon Snowflake does not keep.
 */
export function sqlTextKind(options: { pattern?: RegExp; patternWords?: string } = {}): FieldKind {
  const base = textKind(options);
  const trimmed = (value: unknown): unknown => (typeof value === "string" ? value.trim().replace(/;\s*$/, "").trim() : value);
  return {
    ...base,
    expected: options.patternWords ? `SQL text (${options.patternWords})` : "SQL text",
    problem: (value) => (typeof value === "string" && value.trim() === "" ? "empty" : base.problem(value)),
    canonical: (value) => (typeof value === "string" ? normalizeSql(String(trimmed(value))) : value),
    toWire: trimmed,
  };
}

/**
 * A whole number within [min, max]. The bounds are clamped to the integers a JavaScript number holds exactly
 * (±(2^53-1)): a larger one (an int64 sequence start) would be sent as another number than the one written. They
 * stay on the kind (`range`) so defineResource can narrow them further to the wire format (int32).
 */
export function integerKind(range: { min?: number; max?: number } = {}): FieldKind {
  const min = Math.max(range.min ?? -INT64_SAFE, -INT64_SAFE);
  const max = Math.min(range.max ?? INT64_SAFE, INT64_SAFE);
  const bounded = { min: range.min !== undefined || min > -INT64_SAFE, max: range.max !== undefined || max < INT64_SAFE };
  const expected = bounded.min && bounded.max
    ? `an integer from ${min} to ${max}`
    : bounded.min ? `an integer >= ${min}` : bounded.max ? `an integer <= ${max}` : "an integer";
  return {
    shape: { primitive: "number" },
    expected,
    range: { min, max },
    problem: (value) => {
      if (typeof value !== "number" || !Number.isFinite(value)) return `${show(value)} is not a number`;
      if (!Number.isInteger(value)) return "not a whole number";
      return value < min || value > max ? "out of range" : undefined;
    },
    canonical: (value) => value,
    toWire: (value) => value,
    fromWire: (value) => value,
    toSql: (value) => numberLiteral(value as number),
  };
}

/** The kind of an integer field narrowed to [min, max] (a wire format's range), keeping what else it does. */
export function narrowedInteger(kind: FieldKind, bounds: { min: number; max: number }): FieldKind {
  if (!kind.range) return kind;
  const min = Math.max(kind.range.min, bounds.min);
  const max = Math.min(kind.range.max, bounds.max);
  if (min === kind.range.min && max === kind.range.max) return kind;
  const { expected, problem, range } = integerKind({ min, max });
  return { ...kind, expected, problem, range };
}

export function booleanKind(): FieldKind {
  return {
    shape: { primitive: "boolean" },
    expected: "true or false",
    problem: (value) => (typeof value === "boolean" ? undefined : "not a boolean"),
    canonical: (value) => value,
    toWire: (value) => value,
    fromWire: (value) => value,
    toSql: (value) => booleanLiteral(value as boolean),
  };
}

/**
 * A boolean the spec types as a string: warehouse.yaml declares auto_resume, initially_suspended and
 * enable_query_acceleration as `type: string` with values "true"/"false". Users write real booleans.
 */
export function stringBooleanKind(): FieldKind {
  return {
    ...booleanKind(),
    toWire: (value) => (typeof value === "boolean" ? String(value) : value),
    fromWire: (value) => (value === "true" ? true : value === "false" ? false : value),
  };
}

export function enumType(name: string, doc: string, values: readonly string[], aliases: Record<string, string> = {}): EnumType {
  return { name, doc, values, aliases };
}

/** The canonical token for a spelling: trimmed, upper case, aliases resolved. */
export function canonicalToken(type: EnumType, value: unknown): unknown {
  if (typeof value !== "string") return value;
  const upper = value.trim().toUpperCase();
  return type.aliases[upper] ?? upper;
}

/**
 * One of an enum's tokens, accepted in any case and with Snowflake's aliases, sent and compared canonically.
 * `only`: the tokens this property takes when it takes fewer than the type has (serverless task sizes stop at
 * XXLARGE), with the reason; the SDK type stays the shared enum.
 */
export function choiceKind(type: EnumType, only?: { values: readonly string[]; because: string }): FieldKind {
  const aliasWords = Object.keys(type.aliases).length ? `; aliases such as ${Object.keys(type.aliases).slice(0, 2).join(", ")} are accepted` : "";
  const allowed = only?.values ?? type.values;
  const unknown = only?.values.filter((value) => !type.values.includes(value)) ?? [];
  if (unknown.length) throw new Error(`${type.name} has no ${unknown.join(", ")}`);
  return {
    shape: { enumType: type },
    expected: `one of ${allowed.join(", ")} (any case${aliasWords})`,
    problem: (value) => {
      const token = canonicalToken(type, value);
      if (typeof value !== "string" || !type.values.includes(token as string)) return "not one of the allowed values";
      return allowed.includes(token as string) ? undefined : `${token} is a ${type.name} but not allowed here: ${only!.because}`;
    },
    canonical: (value) => canonicalToken(type, value),
    toWire: (value) => canonicalToken(type, value),
    fromWire: (value) => canonicalToken(type, value),
    toSql: (value) => literal(String(canonicalToken(type, value))),
  };
}
