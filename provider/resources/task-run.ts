// A run of a task (for a root, of its whole graph) as part of a deployment: task.yaml's executeTask (POST
// {name}:execute, EXECUTE TASK). It is an invocation, not an object: created, it runs the task once; a change of
// `triggers` (or of anything else) replaces it, and so runs the task again. What the run did is Snowflake's task
// history (GET .../tasks/{name}/current-graphs and /complete-graphs); the run's id and first state are read once,
// right after it started, and kept as outputs that a refresh never changes.
import { defineResource } from "../engine/define";
import { identifierKind } from "../engine/kinds/names";
import { jsonValueKind } from "../engine/kinds/json";
import { booleanKind, integerKind, textKind } from "../engine/kinds/scalars";
import { listKind } from "../engine/kinds/structures";
import * as wire from "../wire/task";
import { databaseField, field, output, schemaField } from "./common";

export const taskRun = defineResource({
  typeName: "TaskRun",
  noun: "task run",
  doc: "Runs a task (a root task runs its whole graph) once when created, and again whenever `triggers` changes (REST: POST .../tasks/{name}:execute). Give it `dependsOn` every task the run should include. Deleting it runs nothing.",
  collectionPath: "/api/v2/databases/{database}/schemas/{schema}/tasks",
  changes: "replace",
  invokes: {
    action: "execute",
    query: (properties): Record<string, string> => (properties.retryLast === true ? { retryLast: "true" } : {}),
    // The run just started: executing in current-graphs, or (a quick one) the newest of complete-graphs, whose
    // rows come newest first (COMPLETE_TASK_GRAPHS docs). A SCHEDULED row is the next scheduled run, not this one.
    record: {
      paths: ["current-graphs", "complete-graphs"],
      pick: ([current, complete]) => {
        const rows = (answer: unknown) => (Array.isArray(answer) ? answer.map((row) => wire.TaskRun.safeParse(row)).filter((row) => row.success).map((row) => row.data) : []);
        return rows(current).find((run) => run.state !== "SCHEDULED") ?? rows(complete)[0];
      },
    },
  },
  fields: {
    database: databaseField("task"),
    schema: schemaField("task"),
    task: field("name", identifierKind(), "The task to run; running a root task runs its graph (EXECUTE TASK runs a suspended task too).", { identity: "name", required: true }),
    retryLast: field("retry_last", booleanKind(), "Retry the last failed graph run from the tasks that failed (EXECUTE TASK ... RETRY LAST) instead of starting a new run.", { immutable: true }),
    triggers: field("triggers", listKind(jsonValueKind(), { ordered: true, itemWords: "values" }), "Values whose change runs the task again, e.g. a version or a hash of the task definitions.", { immutable: true }),
  },
  outputs: {
    runId: output("run_id", integerKind(), "Snowflake's id of the graph run this started (as current-graphs / complete-graphs report it), recorded at creation."),
    startedRunState: output("state", textKind(), "The run's state when it was recorded right after it started (EXECUTING, or SUCCEEDED / FAILED for a quick one); later states are Snowflake's task history."),
    scheduledTime: output("scheduled_time", textKind(), "When the run was scheduled (ISO 8601), recorded at creation."),
  },
  // Not a spec model: the run's request (the task's name and executeTask's retryLast query parameter) and the triggers.
  wire: { schema: wire.Task, properties: ["name", "retry_last", "triggers"], readOnly: [] },
});
