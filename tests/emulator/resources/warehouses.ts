// Warehouse endpoints (warehouse.yaml paths /api/v2/warehouses...; model components/schemas/Warehouse).
import { checkEnum, checkRange, readModelBody, type BodyValues, type ModelFields } from "../body";
import { OWNER_ROLE, OWNER_ROLE_TYPE, WarehouseDefaults, WarehouseLimits } from "../defaults";
import { ApiError, badRequest, doesNotExist, ErrorCodes, alreadyExists } from "../errors";
import { ok, type Outcome } from "../http";
import { formatIdentifier, parsePathIdentifier } from "../identifiers";
import { filterByName } from "../listing";
import type { RequestContext, Route } from "../router";
import type { AccountState, WarehouseRecord, WarehouseSettings } from "../state";
import { normalizeWarehouseSize } from "../warehouse-sizes";
import { checkCreateMode, Status } from "./common";

const MODEL = "Warehouse";
const OBJECT_TYPE = "Warehouse";
const INT32_MAX = 2 ** 31 - 1;

// warehouse.yaml components/schemas/Warehouse, property by property.
const WAREHOUSE_FIELDS: ModelFields = {
  name: { type: "identifier" },
  warehouse_type: { type: "string" },
  warehouse_size: { type: "string" },
  wait_for_completion: { type: "stringBoolean" },
  max_cluster_count: { type: "integer" },
  min_cluster_count: { type: "integer" },
  scaling_policy: { type: "string" },
  auto_suspend: { type: "integer" },
  auto_resume: { type: "stringBoolean" },
  initially_suspended: { type: "stringBoolean" },
  resource_monitor: { type: "identifier" },
  comment: { type: "string" },
  enable_query_acceleration: { type: "stringBoolean" },
  query_acceleration_max_scale_factor: { type: "integer" },
  max_concurrency_level: { type: "integer" },
  statement_queued_timeout_in_seconds: { type: "integer" },
  statement_timeout_in_seconds: { type: "integer" },
  type: { type: "string" }, // deprecated alias of warehouse_type
  size: { type: "string" }, // deprecated alias of warehouse_size
  state: { type: "string", readOnly: true },
  started_clusters: { type: "integer", readOnly: true },
  running: { type: "integer", readOnly: true },
  queued: { type: "integer", readOnly: true },
  is_default: { type: "boolean", readOnly: true },
  is_current: { type: "boolean", readOnly: true },
  available: { type: "string", readOnly: true },
  provisioning: { type: "string", readOnly: true },
  quiescing: { type: "string", readOnly: true },
  other: { type: "string", readOnly: true },
  created_on: { type: "string", readOnly: true },
  resumed_on: { type: "string", readOnly: true },
  updated_on: { type: "string", readOnly: true },
  owner: { type: "string", readOnly: true },
  budget: { type: "string", readOnly: true },
  kind: { type: "string", readOnly: true },
  owner_role_type: { type: "string", readOnly: true },
  warehouse_credit_limit: { type: "integer" },
  target_statement_size: { type: "string" },
};

// warehouse.yaml Warehouse.warehouse_type: STANDARD, SNOWPARK-OPTIMIZED.
const WAREHOUSE_TYPES = ["STANDARD", "SNOWPARK-OPTIMIZED"];
// warehouse.yaml Warehouse.scaling_policy: STANDARD, ECONOMY.
const SCALING_POLICIES = ["STANDARD", "ECONOMY"];

interface WarehouseRequest {
  name: string;
  settings: WarehouseSettings;
  initiallySuspended: boolean;
}

/** Reads a full Warehouse body; absent settable properties take their defaults (PUT is declarative). */
function readWarehouse(body: unknown): WarehouseRequest {
  const values = readModelBody(body, MODEL, WAREHOUSE_FIELDS);
  const integer = (field: keyof typeof WarehouseDefaults, min: number, max: number): number => {
    const value = (values[field] as number | undefined) ?? (WarehouseDefaults[field] as number);
    checkRange(MODEL, field, value, min, max);
    return value;
  };
  const flag = (field: string, fallback: boolean) => (values[field] as boolean | undefined) ?? fallback;

  const typeText = pickAlias(values, "warehouse_type", "type");
  const sizeText = pickAlias(values, "warehouse_size", "size");
  const settings: WarehouseSettings = {
    warehouse_type:
      typeText === undefined
        ? WarehouseDefaults.warehouse_type
        : checkEnum(MODEL, "warehouse_type", typeText, WAREHOUSE_TYPES),
    warehouse_size:
      sizeText === undefined
        ? WarehouseDefaults.warehouse_size
        : normalizeWarehouseSize(MODEL, "warehouse_size", sizeText),
    max_cluster_count: integer("max_cluster_count", 1, WarehouseLimits.maxClusters),
    min_cluster_count: integer("min_cluster_count", 1, WarehouseLimits.maxClusters),
    scaling_policy:
      values.scaling_policy === undefined
        ? WarehouseDefaults.scaling_policy
        : checkEnum(MODEL, "scaling_policy", values.scaling_policy as string, SCALING_POLICIES),
    // CREATE WAREHOUSE docs: AUTO_SUSPEND 0 means never suspend; negative values are invalid.
    auto_suspend: integer("auto_suspend", 0, INT32_MAX),
    auto_resume: flag("auto_resume", WarehouseDefaults.auto_resume),
    enable_query_acceleration: flag("enable_query_acceleration", WarehouseDefaults.enable_query_acceleration),
    query_acceleration_max_scale_factor: integer(
      "query_acceleration_max_scale_factor",
      0,
      WarehouseLimits.maxQueryAccelerationScaleFactor
    ),
    // Parameters docs: MAX_CONCURRENCY_LEVEL is a positive integer.
    max_concurrency_level: integer("max_concurrency_level", 1, INT32_MAX),
    statement_queued_timeout_in_seconds: integer("statement_queued_timeout_in_seconds", 0, INT32_MAX),
    statement_timeout_in_seconds: integer(
      "statement_timeout_in_seconds",
      0,
      WarehouseLimits.maxStatementTimeoutSeconds
    ),
  };
  if (settings.min_cluster_count > settings.max_cluster_count) {
    throw badRequest(
      `Invalid Warehouse: min_cluster_count (${settings.min_cluster_count}) ` +
        `must not exceed max_cluster_count (${settings.max_cluster_count}).`
    );
  }
  if (values.resource_monitor !== undefined) settings.resource_monitor = values.resource_monitor as string;
  if (values.comment !== undefined) settings.comment = values.comment as string;
  if (values.warehouse_credit_limit !== undefined) {
    checkRange(MODEL, "warehouse_credit_limit", values.warehouse_credit_limit as number, 0, Number.MAX_SAFE_INTEGER);
    settings.warehouse_credit_limit = values.warehouse_credit_limit as number;
  }
  if (values.target_statement_size !== undefined) {
    settings.target_statement_size = normalizeWarehouseSize(
      MODEL,
      "target_statement_size",
      values.target_statement_size as string
    );
  }
  return {
    name: values.name as string,
    settings,
    initiallySuspended: flag("initially_suspended", WarehouseDefaults.initially_suspended),
  };
}

/** The spec keeps deprecated `type`/`size` next to `warehouse_type`/`warehouse_size`; both spellings must agree. */
function pickAlias(values: BodyValues, field: string, deprecated: string): string | undefined {
  const current = values[field] as string | undefined;
  const old = values[deprecated] as string | undefined;
  if (current !== undefined && old !== undefined && current.toUpperCase() !== old.toUpperCase()) {
    throw badRequest(
      `Conflicting values in Warehouse: '${field}' is '${current}' but deprecated '${deprecated}' is '${old}'.`
    );
  }
  return current ?? old;
}

function newWarehouse(request: WarehouseRequest): WarehouseRecord {
  const now = new Date();
  return {
    name: request.name,
    settings: request.settings,
    initiallySuspended: request.initiallySuspended,
    // CREATE WAREHOUSE docs: INITIALLY_SUSPENDED = TRUE creates it SUSPENDED, otherwise it starts.
    state: request.initiallySuspended ? "SUSPENDED" : "STARTED",
    createdOn: now,
    resumedOn: now,
    updatedOn: now,
  };
}

function renderWarehouse(warehouse: WarehouseRecord): Record<string, unknown> {
  const { settings } = warehouse;
  const started = warehouse.state === "STARTED";
  const wireBoolean = (value: boolean) => (value ? "true" : "false");
  return {
    name: formatIdentifier(warehouse.name),
    warehouse_type: settings.warehouse_type,
    warehouse_size: settings.warehouse_size,
    max_cluster_count: settings.max_cluster_count,
    min_cluster_count: settings.min_cluster_count,
    scaling_policy: settings.scaling_policy,
    auto_suspend: settings.auto_suspend,
    auto_resume: wireBoolean(settings.auto_resume),
    initially_suspended: wireBoolean(warehouse.initiallySuspended),
    ...(settings.resource_monitor !== undefined && { resource_monitor: formatIdentifier(settings.resource_monitor) }),
    ...(settings.comment !== undefined && { comment: settings.comment }),
    enable_query_acceleration: wireBoolean(settings.enable_query_acceleration),
    query_acceleration_max_scale_factor: settings.query_acceleration_max_scale_factor,
    max_concurrency_level: settings.max_concurrency_level,
    statement_queued_timeout_in_seconds: settings.statement_queued_timeout_in_seconds,
    statement_timeout_in_seconds: settings.statement_timeout_in_seconds,
    state: warehouse.state,
    started_clusters: started ? settings.min_cluster_count : 0,
    running: 0,
    queued: 0,
    is_default: false,
    is_current: false,
    // SHOW WAREHOUSES: the percentage columns are empty for a suspended warehouse.
    available: started ? "100" : "",
    provisioning: started ? "0" : "",
    quiescing: started ? "0" : "",
    other: started ? "0" : "",
    created_on: warehouse.createdOn.toISOString(),
    ...(warehouse.resumedOn && { resumed_on: warehouse.resumedOn.toISOString() }),
    updated_on: warehouse.updatedOn.toISOString(),
    owner: OWNER_ROLE,
    owner_role_type: OWNER_ROLE_TYPE,
    ...(settings.warehouse_credit_limit !== undefined && { warehouse_credit_limit: settings.warehouse_credit_limit }),
    ...(settings.target_statement_size !== undefined && { target_statement_size: settings.target_statement_size }),
  };
}

function pathName(context: RequestContext): string {
  return parsePathIdentifier(context.params.name, "warehouse name");
}

function findWarehouse(account: AccountState, name: string): WarehouseRecord {
  const warehouse = account.warehouses.get(name);
  if (!warehouse) throw doesNotExist(OBJECT_TYPE, name);
  return warehouse;
}

function listWarehouses({ account, query }: RequestContext): Outcome {
  return ok(filterByName(account.warehouses.values(), (warehouse) => warehouse.name, query).map(renderWarehouse));
}

function createWarehouse({ account, query, body }: RequestContext): Outcome {
  const request = readWarehouse(body);
  const skip = checkCreateMode(query.createMode(), account.warehouses.has(request.name), request.name);
  if (skip) return skip;
  account.warehouses.set(request.name, newWarehouse(request));
  return Status.created(OBJECT_TYPE, request.name);
}

function fetchWarehouse(context: RequestContext): Outcome {
  return ok(renderWarehouse(findWarehouse(context.account, pathName(context))));
}

/** CREATE OR ALTER: the body is the full desired state; initially_suspended only matters on create. */
function createOrAlterWarehouse(context: RequestContext): Outcome {
  const name = pathName(context);
  const request = readWarehouse(context.body);
  if (request.name !== name) {
    throw badRequest(
      `Warehouse name in the body ('${formatIdentifier(request.name)}') must match the path ('${formatIdentifier(
        name
      )}').`
    );
  }
  const existing = context.account.warehouses.get(name);
  if (!existing) {
    context.account.warehouses.set(name, newWarehouse(request));
    return Status.created(OBJECT_TYPE, name);
  }
  existing.settings = request.settings;
  existing.updatedOn = new Date();
  return Status.executed();
}

function deleteWarehouse(context: RequestContext): Outcome {
  const name = pathName(context);
  if (!context.account.warehouses.delete(name)) {
    if (context.query.boolean("ifExists")) return Status.alreadyDropped(name);
    throw doesNotExist(OBJECT_TYPE, name);
  }
  return Status.dropped(name);
}

/** Runs an action on an existing warehouse; with ifExists a missing one is a successful no-op. */
function withWarehouse(context: RequestContext, action: (warehouse: WarehouseRecord) => void): Outcome {
  const name = pathName(context);
  const warehouse = context.account.warehouses.get(name);
  if (!warehouse) {
    if (context.query.boolean("ifExists")) return Status.executed();
    throw doesNotExist(OBJECT_TYPE, name);
  }
  action(warehouse);
  return Status.executed();
}

// ALTER WAREHOUSE RESUME/SUSPEND docs: resuming a started (or suspending a suspended) warehouse fails with
// "Invalid state"; the emulator answers that as 409 Conflict (common.yaml 409: conflicting state).
function invalidState(warehouse: WarehouseRecord, verb: string): ApiError {
  return new ApiError(
    409,
    ErrorCodes.invalidWarehouseState,
    `Invalid state. Warehouse '${warehouse.name}' cannot be ${verb}.`
  );
}

function resumeWarehouse(context: RequestContext): Outcome {
  return withWarehouse(context, (warehouse) => {
    if (warehouse.state === "STARTED") throw invalidState(warehouse, "resumed");
    warehouse.state = "STARTED";
    warehouse.resumedOn = warehouse.updatedOn = new Date();
  });
}

function suspendWarehouse(context: RequestContext): Outcome {
  return withWarehouse(context, (warehouse) => {
    if (warehouse.state === "SUSPENDED") throw invalidState(warehouse, "suspended");
    warehouse.state = "SUSPENDED";
    warehouse.updatedOn = new Date();
  });
}

/** warehouse.yaml renameWarehouse: the body is a Warehouse whose name is the new name. */
function renameWarehouse(context: RequestContext): Outcome {
  const newName = readModelBody(context.body, MODEL, WAREHOUSE_FIELDS).name as string;
  return withWarehouse(context, (warehouse) => {
    if (newName === warehouse.name) return;
    if (context.account.warehouses.has(newName)) throw alreadyExists(newName);
    context.account.warehouses.delete(warehouse.name);
    warehouse.name = newName;
    warehouse.updatedOn = new Date();
    context.account.warehouses.set(newName, warehouse);
  });
}

const COLLECTION = "/api/v2/warehouses";
const ITEM = `${COLLECTION}/{name}`;

export const warehouseRoutes: Route[] = [
  { method: "GET", path: COLLECTION, query: ["like"], handler: listWarehouses },
  { method: "POST", path: COLLECTION, query: ["createMode"], body: true, handler: createWarehouse },
  { method: "GET", path: ITEM, handler: fetchWarehouse },
  { method: "PUT", path: ITEM, body: true, handler: createOrAlterWarehouse },
  { method: "DELETE", path: ITEM, query: ["ifExists"], handler: deleteWarehouse },
  { method: "POST", path: `${ITEM}:resume`, query: ["ifExists"], handler: resumeWarehouse },
  { method: "POST", path: `${ITEM}:suspend`, query: ["ifExists"], handler: suspendWarehouse },
  { method: "POST", path: `${ITEM}:rename`, query: ["ifExists"], body: true, handler: renameWarehouse },
];
