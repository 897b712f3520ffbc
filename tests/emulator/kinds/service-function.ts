// Service functions (function.yaml ServiceFunction; CREATE FUNCTION (Snowpark Container Services) and DESCRIBE
// FUNCTION (Snowpark Container Services) docs). Keyed by name and argument types (kinds/callables.ts), sharing the
// function namespace with UDFs; no PUT and no copyGrants on createFunction. The emulator hosts no services, so the
// service a function names is not checked, and :execute is not implemented (501): there is nothing to call.
import * as wire from "../../../provider/wire/function";
import type { ObjectKind } from "../catalog/object-kind";
import { checkRange } from "../rest/body";
import { CALLABLE_SIGNATURE, reportedType, signatureType } from "./callables";
import { formatIdentifier, parseIdentifier } from "../identifiers";

interface WireArgument { name: string; datatype?: string }

// function.yaml FunctionArgument.datatype and Function.returns: default TEXT.
const DEFAULT_TYPE = "TEXT";
// CREATE FUNCTION (SPCS) docs give MAX_BATCH_ROWS as an integer; the upper bound is not documented.
const MAX_BATCH_ROWS = 2 ** 31 - 1;

export const serviceFunctionKind: ObjectKind = {
  spec: "function",
  model: "Function",
  objectType: "Function",
  sqlType: "FUNCTION",
  parameterLevel: "FUNCTION",
  collection: "functions",
  scope: "schema",
  namespace: "functions",
  signature: CALLABLE_SIGNATURE,
  // function.yaml Function is a oneOf by function_type, which it requires.
  wire: { strict: wire.FunctionStrict, properties: wire.Function_PROPERTIES, readOnly: wire.Function_READ_ONLY, writeOnly: [] },
  identifiers: ["service", "service_database", "service_schema"],
  accept(values, context) {
    // DESCRIBE FUNCTION (SPCS) docs: signature, language and body are what Snowflake describes, and created_on is
    // its own; the spec does not mark them read-only, so a body that carries them is accepted and they are
    // derived (not confirmed whether Snowflake refuses them instead).
    for (const derived of ["created_on", "signature", "language", "body"]) delete values[derived];
    values.arguments = ((values.arguments as WireArgument[] | undefined) ?? []).map((argument) => ({
      name: parseIdentifier(argument.name, "FunctionArgument.name"),
      datatype: signatureType(argument.datatype ?? DEFAULT_TYPE, context),
    }));
    values.returns = reportedType(values.returns ?? DEFAULT_TYPE, context);
    checkRange(serviceFunctionKind, "max_batch_rows", values.max_batch_rows, 1, MAX_BATCH_ROWS);
    return values;
  },
  render(object) {
    const list = object.values.arguments as WireArgument[];
    // DESCRIBE FUNCTION (SPCS) docs example: signature `(INPUTTEXT VARCHAR)`, language NULL, body the service path.
    return {
      arguments: list.map((argument) => ({ ...argument, name: formatIdentifier(argument.name) })),
      signature: `(${list.map((argument) => `${formatIdentifier(argument.name)} ${argument.datatype}`).join(", ")})`,
      body: object.values.path,
    };
  },
};
