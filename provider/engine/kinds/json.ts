// JSON objects Snowflake keeps as given: a task's CONFIG, a task's session parameters. Compared key by key with
// the keys in order, so a refresh never diffs on the order Snowflake prints them in.
import { joinSql, literal, sql } from "../../sql/sql-text";
import { FieldKind, noSql } from "../field-kind";

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Keys in order; for parameters, names upper-cased and values compared as text, since Snowflake keeps each
 * parameter typed its own way (60 and "60" are one STATEMENT_TIMEOUT_IN_SECONDS).
 */
function sortedDeep(value: unknown, parameters: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => sortedDeep(item, false));
  if (!isObject(value)) return value;
  const entries = Object.entries(value).map(([key, item]): [string, unknown] => (parameters ? [key.toUpperCase(), String(item)] : [key, sortedDeep(item, false)]));
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A JSON object; `parameterNames`: its keys are Snowflake parameter names (any case) with scalar values. */
export function jsonObjectKind(options: { what: string; parameterNames?: boolean }): FieldKind {
  const upperCaseKeys = options.parameterNames ?? false;
  return {
    shape: { map: { primitive: "unknown" } },
    expected: upperCaseKeys ? `${options.what}: an object of parameter names to strings, numbers or booleans, e.g. { TIMEZONE: "UTC" }` : `${options.what}: a JSON object, e.g. { "environment": "prod" }`,
    problem: (value) => {
      if (!isObject(value)) return "not an object";
      if (upperCaseKeys) {
        const bad = Object.entries(value).find(([, item]) => !["string", "number", "boolean"].includes(typeof item));
        if (bad) return `${bad[0]} is not a string, number or boolean`;
        const badKey = Object.keys(value).find((key) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(key));
        if (badKey !== undefined) return `${JSON.stringify(badKey)} is not a parameter name`;
        const keys = Object.keys(value).map((key) => key.toUpperCase());
        const twice = keys.find((key, index) => keys.indexOf(key) !== index);
        if (twice) return `${twice} is given twice (parameter names are case-insensitive)`;
      }
      return undefined;
    },
    canonical: (value) => sortedDeep(value, upperCaseKeys),
    toWire: (value) => (upperCaseKeys && isObject(value) ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key.toUpperCase(), item])) : value),
    fromWire: (value) => value,
    toSql: noSql("JSON object"),
  };
}

/** Any JSON value, compared as JSON (with object keys in order). */
export function jsonValueKind(): FieldKind {
  return {
    shape: { primitive: "unknown" },
    expected: "a JSON value (string, number, boolean, list or object)",
    problem: (value) => (value === undefined || typeof value === "function" ? "not a JSON value" : undefined),
    canonical: (value) => sortedDeep(value, false),
    toWire: (value) => value,
    fromWire: (value) => value,
    toSql: noSql("JSON value"),
  };
}

/**
 * HTTP headers as a map of names to values (a webhook's WEBHOOK_HEADERS = ( 'name'='value', ... )). Header names
 * are case-insensitive (RFC 9110 5.1), so they are compared in lower case; values as written.
 */
export function headersKind(): FieldKind {
  return {
    shape: { map: { primitive: "string" } },
    expected: 'an object of HTTP header names to string values, e.g. { "Content-Type": "application/json" }',
    problem: (value) => {
      if (!isObject(value)) return "not an object";
      const bad = Object.entries(value).find(([, item]) => typeof item !== "string");
      if (bad) return `the value of ${bad[0]} is not a string`;
      const names = Object.keys(value).map((key) => key.toLowerCase());
      const twice = names.find((name, index) => names.indexOf(name) !== index);
      return twice ? `${twice} is given twice (header names are case-insensitive)` : undefined;
    },
    canonical: (value) => (isObject(value) ? sortedDeep(Object.fromEntries(Object.entries(value).map(([key, item]) => [key.toLowerCase(), item])), false) : value),
    toWire: (value) => value,
    fromWire: (value) => value,
    toSql: (value) => sql`(${joinSql(Object.entries(value as Record<string, string>).map(([key, item]) => sql`${literal(key)}=${literal(item)}`), ", ")})`,
  };
}
