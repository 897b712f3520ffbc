// Snowflake's Python API quickstart ("Getting Started with the Snowflake Python API"), declared with Pulumi: a
// warehouse (capped by a resource monitor), the PYTHON_API_DB database, its PYTHON_API_SCHEMA schema (with an S3
// landing stage reached through a storage integration) and the PYTHON_API_TABLE table -- and the walkthrough's
// "update a table" step: set `snowflake-quickstart:addElevation true` and run `pulumi up` again, and the ELEVATION
// column is added in place (PUT create-or-alter), with its primary key. Then "Managing tasks" and "Managing DAGs":
// the TASKS_STAGE stage, the trunc and filter_by_shipmode procedures, the two tasks (the second after the first,
// resumed), and the same pair as the python_api_dag task graph, run once.
import * as pulumi from "@pulumi/pulumi";
import * as snowflake from "pulumi-snowflake-dynamic";

const config = new pulumi.Config();

// A cap on what the warehouse may spend: 10 credits a month, a notice at 80% and suspension at 100%. Resource
// monitors have no REST endpoints; the provider makes this one over the SQL API.
const monitor = new snowflake.ResourceMonitor("warehouse-monitor", {
  name: "PYTHON_API_WH_MONITOR",
  creditQuota: 10,
  frequency: "MONTHLY",
  startTimestamp: "IMMEDIATELY",
  triggers: [{ threshold: 80, action: "NOTIFY" }, { threshold: 100, action: "SUSPEND" }],
});

const warehouse = new snowflake.Warehouse("warehouse", {
  name: "PYTHON_API_WH",
  resourceMonitor: monitor.name,
  warehouseSize: config.get<snowflake.WarehouseSize>("warehouseSize") ?? "XSMALL",
  autoSuspend: 60,
  autoResume: true,
  initiallySuspended: true,
  comment: "Quickstart warehouse, managed by Pulumi",
});

const database = new snowflake.Database("database", {
  name: "PYTHON_API_DB",
  comment: "Quickstart database, managed by Pulumi",
  dataRetentionTimeInDays: 1,
});

const schema = new snowflake.Schema("schema", { database: database.name, name: "PYTHON_API_SCHEMA" });

const columns: snowflake.TableColumnArgs[] = [
  { name: "TEMPERATURE", datatype: "int", nullable: false },
  { name: "LOCATION", datatype: "string" },
];
if (config.getBoolean("addElevation")) {
  columns.push({ name: "ELEVATION", datatype: "int", nullable: false, constraints: [{ type: "PRIMARY KEY" }] });
}

const table = new snowflake.Table("table", {
  database: database.name,
  schema: schema.name,
  name: "PYTHON_API_TABLE",
  columns,
  comment: "The quickstart's table",
});

const inSchema = { database: database.name, schema: schema.name };

// Files landing in S3, read through a storage integration instead of keys kept in the stage. Integrations have no
// REST endpoints; the provider makes this one over the SQL API. Its outputs are what the bucket's IAM role must
// trust (exported below).
const landingAccess = new snowflake.StorageIntegration("landing-access", {
  name: "PYTHON_API_LANDING_ACCESS",
  storageProvider: "S3",
  storageAwsRoleArn: config.get("landingRoleArn") ?? "arn:aws:iam::123456789012:role/python-api-landing",
  storageAllowedLocations: ["s3://python-api-landing/"],
  comment: "Lets the quickstart's landing stage read its bucket",
});
const landing = new snowflake.Stage("landing", { ...inSchema, name: "LANDING", url: "s3://python-api-landing/incoming/", storageIntegration: landingAccess.name });

// "Managing tasks": the stage holding the procedures, the two procedures (Python handlers inline), and the tasks.
const stage = new snowflake.Stage("tasks-stage", { ...inSchema, name: "TASKS_STAGE", comment: "Holds the quickstart's procedures" });

const python = { language: "PYTHON" as const, runtimeVersion: "3.11", packages: ["snowflake-snowpark-python"], returns: "VARCHAR" };
const trunc = new snowflake.Procedure("trunc", {
  ...inSchema,
  ...python,
  name: "TRUNC",
  arguments: [{ name: "from_table", datatype: "VARCHAR" }, { name: "to_table", datatype: "VARCHAR" }, { name: "count", datatype: "INT" }],
  handler: "trunc",
  body: [
    "def trunc(session, from_table, to_table, count):",
    "    session.table(from_table).limit(count).write.save_as_table(to_table)",
    '    return "Truncated table successfully created!"',
  ].join("\n"),
}, { dependsOn: [stage] });
const filterByShipmode = new snowflake.Procedure("filter-by-shipmode", {
  ...inSchema,
  ...python,
  name: "FILTER_BY_SHIPMODE",
  arguments: [{ name: "mode", datatype: "VARCHAR" }],
  handler: "filter_by_shipmode",
  body: [
    "from snowflake.snowpark.functions import col",
    "def filter_by_shipmode(session, mode):",
    '    session.table("snowflake_sample_data.tpch_sf100.lineitem").filter(col("L_SHIPMODE") == mode).limit(10).write.save_as_table("filter_table")',
    '    return "Filter table successfully created!"',
  ].join("\n"),
}, { dependsOn: [stage] });

const truncCall = "CALL TRUNC('SNOWFLAKE_SAMPLE_DATA.TPCH_SF100.ORDERS', 'PYTHON_API_DB.PYTHON_API_SCHEMA.TRUNC_TABLE', 10)";
const filterCall = "CALL FILTER_BY_SHIPMODE('AIR')";
const procedures = { dependsOn: [trunc, filterByShipmode] };
// task1 runs every minute; task2 runs after it; "trunc_task.resume()" is suspended: false on the root.
const truncTask = new snowflake.Task("task-python-api-trunc", {
  ...inSchema, name: "task_python_api_trunc", definition: truncCall, warehouse: warehouse.name, schedule: { minutes: 1 }, suspended: false,
}, procedures);
new snowflake.Task("task-python-api-filter", {
  ...inSchema, name: "task_python_api_filter", definition: filterCall, warehouse: warehouse.name, after: [truncTask.name],
}, procedures);

// "Managing DAGs": the same two tasks as a graph scheduled daily (tasks PYTHON_API_DAG$TASK_PYTHON_API_TRUNC and
// ...$TASK_PYTHON_API_FILTER), deployed and run once (dag_op.run); `pulumi destroy` removes it (dag_op.delete).
new snowflake.TaskGraph("python-api-dag", {
  ...inSchema,
  name: "python_api_dag",
  schedule: { minutes: 1440 },
  warehouse: warehouse.name,
  tasks: {
    task_python_api_trunc: { definition: truncCall },
    task_python_api_filter: { definition: filterCall, after: ["task_python_api_trunc"] },
  },
  execute: { triggers: ["first deployment"] },
}, procedures);

export const warehouseName = warehouse.name;
export const warehouseMonitor = monitor.fullyQualifiedName;
export const landingStage = landing.fullyQualifiedName;
export const landingTrustedUserArn = landingAccess.storageAwsIamUserArn;
export const landingExternalId = landingAccess.storageAwsExternalId;
export const warehouseState = warehouse.state;
export const tableName = table.fullyQualifiedName;
export const tableColumns = table.columns.apply((list) => list.map((column) => column.name).join(", "));
