// List filters shared by the collection GETs (common.yaml parameters like, startsWith, showLimit, fromName).
import { QueryParams } from "./query";

/** SQL LIKE with % (any run) and _ (one character); backslash escapes a wildcard. */
export function likePatternToRegExp(pattern: string): RegExp {
  let source = "";
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === "\\" && index + 1 < pattern.length) {
      source += escapeRegExp(pattern[++index]);
    } else if (char === "%") {
      source += ".*";
    } else if (char === "_") {
      source += ".";
    } else {
      source += escapeRegExp(char);
    }
  }
  // common.yaml parameters/like: case-insensitive pattern matching.
  return new RegExp(`^${source}$`, "is");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Applies the filters in SHOW's order: LIKE and STARTS WITH select rows, rows come sorted by name,
 * FROM skips ahead, LIMIT caps the count. Filters compare against the stored (unquoted) name; the route's
 * declared query parameters decide which filters a client may send.
 */
export function filterByName<T>(items: Iterable<T>, nameOf: (item: T) => string, query: QueryParams): T[] {
  let rows = [...items].sort((a, b) => compareNames(nameOf(a), nameOf(b)));
  const like = query.string("like");
  if (like !== undefined) {
    const regExp = likePatternToRegExp(like);
    rows = rows.filter((row) => regExp.test(nameOf(row)));
  }
  // common.yaml parameters/startsWith: case-sensitive prefix.
  const startsWith = query.string("startsWith");
  if (startsWith !== undefined) {
    rows = rows.filter((row) => nameOf(row).startsWith(startsWith));
  }
  // common.yaml parameters/fromName: rows from the first one whose name matches (case-sensitive, may be a prefix);
  // with rows sorted that is the first name >= fromName.
  const fromName = query.string("fromName");
  if (fromName !== undefined) {
    const start = rows.findIndex((row) => compareNames(nameOf(row), fromName) >= 0);
    rows = start < 0 ? [] : rows.slice(start);
  }
  // common.yaml parameters/showLimit: integer 1..10000.
  const showLimit = query.integer("showLimit", 1, 10000);
  if (showLimit !== undefined) {
    rows = rows.slice(0, showLimit);
  }
  return rows;
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
