import * as pulumi from "@pulumi/pulumi";
import { LogLevel, TraceLevel, WarehouseSize } from "./types";

/** Settings databases and schemas share; anything left unset keeps Snowflake's value (inherited or default). */
export interface ContainerParameterArgs {
  comment?: pulumi.Input<string>;
  /** Days of Time Travel, 0-90 (above 1 needs Enterprise Edition). */
  dataRetentionTimeInDays?: pulumi.Input<number>;
  /** Days Snowflake may extend retention to keep streams from going stale, 0-90 (default 14). */
  maxDataExtensionTimeInDays?: pulumi.Input<number>;
  defaultDdlCollation?: pulumi.Input<string>;
  logLevel?: pulumi.Input<LogLevel>;
  traceLevel?: pulumi.Input<TraceLevel>;
  suspendTaskAfterNumFailures?: pulumi.Input<number>;
  userTaskManagedInitialWarehouseSize?: pulumi.Input<WarehouseSize>;
  userTaskTimeoutMs?: pulumi.Input<number>;
  serverlessTaskMinStatementSize?: pulumi.Input<WarehouseSize>;
  serverlessTaskMaxStatementSize?: pulumi.Input<WarehouseSize>;
}

export const CONTAINER_PARAMETER_OUTPUTS = [
  "comment", "dataRetentionTimeInDays", "maxDataExtensionTimeInDays", "defaultDdlCollation", "logLevel", "traceLevel",
  "suspendTaskAfterNumFailures", "userTaskManagedInitialWarehouseSize", "userTaskTimeoutMs",
  "serverlessTaskMinStatementSize", "serverlessTaskMaxStatementSize",
] as const;
