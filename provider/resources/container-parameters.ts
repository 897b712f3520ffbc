// Parameters databases and schemas share (database.yaml Database / schema.yaml Schema; CREATE DATABASE docs for
// ranges and defaults).
import { FieldDefinition } from "../engine/definition";
import { choice, integer, text } from "../engine/fields";
import { WAREHOUSE_SIZE_ALIASES, WAREHOUSE_SIZES } from "./warehouse-sizes";

export const LOG_LEVELS = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL", "OFF"] as const;
export const TRACE_LEVELS = ["ALWAYS", "ON_EVENT", "OFF"] as const;

export const containerParameters: Record<string, FieldDefinition> = {
  comment: text("comment"),
  // Time Travel: 0-90 days (1 by default; above 1 needs Enterprise Edition).
  dataRetentionTimeInDays: integer("data_retention_time_in_days", { min: 0, max: 90 }),
  maxDataExtensionTimeInDays: integer("max_data_extension_time_in_days", { min: 0, max: 90 }, { serverDefault: 14 }),
  defaultDdlCollation: text("default_ddl_collation"),
  logLevel: choice("log_level", LOG_LEVELS),
  traceLevel: choice("trace_level", TRACE_LEVELS),
  suspendTaskAfterNumFailures: integer("suspend_task_after_num_failures", { min: 0 }),
  userTaskManagedInitialWarehouseSize: choice("user_task_managed_initial_warehouse_size", WAREHOUSE_SIZES, WAREHOUSE_SIZE_ALIASES),
  userTaskTimeoutMs: integer("user_task_timeout_ms", { min: 0 }),
  serverlessTaskMinStatementSize: choice("serverless_task_min_statement_size", WAREHOUSE_SIZES, WAREHOUSE_SIZE_ALIASES),
  serverlessTaskMaxStatementSize: choice("serverless_task_max_statement_size", WAREHOUSE_SIZES, WAREHOUSE_SIZE_ALIASES),
};

export const CONTAINER_KINDS = ["PERMANENT", "TRANSIENT"] as const;
