// Snowflake data types, with their synonyms resolved the way DESCRIBE TABLE reports them ("Summary of data
// types", "Numeric / String & binary / Date & time data types" docs): INT and INTEGER are NUMBER(38,0), STRING
// and TEXT are VARCHAR(16777216), DOUBLE is FLOAT, DATETIME is TIMESTAMP_NTZ(9), and so on. A refresh never shows a
// diff for a synonym. A bare TIMESTAMP is the one type whose meaning depends on the account: Snowflake maps it by
// TIMESTAMP_TYPE_MAPPING (default TIMESTAMP_NTZ) when the column is created. So TIMESTAMP is sent as written, and
// matches whichever of TIMESTAMP_NTZ / _LTZ / _TZ Snowflake reports with the same precision.
import { FieldKind, noSql } from "../field-kind";

export interface DataType {
  /** Canonical name: NUMBER, FLOAT, VARCHAR, BINARY, BOOLEAN, DATE, TIME, TIMESTAMP_NTZ, ..., VECTOR. */
  name: string;
  /** Canonical arguments: NUMBER [precision, scale], VARCHAR/BINARY [length], TIME/TIMESTAMP_* [precision]. */
  args: (number | string)[];
}

interface Family {
  canonical: string;
  /** Default arguments when none are written; `fixed`: arguments are not allowed (INT is always NUMBER(38,0)). */
  defaults: number[];
  fixed?: boolean;
  /** Allowed argument ranges, in order. */
  ranges?: [number, number][];
}

const NUMBER: Family = { canonical: "NUMBER", defaults: [38, 0], ranges: [[1, 38], [0, 37]] };
const INTEGER: Family = { canonical: "NUMBER", defaults: [38, 0], fixed: true };
const FLOAT: Family = { canonical: "FLOAT", defaults: [], fixed: true };
// VARCHAR's default length stays 16777216; the maximum is 134217728 since bundle 2025_03 (BCR-1942).
const VARCHAR: Family = { canonical: "VARCHAR", defaults: [16777216], ranges: [[1, 134217728]] };
const CHAR: Family = { canonical: "VARCHAR", defaults: [1], ranges: [[1, 134217728]] };
const BINARY: Family = { canonical: "BINARY", defaults: [8388608], ranges: [[1, 67108864]] };
const precise = (canonical: string): Family => ({ canonical, defaults: [9], ranges: [[0, 9]] });
const bare = (canonical: string): Family => ({ canonical, defaults: [], fixed: true });

const FAMILIES: Record<string, Family> = {
  NUMBER, DECIMAL: NUMBER, DEC: NUMBER, NUMERIC: NUMBER,
  INT: INTEGER, INTEGER, BIGINT: INTEGER, SMALLINT: INTEGER, TINYINT: INTEGER, BYTEINT: INTEGER,
  FLOAT, FLOAT4: FLOAT, FLOAT8: FLOAT, DOUBLE: FLOAT, "DOUBLE PRECISION": FLOAT, REAL: FLOAT,
  VARCHAR, STRING: VARCHAR, TEXT: VARCHAR, VARCHAR2: VARCHAR, NVARCHAR: VARCHAR, NVARCHAR2: VARCHAR,
  "CHAR VARYING": VARCHAR, "NCHAR VARYING": VARCHAR,
  CHAR, CHARACTER: CHAR, NCHAR: CHAR,
  BINARY, VARBINARY: BINARY,
  BOOLEAN: bare("BOOLEAN"), DATE: bare("DATE"), TIME: precise("TIME"),
  DATETIME: precise("TIMESTAMP_NTZ"), TIMESTAMP: precise("TIMESTAMP"),
  TIMESTAMP_NTZ: precise("TIMESTAMP_NTZ"), TIMESTAMPNTZ: precise("TIMESTAMP_NTZ"), "TIMESTAMP WITHOUT TIME ZONE": precise("TIMESTAMP_NTZ"),
  TIMESTAMP_LTZ: precise("TIMESTAMP_LTZ"), TIMESTAMPLTZ: precise("TIMESTAMP_LTZ"), "TIMESTAMP WITH LOCAL TIME ZONE": precise("TIMESTAMP_LTZ"),
  TIMESTAMP_TZ: precise("TIMESTAMP_TZ"), TIMESTAMPTZ: precise("TIMESTAMP_TZ"), "TIMESTAMP WITH TIME ZONE": precise("TIMESTAMP_TZ"),
  VARIANT: bare("VARIANT"), OBJECT: bare("OBJECT"), ARRAY: bare("ARRAY"),
  GEOGRAPHY: bare("GEOGRAPHY"), GEOMETRY: bare("GEOMETRY"), DECFLOAT: bare("DECFLOAT"),
};

const SHAPE = /^([A-Z_][A-Z0-9_]*(?: [A-Z_][A-Z0-9_]*)*)\s*(?:\(([^()]*)\))?$/;

/** The canonical data type for a spelling, or the reason it is not one. */
export function parseDataType(text: string): DataType | string {
  const match = SHAPE.exec(text.trim().toUpperCase().replace(/\s+/g, " "));
  if (!match) return "not a data type (e.g. NUMBER(10,2), VARCHAR(100), TIMESTAMP_NTZ)";
  const [, name, argText] = match;
  const written = argText === undefined ? [] : argText.split(",").map((part) => part.trim());
  if (name === "VECTOR") return parseVector(written);
  const family = FAMILIES[name];
  if (!family) return `${name} is not a Snowflake data type`;
  if (family.fixed && written.length > 0) return `${name} takes no arguments`;
  if (written.length > family.defaults.length) return `${name} takes at most ${family.defaults.length} argument(s)`;
  const args = family.defaults.map((fallback, index) => (written[index] === undefined ? fallback : Number(written[index])));
  for (const [index, value] of args.entries()) {
    const [min, max] = family.ranges?.[index] ?? [0, Number.MAX_SAFE_INTEGER];
    if (!Number.isInteger(value) || value < min || value > max) return `${name} argument ${index + 1} must be an integer from ${min} to ${max}`;
  }
  if (family.canonical === "NUMBER" && args[1] > args[0]) return "NUMBER scale cannot exceed its precision";
  return { name: family.canonical, args };
}

// VECTOR(<INT|FLOAT>, <dimension>) (Vector data types docs): dimension at most 4096.
function parseVector(written: string[]): DataType | string {
  if (written.length !== 2 || !["INT", "FLOAT"].includes(written[0])) return "VECTOR takes an element type (INT or FLOAT) and a dimension";
  const dimension = Number(written[1]);
  if (!Number.isInteger(dimension) || dimension < 1 || dimension > 4096) return "VECTOR dimension must be an integer from 1 to 4096";
  return { name: "VECTOR", args: [written[0], dimension] };
}

export function formatDataType(type: DataType): string {
  if (type.name === "VECTOR") return `VECTOR(${type.args[0]}, ${type.args[1]})`;
  return type.args.length ? `${type.name}(${type.args.join(",")})` : type.name;
}

/** TIMESTAMP as written, before TIMESTAMP_TYPE_MAPPING picks one of these. */
const MAPPED_TIMESTAMP = "TIMESTAMP";
const TIMESTAMP_TYPES = ["TIMESTAMP_NTZ", "TIMESTAMP_LTZ", "TIMESTAMP_TZ"];

/** Whether two type names can be the same type: equal, or TIMESTAMP and a type it may be mapped to. */
function sameFamily(a: string, b: string): boolean {
  return a === b || (a === MAPPED_TIMESTAMP && TIMESTAMP_TYPES.includes(b)) || (b === MAPPED_TIMESTAMP && TIMESTAMP_TYPES.includes(a));
}

/** Whether two spellings mean the same column type (synonyms; TIMESTAMP against the type it was mapped to). */
export function sameDataType(aText: string, bText: string): boolean {
  const a = parseDataType(aText);
  const b = parseDataType(bText);
  if (typeof a === "string" || typeof b === "string") return canonicalDataType(aText) === canonicalDataType(bText);
  return sameFamily(a.name, b.name) && JSON.stringify(a.args) === JSON.stringify(b.args);
}

/** The canonical spelling of a data type, or the text as given when it is not one. */
export function canonicalDataType(text: string): string {
  const parsed = parseDataType(text);
  return typeof parsed === "string" ? text.trim().toUpperCase() : formatDataType(parsed);
}

/**
 * Why Snowflake cannot change a column from one type to the other in place, or undefined when it can
 * (ALTER TABLE ... ALTER COLUMN docs: synonyms, a longer VARCHAR and a larger NUMBER precision are allowed; a
 * shorter VARCHAR, another scale, any BINARY length change and a different type are not). Precision decreases are
 * allowed by Snowflake only when every value fits, which cannot be known before the change, so they are refused.
 */
export function inPlaceTypeChangeProblem(fromText: string, toText: string): string | undefined {
  const from = parseDataType(fromText);
  const to = parseDataType(toText);
  if (typeof from === "string" || typeof to === "string") return undefined;
  if (sameDataType(fromText, toText)) return undefined;
  if (!sameFamily(from.name, to.name)) return "Snowflake cannot change a column to a different data type";
  if (from.name === "VARCHAR") return Number(to.args[0]) >= Number(from.args[0]) ? undefined : "reducing the length of a VARCHAR is not supported";
  if (from.name === "NUMBER") {
    if (from.args[1] !== to.args[1]) return "changing the scale of a NUMBER is not supported";
    return Number(to.args[0]) > Number(from.args[0]) ? undefined : "lowering a NUMBER's precision is allowed only when every value fits, so it is not applied automatically";
  }
  if (from.name === "BINARY") return "the length of a BINARY column cannot be changed";
  return `the ${from.name} precision cannot be changed`;
}

export function dataTypeKind(): FieldKind {
  return {
    shape: { primitive: "string" },
    expected: "a Snowflake data type such as NUMBER(10,2), INT, VARCHAR(100), STRING, FLOAT, BOOLEAN, DATE, TIMESTAMP_NTZ(9), VARIANT",
    problem: (value) => {
      if (typeof value !== "string") return "not a string";
      const parsed = parseDataType(value);
      return typeof parsed === "string" ? parsed : undefined;
    },
    canonical: (value) => (typeof value === "string" ? canonicalDataType(value) : value),
    same: (next, previous) => (typeof next === "string" && typeof previous === "string" ? sameDataType(next, previous) : next === previous),
    toWire: (value) => (typeof value === "string" ? canonicalDataType(value) : value),
    fromWire: (value) => value,
    toSql: noSql("data type"),
  };
}
