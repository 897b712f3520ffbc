// Round-trip rows of the objects REST v2 has no endpoints for (issue 14's types), reached through the SQL API:
// each row's `path` is the SHOW statement whose only row is the object, and its out-of-band change an ALTER a
// person would run. Part of the one table (roundtrip-cases.ts) that tests/roundtrip.test.ts runs together.
import { inSchema, QUALIFIED, RoundTripCase, sqlComment, sqlSet } from "./roundtrip-helpers";

export const SQL_OBJECT_CASES: RoundTripCase[] = [
  {
    // Notifies users of the account (named through the users, so they exist first); no comment to follow: the
    // steps follow the credit quota, which SHOW prints with two decimals.
    type: "ResourceMonitor",
    path: "SHOW RESOURCE MONITORS LIKE 'RT_MONITOR'",
    args: {
      name: "rt_monitor", creditQuota: 100, frequency: "monthly", startTimestamp: "2030-01-01 00:00",
      notifyUsers: [{ $ref: "rt_mail_ops.name" }], triggers: [{ threshold: 80, action: "notify" }, { threshold: 100, action: "suspend" }],
    },
    inPlace: {
      args: {
        creditQuota: 200, endTimestamp: "2031-06-30T00:00:00Z", setForAccount: true, notifyUsers: [{ $ref: "rt_mail_ops.name" }, { $ref: "rt_mail_oncall.name" }],
        triggers: [{ threshold: 90, action: "notify" }, { threshold: 100, action: "suspend" }, { threshold: 110, action: "suspend_immediate" }],
      },
      wire: { credit_quota: "200.00", level: "ACCOUNT", frequency: "MONTHLY", start_time: "2030-01-01 00:00:00.000 +0000", end_time: "2031-06-30 00:00:00.000 +0000", notify_at: "90%", suspend_at: "100%", suspend_immediately_at: "110%", notify_users: "RT_MAIL_OPS, RT_MAIL_ONCALL" },
    },
    marker: { property: "creditQuota", wire: "credit_quota", initial: "100.00", changed: "200.00" },
    changeOutOfBand: sqlSet("RESOURCE MONITOR", '"RT_MONITOR"', "CREDIT_QUOTA = 150"),
  },
  {
    // Options read back from DESCRIBE FILE FORMAT; renamed in place by ALTER ... RENAME TO.
    type: "FileFormat",
    path: `SHOW FILE FORMATS LIKE 'RT_CSV' IN SCHEMA ${QUALIFIED}`,
    args: inSchema({ name: "rt_csv", type: "csv", fieldDelimiter: "|", skipHeader: 1, nullIf: ["NULL", ""], fieldOptionallyEnclosedBy: '"', comment: "v1" }),
    inPlace: { args: { fieldDelimiter: ";", skipHeader: 2, trimSpace: true, compression: "gzip", comment: "v2" }, wire: { type: "CSV", comment: "v2" } },
    changeOutOfBand: sqlComment("FILE FORMAT", "RT_CSV"),
    rename: { name: "RT_CSV_RENAMED", path: `SHOW FILE FORMATS LIKE 'RT_CSV_RENAMED' IN SCHEMA ${QUALIFIED}` },
  },
  {
    // Signature, return type and body read back from DESCRIBE MASKING POLICY; the body changes by SET BODY.
    type: "MaskingPolicy",
    path: `SHOW MASKING POLICIES LIKE 'RT_MASK' IN SCHEMA ${QUALIFIED}`,
    args: inSchema({ name: "rt_mask", signature: [{ name: "val", datatype: "string" }], returns: "string", body: "CASE WHEN CURRENT_ROLE() = 'ANALYST' THEN val ELSE '***' END", comment: "v1" }),
    // Set on a column in place (ALTER TABLE ... MODIFY COLUMN ... SET MASKING POLICY), and unset before the drop.
    inPlace: { args: { body: "CASE WHEN CURRENT_ROLE() IN ('ANALYST', 'ADMIN') THEN val ELSE '***' END", columns: [{ $concat: [{ $ref: "rt_docs.fullyQualifiedName" }, ".BODY"] }], comment: "v2" }, wire: { kind: "MASKING_POLICY", comment: "v2" } },
    changeOutOfBand: sqlComment("MASKING POLICY", "RT_MASK"),
    rename: { name: "RT_MASK_RENAMED", path: `SHOW MASKING POLICIES LIKE 'RT_MASK_RENAMED' IN SCHEMA ${QUALIFIED}` },
  },
  {
    type: "RowAccessPolicy",
    path: `SHOW ROW ACCESS POLICIES LIKE 'RT_ROWS' IN SCHEMA ${QUALIFIED}`,
    args: inSchema({ name: "rt_rows", signature: [{ name: "region", datatype: "varchar" }], body: "region = 'EU'", comment: "v1" }),
    inPlace: { args: { body: "region IN ('EU', 'UK')", tables: [{ table: { $ref: "rt_docs.fullyQualifiedName" }, on: ["REGION"] }], comment: "v2" }, wire: { kind: "ROW_ACCESS_POLICY", comment: "v2" } },
    changeOutOfBand: sqlComment("ROW ACCESS POLICY", "RT_ROWS"),
    rename: { name: "RT_ROWS_RENAMED", path: `SHOW ROW ACCESS POLICIES LIKE 'RT_ROWS_RENAMED' IN SCHEMA ${QUALIFIED}` },
  },
  {
    // DESCRIBE STORAGE INTEGRATION's property rows; outputs are what the cloud side must trust.
    type: "StorageIntegration",
    path: "SHOW STORAGE INTEGRATIONS LIKE 'RT_STORAGE'",
    args: { name: "rt_storage", storageProvider: "s3", storageAwsRoleArn: "arn:aws:iam::123456789012:role/rt-stage", storageAllowedLocations: ["s3://rt-bucket/landing/"], comment: "v1" },
    inPlace: {
      args: { storageAllowedLocations: ["s3://rt-bucket/landing/", "s3://rt-bucket/archive/"], storageBlockedLocations: ["s3://rt-bucket/landing/private/"], enabled: false, comment: "v2" },
      wire: { type: "EXTERNAL_STAGE", category: "STORAGE", enabled: "false", comment: "v2" },
    },
    changeOutOfBand: sqlSet("STORAGE INTEGRATION", '"RT_STORAGE"', "COMMENT = 'changed by hand'"),
  },
  {
    type: "ExternalAccessIntegration",
    path: "SHOW EXTERNAL ACCESS INTEGRATIONS LIKE 'RT_EAI'",
    args: { name: "rt_eai", allowedNetworkRules: [{ $ref: "rt_egress.fullyQualifiedName" }], comment: "v1" },
    inPlace: { args: { allowedAuthenticationSecrets: [{ $ref: "rt_eai_secret.fullyQualifiedName" }], enabled: false, comment: "v2" }, wire: { type: "EXTERNAL_ACCESS", enabled: "false", comment: "v2" } },
    changeOutOfBand: sqlSet("EXTERNAL ACCESS INTEGRATION", '"RT_EAI"', "COMMENT = 'changed by hand'"),
  },
  {
    // A custom OAuth client; its client id and secret are outputs (the secret kept encrypted in state).
    type: "SecurityIntegration",
    path: "SHOW SECURITY INTEGRATIONS LIKE 'RT_OAUTH'",
    args: { name: "rt_oauth", type: "oauth", oauthClient: "custom", oauthClientType: "confidential", oauthRedirectUri: "https://app.example.com/callback", comment: "v1" },
    inPlace: { args: { oauthRefreshTokenValidity: 86400, blockedRolesList: ["SYSADMIN"], enabled: false, comment: "v2" }, wire: { type: "OAUTH - CUSTOM", category: "SECURITY", enabled: "false", comment: "v2" } },
    changeOutOfBand: sqlSet("SECURITY INTEGRATION", '"RT_OAUTH"', "COMMENT = 'changed by hand'"),
  },
  {
    // External OAuth from Microsoft Entra ID: the claims and key URLs are lists, the blocked roles read back with the
    // privileged roles Snowflake adds; SHOW prints the type with the authorization server.
    type: "SecurityIntegration",
    variant: "EXTERNAL_OAUTH",
    path: "SHOW SECURITY INTEGRATIONS LIKE 'RT_EXT_OAUTH'",
    args: {
      name: "rt_ext_oauth", type: "external_oauth", externalOauthType: "azure", externalOauthIssuer: "https://sts.windows.net/rt-tenant/", externalOauthTokenUserMappingClaim: ["upn"],
      externalOauthSnowflakeUserMappingAttribute: "login_name", externalOauthJwsKeysUrl: ["https://login.microsoftonline.com/rt-tenant/discovery/v2.0/keys"], externalOauthBlockedRolesList: ["sysadmin"], comment: "v1",
    },
    inPlace: {
      args: {
        externalOauthTokenUserMappingClaim: ["upn", "email"], externalOauthSnowflakeUserMappingAttribute: "EMAIL_ADDRESS", externalOauthAudienceList: ["https://analysis.windows.net/powerbi/connector/Snowflake"],
        externalOauthJwsKeysUrl: ["https://login.microsoftonline.com/rt-tenant/discovery/v2.0/keys", "https://login.microsoftonline.com/rt-tenant/discovery/keys"], externalOauthAnyRoleMode: "enable", enabled: false, comment: "v2",
      },
      wire: { type: "EXTERNAL_OAUTH - AZURE", category: "SECURITY", enabled: "false", comment: "v2" },
    },
    changeOutOfBand: sqlSet("SECURITY INTEGRATION", '"RT_EXT_OAUTH"', "COMMENT = 'changed by hand'"),
  },
  {
    // Objects granted to the share (read back from SHOW GRANTS TO SHARE); consumer accounts: tests/sql-objects.test.ts.
    type: "Share",
    path: "SHOW SHARES LIKE 'RT_SHARE'",
    args: { name: "rt_share", grants: [{ privilege: "usage", on: "database", name: { $ref: "rt_db.name" } }, { privilege: "usage", on: "schema", name: { $ref: "rt_schema.fullyQualifiedName" } }], comment: "v1" },
    inPlace: {
      args: { grants: [{ privilege: "usage", on: "database", name: { $ref: "rt_db.name" } }, { privilege: "usage", on: "schema", name: { $ref: "rt_schema.fullyQualifiedName" } }, { privilege: "select", on: "table", name: { $ref: "rt_source.fullyQualifiedName" } }], comment: "v2" },
      wire: { kind: "OUTBOUND", database_name: "RT_DB", comment: "v2" },
    },
    changeOutOfBand: sqlSet("SHARE", '"RT_SHARE"', "COMMENT = 'changed by hand'"),
  },
];
