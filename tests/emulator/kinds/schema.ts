// Schemas (schema.yaml; CREATE SCHEMA docs; Transient database docs: every schema in a transient database is
// transient; INFORMATION_SCHEMA belongs to the system).
import * as wire from "../../../provider/wire/schema";
import { inheritedParameter } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { ApiError, ErrorCodes } from "../errors";
import { displayName } from "../catalog/catalog";
import { checkObjectParameters, checkRetention, containerKind, OBJECT_PARAMETERS, optionsText, requestedKind } from "./shared";

// INFORMATION_SCHEMA cannot be dropped, replaced or altered: Snowflake answers with an access control error (403).
function refuseSystemSchema(object: { facts: Record<string, unknown> } & Parameters<typeof displayName>[0]): void {
  if (object.facts.systemOwned) {
    throw new ApiError(403, ErrorCodes.insufficientPrivileges, `SQL access control error:\nInsufficient privileges to operate on schema '${displayName(object)}'.`);
  }
}

export const schemaKind: ObjectKind = {
  spec: "schema",
  model: "Schema",
  objectType: "Schema",
  sqlType: "SCHEMA",
  parameterLevel: "SCHEMA",
  collection: "schemas",
  scope: "database",
  wire: { strict: wire.SchemaStrict, properties: wire.Schema_PROPERTIES, readOnly: wire.Schema_READ_ONLY, writeOnly: wire.Schema_WRITE_ONLY },
  // schema.yaml Schema.kind default PERMANENT; managed_access default false.
  defaults: { kind: "PERMANENT", managed_access: false },
  // Parameters docs: PIPE_EXECUTION_PAUSED is set on the account, a schema or a pipe (default FALSE).
  parameters: { ...OBJECT_PARAMETERS, pipe_execution_paused: { default: false } },
  fixedOnAlter: { kind: "kind is fixed at creation (recreate the object instead)" },
  accept(values, { parent, query }) {
    values.kind = containerKind(parent) === "TRANSIENT" ? "TRANSIENT" : requestedKind(schemaKind, values, query) ?? "PERMANENT";
    checkRetention(schemaKind, values, values.kind as string);
    checkObjectParameters(schemaKind, values);
    return values;
  },
  beforeChange: refuseSystemSchema,
  beforeDrop: refuseSystemSchema,
  render(object) {
    const system = object.facts.systemOwned === true;
    return {
      is_default: false,
      is_current: false,
      options: optionsText(object.values.kind, object.values.managed_access === true),
      retention_time: inheritedParameter(object, "data_retention_time_in_days").value,
      // SHOW SCHEMAS: INFORMATION_SCHEMA has no owner.
      ...(system ? { owner: "", owner_role_type: "" } : {}),
    };
  },
};
