// stage.yaml components/schemas/Stage. No PUT: URL, storage integration, credentials, encryption (external stages),
// the directory table switch and the comment change with ALTER STAGE (its docs). Internal and external stages are
// different things -- switching is a replacement, and an internal stage's files are lost with it.
import { defineResource } from "../engine/define";
import { isSet } from "../engine/field-kind";
import { isUnknown } from "../engine/unknowns";
import { identifierKind } from "../engine/kinds/names";
import { booleanKind, choiceKind, enumType, textKind } from "../engine/kinds/scalars";
import { objectKind } from "../engine/kinds/structures";
import { optionList, sql } from "../sql/sql-text";
import * as wire from "../wire/stage";
import { CLEAR_COMMENT, commentField, field, output, ownershipOutputs, schemaObjectIdentity, schemaObjectPath } from "./common";

const ENCRYPTION_TYPE = enumType("StageEncryptionType", "How a stage's files are encrypted: SNOWFLAKE_FULL or SNOWFLAKE_SSE (internal); AWS_CSE, AWS_SSE_S3, AWS_SSE_KMS, GCS_SSE_KMS, AZURE_CSE or NONE (external).",
  ["SNOWFLAKE_FULL", "SNOWFLAKE_SSE", "AWS_CSE", "AWS_SSE_S3", "AWS_SSE_KMS", "GCS_SSE_KMS", "AZURE_CSE", "NONE"]);

const CREDENTIALS = objectKind({
  name: "StageCredentials",
  doc: "Credentials of an external stage: an AWS key (and token), an AWS role, or an Azure SAS token. Secret.",
  fields: {
    awsKeyId: field("aws_key_id", textKind(), "AWS access key id.", { secret: true }),
    awsSecretKey: field("aws_secret_key", textKind(), "AWS secret access key.", { secret: true }),
    awsToken: field("aws_token", textKind(), "AWS session token.", { secret: true }),
    awsRole: field("aws_role", textKind(), "ARN of an AWS role to assume."),
    azureSasToken: field("azure_sas_token", textKind(), "Azure shared access signature token.", { secret: true }),
  },
}, {
  wireExtras: (value) => ({ credential_type: isSet(value.azureSasToken) ? "AZURE" : "AWS" }),
  problem: (value) => {
    const aws = ["awsKeyId", "awsSecretKey", "awsToken", "awsRole"].some((key) => isSet(value[key]));
    if (aws && isSet(value.azureSasToken)) return "give AWS credentials or an Azure SAS token, not both";
    if (isSet(value.awsKeyId) !== isSet(value.awsSecretKey)) return "awsKeyId and awsSecretKey go together";
    return aws || isSet(value.azureSasToken) ? undefined : "give awsKeyId and awsSecretKey, awsRole, or azureSasToken";
  },
});

const ENCRYPTION = objectKind({
  name: "StageEncryption",
  doc: "Encryption of a stage's files. Secret (it may hold a master key).",
  fields: {
    type: field("type", choiceKind(ENCRYPTION_TYPE), "Encryption type.", { required: true }),
    masterKey: field("master_key", textKind(), "Client-side master key (AWS_CSE, AZURE_CSE), 128 or 256 bits, Base64.", { secret: true }),
    kmsKeyId: field("kms_key_id", textKind(), "KMS key id (AWS_SSE_KMS, GCS_SSE_KMS)."),
  },
});

const isExternal = (properties: Record<string, unknown>) => typeof properties.url === "string" && properties.url.trim() !== "" && !isUnknown(properties.url);

export const stage = defineResource({
  typeName: "Stage",
  noun: "stage",
  doc: "A stage for files: internal (Snowflake stores the files) or external (a URL in S3, GCS or Azure) (REST: .../schemas/{schema}/stages).",
  collectionPath: schemaObjectPath("stages"),
  changes: "sql",
  sqlObjectType: "STAGE",
  rename: "sql",
  dataBearing: { loses: "its files and directory table", when: (properties) => !isExternal(properties) },
  fields: {
    ...schemaObjectIdentity("stage"),
    url: field("url", textKind(), "External location, e.g. `s3://bucket/path/`; unset for an internal stage. Changing it moves the stage; adding or removing it replaces the stage."),
    endpoint: field("endpoint", textKind(), "Endpoint of an S3-compatible storage service.", { immutable: true }),
    storageIntegration: field("storage_integration", identifierKind(), "Storage integration that grants access to the external location."),
    credentials: field("credentials", CREDENTIALS, "Credentials for the external location (instead of a storage integration). Never read back: changes are seen from the declaration only.", { writeOnly: true, secret: true, sql: { set: (value) => sql`SET CREDENTIALS = (${optionList(CREDENTIALS.toWire(value) as Record<string, unknown>, ["credential_type"])})` } }),
    encryption: field("encryption", ENCRYPTION, "Encryption of the files. Internal stages fix it at creation (default SNOWFLAKE_FULL). Never read back.", { writeOnly: true, secret: true, sql: { set: (value) => sql`SET ENCRYPTION = (${optionList(ENCRYPTION.toWire(value) as Record<string, unknown>)})` } }),
    directoryEnabled: field("directory_table.enable", booleanKind(), "Keep a directory table of the stage's files. Default false.", { serverDefault: false, sql: { set: (value) => sql`SET DIRECTORY = ( ENABLE = ${booleanKind().toSql(value)} )`, unset: sql`SET DIRECTORY = ( ENABLE = FALSE )` } }),
    directoryAutoRefresh: field("directory_table.auto_refresh", booleanKind(), "Refresh the directory table from cloud events (external stages).", { immutable: true, serverDefault: false }),
    directoryRefreshOnCreate: field("directory_table.refresh_on_create", booleanKind(), "Fill the directory table once at creation.", { createOnly: true }),
    directoryNotificationIntegration: field("directory_table.notification_integration", identifierKind(), "Notification integration for directory auto-refresh.", { immutable: true }),
    comment: commentField("stage", { sql: CLEAR_COMMENT }),
  },
  outputs: {
    hasCredentials: output("has_credentials", booleanKind(), "Whether the external stage has credentials."),
    hasEncryptionKey: output("has_encryption_key", booleanKind(), "Whether the external stage has an encryption key."),
    region: output("region", textKind(), "Cloud region of an external stage."),
    cloud: output("cloud", textKind(), "Cloud of an external stage (AWS, GCP, AZURE)."),
    ...ownershipOutputs("stage"),
  },
  // ALTER STAGE offers no way between internal and external, no UNSET of integration, credentials or encryption,
  // and no change of an internal stage's encryption ("You cannot change the encryption type after you create the stage").
  replacedBy: (olds, news) => {
    const forced: string[] = [];
    if (isExternal(olds) !== isExternal(news)) forced.push("url");
    for (const key of ["storageIntegration", "credentials", "encryption"]) if (isSet(olds[key]) && !isSet(news[key])) forced.push(key);
    if (!isExternal(news)) forced.push("encryption");
    return forced;
  },
  notOffered: { kind: "the only other kind is TEMPORARY, and temporary stages vanish with the session that creates them" },
  wire: { schema: wire.Stage, properties: wire.Stage_PROPERTIES, readOnly: wire.Stage_READ_ONLY },
});
