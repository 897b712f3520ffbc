// What user-defined functions, service functions and procedures share (CREATE FUNCTION / CREATE PROCEDURE docs):
// they are identified by name AND argument types ("Naming and overloading procedures and UDFs" docs: overloads
// "must differ by the number of arguments, the types of the arguments, or both"), so the catalog keys them by
// their signature, `ADD_ONE(NUMBER, VARCHAR)`, and the `{nameWithArgs}` path segment is parsed into that key.
import type { CatalogObject, WireValues } from "../catalog/catalog";
import type { KindContext, SignatureSpec } from "../catalog/object-kind";
import { reportedDataType } from "../data-types";
import { ApiError, badRequest, ErrorCodes } from "../errors";
import { formatIdentifier, parseIdentifier } from "../identifiers";

interface WireArgument { name: string; datatype?: string; default_value?: string }

const mappingOf = (context: KindContext) => context.account.catalog.parameters.timestamp_type_mapping;

// As Snowflake answers a type it does not know ("Unsupported data type 'X'.", as for table columns).
const unsupportedType = (datatype: unknown) => badRequest(`SQL compilation error:\nUnsupported data type '${String(datatype)}'.`);

/** A declared type as Snowflake reports it in full (`NUMBER(38,0)`), as for a return type or table column. */
export function reportedType(datatype: unknown, context: KindContext): string {
  const reported = typeof datatype === "string" ? reportedDataType(datatype, mappingOf(context)) : undefined;
  if (reported === undefined) throw unsupportedType(datatype);
  return reported;
}

/**
 * A declared type as a signature lists it: the type name without length or precision, as DESCRIBE FUNCTION prints
 * signatures (desc-function-spcs docs: `(INPUTTEXT VARCHAR)`). Not confirmed against a live account: that VECTOR
 * arguments are listed without their element type and dimension.
 */
export function signatureType(datatype: unknown, context: KindContext): string {
  return reportedType(datatype, context).replace(/\(.*\)$/, "");
}

const keyFor = (name: string, types: string[]) => `${formatIdentifier(name)}(${types.join(", ")})`;

/** Splits at the commas outside parentheses and double quotes. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (!quoted && char === "(") depth++;
    if (!quoted && char === ")") depth--;
    if (!quoted && depth === 0 && char === ",") {
      parts.push(current);
      current = "";
    } else current += char;
  }
  return [...parts, current];
}

const LEADING_NAME = /^("(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)\s+/;

/**
 * One item of a nameWithArgs list: a type (`NUMBER`), or an argument name and a type as in the spec's example
 * `foo(a number, b number)`. Spaces and type synonyms are allowed (`int`, `double precision`).
 */
function itemType(item: string, context: KindContext, segment: string): string {
  const text = item.trim();
  const asType = reportedDataType(text, mappingOf(context));
  const named = LEADING_NAME.exec(text);
  const afterName = named ? reportedDataType(text.slice(named[0].length), mappingOf(context)) : undefined;
  const reported = asType ?? afterName;
  if (reported === undefined) throw badRequest(`Invalid function name with arguments '${segment}': '${text}' is not a data type.`);
  return reported.replace(/\(.*\)$/, "");
}

/**
 * The key a `{nameWithArgs}` segment names (common.yaml parameters/nameWithArgs, example `foo(a number, b number)`).
 * Not confirmed against a live account: how Snowflake answers a segment without an argument list (here a 400).
 */
export function keyFromNameWithArgs(rawSegment: string, context: KindContext): string {
  let text: string;
  try {
    text = decodeURIComponent(rawSegment).trim();
  } catch {
    throw new ApiError(400, ErrorCodes.invalidIdentifier, `Invalid function name with arguments '${rawSegment}' (malformed percent-encoding).`);
  }
  const shape = /^("(?:[^"]|"")+"|[^"(\s]+)\s*\((.*)\)$/s.exec(text);
  if (!shape) throw badRequest(`Invalid function name with arguments '${text}': expected <name>(<argument types>), e.g. ADD_ONE(NUMBER).`);
  const name = parseIdentifier(shape[1], "function name");
  const types = shape[2].trim() === "" ? [] : splitTopLevel(shape[2]).map((item) => itemType(item, context, text));
  return keyFor(name, types);
}

/** Keys by name and argument types (a missing datatype is function.yaml's default, TEXT). */
export const CALLABLE_SIGNATURE: SignatureSpec = {
  keyOf: (name, values, context) => keyFor(name, ((values.arguments as WireArgument[] | undefined) ?? []).map((argument) => signatureType(argument.datatype ?? "TEXT", context))),
  keyFromPath: keyFromNameWithArgs,
};

/**
 * Arguments as stored: names parsed, types as the signature lists them. Arguments with a default come after those
 * without ("Defining arguments for UDFs and stored procedures" docs; the error text is the emulator's own).
 */
export function acceptArguments(values: WireValues, context: KindContext, model: string): void {
  const list = (values.arguments as WireArgument[] | undefined) ?? [];
  values.arguments = list.map((argument) => ({ ...argument, name: parseIdentifier(argument.name, `${model}.arguments.name`), datatype: signatureType(argument.datatype ?? "TEXT", context) }));
  const firstOptional = list.findIndex((argument) => argument.default_value !== undefined);
  if (firstOptional >= 0 && list.slice(firstOptional).some((argument) => argument.default_value === undefined)) {
    throw badRequest("SQL compilation error:\nArguments with default values must come after all arguments without default values.");
  }
}

/** ReturnDataType / ReturnTable as stored: types as Snowflake reports them, column names parsed. */
export function acceptReturnType(values: WireValues, context: KindContext, model: string): void {
  const returns = values.return_type as { type: string; datatype?: string; column_list?: WireArgument[] } | undefined;
  if (!returns) return;
  if (returns.type === "DATATYPE") values.return_type = { ...returns, datatype: reportedType(returns.datatype, context) };
  else values.return_type = { ...returns, column_list: (returns.column_list ?? []).map((column) => ({ name: parseIdentifier(column.name, `${model}.return_type.column_list.name`), datatype: reportedType(column.datatype, context) })) };
}

/** CREATE FUNCTION / CREATE PROCEDURE docs: SQL and JavaScript code is inline, so the AS clause (body) is required. */
export function requireInlineBody(values: WireValues, noun: string): void {
  const language = (values.language_config as { language?: string } | undefined)?.language;
  if ((language === "SQL" || language === "JAVASCRIPT") && (typeof values.body !== "string" || values.body.trim() === "")) {
    throw badRequest(`SQL compilation error:\nA ${language} ${noun} needs a body.`);
  }
}

/** Arguments, return type and language settings as GET reports them, with Snowflake's defaults filled in. */
export function renderCallable(object: CatalogObject, languageDefaults: WireValues): WireValues {
  const list = (object.values.arguments as WireArgument[] | undefined) ?? [];
  const returns = object.values.return_type as { type: string; nullable?: boolean; column_list?: WireArgument[] } | undefined;
  return {
    arguments: list.map((argument) => ({ ...argument, name: formatIdentifier(argument.name) })),
    // ReturnDataType.nullable: a return type is nullable unless declared NOT NULL (CREATE FUNCTION docs).
    return_type: returns?.type === "TABLE"
      ? { ...returns, column_list: (returns.column_list ?? []).map((column) => ({ ...column, name: formatIdentifier(column.name) })) }
      : returns && { nullable: true, ...returns },
    language_config: { ...languageDefaults, ...(object.values.language_config as WireValues) },
    min_num_arguments: list.filter((argument) => argument.default_value === undefined).length,
    max_num_arguments: list.length,
  };
}
