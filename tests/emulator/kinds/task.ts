// Tasks (task.yaml; CREATE / ALTER / DROP / EXECUTE TASK, SHOW TASKS, the TASKS view and Parameters docs). "Newly
// created or cloned tasks are created suspended" (CREATE TASK docs). Tasks link into graphs (task-graph.ts) whose
// root must be suspended while any member changes; runs and the graph endpoints are in task-runs.ts, the ALTER
// clauses of their own in task-alter.ts.
import { randomUUID } from "node:crypto";
import * as wire from "../../../provider/wire/task";
import { collectionOf, type CatalogObject, type WireValues } from "../catalog/catalog";
import type { AcceptContext, ObjectKind, ParameterSpec } from "../catalog/object-kind";
import { badRequest, doesNotExist } from "../errors";
import { formatIdentifier } from "../identifiers";
import { checkEnum, checkRange } from "../rest/body";
import type { AccountState } from "../state";
import { text } from "../sql/select";
import { CREATED_ON, DATABASE_NAME, NAME, OWNER, SCHEMA_NAME, showInAccount, storedValue } from "../sql/show-in-account";
import { taskClauses } from "./task-alter";
import { checkCron } from "./task-cron";
import {
  childrenOf, detachDropped, finalizedName, finalizerOf, isRootTask, isStandalone, isStarted, predecessorNames, refuseWhileRootStarted, resolveSibling,
  suspendTask, TASKS,
} from "./task-graph";
import { taskFunctions, taskOperations, taskTransition } from "./task-runs";
import { checkObjectParameters, OBJECT_PARAMETERS, requireIntegration, requireWarehouse, schemaPath } from "./shared";

// ALTER TASK docs (ADD AFTER): "Each child task is limited to 100 predecessor tasks".
const MAX_PREDECESSORS = 100;
// task.yaml Task.task_auto_retry_attempts: "Valid range is 0 to 30"; overlap_policy's enum.
const MAX_AUTO_RETRY_ATTEMPTS = 30;
const OVERLAP_POLICIES = ["NO_OVERLAP", "ALLOW_CHILD_OVERLAP", "ALLOW_ALL_OVERLAP"];

// Parameters docs ("Can be set for" Account » Database » Schema » Task), with the defaults shared.ts cites;
// TASK_AUTO_RETRY_ATTEMPTS defaults to 0 ("When not specified, no retry would happen", task.yaml).
const TASK_PARAMETERS: Record<string, ParameterSpec> = {
  suspend_task_after_num_failures: OBJECT_PARAMETERS.suspend_task_after_num_failures,
  user_task_timeout_ms: OBJECT_PARAMETERS.user_task_timeout_ms,
  user_task_managed_initial_warehouse_size: OBJECT_PARAMETERS.user_task_managed_initial_warehouse_size,
  serverless_task_min_statement_size: OBJECT_PARAMETERS.serverless_task_min_statement_size,
  serverless_task_max_statement_size: OBJECT_PARAMETERS.serverless_task_max_statement_size,
  task_auto_retry_attempts: { default: 0 },
};

interface Schedule { schedule_type?: string; minutes?: number; cron_expr?: string; timezone?: string }

/**
 * CREATE TASK docs: SCHEDULE '<num> MINUTE' takes positive integers (above 11520 minutes, 8 days, a task never
 * runs -- it is accepted and never scheduled, see task-runs.ts); a cron expression has five fields and a time zone.
 */
function checkSchedule(schedule: Schedule | undefined, field: string): void {
  if (!schedule) return;
  if (schedule.cron_expr !== undefined) {
    if (field !== "SCHEDULE") throw badRequest(`SQL compilation error:\ninvalid value for parameter '${field}': expected '<num> MINUTES'.`);
    checkCron(schedule.cron_expr, schedule.timezone, field);
  } else if (!Number.isInteger(schedule.minutes) || schedule.minutes! < 1) {
    throw badRequest(`SQL compilation error:\ninvalid value [${schedule.minutes} MINUTE] for parameter '${field}'`);
  }
}

/** The settings CREATE TASK checks on their own: references that must exist, ranges, enums. */
function checkSettings(values: WireValues, account: AccountState): void {
  checkSchedule(values.schedule as Schedule | undefined, "SCHEDULE");
  // CREATE TASK docs: TARGET_COMPLETION_INTERVAL = '<num> MINUTES'.
  checkSchedule(values.target_completion_interval as Schedule | undefined, "TARGET_COMPLETION_INTERVAL");
  requireWarehouse(account, values.warehouse);
  // CREATE TASK docs: "{ WAREHOUSE = <string> } | { USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE = <string> }", one or
  // the other (the refusal's text is not confirmed against a live account).
  if (values.warehouse !== undefined && values.user_task_managed_initial_warehouse_size !== undefined) {
    throw badRequest("SQL compilation error:\nA task runs either on a warehouse (WAREHOUSE) or serverless (USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE), not both.");
  }
  requireIntegration(account, values.error_integration);
  requireIntegration(account, values.success_integration);
  // CREATE TASK docs: EXECUTE AS USER <user_name> names an existing user.
  if (typeof values.execute_as_user === "string" && !account.findUser(values.execute_as_user)) throw doesNotExist("User", formatIdentifier(values.execute_as_user));
  checkObjectParameters(taskKind, values);
  checkRange(taskKind, "task_auto_retry_attempts", values.task_auto_retry_attempts, 0, MAX_AUTO_RETRY_ATTEMPTS);
  values.overlap_policy = checkEnum(taskKind, "overlap_policy", values.overlap_policy, OVERLAP_POLICIES);
  // ALTER TASK docs: CONFIG = <configuration_string>, a JSON object ($${"key": value}$$); REST sends the object.
  if (typeof values.config === "string") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(values.config);
    } catch {
      parsed = undefined;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw badRequest(`SQL compilation error:\nInvalid CONFIG '${values.config}': expected a JSON object.`);
    values.config = parsed;
  }
  if (values.overlap_policy === undefined) delete values.overlap_policy;
}

/**
 * Settings only a root takes. ALTER of ALLOW_OVERLAPPING_EXECUTION on a child answers "Cannot set
 * allow_overlapping_execution on non-root task" (the terraform provider's integration tests against live accounts);
 * task.yaml says overlap_policy and task_auto_retry_attempts are for root tasks only, and the TASKS view reports
 * CONFIG for roots only -- those refusals' texts are not confirmed. Defaults (false, 0) are not refused.
 */
function checkRootOnly(values: WireValues, shown: string): void {
  const set: [string, boolean][] = [
    ["allow_overlapping_execution", values.allow_overlapping_execution === true],
    ["overlap_policy", values.overlap_policy !== undefined && values.overlap_policy !== "NO_OVERLAP"],
    ["task_auto_retry_attempts", Number(values.task_auto_retry_attempts ?? 0) > 0],
    ["config", values.config !== undefined],
  ];
  const found = set.find(([, isSet]) => isSet);
  if (found) throw badRequest(`SQL compilation error:\nCannot set ${found[0]} on non-root task ${shown}.`);
}

/**
 * The shape of the task's links (CREATE TASK docs: a schedule "cannot be specified for child tasks"; FINALIZE names
 * a root task, which "can have one finalizer task"; a finalizer has no schedule and no predecessors, and no task
 * runs after it). "cannot finalize a non-root task" is Snowflake's text (terraform provider integration tests);
 * the other refusals' texts are not confirmed against a live account.
 */
function checkLinks(values: WireValues, current: CatalogObject | undefined, predecessors: CatalogObject[], finalized: CatalogObject | undefined, shown: string): void {
  if (predecessors.length > MAX_PREDECESSORS) throw badRequest(`SQL compilation error:\nTask ${shown} has ${predecessors.length} predecessors; a task can have at most ${MAX_PREDECESSORS}.`);
  if (predecessors.length && values.schedule) throw badRequest(`SQL compilation error:\nTask ${shown} has predecessors and a schedule: a child task runs after its predecessors and cannot have a schedule.`);
  const finalizerParent = predecessors.find((task) => finalizedName(task) !== undefined);
  if (finalizerParent) throw badRequest(`SQL compilation error:\nTask ${formatIdentifier(finalizerParent.name)} is a finalizer task: no task can run after it.`);
  if (current && predecessors.length && finalizerOf(current)) throw badRequest(`SQL compilation error:\nTask ${shown} is finalized by ${formatIdentifier(finalizerOf(current)!.name)} and must stay a root task.`);
  if (!finalized) return;
  if (predecessors.length || values.schedule) throw badRequest(`SQL compilation error:\nFinalizer task ${shown} cannot have ${predecessors.length ? "predecessors" : "a schedule"}: it runs after the graph of ${formatIdentifier(finalized.name)}.`);
  if (finalized === current || !isRootTask(finalized)) throw badRequest(`SQL compilation error:\nTask ${shown} cannot finalize a non-root task ${formatIdentifier(finalized.name)}.`);
  const other = finalizerOf(finalized);
  if (other && other !== current) throw badRequest(`SQL compilation error:\nRoot task ${formatIdentifier(finalized.name)} already has finalizer task ${formatIdentifier(other.name)}.`);
  if (current && childrenOf(current).length) throw badRequest(`SQL compilation error:\nTask ${shown} has child tasks and cannot be a finalizer.`);
}

const iso = (date: unknown) => (date instanceof Date ? date.toISOString() : undefined);

// SHOW TASKS docs: created_on, name, id, database_name, schema_name, owner, comment, warehouse, schedule, ..., state,
// definition, ..., error_integration, and success_integration (2024_08 bundle); the ones the provider reads.
const showTasks = showInAccount("TASKS", TASKS, [
  CREATED_ON, NAME, { column: text("id"), value: (task) => String(task.facts.id) }, DATABASE_NAME, SCHEMA_NAME, OWNER,
  storedValue("comment"), storedValue("warehouse"), storedValue("schedule"),
  { column: text("state"), value: (task) => (isStarted(task) ? "started" : "suspended") },
  storedValue("definition", false), storedValue("error_integration"), storedValue("success_integration"),
]);

export const taskKind: ObjectKind = {
  spec: "task",
  model: "Task",
  objectType: "Task",
  sqlType: "TASK",
  parameterLevel: "TASK",
  collection: TASKS,
  scope: "schema",
  wire: { strict: wire.TaskStrict, properties: wire.Task_PROPERTIES, readOnly: wire.Task_READ_ONLY, writeOnly: wire.Task_WRITE_ONLY },
  identifiers: ["warehouse", "error_integration", "success_integration", "execute_as_user"],
  parameters: TASK_PARAMETERS,
  // SHOW TASKS docs: state is "started" or "suspended"; CREATE TASK docs: created suspended.
  runState: { wire: "state", running: "started", suspended: "suspended", initial: () => "suspended", beforeTransition: (task, wanted) => taskTransition(task, wanted) },
  accept(values, { account, parent, existing }: AcceptContext) {
    const where = schemaPath(parent);
    const shown = [...where, values.name as string].map(formatIdentifier).join(".");
    // The task this PUT / ALTER changes, or the one createMode=orReplace replaces.
    const current = existing ?? collectionOf(parent, TASKS).get(values.name as string);
    checkSettings(values, account);
    const predecessors = [...new Set(((values.predecessors as string[] | undefined) ?? []).map((name) => resolveSibling(name, "predecessors", parent, where)))];
    const finalized = values.finalize === undefined ? undefined : resolveSibling(String(values.finalize), "finalize", parent, where);
    checkLinks(values, current, predecessors, finalized, shown);
    if (predecessors.length || finalized) checkRootOnly(values, shown);
    // The graph rule: the task's own graph, and the graphs it joins as a child or finalizer, must not be running.
    for (const member of [...(current ? [current] : []), ...predecessors, ...(finalized ? [finalized] : [])]) refuseWhileRootStarted(member);
    const { predecessors: _names, finalize: _root, ...rest } = values;
    const accepted: WireValues = {
      ...rest,
      ...(predecessors.length && { predecessors: predecessors.map((task) => formatIdentifier(task.name)) }),
      ...(finalized && { finalize: formatIdentifier(finalized.name) }),
    };
    // ALTER TASK docs (REMOVE AFTER): a child left without predecessors becomes a root task, which "is suspended by
    // default and must be resumed manually"; so does a finalizer that stops finalizing (FINALIZER_BECAME_ROOT).
    if (existing && !isRootTask(existing) && !predecessors.length && !finalized) suspendTask(existing);
    return accepted;
  },
  created(object) {
    // TASKS view docs: "recreating a task (using CREATE OR REPLACE TASK) essentially creates a new task with a new ID".
    object.facts.id = randomUUID();
  },
  sqlProperties: {
    // ALTER TASK docs: SET and UNSET of WAREHOUSE, SCHEDULE, CONFIG, ALLOW_OVERLAPPING_EXECUTION, USER_TASK_TIMEOUT_MS,
    // SUSPEND_TASK_AFTER_NUM_FAILURES, COMMENT, TARGET_COMPLETION_INTERVAL and the serverless sizes; SET of
    // ERROR_INTEGRATION, SUCCESS_INTEGRATION, TASK_AUTO_RETRY_ATTEMPTS and USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE,
    // whose UNSET the terraform provider's SDK issues (ERROR_INTEGRATION, TASK_AUTO_RETRY_ATTEMPTS,
    // USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE). UNSET of SUCCESS_INTEGRATION and SET / UNSET of OVERLAP_POLICY
    // follow CREATE TASK's parameters and are not confirmed against a live account.
    WAREHOUSE: { wire: "warehouse", value: "identifier", unset: true },
    USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE: { wire: "user_task_managed_initial_warehouse_size", value: "string", unset: true },
    SCHEDULE: { wire: "schedule", value: "schedule", unset: true },
    CONFIG: { wire: "config", value: "string", unset: true },
    ALLOW_OVERLAPPING_EXECUTION: { wire: "allow_overlapping_execution", value: "boolean", unset: true },
    USER_TASK_TIMEOUT_MS: { wire: "user_task_timeout_ms", value: "integer", unset: true },
    SUSPEND_TASK_AFTER_NUM_FAILURES: { wire: "suspend_task_after_num_failures", value: "integer", unset: true },
    ERROR_INTEGRATION: { wire: "error_integration", value: "identifier", unset: true },
    SUCCESS_INTEGRATION: { wire: "success_integration", value: "identifier", unset: true },
    COMMENT: { wire: "comment", value: "string", unset: true },
    TASK_AUTO_RETRY_ATTEMPTS: { wire: "task_auto_retry_attempts", value: "integer", unset: true },
    TARGET_COMPLETION_INTERVAL: { wire: "target_completion_interval", value: "schedule", unset: true },
    SERVERLESS_TASK_MIN_STATEMENT_SIZE: { wire: "serverless_task_min_statement_size", value: "string", unset: true },
    SERVERLESS_TASK_MAX_STATEMENT_SIZE: { wire: "serverless_task_max_statement_size", value: "string", unset: true },
    OVERLAP_POLICY: { wire: "overlap_policy", value: "identifier", unset: true },
  },
  sqlClauses: taskClauses,
  // DROP TASK docs: "The root task in a task graph must be suspended before any task in the task graph is dropped";
  // "A standalone task can be dropped ... without first suspending the task".
  beforeDrop(task) {
    if (!isStandalone(task)) refuseWhileRootStarted(task);
  },
  dropped: (task) => detachDropped(task),
  // SHOW TASKS docs: ROOT ONLY lists "only root tasks (tasks with no predecessors)"; a finalizer belongs to its
  // root's graph and is left out (not confirmed against a live account).
  listFilter: (task, query) => !query.boolean("rootOnly") || isRootTask(task),
  operations: taskOperations,
  sqlFunctions: taskFunctions,
  sqlShows: { TASKS: showTasks },
  render(task) {
    const [database, schema] = schemaPath(task.parent);
    // TASKS view docs: predecessors and task relations name tasks fully qualified.
    const qualified = (name: string) => [database, schema, name].map(formatIdentifier).join(".");
    const root = isRootTask(task);
    const predecessors = predecessorNames(task).map(qualified);
    const finalized = finalizedName(task);
    const finalizer = root ? finalizerOf(task) : undefined;
    // TASKS view docs, TASK_RELATIONS: "Predecessors", "FinalizerTask" (roots with a finalizer), "FinalizedRootTask"
    // (finalizers); SHOW TASKS reports it as JSON text.
    const relations = { Predecessors: predecessors, ...(finalizer && { FinalizerTask: qualified(finalizer.name) }), ...(finalized !== undefined && { FinalizedRootTask: qualified(finalized) }) };
    return {
      state: isStarted(task) ? "started" : "suspended",
      id: String(task.facts.id),
      predecessors,
      finalize: finalized === undefined ? undefined : qualified(finalized),
      task_relations: JSON.stringify(relations),
      // TASKS view docs, ALLOW_OVERLAPPING_EXECUTION: for root tasks TRUE if explicitly allowed; "For child tasks in a
      // task graph, displays NULL".
      allow_overlapping_execution: root ? task.values.allow_overlapping_execution === true : undefined,
      last_committed_on: iso(task.facts.lastCommittedOn),
      last_suspended_on: iso(task.facts.lastSuspendedOn),
    };
  },
};
