// Server-side defaults and limits, each with its source. Changing a value here changes what every test sees.

// The emulator has one role: every object is owned by it, like objects created with the ACCOUNTADMIN role.
export const OWNER_ROLE = "ACCOUNTADMIN";
// database.yaml Database.owner_role_type: "either ROLE or DATABASE_ROLE".
export const OWNER_ROLE_TYPE = "ROLE";
// Access control docs: the system-defined roles. Connector logins may ask for any of them (all hold every
// privilege here); other role names are refused like roles not granted to the user.
export const SYSTEM_ROLES = ["ACCOUNTADMIN", "SECURITYADMIN", "USERADMIN", "SYSADMIN", "PUBLIC"] as const;

export const SessionDefaults = {
  // Connector sessions (snowflake.core's Root, REST API notes §2): session tokens live about 1 hour ...
  sessionTokenLifetimeSeconds: 3600,
  // ... and the master token that renews them about 4 hours.
  masterTokenLifetimeSeconds: 14400,
  // MFA token caching docs: a cached MFA token is valid for up to 4 hours.
  mfaTokenLifetimeSeconds: 14400,
  // ID token (EXTERNALBROWSER token caching) docs: valid for up to 4 hours.
  idTokenLifetimeSeconds: 14400,
  // Snowflake OAuth docs: access tokens are valid for 600 seconds ...
  oauthAccessTokenLifetimeSeconds: 600,
  // ... refresh tokens for OAUTH_REFRESH_TOKEN_VALIDITY, default 7776000 seconds (90 days).
  oauthRefreshTokenLifetimeSeconds: 7776000,
  // Emulator choice: authorization codes and SSO one-time tokens must be used within 10 minutes.
  oneTimeTokenLifetimeSeconds: 600,
  // Parameters docs: TIMEZONE defaults to America/Los_Angeles; the emulator answers UTC so tests read the same everywhere.
  timezone: "UTC",
} as const;

export const WarehouseDefaults = {
  // CREATE WAREHOUSE docs: WAREHOUSE_TYPE default STANDARD.
  warehouse_type: "STANDARD",
  // CREATE WAREHOUSE docs: WAREHOUSE_SIZE default XSMALL.
  warehouse_size: "XSMALL",
  // CREATE WAREHOUSE docs: MAX_CLUSTER_COUNT default 1 (single-cluster warehouse).
  max_cluster_count: 1,
  // CREATE WAREHOUSE docs: MIN_CLUSTER_COUNT default 1.
  min_cluster_count: 1,
  // CREATE WAREHOUSE docs: SCALING_POLICY default STANDARD.
  scaling_policy: "STANDARD",
  // CREATE WAREHOUSE docs: AUTO_SUSPEND default 600 seconds.
  auto_suspend: 600,
  // CREATE WAREHOUSE docs: AUTO_RESUME default TRUE.
  auto_resume: true,
  // CREATE WAREHOUSE docs: INITIALLY_SUSPENDED default FALSE.
  initially_suspended: false,
  // CREATE WAREHOUSE docs: ENABLE_QUERY_ACCELERATION default FALSE.
  enable_query_acceleration: false,
  // CREATE WAREHOUSE docs: QUERY_ACCELERATION_MAX_SCALE_FACTOR default 8.
  query_acceleration_max_scale_factor: 8,
  // Parameters docs: MAX_CONCURRENCY_LEVEL default 8.
  max_concurrency_level: 8,
  // Parameters docs: STATEMENT_QUEUED_TIMEOUT_IN_SECONDS default 0 (no timeout).
  statement_queued_timeout_in_seconds: 0,
  // Parameters docs: STATEMENT_TIMEOUT_IN_SECONDS default 172800 (2 days).
  statement_timeout_in_seconds: 172800,
} as const;

export const WarehouseLimits = {
  // Multi-cluster warehouse docs: cluster counts 1..10 (the emulator's cap; larger editions allow more).
  maxClusters: 10,
  // CREATE WAREHOUSE docs: QUERY_ACCELERATION_MAX_SCALE_FACTOR 0..100.
  maxQueryAccelerationScaleFactor: 100,
  // Parameters docs: STATEMENT_TIMEOUT_IN_SECONDS 0..604800 (7 days).
  maxStatementTimeoutSeconds: 604800,
} as const;

export const DatabaseDefaults = {
  // database.yaml Database.kind: default PERMANENT.
  kind: "PERMANENT",
  // Parameters docs: DATA_RETENTION_TIME_IN_DAYS default 1.
  data_retention_time_in_days: 1,
  // Parameters docs: MAX_DATA_EXTENSION_TIME_IN_DAYS default 14.
  max_data_extension_time_in_days: 14,
} as const;

export const SchemaDefaults = {
  // schema.yaml Schema.kind: default PERMANENT.
  kind: "PERMANENT",
  // schema.yaml Schema.managed_access: default false.
  managed_access: false,
} as const;

export const RetentionLimits = {
  // Parameters docs: DATA_RETENTION_TIME_IN_DAYS 0..90 (Enterprise Edition) for permanent objects ...
  maxRetentionDays: 90,
  // ... and 0 or 1 for transient ones (Working with temporary and transient tables docs).
  maxTransientRetentionDays: 1,
  // Parameters docs: MAX_DATA_EXTENSION_TIME_IN_DAYS 0..90.
  maxDataExtensionDays: 90,
} as const;

// database.yaml / schema.yaml kind: enum PERMANENT | TRANSIENT.
export const OBJECT_KINDS = ["PERMANENT", "TRANSIENT"] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];

// CREATE DATABASE docs: creating a database also creates its PUBLIC and INFORMATION_SCHEMA schemas.
export const PUBLIC_SCHEMA = "PUBLIC";
export const INFORMATION_SCHEMA = "INFORMATION_SCHEMA";
// SHOW SCHEMAS: INFORMATION_SCHEMA's comment as Snowflake reports it.
export const INFORMATION_SCHEMA_COMMENT = "Views describing the contents of schemas in this database";
