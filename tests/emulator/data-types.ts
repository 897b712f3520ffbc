// The data type Snowflake reports for a column declared with a given spelling -- the emulator's own table, kept
// apart from the provider's so a mistake in one is caught by the other. Sources: "Summary of data types" and the
// Numeric / String & binary / Date & time data types docs (synonyms, default lengths and precisions), and the
// TIMESTAMP_TYPE_MAPPING parameter docs (a bare TIMESTAMP becomes TIMESTAMP_NTZ unless the account maps it to
// TIMESTAMP_LTZ or TIMESTAMP_TZ; the mapping is applied when the column is created).

/** Reported name, default arguments, and whether arguments may be written. */
type Reported = [name: string, defaults: number[], takesArguments: boolean];

const NUMBER: Reported = ["NUMBER", [38, 0], true];
const WHOLE: Reported = ["NUMBER", [38, 0], false];
const FLOAT: Reported = ["FLOAT", [], false];
const TEXT: Reported = ["VARCHAR", [16777216], true];
const CHARACTER: Reported = ["VARCHAR", [1], true];
const BYTES: Reported = ["BINARY", [8388608], true];
const at9 = (name: string): Reported => [name, [9], true];
const plain = (name: string): Reported => [name, [], false];

const SPELLINGS: Record<string, Reported> = {
  NUMBER, NUMERIC: NUMBER, DECIMAL: NUMBER, DEC: NUMBER,
  INT: WHOLE, INTEGER: WHOLE, BIGINT: WHOLE, SMALLINT: WHOLE, TINYINT: WHOLE, BYTEINT: WHOLE,
  FLOAT, FLOAT4: FLOAT, FLOAT8: FLOAT, DOUBLE: FLOAT, "DOUBLE PRECISION": FLOAT, REAL: FLOAT,
  VARCHAR: TEXT, STRING: TEXT, TEXT, NVARCHAR: TEXT, NVARCHAR2: TEXT, VARCHAR2: TEXT, "CHAR VARYING": TEXT, "NCHAR VARYING": TEXT,
  CHAR: CHARACTER, CHARACTER, NCHAR: CHARACTER,
  BINARY: BYTES, VARBINARY: BYTES,
  BOOLEAN: plain("BOOLEAN"), DATE: plain("DATE"), TIME: at9("TIME"), DATETIME: at9("TIMESTAMP_NTZ"),
  TIMESTAMP_NTZ: at9("TIMESTAMP_NTZ"), TIMESTAMPNTZ: at9("TIMESTAMP_NTZ"), "TIMESTAMP WITHOUT TIME ZONE": at9("TIMESTAMP_NTZ"),
  TIMESTAMP_LTZ: at9("TIMESTAMP_LTZ"), TIMESTAMPLTZ: at9("TIMESTAMP_LTZ"), "TIMESTAMP WITH LOCAL TIME ZONE": at9("TIMESTAMP_LTZ"),
  TIMESTAMP_TZ: at9("TIMESTAMP_TZ"), TIMESTAMPTZ: at9("TIMESTAMP_TZ"), "TIMESTAMP WITH TIME ZONE": at9("TIMESTAMP_TZ"),
  VARIANT: plain("VARIANT"), OBJECT: plain("OBJECT"), ARRAY: plain("ARRAY"),
  GEOGRAPHY: plain("GEOGRAPHY"), GEOMETRY: plain("GEOMETRY"), DECFLOAT: plain("DECFLOAT"),
};

const TIMESTAMP_MAPPINGS = ["TIMESTAMP_NTZ", "TIMESTAMP_LTZ", "TIMESTAMP_TZ"];

/** The reported spelling of a declared type, or undefined when Snowflake would not accept it. */
export function reportedDataType(declared: string, timestampMapping: unknown = "TIMESTAMP_NTZ"): string | undefined {
  const match = /^([A-Z_][A-Z0-9_]*(?: [A-Z_][A-Z0-9_]*)*)\s*(?:\(([^()]*)\))?$/.exec(declared.trim().toUpperCase().replace(/\s+/g, " "));
  if (!match) return undefined;
  const [, spelling, argumentText] = match;
  const written = argumentText === undefined ? [] : argumentText.split(",").map((part) => part.trim());
  // Vector data types docs: VECTOR(INT | FLOAT, 1..4096).
  if (spelling === "VECTOR") {
    const dimension = Number(written[1]);
    return written.length === 2 && ["INT", "FLOAT"].includes(written[0]) && Number.isInteger(dimension) && dimension >= 1 && dimension <= 4096 ? `VECTOR(${written[0]}, ${dimension})` : undefined;
  }
  const mapping = TIMESTAMP_MAPPINGS.includes(String(timestampMapping).toUpperCase()) ? String(timestampMapping).toUpperCase() : "TIMESTAMP_NTZ";
  const reported = spelling === "TIMESTAMP" ? at9(mapping) : SPELLINGS[spelling];
  if (!reported) return undefined;
  const [name, defaults, takesArguments] = reported;
  if (written.length > (takesArguments ? defaults.length : 0)) return undefined;
  const args = defaults.map((fallback, index) => (written[index] === undefined ? fallback : Number(written[index])));
  if (!args.every((value) => Number.isInteger(value) && value >= 0)) return undefined;
  if (!withinLimits(name, args)) return undefined;
  return args.length === 0 ? name : `${name}(${args.join(",")})`;
}

// NUMBER precision 1..38 and scale 0..min(37, precision); VARCHAR up to 128 MB (bundle 2025_03), BINARY up to
// 64 MB; fractional-second precision 0..9.
function withinLimits(name: string, [first, second]: number[]): boolean {
  if (name === "NUMBER") return first >= 1 && first <= 38 && second <= Math.min(37, first);
  if (name === "VARCHAR") return first >= 1 && first <= 134217728;
  if (name === "BINARY") return first >= 1 && first <= 67108864;
  if (name === "TIME" || name.startsWith("TIMESTAMP")) return first <= 9;
  return true;
}
