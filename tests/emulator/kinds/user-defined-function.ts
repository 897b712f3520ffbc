// User-defined functions (user-defined-function.yaml; CREATE FUNCTION docs). Keyed by name and argument types
// (kinds/callables.ts); no PUT: a UDF changes by CREATE OR REPLACE (copyGrants accepted; the emulator keeps no
// grants), and :rename keeps its signature. The spec's language models already require runtime_version, packages
// and handler for JAVA, PYTHON and SCALA, and refuse a language they do not list.
import * as wire from "../../../provider/wire/user-defined-function";
import type { ObjectKind } from "../catalog/object-kind";
import { badRequest } from "../errors";
import { executeFunction } from "./callable-calls";
import { acceptArguments, acceptReturnType, CALLABLE_SIGNATURE, renderCallable, requireInlineBody } from "./callables";

export const userDefinedFunctionKind: ObjectKind = {
  spec: "user-defined-function",
  model: "UserDefinedFunction",
  objectType: "Function",
  sqlType: "FUNCTION",
  parameterLevel: "FUNCTION",
  collection: "user-defined-functions",
  scope: "schema",
  // CREATE FUNCTION docs: UDFs and service functions are both functions; one signature names one of them.
  namespace: "functions",
  signature: CALLABLE_SIGNATURE,
  wire: { strict: wire.UserDefinedFunctionStrict, properties: wire.UserDefinedFunction_PROPERTIES, readOnly: wire.UserDefinedFunction_READ_ONLY, writeOnly: wire.UserDefinedFunction_WRITE_ONLY },
  // CREATE FUNCTION docs: not SECURE, not MEMOIZABLE, not TEMPORARY unless given; aggregates are declared.
  defaults: { is_secure: false, is_memoizable: false, is_aggregate: false, is_temporary: false },
  accept(values, context) {
    acceptArguments(values, context, "UserDefinedFunction");
    acceptReturnType(values, context, "UserDefinedFunction");
    requireInlineBody(values, "function");
    // user-defined-function.yaml is_aggregate: "Applicable only for Python language type".
    if (values.is_aggregate === true && (values.language_config as { language: string }).language !== "PYTHON") {
      throw badRequest("SQL compilation error:\nAggregate functions can only be written in Python.");
    }
    return values;
  },
  render(object) {
    // CREATE FUNCTION docs: CALLED ON NULL INPUT and VOLATILE are the defaults.
    return {
      ...renderCallable(object, { called_on_null_input: true, is_volatile: true }),
      is_table_function: (object.values.return_type as { type: string }).type === "TABLE",
      valid_for_clustering: false,
      is_builtin: false,
    };
  },
  operations: {
    "POST :execute": executeFunction(wire.UserDefinedFunctionArgumentStrict, "UserDefinedFunctionArgument"),
  },
};
