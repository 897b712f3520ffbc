// Snowflake identifier rules (common.yaml components/schemas/Identifier; Snowflake docs "Identifier requirements").
import { isReservedWord } from "../../provider/engine/reserved-words";
import { ApiError, ErrorCodes } from "./errors";

// Identifier requirements docs: unquoted identifiers start with a letter or underscore and contain only
// letters, digits, underscores and dollar signs; they are case-insensitive and stored upper-cased.
const UNQUOTED_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]*$/;
// Identifier requirements docs: a double-quoted identifier may contain any character; an embedded
// double quote is written as two double quotes. It is case-sensitive and stored exactly.
const QUOTED_IDENTIFIER = /^"((?:[^"]|"")+)"$/;
// Identifier requirements docs: identifiers are at most 255 characters.
const MAX_IDENTIFIER_LENGTH = 255;
// A stored name that would read back the same unquoted can be returned bare (reserved words need their quotes).
const BARE_STORED_NAME = /^[A-Z_][A-Z0-9_$]*$/;

function invalidIdentifier(what: string, text: string, why: string): ApiError {
  return new ApiError(400, ErrorCodes.invalidIdentifier, `Invalid identifier for ${what}: '${text}' (${why}).`);
}

/** Parses a wire identifier into the name Snowflake stores. `what` names the field for error messages. */
export function parseIdentifier(text: unknown, what: string): string {
  if (typeof text !== "string") {
    throw invalidIdentifier(what, String(text), "expected a string");
  }
  const quoted = QUOTED_IDENTIFIER.exec(text);
  const stored = quoted
    ? quoted[1].replace(/""/g, '"')
    : UNQUOTED_IDENTIFIER.test(text)
    ? text.toUpperCase()
    : undefined;
  // Reserved & limited keywords docs: reserved keywords "cannot be used as identifiers" unless double-quoted;
  // Snowflake's parser answers "syntax error ... unexpected '<word>'".
  if (!quoted && UNQUOTED_IDENTIFIER.test(text) && isReservedWord(text)) {
    throw new ApiError(400, ErrorCodes.syntaxError, `SQL compilation error:\nsyntax error line 1 at position 0 unexpected '${text}'.`);
  }
  if (stored === undefined) {
    throw invalidIdentifier(
      what,
      text,
      "unquoted names use letters, digits, _ and $ and do not start with a digit; other names must be double-quoted"
    );
  }
  if (stored.length > MAX_IDENTIFIER_LENGTH) {
    throw invalidIdentifier(what, text, `longer than ${MAX_IDENTIFIER_LENGTH} characters`);
  }
  return stored;
}

/** Parses a raw (still percent-encoded) URL path segment as an identifier. */
export function parsePathIdentifier(rawSegment: string, what: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawSegment);
  } catch {
    throw invalidIdentifier(what, rawSegment, "malformed percent-encoding");
  }
  return parseIdentifier(decoded, what);
}

/** Renders a stored name so that it matches the spec's Identifier pattern and round-trips through parseIdentifier. */
export function formatIdentifier(stored: string): string {
  return BARE_STORED_NAME.test(stored) && !isReservedWord(stored) ? stored : `"${stored.replace(/"/g, '""')}"`;
}
