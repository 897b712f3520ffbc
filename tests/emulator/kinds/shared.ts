// Behaviour several object kinds share: the PERMANENT / TRANSIENT kind, the retention and object parameters with
// their defaults and ranges (Parameters docs), warehouse size spellings, and references that must exist.
import type { CatalogObject, Container, WireValues } from "../catalog/catalog";
import { collectionOf, isObject } from "../catalog/catalog";
import type { ObjectKind, ParameterSpec, SqlProperty } from "../catalog/object-kind";
import { badRequest, doesNotExist } from "../errors";
import { formatIdentifier } from "../identifiers";
import type { QueryParams } from "../query";
import type { AccountState } from "../state";
import { checkEnum, checkRange } from "../rest/body";
import { normalizeWarehouseSize } from "../warehouse-sizes";

// database.yaml / schema.yaml / table.yaml kind: PERMANENT | TRANSIENT (table.yaml also lists '' and lower case).
export const OBJECT_KINDS = ["PERMANENT", "TRANSIENT"] as const;

export const RetentionLimits = {
  // Parameters docs: DATA_RETENTION_TIME_IN_DAYS 0..90 (Enterprise Edition) for permanent objects ...
  maxRetentionDays: 90,
  // ... and 0 or 1 for transient ones (Working with temporary and transient tables docs).
  maxTransientRetentionDays: 1,
  // Parameters docs: MAX_DATA_EXTENSION_TIME_IN_DAYS 0..90.
  maxDataExtensionDays: 90,
} as const;

// Parameters docs (defaults; "Can be set for" Account » Database » Schema » Table): the retention parameters.
export const RETENTION_PARAMETERS: Record<string, ParameterSpec> = {
  data_retention_time_in_days: { default: 1 },
  max_data_extension_time_in_days: { default: 14 },
};

// Parameters docs: DEFAULT_DDL_COLLATION defaults to the empty string.
export const COLLATION_PARAMETER: Record<string, ParameterSpec> = { default_ddl_collation: { default: "" } };

// Parameters docs, defaults of the object parameters databases and schemas carry: LOG_LEVEL OFF, TRACE_LEVEL OFF,
// SUSPEND_TASK_AFTER_NUM_FAILURES 10, USER_TASK_TIMEOUT_MS 3600000, USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE
// MEDIUM, SERVERLESS_TASK_MIN_STATEMENT_SIZE XSMALL, SERVERLESS_TASK_MAX_STATEMENT_SIZE XXLARGE. (The size defaults
// are as the docs describe them; not checked against a live account.)
export const OBJECT_PARAMETERS: Record<string, ParameterSpec> = {
  ...RETENTION_PARAMETERS,
  ...COLLATION_PARAMETER,
  log_level: { default: "OFF" },
  trace_level: { default: "OFF" },
  suspend_task_after_num_failures: { default: 10 },
  user_task_managed_initial_warehouse_size: { default: "MEDIUM" },
  user_task_timeout_ms: { default: 3600000 },
  serverless_task_min_statement_size: { default: "XSMALL" },
  serverless_task_max_statement_size: { default: "XXLARGE" },
};

// Parameters docs: LOG_LEVEL TRACE..OFF; database.yaml trace_level ALWAYS, ON_EVENT, OFF; task sizes XSMALL..XXLARGE;
// USER_TASK_TIMEOUT_MS 0..604800000 (7 days).
const LOG_LEVELS = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL", "OFF"];
const TRACE_LEVELS = ["ALWAYS", "ON_EVENT", "OFF"];
const TASK_SIZES = ["XSMALL", "SMALL", "MEDIUM", "LARGE", "XLARGE", "XXLARGE"];
const MAX_USER_TASK_TIMEOUT_MS = 604_800_000;

/** The kind a create asks for: the body's `kind`, or the deprecated `kind` query parameter ("" = permanent). */
export function requestedKind(kind: ObjectKind, values: WireValues, query?: QueryParams): string | undefined {
  const fromBody = values.kind === undefined || values.kind === "" ? undefined : checkEnum(kind, "kind", values.kind, OBJECT_KINDS);
  const queryText = query?.has("kind") ? query.string("kind")! : undefined;
  const fromQuery = queryText === undefined ? undefined : queryText === "" ? "PERMANENT" : checkEnum(kind, "kind", queryText, OBJECT_KINDS);
  if (fromBody && fromQuery && fromBody !== fromQuery) throw badRequest(`Conflicting kind: body says ${fromBody} but query parameter 'kind' says ${queryText}.`);
  return fromBody ?? fromQuery;
}

/** SHOW DATABASES / SHOW SCHEMAS `options` column: TRANSIENT and/or MANAGED ACCESS, comma-separated. */
export function optionsText(kind: unknown, managedAccess = false): string {
  return [kind === "TRANSIENT" ? "TRANSIENT" : undefined, managedAccess ? "MANAGED ACCESS" : undefined].filter(Boolean).join(", ");
}

/** A container's kind (TRANSIENT databases and schemas make everything in them transient). */
export function containerKind(container: Container): string | undefined {
  return isObject(container) ? (container.values.kind as string | undefined) : undefined;
}

// ALTER TABLE (event tables) / ALTER DYNAMIC TABLE docs: SET / UNSET of the retention parameters and COMMENT.
export const RETENTION_AND_COMMENT_SQL: Record<string, SqlProperty> = {
  DATA_RETENTION_TIME_IN_DAYS: { wire: "data_retention_time_in_days", value: "integer", unset: true },
  MAX_DATA_EXTENSION_TIME_IN_DAYS: { wire: "max_data_extension_time_in_days", value: "integer", unset: true },
  COMMENT: { wire: "comment", value: "string", unset: true },
};

/** Checks the retention parameters set in `values`; transient objects keep at most 1 day. */
export function checkRetention(kind: ObjectKind, values: WireValues, objectKind: string | undefined): void {
  checkRange(kind, "data_retention_time_in_days", values.data_retention_time_in_days, 0, objectKind === "TRANSIENT" ? RetentionLimits.maxTransientRetentionDays : RetentionLimits.maxRetentionDays);
  checkRange(kind, "max_data_extension_time_in_days", values.max_data_extension_time_in_days, 0, RetentionLimits.maxDataExtensionDays);
}

/** Normalizes and checks the object parameters databases and schemas share. */
export function checkObjectParameters(kind: ObjectKind, values: WireValues): void {
  if (values.log_level !== undefined) values.log_level = checkEnum(kind, "log_level", values.log_level, LOG_LEVELS);
  if (values.trace_level !== undefined) values.trace_level = checkEnum(kind, "trace_level", values.trace_level, TRACE_LEVELS);
  // Parameters docs: SUSPEND_TASK_AFTER_NUM_FAILURES is 0 (disabled) or more.
  checkRange(kind, "suspend_task_after_num_failures", values.suspend_task_after_num_failures, 0, 2 ** 31 - 1);
  checkRange(kind, "user_task_timeout_ms", values.user_task_timeout_ms, 0, MAX_USER_TASK_TIMEOUT_MS);
  for (const field of ["user_task_managed_initial_warehouse_size", "serverless_task_min_statement_size", "serverless_task_max_statement_size"]) {
    if (values[field] !== undefined) values[field] = normalizeWarehouseSize(kind.model, field, String(values[field]), TASK_SIZES);
  }
}

/** A warehouse a property names must exist ("Warehouse 'X' does not exist or not authorized."). */
export function requireWarehouse(account: AccountState, name: unknown): void {
  if (typeof name === "string" && !collectionOf(account.catalog, "warehouses").has(name)) throw doesNotExist("Warehouse", formatIdentifier(name));
}

/**
 * An integration a property names must exist: one created over REST (API, catalog and notification integrations,
 * which share one namespace), or one a test registered (storage integrations and others REST v2 cannot create).
 */
export function requireIntegration(account: AccountState, name: unknown): void {
  if (typeof name !== "string" || account.integrations.has(name)) return;
  const created = [...account.catalog.children.values()].some((members) => members.get(name)?.kind.namespace === "integrations");
  if (!created) throw doesNotExist("Integration", formatIdentifier(name));
}

/** Stored database and schema names of a schema-level object's container. */
export function schemaPath(parent: Container): [string, string] {
  const schema = parent as CatalogObject;
  return [(schema.parent as CatalogObject).name, schema.name];
}

// CREATE DYNAMIC TABLE / CREATE CORTEX SEARCH SERVICE docs: TARGET_LAG "The minimum value is 1 minute"; only a
// dynamic table may say DOWNSTREAM.
const MIN_LAG_SECONDS = 60;

/** A target lag (common.yaml TargetLag) of at least a minute, or DOWNSTREAM where the kind allows it. */
export function checkTargetLag(lag: unknown, options: { downstream: boolean }): void {
  const { type, seconds } = (lag ?? {}) as { type?: string; seconds?: number };
  if (type === "DOWNSTREAM" && options.downstream) return;
  if (type === "DOWNSTREAM" || Number(seconds) < MIN_LAG_SECONDS) {
    throw badRequest(`SQL compilation error:\ninvalid value [${type === "DOWNSTREAM" ? "DOWNSTREAM" : `${seconds} seconds`}] for parameter 'TARGET_LAG': the minimum is 1 minute${options.downstream ? "" : " (DOWNSTREAM is for dynamic tables)"}.`);
  }
}
