import * as pulumi from "@pulumi/pulumi";
import { providerFor } from "./provider";
import { resourceProps } from "./resource-props";
import { SnowflakeResource } from "./snowflake-resource";
import { CommonArgs, ScalingPolicy, WarehouseSize, WarehouseType } from "./types";

export interface WarehouseArgs extends CommonArgs {
  /** Identifier; unquoted names are upper-cased by Snowflake, "quoted" names kept exactly. Default: derived from the resource name. Changing it replaces the warehouse. */
  name?: pulumi.Input<string>;
  /** Default XSMALL. */
  warehouseSize?: pulumi.Input<WarehouseSize>;
  /** STANDARD (default) or SNOWPARK-OPTIMIZED. */
  warehouseType?: pulumi.Input<WarehouseType>;
  /** Multi-cluster warehouses (Enterprise Edition): at least 1, and at least minClusterCount. */
  maxClusterCount?: pulumi.Input<number>;
  minClusterCount?: pulumi.Input<number>;
  scalingPolicy?: pulumi.Input<ScalingPolicy>;
  /** Seconds idle before the warehouse suspends; 0 never suspends. Default 600. */
  autoSuspend?: pulumi.Input<number>;
  /** Default true. */
  autoResume?: pulumi.Input<boolean>;
  /** Create the warehouse suspended. Only acts at creation. */
  initiallySuspended?: pulumi.Input<boolean>;
  resourceMonitor?: pulumi.Input<string>;
  comment?: pulumi.Input<string>;
  enableQueryAcceleration?: pulumi.Input<boolean>;
  queryAccelerationMaxScaleFactor?: pulumi.Input<number>;
  maxConcurrencyLevel?: pulumi.Input<number>;
  statementQueuedTimeoutInSeconds?: pulumi.Input<number>;
  statementTimeoutInSeconds?: pulumi.Input<number>;
}

const WAREHOUSE_OUTPUTS = [
  "name", "warehouseSize", "warehouseType", "maxClusterCount", "minClusterCount", "scalingPolicy", "autoSuspend",
  "autoResume", "initiallySuspended", "resourceMonitor", "comment", "enableQueryAcceleration",
  "queryAccelerationMaxScaleFactor", "maxConcurrencyLevel", "statementQueuedTimeoutInSeconds",
  "statementTimeoutInSeconds", "state", "owner", "createdOn",
] as const;

/** A virtual warehouse (REST: /api/v2/warehouses). The resource id is the warehouse name. */
export class Warehouse extends SnowflakeResource {
  declare readonly name: pulumi.Output<string>;
  declare readonly warehouseSize: pulumi.Output<string | undefined>;
  declare readonly warehouseType: pulumi.Output<string | undefined>;
  declare readonly maxClusterCount: pulumi.Output<number | undefined>;
  declare readonly minClusterCount: pulumi.Output<number | undefined>;
  declare readonly scalingPolicy: pulumi.Output<string | undefined>;
  declare readonly autoSuspend: pulumi.Output<number | undefined>;
  declare readonly autoResume: pulumi.Output<boolean | undefined>;
  declare readonly initiallySuspended: pulumi.Output<boolean | undefined>;
  declare readonly resourceMonitor: pulumi.Output<string | undefined>;
  declare readonly comment: pulumi.Output<string | undefined>;
  declare readonly enableQueryAcceleration: pulumi.Output<boolean | undefined>;
  declare readonly queryAccelerationMaxScaleFactor: pulumi.Output<number | undefined>;
  declare readonly maxConcurrencyLevel: pulumi.Output<number | undefined>;
  declare readonly statementQueuedTimeoutInSeconds: pulumi.Output<number | undefined>;
  declare readonly statementTimeoutInSeconds: pulumi.Output<number | undefined>;
  /** STARTED, SUSPENDED, RESIZING, ... as Snowflake reports it. */
  declare readonly state: pulumi.Output<string>;
  declare readonly owner: pulumi.Output<string>;
  declare readonly createdOn: pulumi.Output<string>;

  constructor(name: string, args: WarehouseArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(providerFor("Warehouse"), name, resourceProps("Warehouse", name, args, WAREHOUSE_OUTPUTS), opts, "snowflake", "Warehouse");
  }
}
