// Schema endpoints (schema.yaml paths /api/v2/databases/{database}/schemas...; model components/schemas/Schema).
import { checkRange, readModelBody, type ModelFields } from "../body";
import { OWNER_ROLE, OWNER_ROLE_TYPE, RetentionLimits, SchemaDefaults, type ObjectKind } from "../defaults";
import { ApiError, badRequest, doesNotExist, ErrorCodes } from "../errors";
import { ok, type Outcome } from "../http";
import { formatIdentifier, parsePathIdentifier } from "../identifiers";
import { filterByName } from "../listing";
import type { RequestContext, Route } from "../router";
import type { DatabaseRecord, ObjectParameters, SchemaRecord } from "../state";
import { checkCreateMode, Status } from "./common";
import { findDatabase } from "./databases";
import { immutableKindError, maxRetentionDays, optionsText, requestedKind } from "./object-kind";
import { OBJECT_PARAMETER_FIELDS, readObjectParameters } from "./object-parameters";

const MODEL = "Schema";
const OBJECT_TYPE = "Schema";

// schema.yaml components/schemas/Schema, property by property.
const SCHEMA_FIELDS: ModelFields = {
  created_on: { type: "string", readOnly: true },
  name: { type: "identifier" },
  kind: { type: "string" },
  is_default: { type: "boolean", readOnly: true },
  is_current: { type: "boolean", readOnly: true },
  database_name: { type: "string", readOnly: true },
  owner: { type: "string", readOnly: true },
  comment: { type: "string" },
  options: { type: "string", readOnly: true },
  managed_access: { type: "boolean" },
  retention_time: { type: "integer", readOnly: true },
  dropped_on: { type: "string", readOnly: true },
  owner_role_type: { type: "string", readOnly: true },
  budget: { type: "string", readOnly: true },
  data_retention_time_in_days: { type: "integer" },
  pipe_execution_paused: { type: "boolean" },
  max_data_extension_time_in_days: { type: "integer" },
  ...OBJECT_PARAMETER_FIELDS,
};

interface SchemaRequest {
  name: string;
  kind: ObjectKind;
  comment?: string;
  managedAccess: boolean;
  dataRetentionDays?: number;
  maxDataExtensionDays?: number;
  parameters: ObjectParameters;
}

/** Reads a full Schema body; absent settable properties take their defaults or inherit from the database. */
function readSchema(context: RequestContext, database: DatabaseRecord): SchemaRequest {
  const values = readModelBody(context.body, MODEL, SCHEMA_FIELDS);
  // Transient database docs: every schema created in a transient database is transient.
  const kind =
    database.kind === "TRANSIENT"
      ? "TRANSIENT"
      : requestedKind(MODEL, values.kind as string | undefined, context.query) ?? SchemaDefaults.kind;
  const dataRetentionDays = values.data_retention_time_in_days as number | undefined;
  if (dataRetentionDays !== undefined)
    checkRange(MODEL, "data_retention_time_in_days", dataRetentionDays, 0, maxRetentionDays(kind));
  const maxDataExtensionDays = values.max_data_extension_time_in_days as number | undefined;
  if (maxDataExtensionDays !== undefined) {
    checkRange(MODEL, "max_data_extension_time_in_days", maxDataExtensionDays, 0, RetentionLimits.maxDataExtensionDays);
  }
  const parameters = readObjectParameters(MODEL, values);
  if (values.pipe_execution_paused !== undefined)
    parameters.pipe_execution_paused = values.pipe_execution_paused as boolean;
  return {
    name: values.name as string,
    kind,
    comment: values.comment as string | undefined,
    managedAccess: (values.managed_access as boolean | undefined) ?? SchemaDefaults.managed_access,
    dataRetentionDays,
    maxDataExtensionDays,
    parameters,
  };
}

function newSchema(request: SchemaRequest): SchemaRecord {
  return { ...request, createdOn: new Date(), systemOwned: false };
}

function renderSchema(database: DatabaseRecord, schema: SchemaRecord): Record<string, unknown> {
  // Object parameters docs: a schema inherits DATA_RETENTION_TIME_IN_DAYS and MAX_DATA_EXTENSION_TIME_IN_DAYS
  // from its database unless set on the schema itself.
  const retention = schema.dataRetentionDays ?? database.dataRetentionDays;
  return {
    created_on: schema.createdOn.toISOString(),
    name: formatIdentifier(schema.name),
    kind: schema.kind,
    is_default: false,
    is_current: false,
    database_name: formatIdentifier(database.name),
    // SHOW SCHEMAS: INFORMATION_SCHEMA has no owner.
    owner: schema.systemOwned ? "" : OWNER_ROLE,
    ...(schema.comment !== undefined && { comment: schema.comment }),
    options: optionsText(schema.kind, schema.managedAccess),
    managed_access: schema.managedAccess,
    retention_time: retention,
    owner_role_type: schema.systemOwned ? "" : OWNER_ROLE_TYPE,
    data_retention_time_in_days: retention,
    max_data_extension_time_in_days: schema.maxDataExtensionDays ?? database.maxDataExtensionDays,
    ...schema.parameters,
  };
}

function pathDatabase(context: RequestContext): DatabaseRecord {
  return findDatabase(context.account, parsePathIdentifier(context.params.database, "database name"));
}

function pathName(context: RequestContext): string {
  return parsePathIdentifier(context.params.name, "schema name");
}

function qualified(database: DatabaseRecord, schemaName: string): string {
  return `${database.name}.${schemaName}`;
}

// INFORMATION_SCHEMA belongs to the system: Snowflake refuses to drop, replace or alter it with an
// access control error, answered here as 403.
function refuseSystemSchema(database: DatabaseRecord, schema: SchemaRecord | undefined): void {
  if (schema?.systemOwned) {
    throw new ApiError(
      403,
      ErrorCodes.insufficientPrivileges,
      `SQL access control error:\nInsufficient privileges to operate on schema '${qualified(database, schema.name)}'.`
    );
  }
}

function listSchemas(context: RequestContext): Outcome {
  const database = pathDatabase(context);
  // `history` would add dropped schemas; the emulator keeps none, so it changes nothing.
  context.query.boolean("history");
  const rows = filterByName(database.schemas.values(), (schema) => schema.name, context.query);
  return ok(rows.map((schema) => renderSchema(database, schema)));
}

function createSchema(context: RequestContext): Outcome {
  const database = pathDatabase(context);
  const request = readSchema(context, database);
  const existing = database.schemas.get(request.name);
  const skip = checkCreateMode(context.query.createMode(), existing !== undefined, request.name);
  if (skip) return skip;
  refuseSystemSchema(database, existing);
  database.schemas.set(request.name, newSchema(request));
  return Status.created(OBJECT_TYPE, request.name);
}

function fetchSchema(context: RequestContext): Outcome {
  const database = pathDatabase(context);
  const name = pathName(context);
  const schema = database.schemas.get(name);
  if (!schema) throw doesNotExist(OBJECT_TYPE, qualified(database, name));
  return ok(renderSchema(database, schema));
}

function createOrAlterSchema(context: RequestContext): Outcome {
  const database = pathDatabase(context);
  const name = pathName(context);
  const request = readSchema(context, database);
  if (request.name !== name) {
    throw badRequest(
      `Schema name in the body ('${formatIdentifier(request.name)}') must match the path ('${formatIdentifier(name)}').`
    );
  }
  const existing = database.schemas.get(name);
  if (!existing) {
    database.schemas.set(name, newSchema(request));
    return Status.created(OBJECT_TYPE, name);
  }
  refuseSystemSchema(database, existing);
  if (request.kind !== existing.kind)
    throw immutableKindError(MODEL, qualified(database, name), existing.kind, request.kind);
  Object.assign(existing, {
    comment: request.comment,
    managedAccess: request.managedAccess,
    dataRetentionDays: request.dataRetentionDays,
    maxDataExtensionDays: request.maxDataExtensionDays,
    parameters: request.parameters,
  });
  return Status.executed();
}

function deleteSchema(context: RequestContext): Outcome {
  const database = pathDatabase(context);
  const name = pathName(context);
  // `restrict` refuses the drop when foreign keys elsewhere reference its tables; the emulator has no tables.
  context.query.boolean("restrict");
  const schema = database.schemas.get(name);
  if (!schema) {
    if (context.query.boolean("ifExists")) return Status.alreadyDropped(name);
    throw doesNotExist(OBJECT_TYPE, qualified(database, name));
  }
  refuseSystemSchema(database, schema);
  database.schemas.delete(name);
  return Status.dropped(name);
}

const COLLECTION = "/api/v2/databases/{database}/schemas";
const ITEM = `${COLLECTION}/{name}`;

export const schemaRoutes: Route[] = [
  {
    method: "GET",
    path: COLLECTION,
    query: ["like", "startsWith", "showLimit", "fromName", "history"],
    handler: listSchemas,
  },
  { method: "POST", path: COLLECTION, query: ["createMode", "kind"], body: true, handler: createSchema },
  { method: "GET", path: ITEM, handler: fetchSchema },
  { method: "PUT", path: ITEM, query: ["kind"], body: true, handler: createOrAlterSchema },
  { method: "DELETE", path: ITEM, query: ["ifExists", "restrict"], handler: deleteSchema },
];
