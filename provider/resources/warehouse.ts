import { ResourceDefinition } from "../engine/definition";
import { choice, identifier, integer, stringBoolean, text } from "../engine/fields";
import * as wire from "../wire/warehouse";
import { WAREHOUSE_SIZE_ALIASES, WAREHOUSE_SIZES } from "./warehouse-sizes";

// warehouse.yaml components/schemas/Warehouse; defaults from the CREATE WAREHOUSE docs.
export const warehouse: ResourceDefinition = {
  typeName: "Warehouse",
  noun: "warehouse",
  collectionPath: "/api/v2/warehouses",
  createOrAlter: true,
  fields: {
    name: identifier("name", { identity: "name" }),
    warehouseType: choice("warehouse_type", ["STANDARD", "SNOWPARK-OPTIMIZED"], { SNOWPARK_OPTIMIZED: "SNOWPARK-OPTIMIZED" }, { serverDefault: "STANDARD" }),
    warehouseSize: choice("warehouse_size", WAREHOUSE_SIZES, WAREHOUSE_SIZE_ALIASES, { serverDefault: "XSMALL" }),
    maxClusterCount: integer("max_cluster_count", { min: 1 }, { serverDefault: 1 }),
    minClusterCount: integer("min_cluster_count", { min: 1 }, { serverDefault: 1 }),
    scalingPolicy: choice("scaling_policy", ["STANDARD", "ECONOMY"], {}, { serverDefault: "STANDARD" }),
    // 0 means never suspend.
    autoSuspend: integer("auto_suspend", { min: 0 }, { serverDefault: 600 }),
    autoResume: stringBoolean("auto_resume", { serverDefault: true }),
    initiallySuspended: stringBoolean("initially_suspended", { createOnly: true }),
    resourceMonitor: identifier("resource_monitor"),
    comment: text("comment"),
    enableQueryAcceleration: stringBoolean("enable_query_acceleration", { serverDefault: false }),
    queryAccelerationMaxScaleFactor: integer("query_acceleration_max_scale_factor", { min: 0, max: 100 }, { serverDefault: 8 }),
    maxConcurrencyLevel: integer("max_concurrency_level", { min: 1 }, { serverDefault: 8 }),
    statementQueuedTimeoutInSeconds: integer("statement_queued_timeout_in_seconds", { min: 0 }, { serverDefault: 0 }),
    statementTimeoutInSeconds: integer("statement_timeout_in_seconds", { min: 0, max: 604800 }, { serverDefault: 172800 }),
  },
  outputs: { state: "state", owner: "owner", createdOn: "created_on" },
  wireModel: wire.Warehouse,
  readOnlyWire: wire.Warehouse_READ_ONLY,
};
