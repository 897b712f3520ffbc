// procedure.yaml components/schemas/Procedure: a stored procedure in SQL (Snowflake Scripting), JavaScript, Python,
// Java or Scala. Identified by name and argument types like a function (`{nameWithArgs}`); other argument types
// replace it, any other change is POST createMode=orReplace&copyGrants=true (CREATE OR REPLACE PROCEDURE ... COPY
// GRANTS). It holds no data.
import { defineResource } from "../engine/define";
import { booleanKind, choiceKind, enumType } from "../engine/kinds/scalars";
import * as wire from "../wire/procedure";
import { argumentSignature, argumentsField, bodyField, callableProblems, languageFields, returnFields, signatureReplaces } from "./callables";
import { commentField, field, ownershipOutputs, schemaObjectIdentity, schemaObjectPath } from "./common";

// procedure.yaml execute_as: CALLER | OWNER (CREATE PROCEDURE docs: the default is OWNER).
const EXECUTE_AS = enumType("ExecuteAs", "Whose rights a procedure runs with: OWNER (default) or CALLER.", ["OWNER", "CALLER"]);

export const procedure = defineResource({
  typeName: "Procedure",
  noun: "procedure",
  doc: "A stored procedure (REST: .../schemas/{schema}/procedures). The id is `DB.SCHEMA.NAME(ARGUMENT TYPES)`, so overloads are separate resources; other argument types replace it, and any other change recreates it in place keeping its grants.",
  collectionPath: schemaObjectPath("procedures"),
  // SHOW USER PROCEDURES docs: the procedures users created, without the built-in ones.
  sqlListing: "USER PROCEDURES",
  changes: "orReplace",
  copyGrants: true,
  tags: true,
  signature: argumentSignature,
  fields: {
    ...schemaObjectIdentity("procedure"),
    arguments: argumentsField("procedure"),
    ...returnFields("procedure"),
    ...languageFields("procedure", { volatility: false }),
    body: bodyField("procedure"),
    executeAs: field("execute_as", choiceKind(EXECUTE_AS), "Run with the owner's rights (OWNER, default) or the caller's (CALLER).", { serverDefault: "OWNER" }),
    secure: field("is_secure", booleanKind(), "A secure procedure hides its definition from non-owners. Default false.", { serverDefault: false }),
    comment: commentField("procedure"),
  },
  outputs: ownershipOutputs("procedure"),
  // procedure.yaml requires `arguments`: none declared is a procedure without arguments.
  bodyDefaults: { arguments: [] },
  notOffered: {
    // CREATE PROCEDURE docs also have EXECUTE AS RESTRICTED CALLER, which procedure.yaml's enum cannot carry.
    "execute_as:RESTRICTED CALLER": "procedure.yaml's execute_as enum has only CALLER and OWNER, so the REST API cannot create such a procedure",
  },
  replacedBy: signatureReplaces,
  crossChecks: (properties) => callableProblems(properties, "procedure"),
  wire: { schema: wire.Procedure, properties: wire.Procedure_PROPERTIES, readOnly: wire.Procedure_READ_ONLY },
});
