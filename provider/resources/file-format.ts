// File formats have no REST endpoints: CREATE FILE FORMAT <db>.<schema>.<name> TYPE = <type> <options> COMMENT =
// '...'; read from SHOW FILE FORMATS LIKE '<name>' IN SCHEMA <db>.<schema> (type, comment) and DESCRIBE FILE
// FORMAT <name> (each option's value); ALTER FILE FORMAT ... SET <option> = <value> (no UNSET: a removed option is
// set back to its default), RENAME TO; DROP FILE FORMAT IF EXISTS. The type is fixed at creation.
import { FieldDefinition, Properties } from "../engine/definition";
import { defineResource } from "../engine/define";
import { FieldKind, isSet, show } from "../engine/field-kind";
import { booleanKind, enumType, integerKind, textKind } from "../engine/kinds/scalars";
import { listKind } from "../engine/kinds/structures";
import { keywordChoiceKind } from "../engine/kinds/sql-values";
import { joinSql, keyword, literal, sql } from "../sql/sql-text";
import { CLEAR_COMMENT, commentField, field, ownershipOutputs, schemaObjectIdentity } from "./common";
import { objectsUsing, pipesCopyingWithFormat } from "./object-usage";
import { sqlObjectPath } from "./sql-objects";

// CREATE FILE FORMAT docs: TYPE = { CSV | JSON | AVRO | ORC | PARQUET | XML } (CUSTOM is not offered).
const FORMAT_TYPE = enumType("FileFormatType", "The kind of files the format reads and writes.", ["CSV", "JSON", "AVRO", "ORC", "PARQUET", "XML"]);
// CREATE FILE FORMAT docs, COMPRESSION: AUTO | GZIP | BZ2 | BROTLI | ZSTD | DEFLATE | RAW_DEFLATE | NONE; PARQUET
// takes AUTO | LZO | SNAPPY | NONE.
const COMPRESSION = enumType("FileFormatCompression", "How data files are compressed; AUTO detects it.", ["AUTO", "GZIP", "BZ2", "BROTLI", "ZSTD", "DEFLATE", "RAW_DEFLATE", "LZO", "SNAPPY", "NONE"]);
const PARQUET_COMPRESSION = ["AUTO", "LZO", "SNAPPY", "NONE"];

/** A character (or text) option that also takes the keyword NONE (ESCAPE = NONE, FIELD_OPTIONALLY_ENCLOSED_BY = NONE). */
function textOrNoneKind(): FieldKind {
  const isNone = (value: unknown) => typeof value === "string" && value.trim().toUpperCase() === "NONE";
  return { ...textKind(), canonical: (value) => (isNone(value) ? "NONE" : value ?? ""), toSql: (value) => (isNone(value) ? keyword("NONE") : literal(String(value))), meansUnset: () => false };
}

/** NULL_IF = ( '<text>', ... ): strings that read as SQL NULL, in order; `()` is no such string. */
function nullIfKind(): FieldKind {
  const base = listKind(textKind(), { ordered: true, itemWords: "strings" });
  return { ...base, toSql: (value) => sql`(${joinSql((value as string[]).map((item) => literal(item)), ", ")})`, meansUnset: () => false };
}

type Format = (typeof FORMAT_TYPE.values)[number];
interface Option { wire: string; kind: FieldKind; doc: string; types: readonly Format[]; default: unknown }

const ALL: readonly Format[] = FORMAT_TYPE.values;
// CREATE FILE FORMAT docs, "Format type options": which types take each option, and its default.
const OPTIONS: Record<string, Option> = {
  compression: { wire: "compression", kind: keywordChoiceKind(COMPRESSION), doc: "Compression of the files (AUTO detects it).", types: ["CSV", "JSON", "AVRO", "PARQUET", "XML"], default: "AUTO" },
  recordDelimiter: { wire: "record_delimiter", kind: textOrNoneKind(), doc: "Text between records (CSV; default a newline).", types: ["CSV"], default: "\n" },
  fieldDelimiter: { wire: "field_delimiter", kind: textOrNoneKind(), doc: "Text between fields (CSV; default `,`).", types: ["CSV"], default: "," },
  fileExtension: { wire: "file_extension", kind: textKind(), doc: "Extension of files unloaded (CSV, JSON).", types: ["CSV", "JSON"], default: undefined },
  parseHeader: { wire: "parse_header", kind: booleanKind(), doc: "Take column names from the first line (CSV).", types: ["CSV"], default: false },
  skipHeader: { wire: "skip_header", kind: integerKind({ min: 0 }), doc: "Lines skipped at the start of each file (CSV).", types: ["CSV"], default: 0 },
  skipBlankLines: { wire: "skip_blank_lines", kind: booleanKind(), doc: "Skip blank lines (CSV).", types: ["CSV"], default: false },
  dateFormat: { wire: "date_format", kind: textKind(), doc: "Format of date values, or AUTO (CSV, JSON).", types: ["CSV", "JSON"], default: "AUTO" },
  timeFormat: { wire: "time_format", kind: textKind(), doc: "Format of time values, or AUTO (CSV, JSON).", types: ["CSV", "JSON"], default: "AUTO" },
  timestampFormat: { wire: "timestamp_format", kind: textKind(), doc: "Format of timestamp values, or AUTO (CSV, JSON).", types: ["CSV", "JSON"], default: "AUTO" },
  escape: { wire: "escape", kind: textOrNoneKind(), doc: "Escape character for enclosed fields, or NONE (CSV).", types: ["CSV"], default: "NONE" },
  escapeUnenclosedField: { wire: "escape_unenclosed_field", kind: textOrNoneKind(), doc: "Escape character for unenclosed fields, or NONE (CSV; default `\\`).", types: ["CSV"], default: "\\" },
  trimSpace: { wire: "trim_space", kind: booleanKind(), doc: "Trim white space around values.", types: ALL, default: false },
  fieldOptionallyEnclosedBy: { wire: "field_optionally_enclosed_by", kind: textOrNoneKind(), doc: "Character enclosing strings (`\"` or `'`), or NONE (CSV).", types: ["CSV"], default: "NONE" },
  nullIf: { wire: "null_if", kind: nullIfKind(), doc: "Strings read as SQL NULL (default `\\N`; for JSON none).", types: ALL, default: ["\\N"] },
  errorOnColumnCountMismatch: { wire: "error_on_column_count_mismatch", kind: booleanKind(), doc: "Fail when a row has another number of columns than the table (CSV).", types: ["CSV"], default: true },
  emptyFieldAsNull: { wire: "empty_field_as_null", kind: booleanKind(), doc: "Read empty fields as NULL (CSV).", types: ["CSV"], default: true },
  encoding: { wire: "encoding", kind: textKind(), doc: "Character set of the files, e.g. UTF8 (CSV).", types: ["CSV"], default: "UTF8" },
  stripOuterArray: { wire: "strip_outer_array", kind: booleanKind(), doc: "Load each element of an outer array as a row (JSON).", types: ["JSON"], default: false },
  stripNullValues: { wire: "strip_null_values", kind: booleanKind(), doc: "Drop object fields whose value is null (JSON).", types: ["JSON"], default: false },
  allowDuplicate: { wire: "allow_duplicate", kind: booleanKind(), doc: "Allow duplicate object field names, the last one kept (JSON).", types: ["JSON"], default: false },
  ignoreUtf8Errors: { wire: "ignore_utf8_errors", kind: booleanKind(), doc: "Replace invalid UTF-8 instead of failing (JSON, XML).", types: ["JSON", "XML"], default: false },
  binaryAsText: { wire: "binary_as_text", kind: booleanKind(), doc: "Read columns without a logical type as text (PARQUET).", types: ["PARQUET"], default: true },
  useLogicalType: { wire: "use_logical_type", kind: booleanKind(), doc: "Use Parquet logical types (PARQUET).", types: ["PARQUET"], default: false },
  preserveSpace: { wire: "preserve_space", kind: booleanKind(), doc: "Keep leading and trailing spaces of element content (XML).", types: ["XML"], default: false },
  stripOuterElement: { wire: "strip_outer_element", kind: booleanKind(), doc: "Load the outer element's children as rows (XML).", types: ["XML"], default: false },
  disableAutoConvert: { wire: "disable_auto_convert", kind: booleanKind(), doc: "Keep text values as text, not numbers or booleans (XML).", types: ["XML"], default: false },
};

function optionField(option: Option): FieldDefinition {
  const types = option.types === ALL ? "" : ` Types: ${option.types.join(", ")}.`;
  // ALTER FILE FORMAT has no UNSET: a removed option goes back to its default by SET (none for FILE_EXTENSION).
  const removal = option.default === undefined ? { sql: { unset: sql`SET ${keyword(option.wire.toUpperCase())} = ${literal("")}` } } : { serverDefault: option.default, sql: { unset: "serverDefault" as const } };
  return field(option.wire, option.kind, `${option.doc}${types}`, { ...removal, shown: { from: "describe" } });
}

const typeOf = (properties: Properties): string => String(properties.type ?? "CSV").toUpperCase();

/** An option only some types take (CREATE FILE FORMAT docs list them per type): refused for the others at check. */
function optionProblems(properties: Properties): { property: string; reason: string }[] {
  const type = typeOf(properties);
  if (!(FORMAT_TYPE.values as readonly string[]).includes(type)) return [];
  const problems = Object.entries(OPTIONS)
    .filter(([key, option]) => isSet(properties[key]) && !option.types.includes(type as Format))
    .map(([key, option]) => ({ property: key, reason: `a ${type} file format does not take it; expected it only with type ${option.types.join(", ")}` }));
  const compression = properties.compression;
  if (typeof compression === "string" && type === "PARQUET" && !PARQUET_COMPRESSION.includes(compression.toUpperCase())) {
    problems.push({ property: "compression", reason: `${show(compression)} is not one PARQUET files take; expected one of ${PARQUET_COMPRESSION.join(", ")}` });
  }
  return problems;
}

export const fileFormat = defineResource({
  typeName: "FileFormat",
  noun: "file format",
  doc: "A named file format: the type (CSV, JSON, AVRO, ORC, PARQUET, XML) and options stages and COPY statements read and write files with. SQL only: REST v2 has no endpoints for it.",
  collectionPath: sqlObjectPath("FILE FORMATS"),
  changes: "sql",
  sqlObjectType: "FILE FORMAT",
  sqlObject: { show: "FILE FORMATS", describe: { property: "property", value: "property_value" } },
  rename: "sql",
  fields: {
    ...schemaObjectIdentity("file format"),
    type: field("type", keywordChoiceKind(FORMAT_TYPE), "CSV (default), JSON, AVRO, ORC, PARQUET or XML. A change means a new file format.", { immutable: true, serverDefault: "CSV" }),
    ...Object.fromEntries(Object.entries(OPTIONS).map(([key, option]) => [key, optionField(option)])),
    comment: commentField("file format", { sql: CLEAR_COMMENT }),
  },
  outputs: ownershipOutputs("file format"),
  crossChecks: optionProblems,
  // A replacement (a new type) drops the format: objects naming it silently fall back to format defaults (DROP FILE
  // FORMAT docs, usage notes), and the 2025_05 bundle (BCR-1989) refuses it under external tables. Pipes are found
  // by their COPY text. Stages are not checked: SHOW STAGES has no file format column (SHOW STAGES docs, Output;
  // only DESCRIBE STAGE's STAGE_FILE_FORMAT rows carry it, one statement per stage), and the Stage type cannot
  // set one. External tables have no type here.
  usedBy: objectsUsing(pipesCopyingWithFormat),
});
