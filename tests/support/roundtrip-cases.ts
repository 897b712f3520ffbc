// The round-trip table: one row per resource type. Adding a type adds a row here; tests/roundtrip.test.ts runs every
// row through the driver together (one stack, one driver run per step), so the suite's time does not grow with
// the number of types.
import { Declaration, TestStack } from "./test-stack";

export interface RoundTripCase {
  type: string;
  /** REST path of the object the row creates. */
  path: string;
  args: Record<string, unknown>;
  /** A change applied in place, and what the object looks like over REST afterwards. */
  inPlace: { args: Record<string, unknown>; wire: Record<string, unknown> };
  /** Changes the comment outside Pulumi (REST PUT or an ALTER over the SQL API). */
  changeOutOfBand(stack: TestStack, path: string): Promise<void>;
  /** A new name applied in place (types Snowflake renames), and the REST path it lands at. */
  rename?: { name: string; path: string };
  /** In-place changes are CREATE OR REPLACE (the object is recreated under the same resource). */
  recreates?: boolean;
}

const DB = "RT_DB";
const SCHEMA = "RT";
const IN_SCHEMA = `/api/v2/databases/${DB}/schemas/${SCHEMA}`;
const QUALIFIED = `"${DB}"."${SCHEMA}"`;

/** What every schema-level row lives in, and what some of them read from (created first, kept throughout). */
export const CONTEXT: Declaration[] = [
  { type: "Database", name: "rt_db", args: { name: DB } },
  { type: "Schema", name: "rt_schema", args: { database: { $ref: "rt_db.name" }, name: SCHEMA } },
  { type: "Warehouse", name: "rt_wh", args: { name: "RT_WH", initiallySuspended: true } },
  {
    type: "Table",
    name: "rt_source",
    args: { database: { $ref: "rt_db.name" }, schema: { $ref: "rt_schema.name" }, name: "RT_SOURCE", columns: [{ name: "ID", datatype: "NUMBER" }, { name: "PAYLOAD", datatype: "VARIANT" }] },
  },
  { type: "Stage", name: "rt_stage", args: { database: { $ref: "rt_db.name" }, schema: { $ref: "rt_schema.name" }, name: "RT_LANDING" } },
  { type: "Tag", name: "rt_tag", args: { database: { $ref: "rt_db.name" }, schema: { $ref: "rt_schema.name" }, name: "RT_OWNER", allowedValues: ["data", "platform"] } },
];

const inSchema = (args: Record<string, unknown>) => ({ database: { $ref: "rt_db.name" }, schema: { $ref: "rt_schema.name" }, ...args });
const sqlComment = (objectType: string, name: string) => (stack: TestStack) => stack.sql(`ALTER ${objectType} ${QUALIFIED}."${name}" SET COMMENT = 'changed by hand'`).then(() => undefined);
const putComment = (stack: TestStack, path: string) => stack.changeOutOfBand(path, { comment: "changed by hand" });
const tagged = { $tagged: ["rt_tag", "data"] };
/** SQL naming the source table resource, so the object depends on it (as `pulumi.interpolate` would). */
const onSource = (before: string, after = "") => ({ $concat: [before, { $ref: "rt_source.fullyQualifiedName" }, after] });
const SOURCE = { $ref: "rt_source.fullyQualifiedName" };

export const ROUND_TRIP_CASES: RoundTripCase[] = [
  {
    type: "Warehouse",
    path: "/api/v2/warehouses/RT_WH_SUBJECT",
    args: { name: "rt_wh_subject", warehouseSize: "x-small", autoSuspend: 300, autoResume: true, comment: "v1" },
    inPlace: { args: { warehouseSize: "SMALL", autoSuspend: 120, comment: "v2", tags: tagged }, wire: { warehouse_size: "SMALL", auto_suspend: 120, comment: "v2", auto_resume: "true" } },
    changeOutOfBand: putComment,
    rename: { name: "RT_WH_RENAMED", path: "/api/v2/warehouses/RT_WH_RENAMED" },
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
    type: "Tag",
    path: `${IN_SCHEMA}/tags/RT_TAG_SUBJECT`,
    args: inSchema({ name: "rt_tag_subject", allowedValues: ["a", "b"], comment: "v1" }),
    inPlace: { args: { allowedValues: ["b", "a", "c"], comment: "v2" }, wire: { comment: "v2", allowed_values: ["b", "a", "c"] } },
    changeOutOfBand: putComment,
    rename: { name: "RT_TAG_RENAMED", path: `${IN_SCHEMA}/tags/RT_TAG_RENAMED` },
  },
];
