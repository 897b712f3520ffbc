// Account-wide facts and session defaults, each with its source. Per-type defaults live with their kind
// (kinds/).

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

// CREATE DATABASE docs: creating a database also creates its PUBLIC and INFORMATION_SCHEMA schemas.
export const PUBLIC_SCHEMA = "PUBLIC";
export const INFORMATION_SCHEMA = "INFORMATION_SCHEMA";
// SHOW SCHEMAS: INFORMATION_SCHEMA's comment as Snowflake reports it.
export const INFORMATION_SCHEMA_COMMENT = "Views describing the contents of schemas in this database";
