// user-defined-function.yaml components/schemas/UserDefinedFunction: a UDF in SQL, JavaScript, Python, Java or
// Scala. Snowflake identifies it by name and argument types (the `{nameWithArgs}` path segment), so overloads are
// separate resources and other argument types replace it. It holds no data: any other change is
// POST createMode=orReplace&copyGrants=true (CREATE OR REPLACE FUNCTION ... COPY GRANTS keeps its grants).
import { defineResource } from "../engine/define";
import { LANGUAGE } from "../engine/kinds/callables";
import { booleanKind, canonicalToken } from "../engine/kinds/scalars";
import * as wire from "../wire/user-defined-function";
import { argumentSignature, argumentsField, bodyField, callableProblems, languageFields, returnFields, signatureReplaces } from "./callables";
import { commentField, field, ownershipOutputs, schemaObjectIdentity, schemaObjectPath } from "./common";

export const userDefinedFunction = defineResource({
  typeName: "Function",
  noun: "function",
  doc: "A user-defined function (REST: .../schemas/{schema}/user-defined-functions) in SQL, JavaScript, Python, Java or Scala. The id is `DB.SCHEMA.NAME(ARGUMENT TYPES)`, so overloads of one name are separate resources; other argument types replace it, and any other change recreates it in place keeping its grants.",
  collectionPath: schemaObjectPath("user-defined-functions"),
  // SHOW USER FUNCTIONS docs: the functions users created (SHOW FUNCTIONS also lists the built-in ones).
  sqlListing: "USER FUNCTIONS",
  changes: "orReplace",
  copyGrants: true,
  tags: true,
  signature: argumentSignature,
  fields: {
    ...schemaObjectIdentity("function"),
    arguments: argumentsField("function"),
    ...returnFields("function"),
    ...languageFields("function", { volatility: true }),
    body: bodyField("function"),
    secure: field("is_secure", booleanKind(), "A secure function hides its definition from non-owners. Default false.", { serverDefault: false }),
    // user-defined-function.yaml says is_memoizable applies to Python; Snowflake's memoizable-function docs describe
    // SQL ones. Neither is checked here: Snowflake refuses what it does not support.
    memoizable: field("is_memoizable", booleanKind(), "Snowflake caches the results (MEMOIZABLE). Default false.", { serverDefault: false }),
    aggregate: field("is_aggregate", booleanKind(), "PYTHON only: a user-defined aggregate function (its handler is a class). Default false.", { serverDefault: false }),
    comment: commentField("function"),
  },
  outputs: ownershipOutputs("function"),
  // user-defined-function.yaml requires `arguments`: none declared is a function without arguments.
  bodyDefaults: { arguments: [] },
  notOffered: { is_temporary: "temporary functions vanish with the session that creates them" },
  replacedBy: signatureReplaces,
  crossChecks: (properties) => {
    const problems = callableProblems(properties, "function");
    // user-defined-function.yaml is_aggregate: "Applicable only for Python language type".
    if (properties.aggregate === true && canonicalToken(LANGUAGE, properties.language) !== "PYTHON") {
      problems.push({ property: "aggregate", reason: "true is not allowed: aggregate functions are written in PYTHON only" });
    }
    return problems;
  },
  wire: { schema: wire.UserDefinedFunction, properties: wire.UserDefinedFunction_PROPERTIES, readOnly: wire.UserDefinedFunction_READ_ONLY },
});
