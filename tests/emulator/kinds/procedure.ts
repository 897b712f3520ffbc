// Stored procedures (procedure.yaml; CREATE PROCEDURE docs). Keyed by name and argument types (kinds/callables.ts);
// no PUT: a procedure changes by CREATE OR REPLACE (copyGrants keeps the grants, rest/handlers.ts). The spec's
// language models require runtime_version, packages and handler for JAVA, PYTHON and SCALA.
import * as wire from "../../../provider/wire/procedure";
import type { ObjectKind } from "../catalog/object-kind";
import { callProcedure } from "./callable-calls";
import { acceptArguments, acceptReturnType, CALLABLE_SIGNATURE, renderCallable, requireInlineBody } from "./callables";

export const procedureKind: ObjectKind = {
  spec: "procedure",
  model: "Procedure",
  objectType: "Procedure",
  sqlType: "PROCEDURE",
  parameterLevel: "PROCEDURE",
  collection: "procedures",
  scope: "schema",
  // No shared namespace: a procedure may have a function's name and signature (not confirmed against a live account).
  signature: CALLABLE_SIGNATURE,
  wire: { strict: wire.ProcedureStrict, properties: wire.Procedure_PROPERTIES, readOnly: wire.Procedure_READ_ONLY, writeOnly: wire.Procedure_WRITE_ONLY },
  // CREATE PROCEDURE docs: EXECUTE AS OWNER unless given; not SECURE.
  defaults: { execute_as: "OWNER", is_secure: false },
  accept(values, context) {
    acceptArguments(values, context, "Procedure");
    acceptReturnType(values, context, "Procedure");
    requireInlineBody(values, "procedure");
    return values;
  },
  render(object) {
    // CREATE PROCEDURE docs: CALLED ON NULL INPUT is the default.
    return { ...renderCallable(object, { called_on_null_input: true }), is_builtin: false };
  },
  operations: {
    "POST :call": callProcedure(wire.CallArgumentStrict),
  },
};
