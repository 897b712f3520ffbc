// Snowflake identifier rules (common.yaml `Identifier`; docs "Identifier requirements"): an unquoted identifier
// `[A-Za-z_][A-Za-z0-9_$]*` is case-insensitive and stored upper-cased; a double-quoted one keeps its exact case
// and may contain anything, with `""` standing for one `"`. Reserved keywords cannot be unquoted identifiers.
import { isKeyword, isReservedWord } from "./reserved-words";

const UNQUOTED = /^[A-Za-z_][A-Za-z0-9_$]*$/;
const QUOTED = /^"((?:[^"]|"")+)"$/;
const STORED_UNQUOTED = /^[A-Z_][A-Z0-9_$]*$/;
export const MAX_IDENTIFIER_LENGTH = 255;

/** Why `text` is not a valid identifier, or undefined when it is. */
export function identifierProblem(text: string): string | undefined {
  if (text.length === 0) return "an identifier cannot be empty";
  if (UNQUOTED.test(text)) {
    if (isReservedWord(text)) return `${text.toUpperCase()} is a reserved word in Snowflake; write it in double quotes ("${text.toUpperCase()}") to use it as a name`;
    return text.length > MAX_IDENTIFIER_LENGTH ? `an identifier has at most ${MAX_IDENTIFIER_LENGTH} characters` : undefined;
  }
  const quoted = QUOTED.exec(text);
  if (quoted) {
    return quoted[1].replace(/""/g, '"').length > MAX_IDENTIFIER_LENGTH ? `an identifier has at most ${MAX_IDENTIFIER_LENGTH} characters` : undefined;
  }
  return 'use letters, digits, _ and $ (not starting with a digit), or wrap the name in double quotes to keep it exactly, e.g. "my-name"';
}

/** The name Snowflake stores: upper case for unquoted identifiers, the exact text inside quotes otherwise. */
export function storedName(identifier: string): string {
  const quoted = QUOTED.exec(identifier);
  if (quoted) return quoted[1].replace(/""/g, '"');
  return identifier.toUpperCase();
}

/** The identifier to send for a stored name: bare when that reads back the same, else double-quoted. */
export function identifierFor(stored: string): string {
  return STORED_UNQUOTED.test(stored) && !isKeyword(stored) ? stored : `"${stored.replace(/"/g, '""')}"`;
}

/** The canonical spelling of an identifier: `analytics`, `ANALYTICS` and `"ANALYTICS"` all become `ANALYTICS`. */
export function canonicalIdentifier(identifier: string): string {
  return identifierFor(storedName(identifier));
}

export function sameIdentifier(a: string, b: string): boolean {
  return storedName(a) === storedName(b);
}

/** A path segment for an identifier (quotes and all, URL-encoded). */
export function identifierSegment(identifier: string): string {
  return encodeURIComponent(canonicalIdentifier(identifier));
}

/** Fully qualified name such as `DB.SCHEMA` or `"my db".PUBLIC`. */
export function qualifiedName(parts: string[]): string {
  return parts.map(canonicalIdentifier).join(".");
}

/** Splits at `separator` wherever it stands outside double quotes, keeping the quotes (`"a.b".C` -> `"a.b"`, `C`). */
export function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (char === separator && !quoted) {
      parts.push(current);
      current = "";
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts;
}

/** Splits `db."my schema".t` at the dots outside double quotes; undefined when a part is not an identifier. */
export function splitQualifiedName(text: string): string[] | undefined {
  const parts = splitOutsideQuotes(text, ".");
  return parts.every((part) => identifierProblem(part) === undefined) ? parts : undefined;
}
