// Object parameters that databases and schemas share (database.yaml Database / schema.yaml Schema).
//
// Snowflake reports every parameter with its inherited or default value; the emulator returns a parameter only
// when it was set on the object itself, so clients cannot come to depend on server defaults for these.
import { checkEnum, checkRange, type BodyValues, type ModelFields } from "../body";
import type { ObjectParameters } from "../state";
import { normalizeWarehouseSize } from "../warehouse-sizes";

export const OBJECT_PARAMETER_FIELDS: ModelFields = {
  default_ddl_collation: { type: "string" },
  log_level: { type: "string" },
  trace_level: { type: "string" },
  suspend_task_after_num_failures: { type: "integer" },
  user_task_managed_initial_warehouse_size: { type: "string" },
  user_task_timeout_ms: { type: "integer" },
  serverless_task_min_statement_size: { type: "string" },
  serverless_task_max_statement_size: { type: "string" },
};

// Parameters docs: LOG_LEVEL accepts TRACE, DEBUG, INFO, WARN, ERROR, FATAL, OFF.
const LOG_LEVELS = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL", "OFF"];
// database.yaml Database.trace_level: ALWAYS, ON_EVENT, OFF.
const TRACE_LEVELS = ["ALWAYS", "ON_EVENT", "OFF"];
// database.yaml serverless_task_*_statement_size: minimum XSMALL, maximum XXLARGE (Parameters docs: same range for
// USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE).
const TASK_SIZES = ["XSMALL", "SMALL", "MEDIUM", "LARGE", "XLARGE", "XXLARGE"];
// Parameters docs: USER_TASK_TIMEOUT_MS is 0..604800000 (7 days).
const MAX_USER_TASK_TIMEOUT_MS = 604_800_000;

export function readObjectParameters(model: string, values: BodyValues): ObjectParameters {
  const parameters: ObjectParameters = {};
  const text = (field: string) => values[field] as string | undefined;
  const integer = (field: string) => values[field] as number | undefined;

  if (text("default_ddl_collation") !== undefined) parameters.default_ddl_collation = text("default_ddl_collation");
  if (text("log_level") !== undefined)
    parameters.log_level = checkEnum(model, "log_level", text("log_level")!, LOG_LEVELS);
  if (text("trace_level") !== undefined) {
    parameters.trace_level = checkEnum(model, "trace_level", text("trace_level")!, TRACE_LEVELS);
  }
  const failures = integer("suspend_task_after_num_failures");
  if (failures !== undefined) {
    // Parameters docs: SUSPEND_TASK_AFTER_NUM_FAILURES is 0 (disabled) or more.
    checkRange(model, "suspend_task_after_num_failures", failures, 0, 2 ** 31 - 1);
    parameters.suspend_task_after_num_failures = failures;
  }
  const timeout = integer("user_task_timeout_ms");
  if (timeout !== undefined) {
    checkRange(model, "user_task_timeout_ms", timeout, 0, MAX_USER_TASK_TIMEOUT_MS);
    parameters.user_task_timeout_ms = timeout;
  }
  for (const field of [
    "user_task_managed_initial_warehouse_size",
    "serverless_task_min_statement_size",
    "serverless_task_max_statement_size",
  ] as const) {
    const size = text(field);
    if (size !== undefined) parameters[field] = normalizeWarehouseSize(model, field, size, TASK_SIZES);
  }
  return parameters;
}
