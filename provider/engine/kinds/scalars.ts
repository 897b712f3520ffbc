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

export function integerKind(range: { min?: number; max?: number } = {}): FieldKind {
  const min = range.min ?? -INT64_SAFE;
  const max = range.max ?? INT64_SAFE;
  const expected = range.min !== undefined && range.max !== undefined
    ? `an integer from ${min} to ${max}`
    : range.min !== undefined ? `an integer >= ${min}` : range.max !== undefined ? `an integer <= ${max}` : "an integer";
  return {
    shape: { primitive: "number" },
    expected,
    problem: (value) => {
      if (typeof value !== "number" || !Number.isFinite(value)) return `${show(value)} is not a number`;
      if (!Number.isInteger(value)) return "not a whole number";
      if (value < min || value > max) return "out of range";
      return undefined;
    },
    canonical: (value) => value,
    toWire: (value) => value,
    fromWire: (value) => value,
    toSql: (value) => numberLiteral(value as number),
  };
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

/** One of an enum's tokens, accepted in any case and with Snowflake's aliases, sent and compared canonically. */
export function choiceKind(type: EnumType): FieldKind {
  const aliasWords = Object.keys(type.aliases).length ? `; aliases such as ${Object.keys(type.aliases).slice(0, 2).join(", ")} are accepted` : "";
  return {
    shape: { enumType: type },
    expected: `one of ${type.values.join(", ")} (any case${aliasWords})`,
    problem: (value) => (typeof value === "string" && type.values.includes(canonicalToken(type, value) as string) ? undefined : "not one of the allowed values"),
    canonical: (value) => canonicalToken(type, value),
    toWire: (value) => canonicalToken(type, value),
    fromWire: (value) => canonicalToken(type, value),
    toSql: (value) => literal(String(canonicalToken(type, value))),
  };
}

