// The round-trip table: one row per resource type. Adding a type adds a row here (or in roundtrip-account-cases.ts);
// tests/roundtrip.test.ts runs every row through the driver together (one stack, one driver run per step), so the
// suite's time does not grow with the number of types.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ACCOUNT_AND_INTEGRATION_CASES } from "./roundtrip-account-cases";
import { SQL_OBJECT_CASES } from "./roundtrip-sql-cases";
import { DB, IN_SCHEMA, inSchema, putComment, QUALIFIED, recreateWith, RoundTripCase, SCHEMA, sqlComment, tagged } from "./roundtrip-helpers";
import { putByHand } from "./stage-file-put";
import { Declaration, FIXTURE_PROGRAM, TestStack } from "./test-stack";

export { caseKey, markerOf } from "./roundtrip-helpers";
export type { Marker, RoundTripCase } from "./roundtrip-helpers";

/** The notebook file the Notebook row is made from. */
const NOTEBOOK_FILE = path.resolve(__dirname, "..", "fixtures", "stage-files", "analysis.ipynb");
const APP_FILE = path.resolve(__dirname, "..", "fixtures", "stage-files", "streamlit_app.py");

/** What every schema-level row lives in, and what some of them read from (created first, kept throughout). */
export const CONTEXT: Declaration[] = [
  { type: "Database", name: "rt_db", args: { name: DB } },
  { type: "Schema", name: "rt_schema", args: { database: { $ref: "rt_db.name" }, name: SCHEMA } },
  { type: "Warehouse", name: "rt_wh", args: { name: "RT_WH", initiallySuspended: true } },
  // The monitor the Warehouse row is assigned in place (issue 14: a warehouse's resourceMonitor, SQL-only object).
  { type: "ResourceMonitor", name: "rt_wh_monitor", args: { name: "RT_WH_MONITOR", creditQuota: 10 } },
  {
    type: "Table",
    name: "rt_source",
    args: { database: { $ref: "rt_db.name" }, schema: { $ref: "rt_schema.name" }, name: "RT_SOURCE", columns: [{ name: "ID", datatype: "NUMBER" }, { name: "PAYLOAD", datatype: "VARIANT" }] },
  },
  {
    type: "Table",
    name: "rt_docs",
    args: { database: { $ref: "rt_db.name" }, schema: { $ref: "rt_schema.name" }, name: "RT_DOCS", columns: [{ name: "ID", datatype: "NUMBER" }, { name: "BODY", datatype: "VARCHAR" }, { name: "REGION", datatype: "VARCHAR" }] },
  },
  { type: "Stage", name: "rt_stage", args: { database: { $ref: "rt_db.name" }, schema: { $ref: "rt_schema.name" }, name: "RT_LANDING" } },
  { type: "StageFile", name: "rt_notebook_file", args: { database: { $ref: "rt_db.name" }, schema: { $ref: "rt_schema.name" }, stage: { $ref: "rt_stage.name" }, source: path.relative(FIXTURE_PROGRAM, NOTEBOOK_FILE), path: "analysis.ipynb" } },
  { type: "StageFile", name: "rt_app_file", args: { database: { $ref: "rt_db.name" }, schema: { $ref: "rt_schema.name" }, stage: { $ref: "rt_stage.name" }, source: path.relative(FIXTURE_PROGRAM, APP_FILE), path: "streamlit_app.py" } },
  { type: "ExternalVolume", name: "rt_volume", args: { name: "RT_VOLUME", storageLocations: [{ name: "rt-lake", storageProvider: "S3", storageBaseUrl: "s3://rt-lake/iceberg/", storageAwsRoleArn: "arn:aws:iam::123456789012:role/rt-lake" }] } },
  { type: "Tag", name: "rt_tag", args: { database: { $ref: "rt_db.name" }, schema: { $ref: "rt_schema.name" }, name: "RT_OWNER", allowedValues: ["data", "platform"] } },
  // Users whose email addresses a notification integration may send to (recipients must be users of the account).
  { type: "User", name: "rt_mail_ops", args: { name: "RT_MAIL_OPS", email: "rt-ops@example.com" } },
  { type: "User", name: "rt_mail_oncall", args: { name: "RT_MAIL_ONCALL", email: "rt-oncall@example.com" } },
  // What the ExternalAccessIntegration row allows: an egress rule, and a secret code may use.
  { type: "NetworkRule", name: "rt_egress", args: { database: { $ref: "rt_db.name" }, schema: { $ref: "rt_schema.name" }, name: "RT_EGRESS", type: "HOST_PORT", mode: "EGRESS", valueList: ["api.example.com:443"] } },
  { type: "Secret", name: "rt_eai_secret", args: { database: { $ref: "rt_db.name" }, schema: { $ref: "rt_schema.name" }, name: "RT_EAI_SECRET", type: "password", username: "rt_api_user", password: "rt-eai-password-1" } },
  { type: "ComputePool", name: "rt_service_pool", args: { name: "RT_SERVICE_POOL", instanceFamily: "CPU_X64_XS", minNodes: 1, maxNodes: 2 } },
];

/** A stage file's source, relative to the program's directory as users write it, and its listed md5 (the emulator stores files unencrypted). */
const HANDLER = path.resolve(__dirname, "..", "fixtures", "stage-files", "handler.py");
const HANDLER_MD5 = createHash("md5").update(fs.readFileSync(HANDLER)).digest("hex");
/** A person putting other content at the stage file's path by hand (PUT keeps the local file's name). */
const overwriteStageFile = async (stack: TestStack) => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "rt-stage-file-"));
  try {
    fs.writeFileSync(path.join(directory, "handler.py"), "print('changed by hand')\n");
    await putByHand(stack.emulator, path.join(directory, "handler.py"), `@${QUALIFIED}."RT_LANDING"/rt`);
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
};
/** SQL naming the source table resource, so the object depends on it (as `pulumi.interpolate` would). */
const onSource = (before: string, after = "") => ({ $concat: [before, { $ref: "rt_source.fullyQualifiedName" }, after] });
const SOURCE = { $ref: "rt_source.fullyQualifiedName" };

const SCHEMA_OBJECT_CASES: RoundTripCase[] = [
  {
    type: "Warehouse",
    path: "/api/v2/warehouses/RT_WH_SUBJECT",
    args: { name: "rt_wh_subject", warehouseSize: "x-small", autoSuspend: 300, autoResume: true, comment: "v1" },
    inPlace: { args: { warehouseSize: "SMALL", autoSuspend: 120, resourceMonitor: { $ref: "rt_wh_monitor.name" }, comment: "v2", tags: tagged }, wire: { warehouse_size: "SMALL", auto_suspend: 120, resource_monitor: "RT_WH_MONITOR", comment: "v2", auto_resume: "true" } },
    changeOutOfBand: putComment,
    rename: { name: "RT_WH_RENAMED", path: "/api/v2/warehouses/RT_WH_RENAMED" },
  },
  {
    // Created suspended, so its state is the same at every read (a running pool reports STARTING first; see
    // tests/compute-pools.test.ts). No rename: compute pools cannot be renamed.
    type: "ComputePool",
    path: "/api/v2/compute-pools/RT_POOL",
    args: { name: "rt_pool", instanceFamily: "cpu_x64_xs", minNodes: 1, maxNodes: 2, initiallySuspended: true, comment: "v1" },
    inPlace: { args: { minNodes: 2, maxNodes: 3, autoSuspendSecs: 600, comment: "v2", tags: tagged }, wire: { min_nodes: 2, max_nodes: 3, auto_suspend_secs: 600, instance_family: "CPU_X64_XS", state: "SUSPENDED", comment: "v2" } },
    changeOutOfBand: putComment,
  },
  {
    type: "Database",
    path: "/api/v2/databases/RT_DB_SUBJECT",
    args: { name: "RT_DB_SUBJECT", comment: "v1", dataRetentionTimeInDays: 1 },
    inPlace: { args: { comment: "v2", dataRetentionTimeInDays: 0, logLevel: "warn", tags: tagged }, wire: { comment: "v2", data_retention_time_in_days: 0, log_level: "WARN" } },
    changeOutOfBand: putComment,
    rename: { name: "RT_DB_RENAMED", path: "/api/v2/databases/RT_DB_RENAMED" },
  },
  {
    type: "Schema",
    path: `/api/v2/databases/${DB}/schemas/RT_SCHEMA_SUBJECT`,
    args: { database: { $ref: "rt_db.name" }, name: "Rt_Schema_Subject", comment: "v1" },
    inPlace: { args: { comment: "v2", managedAccess: true, tags: tagged }, wire: { comment: "v2", managed_access: true } },
    changeOutOfBand: putComment,
    rename: { name: "RT_SCHEMA_RENAMED", path: `/api/v2/databases/${DB}/schemas/RT_SCHEMA_RENAMED` },
  },
  {
    type: "Table",
    path: `${IN_SCHEMA}/tables/PYTHON_API_TABLE`,
    // The quickstart's table: TEMPERATURE int NOT NULL, LOCATION string; then ELEVATION int NOT NULL, primary key.
    args: inSchema({ name: "python_api_table", columns: [{ name: "TEMPERATURE", datatype: "int", nullable: false }, { name: "LOCATION", datatype: "string" }], comment: "v1" }),
    inPlace: {
      args: { columns: [{ name: "TEMPERATURE", datatype: "int", nullable: false }, { name: "LOCATION", datatype: "string" }, { name: "ELEVATION", datatype: "int", nullable: false, constraints: [{ type: "PRIMARY KEY" }] }], comment: "v2", tags: tagged },
      wire: { comment: "v2", columns: [{ name: "TEMPERATURE", datatype: "NUMBER(38,0)", nullable: false }, { name: "LOCATION", datatype: "VARCHAR(16777216)", nullable: true }, { name: "ELEVATION", datatype: "NUMBER(38,0)", nullable: false }] },
    },
    changeOutOfBand: putComment,
    rename: { name: "PYTHON_API_TABLE_V2", path: `${IN_SCHEMA}/tables/PYTHON_API_TABLE_V2` },
  },
  {
    type: "EventTable",
    path: `${IN_SCHEMA}/event-tables/RT_EVENTS`,
    args: inSchema({ name: "rt_events", comment: "v1" }),
    inPlace: { args: { comment: "v2", changeTracking: true, dataRetentionTimeInDays: 0, tags: tagged }, wire: { comment: "v2", change_tracking: true, data_retention_time_in_days: 0 } },
    changeOutOfBand: sqlComment("TABLE", "RT_EVENTS"),
    rename: { name: "RT_EVENTS_RENAMED", path: `${IN_SCHEMA}/event-tables/RT_EVENTS_RENAMED` },
  },
  {
    type: "DynamicTable",
    path: `${IN_SCHEMA}/dynamic-tables/RT_DYNAMIC`,
    args: inSchema({ name: "rt_dynamic", query: onSource("SELECT ID FROM "), targetLag: "5 minutes", warehouse: { $ref: "rt_wh.name" }, comment: "v1" }),
    inPlace: { args: { targetLag: "1 hour", comment: "v2", suspended: true, clusterBy: ["id"], tags: tagged }, wire: { comment: "v2", target_lag: { type: "USER_DEFINED", seconds: 3600 }, scheduling_state: "SUSPENDED", cluster_by: ["id"] } },
    changeOutOfBand: sqlComment("DYNAMIC TABLE", "RT_DYNAMIC"),
    rename: { name: "RT_DYNAMIC_RENAMED", path: `${IN_SCHEMA}/dynamic-tables/RT_DYNAMIC_RENAMED` },
  },
  {
    type: "View",
    path: `${IN_SCHEMA}/views/RT_VIEW`,
    args: inSchema({ name: "rt_view", query: onSource("SELECT ID FROM "), comment: "v1" }),
    inPlace: { args: { query: onSource("SELECT ID, PAYLOAD FROM "), secure: true, comment: "v2", columns: [{ name: "ID", comment: "the id" }, { name: "PAYLOAD" }], tags: tagged }, wire: { comment: "v2", secure: true, query: "SELECT ID, PAYLOAD FROM RT_DB.RT.RT_SOURCE" } },
    changeOutOfBand: sqlComment("VIEW", "RT_VIEW"),
    recreates: true,
    rename: { name: "RT_VIEW_RENAMED", path: `${IN_SCHEMA}/views/RT_VIEW_RENAMED` },
  },
  {
    type: "Stream",
    path: `${IN_SCHEMA}/streams/RT_STREAM`,
    args: inSchema({ name: "rt_stream", onTable: SOURCE, comment: "v1" }),
    inPlace: { args: { appendOnly: true, comment: "v2", tags: tagged }, wire: { comment: "v2", mode: "APPEND_ONLY" } },
    changeOutOfBand: sqlComment("STREAM", "RT_STREAM"),
    recreates: true,
  },
  {
    type: "Stage",
    path: `${IN_SCHEMA}/stages/RT_STAGE_SUBJECT`,
    args: inSchema({ name: "rt_stage_subject", comment: "v1" }),
    inPlace: { args: { comment: "v2", directoryEnabled: true }, wire: { comment: "v2", directory_table: { enable: true, refresh_on_create: true, auto_refresh: false } } },
    changeOutOfBand: sqlComment("STAGE", "RT_STAGE_SUBJECT"),
    rename: { name: "RT_STAGE_RENAMED", path: `${IN_SCHEMA}/stages/RT_STAGE_RENAMED` },
  },
  {
    type: "StageFile",
    path: `${IN_SCHEMA}/stages/RT_LANDING/files?pattern=${encodeURIComponent(".*rt/handler[.]py")}`,
    listed: true,
    args: inSchema({ stage: { $ref: "rt_stage.name" }, source: path.relative(FIXTURE_PROGRAM, HANDLER), path: "rt/handler.py" }),
    // The content is the marker: its hash is computed from `source`, and the listing shows it as the md5.
    marker: { property: "contentHash", wire: "md5", initial: HANDLER_MD5, changed: HANDLER_MD5, unknownAtPreview: "source" },
    changeOutOfBand: overwriteStageFile,
  },
  {
    type: "Pipe",
    path: `${IN_SCHEMA}/pipes/RT_PIPE`,
    args: inSchema({ name: "rt_pipe", copyStatement: { $concat: ["COPY INTO ", SOURCE, " FROM @", { $ref: "rt_stage.fullyQualifiedName" }] }, comment: "v1" }),
    inPlace: { args: { comment: "v2", tags: tagged }, wire: { comment: "v2" } },
    changeOutOfBand: sqlComment("PIPE", "RT_PIPE"),
  },
  {
    type: "Alert",
    path: `${IN_SCHEMA}/alerts/RT_ALERT`,
    args: inSchema({ name: "rt_alert", schedule: { minutes: 5 }, warehouse: { $ref: "rt_wh.name" }, condition: onSource("SELECT ID FROM "), action: "SELECT 1", comment: "v1" }),
    inPlace: {
      args: { schedule: { cron: "0 9 * * MON", timeZone: "UTC" }, condition: onSource("SELECT ID FROM ", " WHERE ID > 10"), comment: "v2", suspended: false, tags: tagged },
      wire: { comment: "v2", state: "started", schedule: { schedule_type: "CRON_TYPE", cron_expr: "0 9 * * MON", timezone: "UTC" }, condition: "SELECT ID FROM RT_DB.RT.RT_SOURCE WHERE ID > 10" },
    },
    changeOutOfBand: sqlComment("ALERT", "RT_ALERT"),
  },
  {
    type: "Sequence",
    path: `${IN_SCHEMA}/sequences/RT_SEQUENCE`,
    args: inSchema({ name: "rt_sequence", start: 10, increment: 2, comment: "v1" }),
    inPlace: { args: { increment: 5, comment: "v2" }, wire: { comment: "v2", increment: 5, start: 10 } },
    changeOutOfBand: sqlComment("SEQUENCE", "RT_SEQUENCE"),
    rename: { name: "RT_SEQUENCE_RENAMED", path: `${IN_SCHEMA}/sequences/RT_SEQUENCE_RENAMED` },
  },
  {
    type: "Task",
    path: `${IN_SCHEMA}/tasks/RT_TASK`,
    args: inSchema({ name: "rt_task", definition: "SELECT 1", warehouse: { $ref: "rt_wh.name" }, schedule: { minutes: 60 }, config: { env: "rt" }, comment: "v1" }),
    inPlace: {
      args: { definition: onSource("SELECT COUNT(*) FROM "), schedule: { cron: "0 9 * * MON", timeZone: "UTC" }, config: { env: "rt", version: 2 }, comment: "v2", suspended: false, tags: tagged },
      wire: { comment: "v2", state: "started", definition: "SELECT COUNT(*) FROM RT_DB.RT.RT_SOURCE", schedule: { schedule_type: "CRON_TYPE", cron_expr: "0 9 * * MON", timezone: "UTC" }, config: { env: "rt", version: 2 } },
    },
    // A person changing a started task suspends it first (ALTER TASK docs), then resumes it.
    changeOutOfBand: async (stack) => {
      for (const clause of ["SUSPEND", "SET COMMENT = 'changed by hand'", "RESUME"]) await stack.sql(`ALTER TASK ${QUALIFIED}."RT_TASK" ${clause}`);
    },
  },
  {
    type: "Tag",
    path: `${IN_SCHEMA}/tags/RT_TAG_SUBJECT`,
    args: inSchema({ name: "rt_tag_subject", allowedValues: ["a", "b"], comment: "v1" }),
    inPlace: { args: { allowedValues: ["b", "a", "c"], comment: "v2" }, wire: { comment: "v2", allowed_values: ["b", "a", "c"] } },
    changeOutOfBand: putComment,
    rename: { name: "RT_TAG_RENAMED", path: `${IN_SCHEMA}/tags/RT_TAG_RENAMED` },
  },
  {
    // image-repository.yaml reports no comment (ALTER sets it; it is compared with the declaration only), so the row
    // follows the repository's RT_OWNER tag, its only assignment in :get-tags. No rename: ALTER IMAGE REPOSITORY has none.
    type: "ImageRepository",
    path: `${IN_SCHEMA}/image-repositories/RT_IMAGE_REPOSITORY:get-tags`,
    listed: true,
    objectPath: `${IN_SCHEMA}/image-repositories/RT_IMAGE_REPOSITORY`,
    args: inSchema({ name: "rt_image_repository", comment: "v1", tags: { $tagged: ["rt_tag", "platform"] } }),
    inPlace: { args: { comment: "v2", tags: tagged }, wire: { tag_name: "RT_OWNER", tag_value: "data" } },
    marker: { property: "tags", wire: "tag_value", initial: "platform", changed: "data" },
    changeOutOfBand: (stack) => stack.rest("POST", `${IN_SCHEMA}/image-repositories/RT_IMAGE_REPOSITORY:set-tags`, [{ tag_database: DB, tag_schema: SCHEMA, tag_name: "RT_OWNER", tag_value: "platform" }]).then(() => undefined),
  },
  {
    type: "Function",
    path: `${IN_SCHEMA}/user-defined-functions/RT_FUNCTION(NUMBER)`,
    args: inSchema({ name: "rt_function", arguments: [{ name: "x", datatype: "int" }], returns: "int", language: "sql", body: "X + 1", comment: "v1" }),
    inPlace: {
      args: { body: "X + 2", secure: true, comment: "v2", tags: tagged },
      wire: { comment: "v2", body: "X + 2", is_secure: true, arguments: [{ name: "X", datatype: "NUMBER" }], return_type: { type: "DATATYPE", datatype: "NUMBER(38,0)" } },
    },
    changeOutOfBand: recreateWith({ comment: "changed by hand" }),
    recreates: true,
  },
  {
    type: "ServiceFunction",
    path: `${IN_SCHEMA}/functions/RT_SERVICE_FUNCTION(VARCHAR)`,
    // The emulator hosts no services, so the service named is not checked.
    args: inSchema({ name: "rt_service_function", arguments: [{ name: "input", datatype: "string" }], returns: "string", service: "RT_SERVICE", endpoint: "echo", path: "/echo", maxBatchRows: 10 }),
    inPlace: { args: { path: "/echo/v2", maxBatchRows: 20, tags: tagged }, wire: { path: "/echo/v2", max_batch_rows: 20, returns: "VARCHAR(16777216)" } },
    marker: { property: "maxBatchRows", wire: "max_batch_rows", initial: 10, changed: 20 },
    changeOutOfBand: recreateWith({ max_batch_rows: 99 }),
    recreates: true,
  },
  {
    type: "Procedure",
    path: `${IN_SCHEMA}/procedures/RT_PROCEDURE(NUMBER)`,
    args: inSchema({ name: "rt_procedure", arguments: [{ name: "x", datatype: "number" }], returns: "int", language: "sql", body: "BEGIN RETURN X * 2; END", comment: "v1" }),
    inPlace: {
      args: { body: "BEGIN RETURN X * 3; END", executeAs: "caller", comment: "v2", tags: tagged },
      wire: { comment: "v2", body: "BEGIN RETURN X * 3; END", execute_as: "CALLER", arguments: [{ name: "X", datatype: "NUMBER" }] },
    },
    changeOutOfBand: recreateWith({ comment: "changed by hand" }),
    recreates: true,
  },
  {
    type: "NetworkRule",
    path: `${IN_SCHEMA}/network-rules/RT_NETWORK_RULE`,
    args: inSchema({ name: "rt_network_rule", type: "ipv4", valueList: ["10.1.0.0/16"], comment: "v1" }),
    inPlace: { args: { valueList: ["10.2.0.0/16", "10.1.0.0/16"], comment: "v2" }, wire: { comment: "v2", mode: "INGRESS", value_list: ["10.2.0.0/16", "10.1.0.0/16"] } },
    changeOutOfBand: sqlComment("NETWORK RULE", "RT_NETWORK_RULE"),
  },
  {
    // An account object naming the rule row's rule (so it is deleted before the rule, which it would keep in use).
    type: "NetworkPolicy",
    path: "/api/v2/network-policies/RT_NETWORK_POLICY",
    args: { name: "rt_network_policy", allowedNetworkRuleList: [{ $ref: "subject_NetworkRule.fullyQualifiedName" }], blockedIpList: ["10.1.0.99"], comment: "v1" },
    inPlace: { args: { blockedIpList: ["10.1.0.98", "10.1.0.99"], comment: "v2", tags: tagged }, wire: { comment: "v2", allowed_network_rule_list: ["RT_DB.RT.RT_NETWORK_RULE"], blocked_ip_list: ["10.1.0.98", "10.1.0.99"] } },
    changeOutOfBand: (stack) => stack.sql(`ALTER NETWORK POLICY "RT_NETWORK_POLICY" SET COMMENT = 'changed by hand'`).then(() => undefined),
    rename: { name: "RT_NETWORK_POLICY_RENAMED", path: "/api/v2/network-policies/RT_NETWORK_POLICY_RENAMED" },
  },
  {
    // role.yaml has no GET of one role: the row is the role's line of the list, by an escaped LIKE pattern.
    type: "Role",
    path: `/api/v2/roles?like=${encodeURIComponent("RT\\_ROLE\\_SUBJECT")}`,
    listed: true,
    objectPath: "/api/v2/roles/RT_ROLE_SUBJECT",
    args: { name: "rt_role_subject", comment: "v1" },
    inPlace: { args: { comment: "v2", tags: tagged }, wire: { comment: "v2" } },
    changeOutOfBand: (stack) => stack.sql(`ALTER ROLE "RT_ROLE_SUBJECT" SET COMMENT = 'changed by hand'`).then(() => undefined),
    rename: { name: "RT_ROLE_RENAMED", path: `/api/v2/roles?like=${encodeURIComponent("RT\\_ROLE\\_RENAMED")}` },
  },
  {
    // database-role.yaml lists from a name on (fromName); the new name sorts before the old one, so the old path's
    // page is empty after the rename.
    type: "DatabaseRole",
    path: `/api/v2/databases/${DB}/database-roles?fromName=RT_DB_ROLE_SUBJECT&showLimit=1`,
    listed: true,
    objectPath: `/api/v2/databases/${DB}/database-roles/RT_DB_ROLE_SUBJECT`,
    args: { database: { $ref: "rt_db.name" }, name: "rt_db_role_subject", comment: "v1" },
    inPlace: { args: { comment: "v2", tags: tagged }, wire: { comment: "v2" } },
    changeOutOfBand: (stack) => stack.sql(`ALTER DATABASE ROLE "${DB}"."RT_DB_ROLE_SUBJECT" SET COMMENT = 'changed by hand'`).then(() => undefined),
    rename: { name: "RT_DB_ROLE_RENAMED", path: `/api/v2/databases/${DB}/database-roles?fromName=RT_DB_ROLE_RENAMED&showLimit=1` },
  },
  {
    type: "PasswordPolicy",
    path: `${IN_SCHEMA}/password-policies/RT_PASSWORD_POLICY`,
    args: inSchema({ name: "rt_password_policy", minLength: 12, maxRetries: 3, comment: "v1" }),
    inPlace: { args: { minLength: 16, history: 5, comment: "v2", tags: tagged }, wire: { comment: "v2", password_min_length: 16, password_history: 5, password_max_retries: 3 } },
    changeOutOfBand: sqlComment("PASSWORD POLICY", "RT_PASSWORD_POLICY"),
    rename: { name: "RT_PASSWORD_POLICY_RENAMED", path: `${IN_SCHEMA}/password-policies/RT_PASSWORD_POLICY_RENAMED` },
  },
  {
    // An account object with a secret password (sent in the create, then changed by ALTER USER ... SET PASSWORD)
    // and the policy row's policy (ALTER USER ... SET PASSWORD POLICY; renaming the policy re-attaches it).
    type: "User",
    path: "/api/v2/users/RT_USER",
    args: { name: "rt_user", loginName: "rt_login", displayName: "Round Trip", password: "RoundTrip-Passw0rd-1", passwordPolicy: { $ref: "subject_PasswordPolicy.fullyQualifiedName" }, comment: "v1" },
    inPlace: {
      args: { displayName: "Round Trip v2", password: "RoundTrip-Passw0rd-2", defaultSecondaryRoles: "none", comment: "v2", tags: tagged },
      wire: { comment: "v2", display_name: "Round Trip v2", login_name: "RT_LOGIN", has_password: true, default_secondary_roles: "NONE" },
    },
    changeOutOfBand: putComment,
    rename: { name: "RT_USER_RENAMED", path: "/api/v2/users/RT_USER_RENAMED" },
  },
  {
    // The quickstart's nginx service: an inline YAML specification, then the same containers as an object with a
    // new image and more instances (ALTER SERVICE ... FROM SPECIFICATION and SET, in place; up waits until RUNNING).
    type: "Service",
    path: `${IN_SCHEMA}/services/RT_SERVICE`,
    args: inSchema({ name: "rt_service", computePool: { $ref: "rt_service_pool.name" }, specification: "spec:\n  containers:\n  - name: web-server\n    image: /rt_db/rt/repo/nginx:latest\n", comment: "v1" }),
    inPlace: {
      args: { specification: { spec: { containers: [{ name: "web-server", image: "/rt_db/rt/repo/nginx:1.27" }] } }, maxInstances: 2, comment: "v2" },
      wire: { comment: "v2", max_instances: 2, min_instances: 1, compute_pool: "RT_SERVICE_POOL", status: "RUNNING" },
    },
    changeOutOfBand: sqlComment("SERVICE", "RT_SERVICE"),
  },
];

export const ROUND_TRIP_CASES: RoundTripCase[] = [...SCHEMA_OBJECT_CASES, ...ACCOUNT_AND_INTEGRATION_CASES, ...SQL_OBJECT_CASES];
