// warehouse.yaml components/schemas/Warehouse; defaults and ranges from the CREATE WAREHOUSE and Parameters docs.
import { defineResource } from "../engine/define";
import { identifierKind } from "../engine/kinds/names";
import { choiceKind, enumType, integerKind, stringBooleanKind } from "../engine/kinds/scalars";
import * as wire from "../wire/warehouse";
import { commentField, field, nameField, output, ownershipOutputs, WAREHOUSE_SIZE } from "./common";

const WAREHOUSE_TYPE = enumType("WarehouseType", "STANDARD or SNOWPARK-OPTIMIZED (more memory per node).", ["STANDARD", "SNOWPARK-OPTIMIZED"], { SNOWPARK_OPTIMIZED: "SNOWPARK-OPTIMIZED" });
const SCALING_POLICY = enumType("ScalingPolicy", "How a multi-cluster warehouse starts and stops clusters.", ["STANDARD", "ECONOMY"]);
const WAREHOUSE_STATE = enumType("WarehouseState", "The state Snowflake reports for a warehouse.", ["STARTED", "SUSPENDED", "RESIZING"]);
// Multi-cluster warehouses docs: up to 300 clusters (the maximum depends on the size).
const MAX_CLUSTERS = 300;

export const warehouse = defineResource({
  typeName: "Warehouse",
  noun: "warehouse",
  doc: "A virtual warehouse: the compute that runs queries (REST: /api/v2/warehouses). The id is its name at creation.",
  collectionPath: "/api/v2/warehouses",
  // warehouse.yaml listWarehouses returns Warehouse rows, all at once (no showLimit / fromName).
  listCarriesSnapshot: "whole",
  changes: "put",
  sqlObjectType: "WAREHOUSE",
  rename: "restBody",
  tags: true,
  runState: { wire: "state", suspendedValues: ["SUSPENDED"], via: "rest", suspendsItself: true, createdSuspended: false, createSuspendedWith: { wire: "initially_suspended", value: "true" } },
  fields: {
    name: nameField("warehouse"),
    warehouseType: field("warehouse_type", choiceKind(WAREHOUSE_TYPE), "STANDARD (default) or SNOWPARK-OPTIMIZED.", { serverDefault: "STANDARD" }),
    warehouseSize: field("warehouse_size", choiceKind(WAREHOUSE_SIZE), "Size of each cluster. Default XSMALL.", { serverDefault: "XSMALL" }),
    maxClusterCount: field("max_cluster_count", integerKind({ min: 1, max: MAX_CLUSTERS }), "Most clusters of a multi-cluster warehouse (Enterprise Edition); at least minClusterCount. Default 1.", { serverDefault: 1 }),
    minClusterCount: field("min_cluster_count", integerKind({ min: 1, max: MAX_CLUSTERS }), "Fewest clusters running while the warehouse runs. Default 1.", { serverDefault: 1 }),
    scalingPolicy: field("scaling_policy", choiceKind(SCALING_POLICY), "STANDARD (default: favours starting clusters) or ECONOMY (favours full clusters).", { serverDefault: "STANDARD" }),
    autoSuspend: field("auto_suspend", integerKind({ min: 0 }), "Seconds of inactivity before Snowflake suspends the warehouse; 0 never suspends. Default 600.", { serverDefault: 600 }),
    autoResume: field("auto_resume", stringBooleanKind(), "Resume automatically when a query needs the warehouse. Default true.", { serverDefault: true }),
    initiallySuspended: field("initially_suspended", stringBooleanKind(), "Create the warehouse suspended.", { createOnly: true }),
    resourceMonitor: field("resource_monitor", identifierKind(), "Resource monitor that caps the warehouse's credits."),
    comment: commentField("warehouse"),
    enableQueryAcceleration: field("enable_query_acceleration", stringBooleanKind(), "Use the query acceleration service. Default false.", { serverDefault: false }),
    queryAccelerationMaxScaleFactor: field("query_acceleration_max_scale_factor", integerKind({ min: 0, max: 100 }), "Upper bound on query acceleration as a multiple of the warehouse size, 0-100 (0: no limit). Default 8.", { serverDefault: 8 }),
    maxConcurrencyLevel: field("max_concurrency_level", integerKind({ min: 1 }), "Concurrent queries per cluster before they queue. Unset: inherited from the account (default 8).", { inherited: true }),
    statementQueuedTimeoutInSeconds: field("statement_queued_timeout_in_seconds", integerKind({ min: 0 }), "Seconds a statement may queue before it is cancelled; 0 means no limit. Unset: inherited from the account.", { inherited: true }),
    statementTimeoutInSeconds: field("statement_timeout_in_seconds", integerKind({ min: 0, max: 604800 }), "Seconds a statement may run before it is cancelled, up to 604800 (7 days). Unset: inherited from the account (default 172800).", { inherited: true }),
    warehouseCreditLimit: field("warehouse_credit_limit", integerKind({ min: 0 }), "Credit limit of the warehouse (warehouse.yaml warehouse_credit_limit)."),
    targetStatementSize: field("target_statement_size", choiceKind(WAREHOUSE_SIZE), "Size statements are sized for (warehouse.yaml target_statement_size)."),
  },
  outputs: {
    state: output("state", choiceKind(WAREHOUSE_STATE), "STARTED, SUSPENDED or RESIZING, as Snowflake reports it."),
    ...ownershipOutputs("warehouse"),
  },
  notOffered: {
    type: "deprecated spelling of warehouse_type",
    size: "deprecated spelling of warehouse_size",
    wait_for_completion: "a flag of one resize request, not a setting of the warehouse",
  },
  // CREATE WAREHOUSE docs: MIN_CLUSTER_COUNT must be equal to or less than MAX_CLUSTER_COUNT.
  rules: [{ atMost: ["minClusterCount", "maxClusterCount"], because: "a warehouse's fewest clusters cannot be more than its most" }],
  wire: { schema: wire.Warehouse, properties: wire.Warehouse_PROPERTIES, readOnly: wire.Warehouse_READ_ONLY },
});

