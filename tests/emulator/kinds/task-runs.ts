// What task.yaml offers besides the generic routes: :execute, /dependents, /current-graphs and /complete-graphs
// (and their deprecated underscore spellings), the run-state rules of task graphs, and
// SYSTEM$TASK_DEPENDENTS_ENABLE over SQL. A run of the emulator completes at once and succeeds: it has no SQL
// engine to run the definition with.
import { CatalogObject, collectionOf, displayName } from "../catalog/catalog";
import type { KindContext, ObjectKind } from "../catalog/object-kind";
import { badRequest, doesNotExist } from "../errors";
import { ok, type Outcome } from "../http";
import { formatIdentifier } from "../identifiers";
import { findSchema } from "../rest/lookup";
import { renderObject } from "../rest/render";
import { targetOf } from "../rest/handlers";
import { Status } from "../rest/status";
import type { RequestContext } from "../router";
import { nextCronTime } from "./task-cron";
import {
  checkGraphRunnable, commitGraph, dependentsOf, finalizerOf, isRootTask, isStarted, resumeTask, rootNotSuspended, rootsOf, taskReferenceParts, TASKS,
} from "./task-graph";
import { schemaPath } from "./shared";

interface GraphRun {
  runId: number;
  state: "SUCCEEDED" | "FAILED" | "CANCELLED";
  scheduledTime: Date;
  queryStartTime: Date;
  completedTime: Date;
  graphVersion: number;
}

// CURRENT_TASK_GRAPHS docs: runs "currently executing or ... next scheduled to run within the next 8 days";
// COMPLETE_TASK_GRAPHS docs: runs "completed in the past 60 minutes". task.yaml resultLimit: "Default is 1000,
// valid range is 1 to 10000".
const CURRENT_HORIZON_MINUTES = 8 * 24 * 60;
const COMPLETE_WINDOW_MS = 60 * 60_000;
const MAX_RESULTS = 10000;
const DEFAULT_RESULTS = 1000;

const runsOf = (root: CatalogObject): GraphRun[] => ((root.facts.runs ??= []) as GraphRun[]);

/**
 * The run-state rules (RunStateSpec.beforeTransition). ALTER TASK docs: "the root task must be suspended before any
 * task in the task graph is modified"; resuming or suspending a child while its root runs is refused with 091421,
 * as users report it from live accounts (resume and suspend alike). A root checks its graph when resumed and
 * commits a graph version.
 */
export function taskTransition(task: CatalogObject, wanted: "running" | "suspended"): void {
  if (!isRootTask(task)) {
    const started = rootsOf(task).find(isStarted);
    if (started) throw rootNotSuspended(started);
  } else if (wanted === "running") {
    checkGraphRunnable(task);
    commitGraph(task);
  }
  if (wanted === "running") task.facts.resumedOn = new Date();
  else task.facts.lastSuspendedOn = new Date();
}

/** The next scheduled run of a started root, within the CURRENT_TASK_GRAPHS horizon. */
function nextScheduledTime(root: CatalogObject, after: Date): Date | undefined {
  const schedule = root.values.schedule as { minutes?: number; cron_expr?: string; timezone?: string } | undefined;
  if (!schedule || !isStarted(root)) return undefined;
  if (schedule.cron_expr !== undefined) return nextCronTime(schedule.cron_expr, schedule.timezone!, after, CURRENT_HORIZON_MINUTES);
  // ALTER TASK docs (RESUME): with an interval schedule "the base interval time for the schedule is reset to the
  // current time when the task is resumed"; runs follow every <num> minutes from there.
  const interval = Number(schedule.minutes) * 60_000;
  const base = ((root.facts.resumedOn as Date | undefined) ?? after).getTime();
  const next = base + Math.max(1, Math.ceil((after.getTime() - base + 1) / interval)) * interval;
  return next - after.getTime() <= CURRENT_HORIZON_MINUTES * 60_000 ? new Date(next) : undefined;
}

/** A TaskRun (task.yaml components/schemas/TaskRun) of a root's graph. */
function taskRun(root: CatalogObject, fields: Record<string, unknown>): Record<string, unknown> {
  const [database, schema] = schemaPath(root.parent);
  return {
    root_task_name: formatIdentifier(root.name),
    database_name: formatIdentifier(database),
    schema_name: formatIdentifier(schema),
    root_task_id: String(root.facts.id),
    ...fields,
  };
}

function resultLimit(context: RequestContext): number {
  return context.query.integer("resultLimit", 1, MAX_RESULTS) ?? DEFAULT_RESULTS;
}

function currentGraphs(kind: ObjectKind, context: RequestContext): Outcome {
  const limit = resultLimit(context);
  const { object: root } = targetOf(kind, context);
  const now = new Date();
  const scheduled = isRootTask(root) ? nextScheduledTime(root, now) : undefined;
  if (!scheduled) return ok([]);
  const following = nextScheduledTime(root, scheduled);
  const run = taskRun(root, {
    state: "SCHEDULED",
    scheduled_time: scheduled.toISOString(),
    ...(following && { next_scheduled_time: following.toISOString() }),
    graph_version: Number(root.facts.graphVersion ?? 0),
    run_id: scheduled.getTime(),
  });
  return ok([run].slice(0, limit));
}

function completeGraphs(kind: ObjectKind, context: RequestContext): Outcome {
  const limit = resultLimit(context);
  const errorOnly = context.query.boolean("errorOnly");
  const { object: root } = targetOf(kind, context);
  const since = Date.now() - COMPLETE_WINDOW_MS;
  const next = nextScheduledTime(root, new Date());
  const runs = runsOf(root)
    .filter((run) => run.completedTime.getTime() >= since && (!errorOnly || run.state === "FAILED"))
    // COMPLETE_TASK_GRAPHS docs: rows come in descending SCHEDULED_TIME order.
    .sort((a, b) => b.scheduledTime.getTime() - a.scheduledTime.getTime())
    .slice(0, limit)
    .map((run) => taskRun(root, {
      state: run.state,
      scheduled_time: run.scheduledTime.toISOString(),
      query_start_time: run.queryStartTime.toISOString(),
      ...(next && { next_scheduled_time: next.toISOString() }),
      completed_time: run.completedTime.toISOString(),
      graph_version: run.graphVersion,
      run_id: run.runId,
    }));
  return ok(runs);
}

/**
 * EXECUTE TASK docs: "Manually triggers an asynchronous single run of a task (either a standalone task or the root
 * task in a task graph) independent of the schedule" -- a suspended one too (the terraform provider's integration
 * test runs a freshly created, suspended task). RETRY LAST needs a last graph run that FAILED or was CANCELED; the
 * refusals' texts are Snowflake's as the terraform provider's integration tests match them.
 */
function executeTask(kind: ObjectKind, context: RequestContext): Outcome {
  const { object: task } = targetOf(kind, context);
  if (!isRootTask(task)) {
    throw badRequest(`SQL compilation error:\nTask ${displayName(task)} is not a standalone task or the root task of a task graph; EXECUTE TASK runs only those.`);
  }
  if (context.query.boolean("retryLast")) {
    const last = runsOf(task).at(-1);
    if (!last) throw badRequest(`Cannot perform retry: no suitable run of graph with root task ${formatIdentifier(task.name)} to retry.`);
    if (last.state === "SUCCEEDED") throw badRequest(`Cannot perform retry: graph with root task ${formatIdentifier(task.name)} had no failures.`);
  }
  checkGraphRunnable(task);
  commitGraph(task);
  const now = new Date();
  runsOf(task).push({ runId: now.getTime(), state: "SUCCEEDED", scheduledTime: now, queryStartTime: now, completedTime: now, graphVersion: Number(task.facts.graphVersion) });
  return Status.executed();
}

/**
 * task.yaml fetchTaskDependents, as TASK_DEPENDENTS docs describe it: "returns the specified root task as the first
 * entry, followed by the list of child tasks"; recursive (default true) adds grandchildren and beyond. A finalizer
 * is not a child (it runs after the graph) and is not listed -- not confirmed against a live account.
 */
function fetchDependents(kind: ObjectKind, context: RequestContext): Outcome {
  const recursive = context.query.boolean("recursive", true);
  const { object: task } = targetOf(kind, context);
  return ok([task, ...dependentsOf(task, recursive)].map((member) => renderObject(member, { account: context.account })));
}

export const taskOperations: NonNullable<ObjectKind["operations"]> = {
  "POST :execute": executeTask,
  "GET /dependents": fetchDependents,
  "GET /current-graphs": currentGraphs,
  "GET /current_graphs": currentGraphs,
  "GET /complete-graphs": completeGraphs,
  "GET /complete_graphs": completeGraphs,
};

/**
 * SELECT SYSTEM$TASK_DEPENDENTS_ENABLE('<db>.<schema>.<task>') (its docs): "Recursively resumes a specified task and
 * all its dependent tasks"; the task "does not need to be a root task". A task under a running root is refused as
 * ALTER TASK ... RESUME is; a root's finalizer is resumed with its graph. The SQL API session has no current
 * schema, so the name must be qualified. The returned text is not confirmed against a live account.
 */
function enableDependents(args: string[], { account }: KindContext): string {
  if (args.length !== 1) throw badRequest(`SQL compilation error:\nSYSTEM$TASK_DEPENDENTS_ENABLE takes one argument, the task name; got ${args.length}.`);
  const parts = taskReferenceParts(args[0], "SYSTEM$TASK_DEPENDENTS_ENABLE");
  if (parts.length !== 3) throw doesNotExist("Task", parts.map(formatIdentifier).join("."));
  const task = collectionOf(findSchema(account, parts[0], parts[1]), TASKS).get(parts[2]);
  if (!task) throw doesNotExist("Task", parts.map(formatIdentifier).join("."));
  const started = rootsOf(task).find((root) => root !== task && isStarted(root));
  if (started) throw rootNotSuspended(started);
  const finalizer = isRootTask(task) ? finalizerOf(task) : undefined;
  if (isRootTask(task)) checkGraphRunnable(task);
  for (const member of [...dependentsOf(task, true), ...(finalizer ? [finalizer] : [])]) resumeTask(member);
  resumeTask(task);
  if (isRootTask(task)) commitGraph(task);
  return "Statement executed successfully.";
}

export const taskFunctions: NonNullable<ObjectKind["sqlFunctions"]> = {
  SYSTEM$TASK_DEPENDENTS_ENABLE: enableDependents,
};
