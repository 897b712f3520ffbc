// task.yaml components/schemas/Task. PUT is CREATE OR ALTER TASK; :resume / :suspend set the run state. A new task
// is suspended (CREATE TASK docs: "a task is suspended by default when created"). Tasks form graphs through
// `after` (predecessors) and `finalize`; Snowflake refuses to change any task of a graph while its root runs, so
// the engine suspends the root around each change and resumes it afterwards (`graph` below; engine/graph-roots.ts).
import { defineResource } from "../engine/define";
import { isSet } from "../engine/field-kind";
import { jsonObjectKind } from "../engine/kinds/json";
import { identifierKind, siblingNameKind, storedParts } from "../engine/kinds/names";
import { booleanKind, choiceKind, enumType, integerKind, sqlTextKind } from "../engine/kinds/scalars";
import { minutesIntervalKind, taskScheduleKind } from "../engine/kinds/schedules";
import { listKind } from "../engine/kinds/structures";
import { storedName } from "../engine/identifiers";
import * as wire from "../wire/task";
import { commentField, field, output, ownershipOutputs, schemaObjectIdentity, WAREHOUSE_SIZE } from "./common";
import { SERVERLESS_SIZE_ORDER, SERVERLESS_SIZES } from "./container-parameters";

const TASK_STATE = enumType("TaskState", "Whether a task runs on its schedule or after its predecessors.", ["STARTED", "SUSPENDED"]);
const OVERLAP_POLICY = enumType("TaskOverlapPolicy", "Whether runs of a task graph may overlap (root tasks only).", ["NO_OVERLAP", "ALLOW_CHILD_OVERLAP", "ALLOW_ALL_OVERLAP"]);
// CREATE TASK docs: settings of serverless tasks only (the sizes range from XSMALL to XXLARGE).
const SERVERLESS_ONLY = ["userTaskManagedInitialWarehouseSize", "targetCompletionInterval", "serverlessTaskMinStatementSize", "serverlessTaskMaxStatementSize"];
const ROOT_ONLY = ["config", "overlapPolicy", "taskAutoRetryAttempts", "allowOverlappingExecution", "successIntegration"];
// CREATE TASK docs: "A task can have a maximum of 100 predecessor tasks".
const MAX_PREDECESSORS = 100;

const taskName = siblingNameKind("a task");
// Introduction to tasks docs: "The maximum compute size for a serverless task is equivalent to an XXLARGE".
const serverlessSize = choiceKind(WAREHOUSE_SIZE, { values: SERVERLESS_SIZES, because: "serverless tasks run on at most XXLARGE compute" });
const sizeField = (wireName: string, doc: string) => field(wireName, serverlessSize, doc, { inherited: true });

export const task = defineResource({
  typeName: "Task",
  noun: "task",
  doc: "A task: SQL run on a schedule or after other tasks, alone or as part of a task graph (REST: .../schemas/{schema}/tasks). Changing a task of a running graph suspends the graph's root for the change and resumes it afterwards.",
  collectionPath: "/api/v2/databases/{database}/schemas/{schema}/tasks",
  // task.yaml listTasks answers Task items (the GET's model), paged with showLimit / fromName.
  listCarriesSnapshot: "paged",
  changes: "put",
  sqlObjectType: "TASK",
  tags: true,
  runState: { wire: "state", suspendedValues: ["SUSPENDED"], via: "rest", createdSuspended: true },
  graph: { predecessors: "after", finalizes: "finalize" },
  fields: {
    ...schemaObjectIdentity("task"),
    definition: field("definition", sqlTextKind(), "The SQL the task runs: one statement, a CALL of a procedure, or a Snowflake Scripting block.", { required: true }),
    warehouse: field("warehouse", identifierKind(), "Warehouse the task runs on. Unset: serverless (Snowflake sizes the compute)."),
    schedule: field("schedule", taskScheduleKind(), "When a root task runs: `{ minutes: 5 }` or `{ cron: \"0 9 * * MON\", timeZone: \"UTC\" }`. Child tasks have none (they run after `after`)."),
    after: field("predecessors", listKind(taskName, { ordered: false, itemWords: "task names" }), "Tasks (in the same schema) this task runs after; a task with predecessors is a child in their graph."),
    finalize: field("finalize", taskName, "The root task this task finalizes: it runs after every run of that graph, successful or not."),
    when: field("condition", sqlTextKind(), "A Boolean SQL condition checked before each run, e.g. `SYSTEM$STREAM_HAS_DATA('S')`; the run is skipped when false."),
    config: field("config", jsonObjectKind({ what: "the graph's configuration" }), "A JSON object tasks of the graph read with SYSTEM$GET_TASK_GRAPH_CONFIG (root tasks)."),
    sessionParameters: field("session_parameters", jsonObjectKind({ what: "session parameters", parameterNames: true }), "Session parameters set for the task's runs, e.g. `{ TIMEZONE: \"UTC\" }`."),
    taskAutoRetryAttempts: field("task_auto_retry_attempts", integerKind({ min: 0, max: 30 }), "How many times a failed graph run is retried, 0-30 (root tasks). Unset: inherited (default 0).", { inherited: true }),
    overlapPolicy: field("overlap_policy", choiceKind(OVERLAP_POLICY), "Whether graph runs may overlap (root tasks). Unset: NO_OVERLAP."),
    allowOverlappingExecution: field("allow_overlapping_execution", booleanKind(), "Whether several runs of the graph may run at once (root tasks). Default false.", { serverDefault: false }),
    suspendTaskAfterNumFailures: field("suspend_task_after_num_failures", integerKind({ min: 0 }), "Consecutive failed runs after which Snowflake suspends the task; 0 never. Unset: inherited (default 10).", { inherited: true }),
    userTaskTimeoutMs: field("user_task_timeout_ms", integerKind({ min: 0, max: 604800000 }), "Time limit of one run in milliseconds. Unset: inherited (default 3600000, one hour).", { inherited: true }),
    userTaskManagedInitialWarehouseSize: sizeField("user_task_managed_initial_warehouse_size", "Compute size of the first runs of a serverless task. Unset: inherited (default MEDIUM)."),
    targetCompletionInterval: field("target_completion_interval", minutesIntervalKind(), "Minutes within which a serverless task's runs should finish; Snowflake sizes compute to meet it."),
    serverlessTaskMinStatementSize: sizeField("serverless_task_min_statement_size", "Smallest compute a serverless task may use, XSMALL-XXLARGE. Unset: inherited (XSMALL)."),
    serverlessTaskMaxStatementSize: sizeField("serverless_task_max_statement_size", "Largest compute a serverless task may use, XSMALL-XXLARGE. Unset: inherited (XXLARGE)."),
    errorIntegration: field("error_integration", identifierKind(), "Notification integration told when a run fails."),
    successIntegration: field("success_integration", identifierKind(), "Notification integration told when a graph run succeeds (root tasks)."),
    executeAsUser: field("execute_as_user", identifierKind(), "User whose privileges the task's runs use (EXECUTE AS USER)."),
    comment: commentField("task"),
  },
  outputs: {
    state: output("state", choiceKind(TASK_STATE), "STARTED or SUSPENDED, as Snowflake reports it (Snowflake suspends a task after suspendTaskAfterNumFailures failed runs)."),
    ...ownershipOutputs("task"),
  },
  crossChecks: (properties) => {
    const failures: { property: string; reason: string }[] = [];
    const after = Array.isArray(properties.after) ? (properties.after as unknown[]) : [];
    // CREATE TASK docs: a child task runs after its predecessors and takes no schedule; a finalizer has neither.
    if (after.length && isSet(properties.schedule)) failures.push({ property: "schedule", reason: "a task with predecessors (after) runs after them and cannot have a schedule" });
    if (isSet(properties.finalize) && after.length) failures.push({ property: "finalize", reason: "a finalizer runs after its root's graph and cannot have predecessors (after)" });
    if (isSet(properties.finalize) && isSet(properties.schedule)) failures.push({ property: "finalize", reason: "a finalizer runs after its root's graph and cannot have a schedule" });
    if (after.length > MAX_PREDECESSORS) failures.push({ property: "after", reason: `${after.length} predecessors is more than ${MAX_PREDECESSORS}` });
    const own = storedName(String(properties.name));
    const linked = [...after, ...(isSet(properties.finalize) ? [properties.finalize] : [])].map((name) => storedParts(String(name)).pop());
    if (linked.includes(own)) failures.push({ property: isSet(properties.finalize) && storedParts(String(properties.finalize)).pop() === own ? "finalize" : "after", reason: `a task cannot run after or finalize itself (${properties.name})` });
    const ownNames = after.map((name) => storedParts(String(name)).pop());
    const repeated = ownNames.find((name, index) => ownNames.indexOf(name) !== index);
    if (repeated) failures.push({ property: "after", reason: `${repeated} is listed twice` });
    // CREATE TASK docs: these apply to a graph as a whole, so only to its root.
    if (after.length || isSet(properties.finalize)) {
      for (const key of ROOT_ONLY.filter((k) => isSet(properties[k]))) failures.push({ property: key, reason: `applies to a whole task graph, so only to its root; this task runs ${after.length ? "after other tasks" : "as a finalizer"}` });
    }
    for (const [property, names] of [["after", after], ["finalize", isSet(properties.finalize) ? [properties.finalize] : []]] as const) {
      for (const name of names) {
        const elsewhere = outsideSchema(String(name), properties);
        if (elsewhere) failures.push({ property, reason: `${name} is in ${elsewhere}; a task graph lives in one schema (${properties.database}.${properties.schema})` });
      }
    }
    return failures;
  },
  rules: [
    // CREATE TASK docs: `{ WAREHOUSE = ... } | { USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE = ... }`; the other
    // serverless settings are documented as applying to serverless tasks only.
    { excludes: "warehouse", others: SERVERLESS_ONLY, because: "it applies only to serverless tasks, and this task runs on a warehouse" },
    SERVERLESS_SIZE_ORDER,
  ],
  wire: { schema: wire.Task, properties: wire.Task_PROPERTIES, readOnly: wire.Task_READ_ONLY },
});

/** The schema a qualified task name points outside the declaring task's schema, if it does. */
function outsideSchema(name: string, properties: Record<string, unknown>): string | undefined {
  const parts = storedParts(name);
  if (parts.length < 2) return undefined;
  const schema = parts[parts.length - 2];
  const database = parts.length === 3 ? parts[0] : storedName(String(properties.database));
  const same = schema === storedName(String(properties.schema)) && database === storedName(String(properties.database));
  return same ? undefined : `${database}.${schema}`;
}
