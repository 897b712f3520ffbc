// function.yaml components/schemas/ServiceFunction: a function served by a Snowpark Container Services service's
// endpoint. Identified by name and argument types (`{nameWithArgs}`); other argument types replace it, any other
// change is POST createMode=orReplace. createFunction offers no copyGrants, so a recreated service function does
// NOT keep grants made outside Pulumi (they have to be granted again).
import { defineResource } from "../engine/define";
import { dataTypeKind } from "../engine/kinds/data-types";
import { identifierKind } from "../engine/kinds/names";
import { integerKind, textKind } from "../engine/kinds/scalars";
import * as wire from "../wire/function";
import { argumentSignature, argumentsField, signatureReplaces } from "./callables";
import { field, output, schemaObjectIdentity, schemaObjectPath } from "./common";

export const serviceFunction = defineResource({
  typeName: "ServiceFunction",
  noun: "service function",
  doc: "A service function (REST: .../schemas/{schema}/functions) calling a Snowpark Container Services endpoint. The id is `DB.SCHEMA.NAME(ARGUMENT TYPES)`; other argument types replace it, any other change recreates it in place, and grants on it are not kept then (the REST API has no copyGrants for it).",
  collectionPath: schemaObjectPath("functions"),
  // A service function is a user-defined function bound to a service: SHOW USER FUNCTIONS lists it.
  sqlListing: "USER FUNCTIONS",
  changes: "orReplace",
  tags: true,
  signature: argumentSignature,
  fields: {
    ...schemaObjectIdentity("service function"),
    arguments: argumentsField("service function", { defaults: false }),
    // function.yaml Function.returns: default TEXT.
    returns: field("returns", dataTypeKind(), "The data type it returns. Default TEXT (VARCHAR).", { serverDefault: "TEXT" }),
    maxBatchRows: field("max_batch_rows", integerKind({ min: 1 }), "The most rows sent to the service in one batch. Unset: Snowflake chooses."),
    service: field("service", identifierKind(), "The service that answers the calls.", { required: true }),
    serviceDatabase: field("service_database", identifierKind(), "The service's database. Unset: the function's."),
    serviceSchema: field("service_schema", identifierKind(), "The service's schema. Unset: the function's."),
    endpoint: field("endpoint", textKind(), "The service endpoint the calls go to.", { required: true }),
    path: field("path", textKind(), "The HTTP path on the endpoint, e.g. `/echo`.", { required: true }),
  },
  outputs: {
    createdOn: output("created_on", textKind(), "When the service function was created (ISO 8601)."),
    signature: output("signature", textKind(), "The arguments as Snowflake describes them, e.g. `(INPUT VARCHAR)`."),
  },
  // function.yaml requires `arguments` and the discriminator `function_type` (Function is a oneOf by it).
  bodyDefaults: { function_type: "service-function", arguments: [] },
  notOffered: {
    function_type: "always service-function, the only kind function.yaml has; sent by the definition",
    created_on: "Snowflake's: when it was created (output createdOn)",
    signature: "Snowflake's description of the arguments (the `signature` output), made from `arguments`",
    language: "Snowflake's: DESCRIBE FUNCTION reports no language (NULL) for a service function",
    body: "Snowflake's: DESCRIBE FUNCTION reports the path to the service as the body; set through service, endpoint and path",
  },
  replacedBy: signatureReplaces,
  wire: { schema: wire.ServiceFunction, properties: wire.ServiceFunction_PROPERTIES, readOnly: wire.ServiceFunction_READ_ONLY },
});
