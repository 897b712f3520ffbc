// A task graph as one component, the counterpart of snowflake.core's dagv1 DAG: its tasks are Task resources named
// `<GRAPH>$<TASK>` (as dagv1 names them), the one task without predecessors is the root and carries the graph's
// schedule and graph-wide settings, and `suspended` is the graph's run state. Removing the component removes every
// task; changing tasks of a running graph is handled by the provider (the root is suspended around each change).
import * as pulumi from "@pulumi/pulumi";
import { Task, TaskArgs } from "./generated/task";
import { TaskRun } from "./generated/task-run";
import { ConnectionArgs } from "./types";
import * as types from "./generated/types";

/** A task of the graph: a Task's settings, minus what the graph decides (place, name, schedule, root settings). */
export interface GraphTaskArgs extends Omit<TaskArgs, "database" | "schema" | "name" | "schedule" | "after" | "finalize" | "connection" | "suspended"> {
  /** Tasks of this graph this one runs after: their Task resources, or their names as given to `task()`. */
  after?: (Task | string)[];
}

/** A task graph's place, schedule and graph-wide settings (set on its root task), and its tasks. */
export interface TaskGraphArgs {
  /** The database of every task of the graph. */
  database: pulumi.Input<string>;
  /** The schema of every task of the graph. */
  schema: pulumi.Input<string>;
  /** The graph's name, the prefix of its tasks' names. Default: the component's name. */
  name?: string;
  /** When the graph runs: `{ minutes }` or `{ cron, timeZone }`. Unset: only when executed. */
  schedule?: pulumi.Input<types.TaskScheduleArgs>;
  /** Warehouse for tasks that do not name their own. Unset: serverless. */
  warehouse?: pulumi.Input<string>;
  /** Graph configuration (SYSTEM$GET_TASK_GRAPH_CONFIG), set on the root. */
  config?: pulumi.Input<{ [key: string]: pulumi.Input<unknown> }>;
  /** Notification integration told when a graph run fails, set on the root. */
  errorIntegration?: pulumi.Input<string>;
  /** Notification integration told when a graph run succeeds, set on the root. */
  successIntegration?: pulumi.Input<string>;
  /** Times a failed graph run is retried automatically, set on the root. */
  taskAutoRetryAttempts?: pulumi.Input<number>;
  /** Whether a graph run may start while the previous one still runs, set on the root. */
  overlapPolicy?: pulumi.Input<types.TaskOverlapPolicy>;
  /** Comment on the root task. */
  comment?: pulumi.Input<string>;
  /** Run state of the whole graph: false starts every task, true suspends them. Unset: not managed (created suspended). */
  suspended?: pulumi.Input<boolean>;
  /**
   * Run the graph once when it is deployed, and again whenever `triggers` changes: a TaskRun of the root that
   * depends on every task declared in `tasks` (for tasks added with `task()`, call `run()` after adding them).
   */
  execute?: {
    /** Values whose change runs the graph again, e.g. a version or a hash of the task definitions. */
    triggers?: pulumi.Input<unknown>[];
    /** Retry the last failed graph run from the tasks that failed instead of starting a new run. */
    retryLast?: pulumi.Input<boolean>;
  };
  /** Tasks declared up front, by name (the same as calling `task()` for each, in order). */
  tasks?: Record<string, GraphTaskArgs>;
  /** The finalizer: runs after every graph run, successful or not. */
  finalizer?: {
    /** The finalizer's name within the graph. */
    name: string;
    /** Its settings, as for any task of the graph. */
    args: GraphTaskArgs;
  };
  /** Where the graph's tasks live, when not where the stack's connection points. */
  connection?: pulumi.Input<ConnectionArgs>;
}

/**
 * A task graph as one component: Task resources named `<GRAPH>$<TASK>`, the one without predecessors the root that
 * carries the schedule and graph-wide settings. Changing tasks of a running graph suspends the root around each change.
 */
export class TaskGraph extends pulumi.ComponentResource {
  /** The task without predecessors; it carries the schedule. Set by the first `task()` without `after`. */
  root?: Task;
  /** The graph's tasks by the names given to `task()`. */
  readonly tasks: Record<string, Task> = {};
  private readonly graphName: string;
  private readonly componentName: string;
  private finalizerTask?: Task;

  constructor(name: string, private readonly args: TaskGraphArgs, opts?: pulumi.ComponentResourceOptions) {
    super("snowflake:index:TaskGraph", name, {}, opts);
    // The graph's Snowflake name prefixes its tasks' (`<GRAPH>$<TASK>`), so it is a plain identifier; by default
    // the component's name with anything else turned into `_` (etl-daily -> etl_daily).
    this.graphName = args.name ?? name.replace(/[^A-Za-z0-9_$]/g, "_").replace(/^(?=[0-9$])/, "_");
    this.componentName = name;
    requirePlain(`task graph name`, this.graphName);
    for (const [taskName, taskArgs] of Object.entries(args.tasks ?? {})) this.task(taskName, taskArgs);
    if (args.finalizer) this.finalizer(args.finalizer.name, args.finalizer.args);
    if (args.execute) this.run("run", args.execute);
    this.registerOutputs({});
  }

  /** Adds a task; the first one without `after` becomes the root. */
  task(name: string, taskArgs: GraphTaskArgs): Task {
    this.requireNew(name);
    const after = (taskArgs.after ?? []).map((predecessor) => this.member(name, predecessor));
    const isRoot = after.length === 0;
    if (isRoot && this.root) {
      throw new Error(`task graph ${this.graphName} has one root task, and it is already ${this.rootName()}: give ${name} \`after\` (a task graph starts from one task)`);
    }
    const { after: _after, ...settings } = taskArgs;
    const rootSettings = isRoot ? this.rootSettings() : {};
    const created = new Task(this.childResourceName(name), {
      ...this.placement(),
      warehouse: this.args.warehouse,
      ...rootSettings,
      ...settings,
      name: this.memberName(name),
      ...(after.length > 0 && { after: after.map((task) => task.name) }),
      suspended: this.args.suspended,
    }, { parent: this, dependsOn: after });
    this.tasks[name] = created;
    if (isRoot) this.root = created;
    return created;
  }

  /** The finalizer task of the graph (at most one): it finalizes the root. */
  finalizer(name: string, taskArgs: GraphTaskArgs): Task {
    if (!this.root) throw new Error(`task graph ${this.graphName} needs its root task before a finalizer`);
    if (this.finalizerTask) throw new Error(`task graph ${this.graphName} already has a finalizer (Snowflake allows one per root)`);
    this.requireNew(name);
    if (taskArgs.after?.length) throw new Error(`the finalizer ${name} of task graph ${this.graphName} runs after the whole graph and takes no \`after\``);
    const { after: _after, ...settings } = taskArgs;
    const created = new Task(this.childResourceName(name), {
      ...this.placement(),
      warehouse: this.args.warehouse,
      ...settings,
      name: this.memberName(name),
      finalize: this.root.name,
      suspended: this.args.suspended,
    }, { parent: this, dependsOn: [this.root] });
    this.tasks[name] = created;
    this.finalizerTask = created;
    return created;
  }

  /**
   * Runs the graph (EXECUTE TASK on its root) once every task declared so far exists, and again whenever
   * `triggers` changes (dagv1's DAGOperation.run).
   */
  run(name: string, runArgs: { triggers?: pulumi.Input<unknown>[]; retryLast?: pulumi.Input<boolean> } = {}): TaskRun {
    if (!this.root) throw new Error(`task graph ${this.graphName} has no tasks to run yet`);
    return new TaskRun(this.childResourceName(name), {
      database: this.args.database,
      schema: this.args.schema,
      connection: this.args.connection,
      task: this.root.name,
      ...runArgs,
    }, { parent: this, dependsOn: Object.values(this.tasks) });
  }

  private member(from: string, predecessor: Task | string): Task {
    if (typeof predecessor !== "string") return predecessor;
    const found = this.tasks[predecessor];
    if (!found) throw new Error(`task ${from} of task graph ${this.graphName} runs after ${predecessor}, which is not a task of the graph (declare it first)`);
    if (found === this.finalizerTask) throw new Error(`task ${from} of task graph ${this.graphName} cannot run after the finalizer ${predecessor}: it runs after the whole graph`);
    return found;
  }

  private rootName(): string {
    return Object.entries(this.tasks).find(([, task]) => task === this.root)![0];
  }

  private rootSettings(): Partial<TaskArgs> {
    const { schedule, config, errorIntegration, successIntegration, taskAutoRetryAttempts, overlapPolicy, comment } = this.args;
    return { schedule, config, errorIntegration, successIntegration, taskAutoRetryAttempts, overlapPolicy, comment };
  }

  private placement(): Pick<TaskArgs, "database" | "schema" | "connection"> {
    return { database: this.args.database, schema: this.args.schema, connection: this.args.connection };
  }

  private requireNew(name: string): void {
    if (this.tasks[name]) throw new Error(`task graph ${this.graphName} already has a task ${name}`);
    requirePlain(`task name in graph ${this.graphName}`, name);
  }

  /** dagv1 names a graph's task `<GRAPH>$<TASK>`. */
  private memberName(task: string): string {
    return `${this.graphName}$${task}`;
  }

  /** Pulumi names follow the component's, so two graphs named alike (dev and prod schemas) never collide. */
  private childResourceName(task: string): string {
    return `${this.componentName}$${task}`;
  }
}

function requirePlain(what: string, name: string): void {
  if (!/^[A-Za-z_][A-Za-z0-9_$]*$/.test(name)) throw new Error(`${what} ${JSON.stringify(name)} must be a plain identifier (letters, digits, _ and $, not starting with a digit): it prefixes the names of the graph's tasks`);
}
