// File formats (CREATE / ALTER / DROP / SHOW FILE FORMATS / DESCRIBE FILE FORMAT docs): schema objects naming a
// TYPE and its format type options. REST v2 has no endpoints for them. Values are kept under lower-case option
// names; DESCRIBE prints every option of the type with its value (the default where unset).
import type { CatalogObject, WireValues } from "../catalog/catalog";
import type { ObjectKind, SqlProperty } from "../catalog/object-kind";
import { badRequest } from "../errors";
import { DDL_TYPE_ID, text, type ResultSet } from "../sql/select";
import { printed, SHOWN, sqlOnlyWire } from "./sql-objects";

// CREATE FILE FORMAT docs: TYPE = { CSV | JSON | AVRO | ORC | PARQUET | XML | CUSTOM } (CUSTOM not hosted).
const TYPES = ["CSV", "JSON", "AVRO", "ORC", "PARQUET", "XML"];

interface Option {
  value: SqlProperty["value"];
  /** DESCRIBE's property_type. */
  printedType: "String" | "Boolean" | "Integer" | "List";
  /** The types that take it, and its default for each (CREATE FILE FORMAT docs, Format type options). */
  defaults: Partial<Record<(typeof TYPES)[number], unknown>>;
}

const all = (value: unknown, types = TYPES) => Object.fromEntries(types.map((type) => [type, value]));

// CREATE FILE FORMAT docs, "Format type options (formatTypeOptions)": a subset of the options, each with the types
// it is listed under and its documented default (NULL_IF: \N, except JSON's empty list).
export const FILE_FORMAT_OPTIONS: Record<string, Option> = {
  COMPRESSION: { value: "keyword", printedType: "String", defaults: all("AUTO", ["CSV", "JSON", "AVRO", "PARQUET", "XML"]) },
  RECORD_DELIMITER: { value: "textOrNone", printedType: "String", defaults: { CSV: "\n" } },
  FIELD_DELIMITER: { value: "textOrNone", printedType: "String", defaults: { CSV: "," } },
  FILE_EXTENSION: { value: "string", printedType: "String", defaults: { CSV: null, JSON: null } },
  PARSE_HEADER: { value: "boolean", printedType: "Boolean", defaults: { CSV: false } },
  SKIP_HEADER: { value: "integer", printedType: "Integer", defaults: { CSV: 0 } },
  SKIP_BLANK_LINES: { value: "boolean", printedType: "Boolean", defaults: { CSV: false } },
  DATE_FORMAT: { value: "string", printedType: "String", defaults: all("AUTO", ["CSV", "JSON"]) },
  TIME_FORMAT: { value: "string", printedType: "String", defaults: all("AUTO", ["CSV", "JSON"]) },
  TIMESTAMP_FORMAT: { value: "string", printedType: "String", defaults: all("AUTO", ["CSV", "JSON"]) },
  ESCAPE: { value: "textOrNone", printedType: "String", defaults: { CSV: "NONE" } },
  ESCAPE_UNENCLOSED_FIELD: { value: "textOrNone", printedType: "String", defaults: { CSV: "\\" } },
  TRIM_SPACE: { value: "boolean", printedType: "Boolean", defaults: all(false) },
  FIELD_OPTIONALLY_ENCLOSED_BY: { value: "textOrNone", printedType: "String", defaults: { CSV: "NONE" } },
  NULL_IF: { value: "stringList", printedType: "List", defaults: { ...all(["\\N"]), JSON: [] } },
  ERROR_ON_COLUMN_COUNT_MISMATCH: { value: "boolean", printedType: "Boolean", defaults: { CSV: true } },
  EMPTY_FIELD_AS_NULL: { value: "boolean", printedType: "Boolean", defaults: { CSV: true } },
  ENCODING: { value: "string", printedType: "String", defaults: { CSV: "UTF8" } },
  STRIP_OUTER_ARRAY: { value: "boolean", printedType: "Boolean", defaults: { JSON: false } },
  STRIP_NULL_VALUES: { value: "boolean", printedType: "Boolean", defaults: { JSON: false } },
  ALLOW_DUPLICATE: { value: "boolean", printedType: "Boolean", defaults: { JSON: false } },
  IGNORE_UTF8_ERRORS: { value: "boolean", printedType: "Boolean", defaults: { JSON: false, XML: false } },
  BINARY_AS_TEXT: { value: "boolean", printedType: "Boolean", defaults: { PARQUET: true } },
  USE_LOGICAL_TYPE: { value: "boolean", printedType: "Boolean", defaults: { PARQUET: false } },
  PRESERVE_SPACE: { value: "boolean", printedType: "Boolean", defaults: { XML: false } },
  STRIP_OUTER_ELEMENT: { value: "boolean", printedType: "Boolean", defaults: { XML: false } },
  DISABLE_AUTO_CONVERT: { value: "boolean", printedType: "Boolean", defaults: { XML: false } },
};

// CREATE FILE FORMAT docs, COMPRESSION: AUTO | GZIP | BZ2 | BROTLI | ZSTD | DEFLATE | RAW_DEFLATE | NONE, and for
// PARQUET AUTO | LZO | SNAPPY | NONE.
const COMPRESSIONS: Record<string, string[]> = { PARQUET: ["AUTO", "LZO", "SNAPPY", "NONE"] };
const COMMON_COMPRESSIONS = ["AUTO", "GZIP", "BZ2", "BROTLI", "ZSTD", "DEFLATE", "RAW_DEFLATE", "NONE"];

const wireOf = (option: string) => option.toLowerCase();

/** DESCRIBE prints a list as `[a, b]` (NULL_IF's default as `[\N]`); booleans as true/false. */
function describedValue(value: unknown): string | null {
  if (value === null || value === undefined) return "";
  return Array.isArray(value) ? `[${value.join(", ")}]` : String(value);
}

function describe(object: CatalogObject): ResultSet {
  const type = String(object.values.type);
  const columns = [text("property"), text("property_type"), text("property_value", true), text("property_default", true)];
  const rows = Object.entries(FILE_FORMAT_OPTIONS)
    .filter(([, option]) => type in option.defaults)
    .map(([name, option]) => {
      const fallback = option.defaults[type];
      const value = object.values[wireOf(name)] ?? fallback;
      return [name, option.printedType, describedValue(value), describedValue(fallback)];
    });
  return { columns, rows: [["TYPE", "String", type, "CSV"], ...rows], statementTypeId: DDL_TYPE_ID };
}

export const fileFormatKind: ObjectKind = {
  spec: "",
  model: "FileFormat",
  objectType: "File format",
  sqlType: "FILE FORMAT",
  parameterLevel: "FILE FORMAT",
  collection: "file-formats",
  scope: "schema",
  wire: sqlOnlyWire(["name", "type", "comment", ...Object.keys(FILE_FORMAT_OPTIONS).map(wireOf)]),
  accept(values: WireValues, { existing }) {
    // CREATE FILE FORMAT docs: TYPE defaults to CSV.
    const type = String(values.type ?? "CSV");
    if (!TYPES.includes(type)) throw badRequest(`SQL compilation error:\ninvalid value '${type}' for property 'TYPE'`);
    // ALTER FILE FORMAT docs: its SET takes format type options and COMMENT, not TYPE (not confirmed either way
    // whether Snowflake refuses SET TYPE; the emulator keeps the type a format was made with).
    if (existing && existing.values.type !== type) throw badRequest("SQL compilation error:\nThe TYPE of a file format cannot be changed.");
    for (const [name, option] of Object.entries(FILE_FORMAT_OPTIONS)) {
      const value = values[wireOf(name)];
      if (value === undefined) continue;
      // An option the type does not take is refused (CREATE FILE FORMAT docs list the options per type).
      if (!(type in option.defaults)) throw badRequest(`SQL compilation error:\nInvalid file format option ${name} for file format type ${type}.`);
      if (name === "COMPRESSION" && !(COMPRESSIONS[type] ?? COMMON_COMPRESSIONS).includes(String(value))) throw badRequest(`SQL compilation error:\nInvalid value '${value}' for property 'COMPRESSION' of file format type ${type}.`);
      if (name === "SKIP_HEADER" && Number(value) < 0) throw badRequest(`SQL compilation error:\nInvalid value ${value} for property 'SKIP_HEADER'.`);
    }
    return { ...values, type };
  },
  sqlProperties: {
    TYPE: { wire: "type", value: "keyword" },
    COMMENT: { wire: "comment", value: "string" },
    ...Object.fromEntries(Object.entries(FILE_FORMAT_OPTIONS).map(([name, option]) => [name, { wire: wireOf(name), value: option.value }])),
  },
  sqlObject: {
    show: "FILE FORMATS",
    // SHOW FILE FORMATS docs: created_on, name, database_name, schema_name, type, owner, comment, format_options
    // (the options as JSON), owner_role_type.
    columns: [
      SHOWN.createdOn, SHOWN.name, SHOWN.databaseName, SHOWN.schemaName, printed("type"), SHOWN.owner, SHOWN.comment,
      { column: text("format_options"), value: (object) => JSON.stringify(Object.fromEntries(describe(object).rows.map(([name, , value]) => [name, value]))) },
      SHOWN.ownerRoleType,
    ],
    describe,
  },
};
