// Kinds of user-defined functions and procedures (user-defined-function.yaml, procedure.yaml, function.yaml):
// argument lists, the signature that identifies an overload, return types, handler languages, null handling,
// volatility and code bodies.
//
// Signatures: Snowflake identifies a function or procedure by its name and argument types ("Naming and overloading
// procedures and UDFs" docs: overloads "must differ by the number of arguments, the types of the arguments, or
// both"). DESCRIBE FUNCTION prints a signature with bare type names (desc-function-spcs docs: `(INPUTTEXT VARCHAR)`,
// while `returns` is `VARCHAR(16777216)`), so an argument's type is compared, and identifies the overload, by its
// type name only: `int`, `NUMBER(38,0)` and `NUMBER(10,2)` are all NUMBER. (Not confirmed against a live account
// that lengths and precisions never take part in overload resolution.)
import type { FieldDefinition } from "../definition";
import { FieldKind, isSet, noSql, ObjectType, show } from "../field-kind";
import { isUnknown } from "../unknowns";
import { dataTypeKind, parseDataType, sameDataType } from "./data-types";
import { defaultExpressionKind } from "./expressions";
import { identifierKind, qualifiedNameKind } from "./names";
import { canonicalToken, choiceKind, enumType, textKind } from "./scalars";
import { objectKind, recordsKind } from "./structures";

const field = (wire: string, kind: FieldKind, doc: string, extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ wire, kind, doc, ...extra });

/** The type name of a data type (NUMBER for INT and NUMBER(10,2)); the text upper-cased when it is not one. */
export function typeName(text: string): string {
  const parsed = parseDataType(text);
  return typeof parsed === "string" ? text.trim().toUpperCase() : parsed.name;
}

/** An argument's data type: validated like a column type, compared by type name (see the top of this file). */
export function argumentTypeKind(): FieldKind {
  const base = dataTypeKind();
  return {
    ...base,
    canonical: (value) => (typeof value === "string" ? typeName(value) : value),
    // sameDataType on the bare names: synonyms, and a bare TIMESTAMP against the type the account maps it to.
    same: (next, previous) => (typeof next === "string" && typeof previous === "string" ? sameDataType(typeName(next), typeName(previous)) : next === previous),
  };
}

const ARGUMENT_NAME = "Argument name.";
const ARGUMENT_TYPE = "Data type; synonyms and lengths do not matter to the signature (INT, NUMBER(38,0) and NUMBER(10,2) are all NUMBER).";

function argumentType(withDefaults: boolean): ObjectType {
  return {
    name: withDefaults ? "CallableArgument" : "ServiceFunctionArgument",
    doc: withDefaults ? "An argument of a function or procedure: name, data type and optional default." : "An argument of a service function: name and data type.",
    fields: {
      name: field("name", identifierKind(), ARGUMENT_NAME, { required: true }),
      datatype: field("datatype", argumentTypeKind(), ARGUMENT_TYPE, { required: true }),
      ...(withDefaults ? { defaultValue: field("default_value", defaultExpressionKind(), "Default as an SQL expression, e.g. `1` or `'n/a'`: the argument becomes optional. Arguments with defaults come after those without.") } : {}),
    },
  };
}

/**
 * The argument list, in order, matched by name. With defaults: optional arguments come after the required ones
 * ("Defining arguments for UDFs and stored procedures" docs, designating an argument as optional -- the order rule
 * as CREATE FUNCTION / CREATE PROCEDURE enforce it is not confirmed against a live account).
 */
export function argumentsKind(options: { defaults: boolean }): FieldKind {
  const base = recordsKind(objectKind(argumentType(options.defaults)), { identity: (argument) => String(argument.name), ordered: true, noun: "argument" });
  return {
    ...base,
    expected: options.defaults ? `${base.expected}; arguments with a defaultValue after all those without` : base.expected,
    problem: (value) => {
      const problem = base.problem(value);
      if (problem || !options.defaults || !Array.isArray(value)) return problem;
      const firstOptional = value.findIndex((argument) => isSet(argument?.defaultValue));
      const required = value.findIndex((argument, index) => index > firstOptional && !isSet(argument?.defaultValue));
      if (firstOptional < 0 || required < 0) return undefined;
      return `argument ${required + 1} (${show(value[required].name)}) has no defaultValue but comes after argument ${firstOptional + 1} (${show(value[firstOptional].name)}), which has one; arguments with defaults must come last`;
    },
  };
}

/** The signature of an argument list, `(NUMBER, VARCHAR)`; undefined while a type is not known yet (preview). */
export function signatureOf(argumentList: unknown): string | undefined {
  if (isUnknown(argumentList) && !Array.isArray(argumentList)) return undefined;
  const list = (Array.isArray(argumentList) ? argumentList : []) as unknown[];
  const types = list.map((argument) => (argument && typeof argument === "object" ? (argument as Record<string, unknown>).datatype : argument));
  // Only the types matter: an argument's name or default not known yet leaves the signature known.
  if (types.some(isUnknown)) return undefined;
  return `(${types.map((type) => typeName(String(type ?? ""))).join(", ")})`;
}

/** Whether two argument lists have one signature (the same type names, a bare TIMESTAMP matching its mapped type). */
export function sameSignature(a: unknown, b: unknown): boolean {
  if (signatureOf(a) === undefined || signatureOf(b) === undefined) return false;
  const types = (list: unknown) => (Array.isArray(list) ? list : []).map((argument) => typeName(String((argument as Record<string, unknown>)?.datatype ?? "")));
  const [left, right] = [types(a), types(b)];
  return left.length === right.length && left.every((type, index) => sameDataType(type, right[index]));
}

/** A return table's columns (RETURNS TABLE (...)), in order. An empty list is RETURNS TABLE (). */
export function returnColumnsKind(): FieldKind {
  const column: ObjectType = {
    name: "ReturnColumn",
    doc: "A column of the table a table function or procedure returns.",
    fields: {
      name: field("name", identifierKind(), "Column name.", { required: true }),
      datatype: field("datatype", dataTypeKind(), "Data type; synonyms are the same type (INT is NUMBER(38,0)).", { required: true }),
    },
  };
  const base = recordsKind(objectKind(column), { identity: (item) => String(item.name), ordered: true, noun: "column" });
  return { ...base, meansUnset: undefined };
}

/** One of the two shapes of return_type (ReturnDataType / ReturnTable): each field reads only its own shape. */
export function returnShapeKind(shape: "DATATYPE" | "TABLE"): FieldKind {
  const base = shape === "DATATYPE" ? dataTypeKind() : returnColumnsKind();
  const own = (wire: unknown) => (wire && typeof wire === "object" && (wire as Record<string, unknown>).type === shape ? (wire as Record<string, unknown>) : undefined);
  return {
    ...base,
    toWire: (value) => (shape === "DATATYPE" ? { type: shape, datatype: base.toWire(value) } : { type: shape, column_list: base.toWire(value) }),
    fromWire: (wire) => {
      const found = own(wire);
      if (!found) return undefined;
      return shape === "DATATYPE" ? found.datatype : base.fromWire(found.column_list ?? []);
    },
  };
}

// The specs' FunctionLanguage discriminator (JAVA, JAVASCRIPT, PYTHON, SCALA, SQL); BaseLanguage (JAVA, PYTHON,
// SCALA) requires packages and a handler.
export const LANGUAGE = enumType("CallableLanguage", "The language of a function's or procedure's code.", ["SQL", "JAVASCRIPT", "PYTHON", "JAVA", "SCALA"]);
export const HANDLER_LANGUAGES: readonly string[] = ["PYTHON", "JAVA", "SCALA"];

/**
 * The language, sent as the language_config object it discriminates. The specs require `packages` for the handler
 * languages, so an empty list goes with them; declared packages are written after it (definitions list
 * `language` before the other language_config fields).
 */
export function languageKind(): FieldKind {
  const base = choiceKind(LANGUAGE);
  return {
    ...base,
    toWire: (value) => {
      const language = canonicalToken(LANGUAGE, value) as string;
      return HANDLER_LANGUAGES.includes(language) ? { language, packages: [] } : { language };
    },
    fromWire: (wire) => (wire && typeof wire === "object" ? canonicalToken(LANGUAGE, (wire as Record<string, unknown>).language) : wire),
  };
}

/** An enum the spec carries as a boolean (called_on_null_input, is_volatile): `whenTrue` is sent as true. */
function booleanChoiceKind(name: string, doc: string, values: [whenTrue: string, whenFalse: string], aliases: Record<string, string>): FieldKind {
  const type = enumType(name, doc, values, aliases);
  const base = choiceKind(type);
  return {
    ...base,
    toWire: (value) => canonicalToken(type, value) === values[0],
    fromWire: (wire) => (typeof wire === "boolean" ? (wire ? values[0] : values[1]) : wire),
  };
}

// CREATE FUNCTION / CREATE PROCEDURE docs: CALLED ON NULL INPUT (default) or RETURNS NULL ON NULL INPUT (or STRICT).
export const nullHandlingKind = booleanChoiceKind("NullHandling", "What a call with a NULL argument does: run the code (CALLED ON NULL INPUT, the default) or return NULL without running it.",
  ["CALLED ON NULL INPUT", "RETURNS NULL ON NULL INPUT"], { STRICT: "RETURNS NULL ON NULL INPUT", CALLED_ON_NULL_INPUT: "CALLED ON NULL INPUT", RETURNS_NULL_ON_NULL_INPUT: "RETURNS NULL ON NULL INPUT" });

// CREATE FUNCTION docs: VOLATILE (default) or IMMUTABLE.
export const volatilityKind = booleanChoiceKind("Volatility", "VOLATILE (default: results may differ for the same input) or IMMUTABLE (the same input always gives the same result; not checked by Snowflake).",
  ["VOLATILE", "IMMUTABLE"], {});

/** Code (a function body, a procedure's script): compared as written except trailing whitespace, which Python and JavaScript keep meaningful otherwise. */
export function codeKind(): FieldKind {
  const base = textKind();
  const trimmed = (value: unknown) => (typeof value === "string" ? value.replace(/\s+$/, "") : value);
  return {
    ...base,
    expected: "code text (SQL, JavaScript, Python, Java or Scala, as the language says)",
    problem: (value) => (typeof value === "string" && value.trim() === "" ? "empty" : base.problem(value)),
    canonical: (value) => trimmed(base.canonical(value)),
    meansUnset: (value) => typeof value === "string" && value.trim() === "",
  };
}

/** SECRETS = ('<variable>' = <secret name>, ...): the names code uses, each bound to a secret object (not its value). */
export function secretReferencesKind(): FieldKind {
  const isMap = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
  const secretName = qualifiedNameKind(3, { what: "a secret" });
  return {
    shape: { map: { primitive: "string" } },
    expected: 'an object of variable names to secret names, e.g. { cred: "DB.S.API_KEY" } (the secrets must exist)',
    problem: (value) => {
      if (!isMap(value)) return "not an object";
      const bad = Object.entries(value).find(([, secret]) => secretName.problem(secret) !== undefined);
      return bad ? `the secret for ${bad[0]} (${show(bad[1])}) is not a secret name, expected ${secretName.expected}` : undefined;
    },
    canonical: (value) => (isMap(value) ? Object.fromEntries(Object.entries(value).map(([key, secret]) => [key, secretName.canonical(secret)] as const).sort(([a], [b]) => (a < b ? -1 : 1))) : value),
    toWire: (value) => (isMap(value) ? Object.fromEntries(Object.entries(value).map(([key, secret]) => [key, secretName.toWire(secret)])) : value),
    fromWire: (value) => value,
    toSql: noSql("secret references"),
    meansUnset: (value) => isMap(value) && Object.keys(value).length === 0,
  };
}
