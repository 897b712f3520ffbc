// A run of a task (for a root, of its whole graph) as part of a deployment: task.yaml's executeTask (POST
// {name}:execute, EXECUTE TASK). It is an invocation, not an object: created, it runs the task once; a change of
// `triggers` (or of anything else) replaces it, and so runs the task again. What the run did is Snowflake's task
// history (GET .../tasks/{name}/current-graphs and /complete-graphs), not an output that would change on refresh.
import { defineResource } from "../engine/define";
import { identifierKind } from "../engine/kinds/names";
import { jsonValueKind } from "../engine/kinds/json";
import { booleanKind } from "../engine/kinds/scalars";
import { listKind } from "../engine/kinds/structures";
import * as wire from "../wire/task";
import { databaseField, field, schemaField } from "./common";

export const taskRun = defineResource({
  typeName: "TaskRun",
  noun: "task run",
  doc: "Runs a task (a root task runs its whole graph) once when created, and again whenever `triggers` changes (REST: POST .../tasks/{name}:execute). Give it `dependsOn` every task the run should include. Deleting it runs nothing.",
  collectionPath: "/api/v2/databases/{database}/schemas/{schema}/tasks",
  changes: "replace",
  invokes: { action: "execute", query: (properties): Record<string, string> => (properties.retryLast === true ? { retryLast: "true" } : {}) },
  fields: {
    database: databaseField("task"),
    schema: schemaField("task"),
    task: field("name", identifierKind(), "The task to run; running a root task runs its graph (EXECUTE TASK runs a suspended task too).", { identity: "name", required: true }),
    retryLast: field("retry_last", booleanKind(), "Retry the last failed graph run from the tasks that failed (EXECUTE TASK ... RETRY LAST) instead of starting a new run.", { immutable: true }),
    triggers: field("triggers", listKind(jsonValueKind(), { ordered: true, itemWords: "values" }), "Values whose change runs the task again, e.g. a version or a hash of the task definitions.", { immutable: true }),
  },
  outputs: {},
  // Not a spec model: the run's request (the task's name and executeTask's retryLast query parameter) and the triggers.
  wire: { schema: wire.Task, properties: ["name", "retry_last", "triggers"], readOnly: [] },
});
