// Kinds of values the SQL-only types write as SQL words or times: a choice written as a keyword (FREQUENCY =
// MONTHLY, TYPE = CSV), a point in time compared as an instant, and a list of names written in parentheses.
import { joinSql, keyword, literal, sql } from "../../sql/sql-text";
import { EnumType, FieldKind } from "../field-kind";
import { identifierKind } from "./names";
import { canonicalToken, choiceKind } from "./scalars";
import { listKind } from "./structures";

/** One of an enum's tokens, written as a bare keyword (the statement's syntax takes no quotes there). */
export function keywordChoiceKind(type: EnumType): FieldKind {
  return { ...choiceKind(type), toSql: (value) => keyword(String(canonicalToken(type, value))) };
}

const ZONED = /(Z|[+-]\d{2}:?\d{2}|\bUTC)$/i;

/**
 * The instant a timestamp text names, in epoch milliseconds; a time without a zone is UTC (ALTER RESOURCE MONITOR
 * docs: "If you set a time without specifying a time zone, UTC is used as the default time zone").
 */
export function instantOf(text: string): number {
  const trimmed = text.trim().replace(/^(\d{4}-\d{2}-\d{2}) /, "$1T").replace(/\s*([+-]\d{2}):?(\d{2})$/, "$1:$2").replace(/\s*UTC$/i, "Z");
  const zoned = ZONED.test(trimmed) ? trimmed : /T/.test(trimmed) ? `${trimmed}Z` : `${trimmed}T00:00:00Z`;
  return Date.parse(zoned);
}

/**
 * A point in time (`2030-01-01`, `2030-01-01 08:00`, ISO with zone), compared as the instant it names; `now`: a
 * word meaning the time of the statement (START_TIMESTAMP = IMMEDIATELY), which matches whatever Snowflake reports.
 */
export function timestampKind(options: { now?: string } = {}): FieldKind {
  const isNow = (value: unknown) => options.now !== undefined && typeof value === "string" && value.trim().toUpperCase() === options.now;
  return {
    shape: { primitive: "string" },
    expected: `a date or time such as 2030-01-01 or 2030-01-01T08:00:00Z (UTC unless a zone is given)${options.now ? `, or ${options.now}` : ""}`,
    problem: (value) => (typeof value !== "string" ? "not a string" : isNow(value) || Number.isFinite(instantOf(value)) ? undefined : "not a date or time"),
    canonical: (value) => (typeof value === "string" && !isNow(value) && Number.isFinite(instantOf(value)) ? new Date(instantOf(value)).toISOString() : value),
    same: (next, previous) => isNow(next) || (typeof next === "string" && typeof previous === "string" && instantOf(next) === instantOf(previous)),
    toWire: (value) => value,
    fromWire: (value) => value,
    toSql: (value) => (isNow(value) ? keyword(options.now!) : literal(new Date(instantOf(String(value))).toISOString())),
  };
}

/**
 * Names (users, rules, integrations) as a set, written `( "A", "B" )`. `addedBySnowflake`: names Snowflake puts in
 * the list itself (an integration's privileged roles, per an account parameter); they are left out of comparisons,
 * so a declared list without them means the same as the one Snowflake prints.
 */
export function nameSetKind(itemWords: string, options: { addedBySnowflake?: readonly string[] } = {}): FieldKind {
  const base = listKind(identifierKind(), { ordered: false, itemWords });
  const kind: FieldKind = { ...base, toSql: (value) => sql`(${joinSql((value as unknown[]).map((name) => identifierKind().toSql(name)), ", ")})` };
  const added = options.addedBySnowflake;
  if (!added?.length) return kind;
  const own = (value: unknown) => (Array.isArray(value) ? value.filter((name) => !added.includes(String(identifierKind().canonical(name)))) : []);
  return { ...kind, same: (next, previous) => JSON.stringify(base.canonical(own(next))) === JSON.stringify(base.canonical(own(previous))) };
}
