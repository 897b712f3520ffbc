// Pieces the Function (user-defined-function.yaml) and Procedure (procedure.yaml) definitions share: the argument
// list and the signature it gives, the return type (a data type or a table), the language_config fields, the code
// body, and the rules across them. ServiceFunction (function.yaml) uses the signature and the argument list only.
import { FieldDefinition, Properties } from "../engine/definition";
import { isSet, show } from "../engine/field-kind";
import { argumentsKind, codeKind, HANDLER_LANGUAGES, languageKind, LANGUAGE, nullHandlingKind, returnShapeKind, sameSignature, secretReferencesKind, signatureOf, volatilityKind } from "../engine/kinds/callables";
import { identifierKind } from "../engine/kinds/names";
import { booleanKind, canonicalToken, textKind } from "../engine/kinds/scalars";
import { listKind } from "../engine/kinds/structures";
import { field } from "./common";

type Problem = { property: string; reason: string };

/** The definition's `signature`: `(NUMBER, VARCHAR)` from the declared argument types. */
export function argumentSignature(properties: Properties): string {
  return signatureOf(properties.arguments) ?? "(...)";
}

/** The definition's `replacedBy`: other argument types are another object (an overload), not this one changed. */
export function signatureReplaces(olds: Properties, news: Properties): string[] {
  return sameSignature(olds.arguments, news.arguments) ? [] : ["arguments"];
}

export function argumentsField(noun: string, options: { defaults: boolean } = { defaults: true }): FieldDefinition {
  return field("arguments", argumentsKind(options), `The ${noun}'s arguments, in order. Their types are its signature (with the name, what identifies it): other types make another ${noun}, so a change of them replaces it; names${options.defaults ? " and defaults" : ""} change in place.`);
}

/** returns / returnsTable / returnNullable: the two shapes of the specs' ReturnType. */
export function returnFields(noun: string): Record<string, FieldDefinition> {
  return {
    returns: field("return_type", returnShapeKind("DATATYPE"), `The data type the ${noun} returns, e.g. \`NUMBER\` or \`VARCHAR\` (synonyms are the same type). Give this or returnsTable.`),
    returnsTable: field("return_type", returnShapeKind("TABLE"), `The columns of the table the ${noun} returns (RETURNS TABLE (...)); \`[]\` for a table whose columns are not declared. Give this or returns.`),
    returnNullable: field("return_type.nullable", booleanKind(), "With returns: whether the result may be NULL (false: RETURNS ... NOT NULL). Default true.", { serverDefault: true }),
  };
}

/**
 * The language_config fields, flat. `language` comes first: it writes the language_config object the others are
 * added to (see languageKind).
 */
export function languageFields(noun: string, options: { volatility: boolean }): Record<string, FieldDefinition> {
  const text = textKind();
  return {
    language: field("language_config", languageKind(), `The language of the ${noun}'s code: SQL, JAVASCRIPT, PYTHON, JAVA or SCALA.`, { required: true }),
    runtimeVersion: field("language_config.runtime_version", text, "PYTHON, JAVA, SCALA (required): the runtime version, e.g. `3.11`, `17`, `2.12`."),
    handler: field("language_config.handler", text, "PYTHON, JAVA, SCALA (required): the function or method Snowflake calls, e.g. `main` or `MyClass.run`."),
    packages: field("language_config.packages", listKind(text, { ordered: false, itemWords: "package names (with an optional ==version)" }), "PYTHON, JAVA, SCALA: packages the code uses, e.g. `numpy` or `com.snowflake:snowpark:latest`."),
    imports: field("language_config.imports", listKind(text, { ordered: false, itemWords: "staged files, e.g. @stage/code.py" }), "PYTHON, JAVA, SCALA: staged files to import; the code itself when there is no body."),
    targetPath: field("language_config.target_path", text, "JAVA, SCALA with inline code: the stage file Snowflake writes the compiled code to."),
    externalAccessIntegrations: field("language_config.external_access_integrations", listKind(identifierKind(), { ordered: false, itemWords: "integration names" }), "JAVA, PYTHON: external access integrations the code may use."),
    secrets: field("language_config.secrets", secretReferencesKind(), "JAVA, PYTHON: secrets the code may read, by the variable name it uses."),
    nullHandling: field("language_config.called_on_null_input", nullHandlingKind, "CALLED ON NULL INPUT (default) or RETURNS NULL ON NULL INPUT (also STRICT).", { serverDefault: "CALLED ON NULL INPUT" }),
    ...(options.volatility ? { volatility: field("language_config.is_volatile", volatilityKind, "VOLATILE (default) or IMMUTABLE.", { serverDefault: "VOLATILE" }) } : {}),
  };
}

export function bodyField(noun: string): FieldDefinition {
  return field("body", codeKind(), `The ${noun}'s code, compared as written (except trailing whitespace). Required for SQL and JAVASCRIPT; the other languages take it or imports naming the staged code.`);
}

// Which language_config fields each language's model has (the specs' JavaFunction, PythonFunction, ScalaFunction;
// JavaScriptFunction and SQLFunction have none of these).
const ONLY_FOR: Record<string, readonly string[]> = {
  runtimeVersion: HANDLER_LANGUAGES, handler: HANDLER_LANGUAGES, packages: HANDLER_LANGUAGES, imports: HANDLER_LANGUAGES,
  targetPath: ["JAVA", "SCALA"], externalAccessIntegrations: ["JAVA", "PYTHON"], secrets: ["JAVA", "PYTHON"],
};

/** Rules across a function's or procedure's properties, checked before anything is sent. */
export function callableProblems(properties: Properties, noun: string): Problem[] {
  const problems: Problem[] = [];
  const language = canonicalToken(LANGUAGE, properties.language) as string;
  for (const [property, languages] of Object.entries(ONLY_FOR)) {
    if (isSet(properties[property]) && !languages.includes(language)) {
      problems.push({ property, reason: `${show(properties[property])} is not allowed for a ${language} ${noun}; ${property} applies to ${languages.join(", ")}` });
    }
  }
  if (HANDLER_LANGUAGES.includes(language)) {
    // The specs' PythonFunction / JavaFunction / ScalaFunction require runtime_version and handler.
    for (const property of ["runtimeVersion", "handler"]) {
      if (!isSet(properties[property]) || properties[property] === "") problems.push({ property, reason: `required for a ${language} ${noun} (given none); ${property === "handler" ? "the function or method to call, e.g. main or MyClass.run" : "the runtime version, e.g. 3.11 for Python, 17 for Java, 2.12 for Scala"}` });
    }
    if (!isSet(properties.body) && !isSet(properties.imports)) problems.push({ property: "body", reason: `a ${language} ${noun} needs its code: a body, or imports naming the staged code (given neither)` });
  } else if (!isSet(properties.body)) {
    problems.push({ property: "body", reason: `required for a ${language} ${noun} (given none): ${language} code is always inline` });
  }
  const shapes = ["returns", "returnsTable"].filter((key) => isSet(properties[key]));
  if (shapes.length !== 1) problems.push({ property: "returns", reason: shapes.length ? "give returns (a data type) or returnsTable (columns), not both" : `required (given neither returns nor returnsTable): what the ${noun} returns, a data type or table columns` });
  if (isSet(properties.returnNullable) && !isSet(properties.returns)) problems.push({ property: "returnNullable", reason: `${show(properties.returnNullable)} is not allowed with returnsTable; it applies to a data type given in returns` });
  return problems;
}
