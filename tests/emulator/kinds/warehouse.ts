// Warehouses (warehouse.yaml; CREATE / ALTER WAREHOUSE and Parameters docs).
import * as wire from "../../../provider/wire/warehouse";
import type { ObjectKind } from "../catalog/object-kind";
import { ApiError, badRequest, ErrorCodes } from "../errors";
import { checkEnum, checkRange } from "../rest/body";
import { normalizeWarehouseSize } from "../warehouse-sizes";
import { requireResourceMonitor } from "./resource-monitor";

// warehouse.yaml Warehouse.warehouse_type / scaling_policy.
const WAREHOUSE_TYPES = ["STANDARD", "SNOWPARK-OPTIMIZED"];
const SCALING_POLICIES = ["STANDARD", "ECONOMY"];
// Multi-cluster warehouse docs: cluster counts from 1 (the emulator caps at 10, as an Enterprise account's default).
const MAX_CLUSTERS = 10;
const INT32_MAX = 2 ** 31 - 1;

/** warehouse.yaml keeps deprecated `type`/`size` next to `warehouse_type`/`warehouse_size`; both spellings must agree. */
function pickAlias(values: Record<string, unknown>, field: string, deprecated: string): void {
  const current = values[field] as string | undefined;
  const old = values[deprecated] as string | undefined;
  if (current !== undefined && old !== undefined && current.toUpperCase() !== old.toUpperCase()) {
    throw badRequest(`Conflicting values in Warehouse: '${field}' is '${current}' but deprecated '${deprecated}' is '${old}'.`);
  }
  if (current === undefined && old !== undefined) values[field] = old;
  delete values[deprecated];
}

export const warehouseKind: ObjectKind = {
  spec: "warehouse",
  model: "Warehouse",
  objectType: "Warehouse",
  sqlType: "WAREHOUSE",
  parameterLevel: "WAREHOUSE",
  collection: "warehouses",
  scope: "account",
  wire: { strict: wire.WarehouseStrict, properties: wire.Warehouse_PROPERTIES, readOnly: wire.Warehouse_READ_ONLY, writeOnly: wire.Warehouse_WRITE_ONLY },
  identifiers: ["resource_monitor"],
  // CREATE WAREHOUSE docs, defaults (warehouse.yaml sends the flags as the strings "true" / "false").
  defaults: {
    warehouse_type: "STANDARD",
    warehouse_size: "XSMALL",
    max_cluster_count: 1,
    min_cluster_count: 1,
    scaling_policy: "STANDARD",
    auto_suspend: 600,
    auto_resume: "true",
    initially_suspended: "false",
    enable_query_acceleration: "false",
    query_acceleration_max_scale_factor: 8,
  },
  // Parameters docs: MAX_CONCURRENCY_LEVEL 8, STATEMENT_QUEUED_TIMEOUT_IN_SECONDS 0, STATEMENT_TIMEOUT_IN_SECONDS
  // 172800; set on the account or the warehouse.
  parameters: {
    max_concurrency_level: { default: 8 },
    statement_queued_timeout_in_seconds: { default: 0 },
    statement_timeout_in_seconds: { default: 172800 },
  },
  runState: {
    wire: "state",
    running: "STARTED",
    suspended: "SUSPENDED",
    // CREATE WAREHOUSE docs: INITIALLY_SUSPENDED = TRUE creates it SUSPENDED, otherwise it starts.
    initial: (values) => (values.initially_suspended === "true" ? "suspended" : "running"),
    // ALTER WAREHOUSE docs: resuming a started warehouse (without IF SUSPENDED) fails; answered as 409 Conflict.
    refusesNoop: (object, verb) => new ApiError(409, ErrorCodes.invalidWarehouseState, `Invalid state. Warehouse '${object.name}' cannot be ${verb}.`),
  },
  accept(values, { account }) {
    const kind = warehouseKind;
    // ALTER WAREHOUSE docs, RESOURCE_MONITOR: the monitor must exist.
    requireResourceMonitor(account, values.resource_monitor);
    pickAlias(values, "warehouse_type", "type");
    pickAlias(values, "warehouse_size", "size");
    // wait_for_completion only shapes one resize request; it is not a property of the warehouse.
    delete values.wait_for_completion;
    values.warehouse_type = checkEnum(kind, "warehouse_type", values.warehouse_type, WAREHOUSE_TYPES);
    values.scaling_policy = checkEnum(kind, "scaling_policy", values.scaling_policy, SCALING_POLICIES);
    for (const field of ["warehouse_size", "target_statement_size"]) {
      if (values[field] !== undefined) values[field] = normalizeWarehouseSize("Warehouse", field, String(values[field]));
    }
    checkRange(kind, "max_cluster_count", values.max_cluster_count, 1, MAX_CLUSTERS);
    checkRange(kind, "min_cluster_count", values.min_cluster_count, 1, MAX_CLUSTERS);
    // Multi-cluster warehouse docs: MIN_CLUSTER_COUNT must be equal to or less than MAX_CLUSTER_COUNT.
    if (Number(values.min_cluster_count ?? 1) > Number(values.max_cluster_count ?? 1)) {
      throw badRequest(`Invalid value ${values.min_cluster_count} for field 'min_cluster_count' in Warehouse: must not exceed max_cluster_count (${values.max_cluster_count ?? 1}).`);
    }
    // CREATE WAREHOUSE docs: AUTO_SUSPEND 0 means never suspend; QUERY_ACCELERATION_MAX_SCALE_FACTOR 0..100;
    // Parameters docs: STATEMENT_TIMEOUT_IN_SECONDS 0..604800 (7 days).
    checkRange(kind, "auto_suspend", values.auto_suspend, 0, INT32_MAX);
    checkRange(kind, "query_acceleration_max_scale_factor", values.query_acceleration_max_scale_factor, 0, 100);
    checkRange(kind, "max_concurrency_level", values.max_concurrency_level, 1, INT32_MAX);
    checkRange(kind, "statement_queued_timeout_in_seconds", values.statement_queued_timeout_in_seconds, 0, INT32_MAX);
    checkRange(kind, "statement_timeout_in_seconds", values.statement_timeout_in_seconds, 0, 604800);
    checkRange(kind, "warehouse_credit_limit", values.warehouse_credit_limit, 0, Number.MAX_SAFE_INTEGER);
    return values;
  },
  // INITIALLY_SUSPENDED only acts at creation: CREATE OR ALTER keeps what the warehouse was created with.
  alter(object, next) {
    next.initially_suspended = object.values.initially_suspended;
    if (next.initially_suspended === undefined) delete next.initially_suspended;
  },
  render(object) {
    const started = object.facts.state === "running";
    return {
      state: started ? "STARTED" : "SUSPENDED",
      started_clusters: started ? Number(object.values.min_cluster_count ?? 1) : 0,
      running: 0,
      queued: 0,
      is_default: false,
      is_current: false,
      // SHOW WAREHOUSES: the percentage columns are empty for a suspended warehouse.
      available: started ? "100" : "",
      provisioning: started ? "0" : "",
      quiescing: started ? "0" : "",
      other: started ? "0" : "",
      resumed_on: ((object.facts.resumedOn as Date | undefined) ?? object.createdOn).toISOString(),
      updated_on: object.updatedOn.toISOString(),
    };
  },
};
