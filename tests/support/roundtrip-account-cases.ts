// Round-trip rows of the account objects, integrations, secrets and the schema objects around them (issue 10's
// types): part of the one table (roundtrip-cases.ts) that tests/roundtrip.test.ts runs together.
import { inSchema, IN_SCHEMA, putComment, RoundTripCase, sqlComment, tagged } from "./roundtrip-helpers";

export const ACCOUNT_AND_INTEGRATION_CASES: RoundTripCase[] = [
  {
    // An account object with a secret API key (sent in the create, then in the create-or-alter PUT; never read back).
    type: "ApiIntegration",
    path: "/api/v2/api-integrations/RT_API_INTEGRATION",
    args: { name: "rt_api_integration", hookType: "aws", apiProvider: "aws_api_gateway", apiAwsRoleArn: "arn:aws:iam::123456789012:role/rt", apiKey: "rt-api-key-1", apiAllowedPrefixes: ["https://rt.execute-api.us-west-2.amazonaws.com/prod/"], comment: "v1" },
    inPlace: {
      args: { apiKey: "rt-api-key-2", apiAllowedPrefixes: ["https://rt.execute-api.us-west-2.amazonaws.com/prod/", "https://rt.execute-api.us-west-2.amazonaws.com/dev/"], apiBlockedPrefixes: ["https://rt.execute-api.us-west-2.amazonaws.com/prod/admin/"], enabled: false, comment: "v2", tags: tagged },
      wire: { comment: "v2", enabled: false, api_hook: { type: "AWS", api_provider: "AWS_API_GATEWAY", api_aws_role_arn: "arn:aws:iam::123456789012:role/rt" }, api_blocked_prefixes: ["https://rt.execute-api.us-west-2.amazonaws.com/prod/admin/"] },
    },
    changeOutOfBand: (stack) => stack.sql(`ALTER API INTEGRATION "RT_API_INTEGRATION" SET COMMENT = 'changed by hand'`).then(() => undefined),
  },
  {
    // A password secret: the password is sent in the create, then by ALTER SECRET ... SET; never read back.
    type: "Secret",
    path: `${IN_SCHEMA}/secrets/RT_SECRET`,
    args: inSchema({ name: "rt_secret", type: "password", username: "rt_service_user", password: "rt-secret-password-1", comment: "v1" }),
    inPlace: { args: { username: "rt_service_user_2", password: "rt-secret-password-2", comment: "v2" }, wire: { comment: "v2", type: "PASSWORD", username: "rt_service_user_2" } },
    changeOutOfBand: sqlComment("SECRET", "RT_SECRET"),
  },
  {
    // Email to users of the account (named through the users, so they exist first).
    type: "NotificationIntegration",
    path: "/api/v2/notification-integrations/RT_NOTIFY",
    args: { name: "rt_notify", notificationType: "email", allowedRecipients: [{ $ref: "rt_mail_ops.email" }], comment: "v1" },
    inPlace: {
      args: { allowedRecipients: [{ $ref: "rt_mail_ops.email" }, { $ref: "rt_mail_oncall.email" }], defaultRecipients: [{ $ref: "rt_mail_oncall.email" }], defaultSubject: "rt alerts", enabled: false, comment: "v2", tags: tagged },
      wire: { comment: "v2", enabled: false, notification_hook: { type: "EMAIL", default_subject: "rt alerts", default_recipients: ["rt-oncall@example.com"] } },
    },
    changeOutOfBand: (stack) => stack.sql(`ALTER NOTIFICATION INTEGRATION "RT_NOTIFY" SET COMMENT = 'changed by hand'`).then(() => undefined),
  },
  {
    // One S3 location, then a GCS one added beside it (ADD STORAGE_LOCATION, in place); Snowflake fills in the
    // S3 location's external id, which is not drift.
    type: "ExternalVolume",
    path: "/api/v2/external-volumes/RT_EXT_VOLUME",
    args: { name: "rt_ext_volume", storageLocations: [{ name: "rt-s3", storageProvider: "s3", storageBaseUrl: "s3://rt-bucket/iceberg/", storageAwsRoleArn: "arn:aws:iam::123456789012:role/rt-iceberg" }], comment: "v1" },
    inPlace: {
      args: {
        storageLocations: [
          { name: "rt-gcs", storageProvider: "GCS", storageBaseUrl: "gcs://rt-bucket/iceberg/", encryption: { type: "gcs_sse_kms", kmsKeyId: "rt-key" } },
          { name: "rt-s3", storageProvider: "s3", storageBaseUrl: "s3://rt-bucket/iceberg/", storageAwsRoleArn: "arn:aws:iam::123456789012:role/rt-iceberg" },
        ],
        allowWrites: false,
        comment: "v2",
      },
      wire: { comment: "v2", allow_writes: false },
    },
    changeOutOfBand: (stack) => stack.sql(`ALTER EXTERNAL VOLUME "RT_EXT_VOLUME" SET COMMENT = 'changed by hand'`).then(() => undefined),
  },
  {
    // Snowflake Open Catalog with an OAuth client: only the client secret (SET REST_AUTHENTICATION) and the
    // comment change in place.
    type: "CatalogIntegration",
    path: "/api/v2/catalog-integrations/RT_CATALOG",
    args: {
      name: "rt_catalog", catalogSource: "polaris", catalogNamespace: "rt_ns", restCatalogUri: "https://rt.snowflakecomputing.com/polaris/api/catalog", restWarehouse: "rt_open_catalog",
      oauthClientId: "rt-client", oauthClientSecret: "rt-client-secret-1", oauthAllowedScopes: ["PRINCIPAL_ROLE:ALL"], comment: "v1",
    },
    inPlace: {
      args: { oauthClientSecret: "rt-client-secret-2", comment: "v2", tags: tagged },
      wire: { comment: "v2", enabled: true, table_format: "ICEBERG", type: "CATALOG", catalog: { catalog_source: "POLARIS", catalog_namespace: "rt_ns", rest_authentication: { type: "OAUTH", oauth_client_id: "rt-client" } } },
    },
    changeOutOfBand: (stack) => stack.sql(`ALTER CATALOG INTEGRATION "RT_CATALOG" SET COMMENT = 'changed by hand'`).then(() => undefined),
  },
  {
    // An index over the documents table (named through it, so it exists first); its indexing suspended in place.
    type: "CortexSearchService",
    path: `${IN_SCHEMA}/cortex-search-services/RT_SEARCH`,
    args: inSchema({ name: "rt_search", definition: { $concat: ["SELECT id, body, region FROM ", { $ref: "rt_docs.fullyQualifiedName" }] }, searchColumn: "body", attributeColumns: ["region"], warehouse: { $ref: "rt_wh.name" }, targetLag: "1 hour", comment: "v1" }),
    inPlace: {
      args: { targetLag: "2 hours", indexingSuspended: true, comment: "v2" },
      wire: { comment: "v2", target_lag: { type: "USER_DEFINED", seconds: 7200 }, serving_state: "ACTIVE", indexing_state: "SUSPENDED", search_column: "BODY" },
    },
    changeOutOfBand: sqlComment("CORTEX SEARCH SERVICE", "RT_SEARCH"),
  },
  {
    // Made from the notebook file the context puts on the stage (named through its path, so it exists first).
    type: "Notebook",
    path: `${IN_SCHEMA}/notebooks/RT_NOTEBOOK`,
    args: inSchema({ name: "rt_notebook", fromLocation: { $concat: ["@", { $ref: "rt_stage.fullyQualifiedName" }] }, mainFile: { $ref: "rt_notebook_file.path" }, queryWarehouse: { $ref: "rt_wh.name" }, comment: "v1" }),
    inPlace: { args: { idleAutoShutdownTimeSeconds: 3600, comment: "v2", tags: tagged }, wire: { comment: "v2", idle_auto_shutdown_time_seconds: 3600, main_file: "analysis.ipynb", default_version: "VERSION$1" } },
    changeOutOfBand: sqlComment("NOTEBOOK", "RT_NOTEBOOK"),
    rename: { name: "RT_NOTEBOOK_RENAMED", path: `${IN_SCHEMA}/notebooks/RT_NOTEBOOK_RENAMED` },
  },
  {
    // An account of the organization, listed (account.yaml has no GET of one); the emulator then hosts it.
    type: "Account",
    path: `/api/v2/accounts?like=${encodeURIComponent("RT\\_ACCOUNT")}`,
    listed: true,
    args: { name: "rt_account", edition: "enterprise", adminName: "rt_admin", adminPassword: "Rt-Admin-Passw0rd-1", email: "rt-admin@example.com", comment: "v1" },
    inPlace: { args: { comment: "v2", gracePeriodInDays: 5 }, wire: { comment: "v2", edition: "ENTERPRISE", organization_name: "EMULATORORG" } },
    changeOutOfBand: (stack) => stack.sql(`ALTER ACCOUNT "RT_ACCOUNT" SET COMMENT = 'changed by hand'`).then(() => undefined),
  },
  {
    // A reader account: nothing changes in place, so a reader account a person recreated with another comment is
    // put back by a replacement (which it opts in to: a new reader account starts empty).
    type: "ManagedAccount",
    path: `/api/v2/managed-accounts?like=${encodeURIComponent("RT\\_READER")}`,
    listed: true,
    args: { name: "rt_reader", adminName: "rt_reader_admin", adminPassword: "Rt-Reader-Passw0rd-1", comment: "v1", allowReplace: true },
    marker: { property: "comment", wire: "comment", initial: "v1", changed: "v1" },
    changeOutOfBand: async (stack) => {
      await stack.rest("DELETE", "/api/v2/managed-accounts/RT_READER");
      const made = await stack.rest("POST", "/api/v2/managed-accounts", { name: "RT_READER", admin_name: "BY_HAND", admin_password: "By-Hand-Passw0rd-1", account_type: "READER", comment: "changed by hand" });
      if (made.status !== 200) throw new Error(`recreating the reader account: ${made.status} ${JSON.stringify(made.body)}`);
    },
  },
  {
    // On the context's external volume (named through it, so it exists first); a column appended in place.
    type: "IcebergTable",
    path: `${IN_SCHEMA}/iceberg-tables/RT_ICEBERG`,
    args: inSchema({ name: "rt_iceberg", externalVolume: { $ref: "rt_volume.name" }, baseLocation: "rt_iceberg/", columns: [{ name: "ID", datatype: "NUMBER(10,0)" }, { name: "NAME", datatype: "STRING" }], comment: "v1" }),
    inPlace: {
      args: { columns: [{ name: "ID", datatype: "NUMBER(10,0)" }, { name: "NAME", datatype: "STRING" }, { name: "SEEN_AT", datatype: "TIMESTAMP_NTZ(6)", comment: "when" }], changeTracking: true, comment: "v2", tags: tagged },
      wire: { comment: "v2", change_tracking: true, external_volume: "RT_VOLUME", iceberg_table_type: "MANAGED" },
    },
    changeOutOfBand: sqlComment("ICEBERG TABLE", "RT_ICEBERG"),
    rename: { name: "RT_ICEBERG_RENAMED", path: `${IN_SCHEMA}/iceberg-tables/RT_ICEBERG_RENAMED` },
  },
  {
    type: "Streamlit",
    path: `${IN_SCHEMA}/streamlits/RT_APP`,
    args: inSchema({ name: "rt_app", sourceLocation: { $concat: ["@", { $ref: "rt_stage.fullyQualifiedName" }] }, mainFile: { $ref: "rt_app_file.path" }, queryWarehouse: { $ref: "rt_wh.name" }, comment: "v1" }),
    inPlace: { args: { title: "Round trip", comment: "v2", tags: tagged }, wire: { comment: "v2", title: "Round trip", main_file: "streamlit_app.py", query_warehouse: "RT_WH" } },
    changeOutOfBand: sqlComment("STREAMLIT", "RT_APP"),
    rename: { name: "RT_APP_RENAMED", path: `${IN_SCHEMA}/streamlits/RT_APP_RENAMED` },
  },
  {
    // PyPI through the API integration row's integration (named through it, so it exists first).
    type: "ArtifactRepository",
    path: `${IN_SCHEMA}/artifact-repositories/RT_ARTIFACTS`,
    args: inSchema({ name: "rt_artifacts", apiIntegration: { $ref: "subject_ApiIntegration.name" }, comment: "v1" }),
    inPlace: { args: { comment: "v2" }, wire: { comment: "v2", type: "PIP", api_integration: "RT_API_INTEGRATION" } },
    changeOutOfBand: putComment,
    rename: { name: "RT_ARTIFACTS_RENAMED", path: `${IN_SCHEMA}/artifact-repositories/RT_ARTIFACTS_RENAMED` },
  },
];
