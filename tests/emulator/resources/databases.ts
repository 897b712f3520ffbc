// Database endpoints (database.yaml paths /api/v2/databases...; model components/schemas/Database).
import { checkRange, readModelBody, type ModelFields } from "../body";
import { DatabaseDefaults, OWNER_ROLE, OWNER_ROLE_TYPE, RetentionLimits, type ObjectKind } from "../defaults";
import { badRequest, doesNotExist } from "../errors";
import { ok, type Outcome } from "../http";
import { formatIdentifier, parsePathIdentifier } from "../identifiers";
import { filterByName } from "../listing";
import type { QueryParams } from "../query";
import type { RequestContext, Route } from "../router";
import type { AccountState, DatabaseRecord, ObjectParameters } from "../state";
import { checkCreateMode, Status } from "./common";
import { immutableKindError, maxRetentionDays, optionsText, requestedKind } from "./object-kind";
import { OBJECT_PARAMETER_FIELDS, readObjectParameters } from "./object-parameters";
import { initialSchemas } from "./system-schemas";

const MODEL = "Database";
const OBJECT_TYPE = "Database";

// database.yaml components/schemas/Database, property by property.
const DATABASE_FIELDS: ModelFields = {
  created_on: { type: "string", readOnly: true },
  name: { type: "identifier" },
  kind: { type: "string" },
  is_default: { type: "boolean", readOnly: true },
  is_current: { type: "boolean", readOnly: true },
  origin: { type: "string", readOnly: true },
  owner: { type: "string", readOnly: true },
  comment: { type: "string" },
  options: { type: "string", readOnly: true },
  retention_time: { type: "integer", readOnly: true },
  dropped_on: { type: "string", readOnly: true },
  budget: { type: "string", readOnly: true },
  owner_role_type: { type: "string", readOnly: true },
  data_retention_time_in_days: { type: "integer" },
  max_data_extension_time_in_days: { type: "integer" },
  ...OBJECT_PARAMETER_FIELDS,
};

interface DatabaseRequest {
  name: string;
  /** undefined when the request did not name a kind. */
  kind?: ObjectKind;
  comment?: string;
  dataRetentionDays: number;
  maxDataExtensionDays: number;
  parameters: ObjectParameters;
}

/** Reads a full Database body; absent settable properties take their defaults (PUT is declarative). */
function readDatabase(body: unknown, query: QueryParams): DatabaseRequest {
  const values = readModelBody(body, MODEL, DATABASE_FIELDS);
  const kind = requestedKind(MODEL, values.kind as string | undefined, query);
  const dataRetentionDays =
    (values.data_retention_time_in_days as number | undefined) ?? DatabaseDefaults.data_retention_time_in_days;
  checkRange(
    MODEL,
    "data_retention_time_in_days",
    dataRetentionDays,
    0,
    maxRetentionDays(kind ?? DatabaseDefaults.kind)
  );
  const maxDataExtensionDays =
    (values.max_data_extension_time_in_days as number | undefined) ?? DatabaseDefaults.max_data_extension_time_in_days;
  checkRange(MODEL, "max_data_extension_time_in_days", maxDataExtensionDays, 0, RetentionLimits.maxDataExtensionDays);
  return {
    name: values.name as string,
    kind,
    comment: values.comment as string | undefined,
    dataRetentionDays,
    maxDataExtensionDays,
    parameters: readObjectParameters(MODEL, values),
  };
}

function newDatabase(request: DatabaseRequest): DatabaseRecord {
  const createdOn = new Date();
  const kind = request.kind ?? DatabaseDefaults.kind;
  return {
    name: request.name,
    kind,
    comment: request.comment,
    dataRetentionDays: request.dataRetentionDays,
    maxDataExtensionDays: request.maxDataExtensionDays,
    parameters: request.parameters,
    createdOn,
    schemas: initialSchemas(kind, createdOn),
  };
}

function renderDatabase(database: DatabaseRecord): Record<string, unknown> {
  return {
    created_on: database.createdOn.toISOString(),
    name: formatIdentifier(database.name),
    kind: database.kind,
    is_default: false,
    is_current: false,
    // SHOW DATABASES: origin is empty unless the database comes from a share.
    origin: "",
    owner: OWNER_ROLE,
    ...(database.comment !== undefined && { comment: database.comment }),
    options: optionsText(database.kind),
    retention_time: database.dataRetentionDays,
    owner_role_type: OWNER_ROLE_TYPE,
    data_retention_time_in_days: database.dataRetentionDays,
    max_data_extension_time_in_days: database.maxDataExtensionDays,
    ...database.parameters,
  };
}

export function findDatabase(account: AccountState, name: string): DatabaseRecord {
  const database = account.databases.get(name);
  if (!database) throw doesNotExist(OBJECT_TYPE, name);
  return database;
}

function pathName(context: RequestContext): string {
  return parsePathIdentifier(context.params.name, "database name");
}

function listDatabases({ account, query }: RequestContext): Outcome {
  // `history` would add dropped databases; the emulator keeps none, so it changes nothing.
  query.boolean("history");
  return ok(filterByName(account.databases.values(), (database) => database.name, query).map(renderDatabase));
}

function createDatabase({ account, query, body }: RequestContext): Outcome {
  const request = readDatabase(body, query);
  const skip = checkCreateMode(query.createMode(), account.databases.has(request.name), request.name);
  if (skip) return skip;
  // orReplace drops the old database with all its schemas.
  account.databases.set(request.name, newDatabase(request));
  return Status.created(OBJECT_TYPE, request.name);
}

function fetchDatabase(context: RequestContext): Outcome {
  return ok(renderDatabase(findDatabase(context.account, pathName(context))));
}

function createOrAlterDatabase(context: RequestContext): Outcome {
  const name = pathName(context);
  const request = readDatabase(context.body, context.query);
  if (request.name !== name) {
    throw badRequest(
      `Database name in the body ('${formatIdentifier(request.name)}') must match the path ('${formatIdentifier(
        name
      )}').`
    );
  }
  const existing = context.account.databases.get(name);
  if (!existing) {
    context.account.databases.set(name, newDatabase(request));
    return Status.created(OBJECT_TYPE, name);
  }
  // An absent kind means the default, so a transient database must keep saying TRANSIENT.
  const kind = request.kind ?? DatabaseDefaults.kind;
  if (kind !== existing.kind) throw immutableKindError(MODEL, name, existing.kind, kind);
  existing.comment = request.comment;
  existing.dataRetentionDays = request.dataRetentionDays;
  existing.maxDataExtensionDays = request.maxDataExtensionDays;
  existing.parameters = request.parameters;
  return Status.executed();
}

function deleteDatabase(context: RequestContext): Outcome {
  const name = pathName(context);
  // `restrict` refuses the drop when foreign keys elsewhere reference its tables; the emulator has no tables.
  context.query.boolean("restrict");
  if (!context.account.databases.delete(name)) {
    if (context.query.boolean("ifExists")) return Status.alreadyDropped(name);
    throw doesNotExist(OBJECT_TYPE, name);
  }
  return Status.dropped(name);
}

const COLLECTION = "/api/v2/databases";
const ITEM = `${COLLECTION}/{name}`;

export const databaseRoutes: Route[] = [
  {
    method: "GET",
    path: COLLECTION,
    query: ["like", "startsWith", "showLimit", "fromName", "history"],
    handler: listDatabases,
  },
  { method: "POST", path: COLLECTION, query: ["createMode", "kind"], body: true, handler: createDatabase },
  { method: "GET", path: ITEM, handler: fetchDatabase },
  { method: "PUT", path: ITEM, body: true, handler: createOrAlterDatabase },
  { method: "DELETE", path: ITEM, query: ["ifExists", "restrict"], handler: deleteDatabase },
];
