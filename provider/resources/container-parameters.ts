// Object parameters databases and schemas share (database.yaml Database / schema.yaml Schema). Each is inherited
// (account -> database -> schema -> object) when not set on the object itself (Parameters docs).
import { FieldDefinition } from "../engine/definition";
import { FieldRule } from "../engine/field-rules";
import { choiceKind, enumType, integerKind } from "../engine/kinds/scalars";
import { collationField, commentField, field, LOG_LEVEL, retentionFields, TRACE_LEVEL, WAREHOUSE_SIZE } from "./common";

// database.yaml serverless_task_*_statement_size: XSMALL to XXLARGE (Parameters docs: the same range for
// USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE).
export const SERVERLESS_SIZES = ["XSMALL", "SMALL", "MEDIUM", "LARGE", "XLARGE", "XXLARGE"] as const;
const TASK_SIZE = enumType("TaskWarehouseSize", "Serverless task sizes, XSMALL to XXLARGE; Snowflake's other spellings are accepted too.", SERVERLESS_SIZES, WAREHOUSE_SIZE.aliases);
/** The smallest size serverless tasks may use is at most the largest (both are bounds of one range). */
export const SERVERLESS_SIZE_ORDER: FieldRule = {
  atMost: ["serverlessTaskMinStatementSize", "serverlessTaskMaxStatementSize"],
  order: SERVERLESS_SIZES,
  because: "the smallest size serverless tasks may use cannot be above the largest",
};
// Parameters docs: USER_TASK_TIMEOUT_MS 0-604800000 (7 days).
const MAX_TASK_TIMEOUT_MS = 604_800_000;

export function containerParameters(noun: string): Record<string, FieldDefinition> {
  return {
    comment: commentField(noun),
    ...retentionFields(noun),
    defaultDdlCollation: collationField(noun),
    logLevel: field("log_level", choiceKind(LOG_LEVEL), `Default LOG_LEVEL for objects in the ${noun}. Unset: inherited (default OFF).`, { inherited: true }),
    traceLevel: field("trace_level", choiceKind(TRACE_LEVEL), `Default TRACE_LEVEL for objects in the ${noun}. Unset: inherited (default OFF).`, { inherited: true }),
    suspendTaskAfterNumFailures: field("suspend_task_after_num_failures", integerKind({ min: 0 }), `Consecutive failed runs after which tasks in the ${noun} suspend (0: never). Unset: inherited (default 10).`, { inherited: true }),
    userTaskManagedInitialWarehouseSize: field("user_task_managed_initial_warehouse_size", choiceKind(TASK_SIZE), "Size of the first run of serverless tasks. Unset: inherited.", { inherited: true }),
    userTaskTimeoutMs: field("user_task_timeout_ms", integerKind({ min: 0, max: MAX_TASK_TIMEOUT_MS }), "Time limit of one task run in milliseconds, up to 604800000. Unset: inherited (default 3600000).", { inherited: true }),
    serverlessTaskMinStatementSize: field("serverless_task_min_statement_size", choiceKind(TASK_SIZE), "Smallest size serverless tasks may use. Unset: inherited.", { inherited: true }),
    serverlessTaskMaxStatementSize: field("serverless_task_max_statement_size", choiceKind(TASK_SIZE), "Largest size serverless tasks may use. Unset: inherited.", { inherited: true }),
  };
}
