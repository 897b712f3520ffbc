// A list lookup's filter (like, startsWith, limit), split between what goes to Snowflake with the list and what the
// SDK applies to the rows it answers. The one implementation for every kind of list: REST collections
// (lookups.ts) and SHOW over the SQL API (sql-object/sql-list.ts).
import type { ListFilter } from "./lookup-args";
import type { ListShape } from "./lookup-shape";
import { exactLikePattern } from "./list-read";

/** The narrowing the list itself is asked for; `allSent`: nothing is left for the SDK but the limit. */
export interface SentFilter {
  like?: string;
  startsWith?: string;
  allSent: boolean;
}

/** A `startsWith` still narrows the request through `like` where only that is offered (and no `like` is asked). */
export function sentFilter(list: ListShape, filter: ListFilter): SentFilter {
  const sent: SentFilter = { allSent: (filter.like === undefined || list.like) && (filter.startsWith === undefined || list.startsWith) };
  if (filter.like !== undefined && list.like) sent.like = filter.like;
  if (filter.startsWith !== undefined) {
    if (list.startsWith) sent.startsWith = filter.startsWith;
    else if (list.like && filter.like === undefined) sent.like = `${exactLikePattern(filter.startsWith)}%`;
  }
  return sent;
}

/** SQL LIKE as Snowflake's SHOW applies it: case-insensitive, `%` any run, `_` one character, `\` escapes. */
function likeMatcher(pattern: string): RegExp {
  let source = "";
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === "\\" && index + 1 < pattern.length) source += pattern[++index].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else if (char === "%") source += ".*";
    else if (char === "_") source += ".";
    else source += char.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, "is");
}

/**
 * The rows that pass the filter, up to the limit, matched against the stored names: `like` where the list took
 * none, and `startsWith` (case-sensitive, SHOW ... STARTS WITH docs) always, since `like` may have stood in for it.
 */
export function narrowedRows<R>(rows: Iterable<R>, list: ListShape, filter: ListFilter, storedNameOf: (row: R) => string): R[] {
  const like = filter.like !== undefined && !list.like ? likeMatcher(filter.like) : undefined;
  const matching = [...rows].filter((row) => {
    const stored = storedNameOf(row);
    return (!like || like.test(stored)) && (filter.startsWith === undefined || stored.startsWith(filter.startsWith));
  });
  return matching.slice(0, filter.limit);
}
