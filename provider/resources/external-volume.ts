// external-volume.yaml components/schemas/ExternalVolume: an account object naming the cloud storage where
// Iceberg tables keep their data and metadata. Its storage_locations are S3 / S3GOV / GCS / AZURE locations
// (the spec's StorageLocation* models), each named; a set keyed by name.
// - No PUT: ALTER EXTERNAL VOLUME (docs) adds a location (ADD STORAGE_LOCATION = ( ... )), removes one by name
//   (REMOVE STORAGE_LOCATION '<name>'), and sets ALLOW_WRITES and COMMENT. So locations come and go in place;
//   a location whose settings change under the same name cannot be altered, and means a new external volume.
// - No :rename (the spec has undrop only): a new name is a new external volume. The data stays in the bucket either
//   way; Iceberg tables on the volume keep it in use: a replacement is then refused at preview, naming them
//   (usedBy), and a delete is refused by Snowflake (deleteRefusal).
import { Properties } from "../engine/definition";
import { defineResource } from "../engine/define";
import { isSet, sameValue } from "../engine/field-kind";
import { booleanKind, choiceKind, enumType, textKind } from "../engine/kinds/scalars";
import { objectKind, recordsKind } from "../engine/kinds/structures";
import { literal, optionList, sql, SqlText } from "../sql/sql-text";
import * as wire from "../wire/external-volume";
import { CLEAR_COMMENT, commentField, field, nameField, ownershipOutputs } from "./common";
import { icebergTablesNaming, objectsUsing } from "./object-usage";

const STORAGE_PROVIDER = enumType("StorageProvider", "The cloud storage service of a location.", ["S3", "S3GOV", "GCS", "AZURE"]);
const ENCRYPTION_TYPE = enumType("ExternalVolumeEncryptionType", "How files written to the location are encrypted.", ["NONE", "AWS_SSE_S3", "AWS_SSE_KMS", "GCS_SSE_KMS"]);

const ENCRYPTION = objectKind({
  name: "ExternalVolumeEncryption",
  doc: "Server-side encryption of the files Snowflake writes to the location.",
  fields: {
    type: field("type", choiceKind(ENCRYPTION_TYPE), "NONE, AWS_SSE_S3, AWS_SSE_KMS (S3) or GCS_SSE_KMS (GCS).", { required: true }),
    kmsKeyId: field("kms_key_id", textKind(), "The KMS key (AWS_SSE_KMS, GCS_SSE_KMS)."),
  },
});

// external-volume.yaml StorageLocationS3 / S3Gov / Gcs / Azure: what each provider requires and takes.
const BY_PROVIDER: Record<string, { required: string[]; optional: string[] }> = {
  S3: { required: ["storageAwsRoleArn"], optional: ["storageAwsExternalId", "encryption"] },
  S3GOV: { required: ["storageAwsRoleArn"], optional: ["storageAwsExternalId", "encryption"] },
  GCS: { required: [], optional: ["encryption"] },
  AZURE: { required: ["azureTenantId"], optional: [] },
};
const PROVIDER_INPUTS = ["storageAwsRoleArn", "storageAwsExternalId", "encryption", "azureTenantId"];

const LOCATION = objectKind({
  name: "StorageLocation",
  doc: "A named cloud storage location of an external volume.",
  fields: {
    name: field("name", textKind(), "The location's name, unique in the volume (case-sensitive).", { required: true }),
    storageProvider: field("storage_provider", choiceKind(STORAGE_PROVIDER), "S3, S3GOV, GCS or AZURE.", { required: true }),
    storageBaseUrl: field("storage_base_url", textKind(), "The base URL, e.g. `s3://bucket/path/`, `gcs://bucket/path/`, `azure://account.blob.core.windows.net/container/path/`.", { required: true }),
    storageAwsRoleArn: field("storage_aws_role_arn", textKind(), "S3, S3GOV: the IAM role Snowflake assumes (case-sensitive ARN)."),
    storageAwsExternalId: field("storage_aws_external_id", textKind(), "S3, S3GOV: the external id in the role's trust policy; Snowflake makes one when it is left out.", { filledBySnowflake: true }),
    encryption: field("encryption", ENCRYPTION, "S3, S3GOV, GCS: server-side encryption of written files."),
    azureTenantId: field("azure_tenant_id", textKind(), "AZURE: the Office 365 tenant of the storage account."),
  },
}, {
  problem: (location) => {
    const provider = typeof location.storageProvider === "string" ? location.storageProvider.toUpperCase() : "";
    const rules = BY_PROVIDER[provider];
    if (!rules) return undefined;
    const missing = rules.required.find((key) => !isSet(location[key]));
    if (missing) return `${missing} is required for storageProvider ${provider}`;
    const foreign = PROVIDER_INPUTS.find((key) => isSet(location[key]) && !rules.required.includes(key) && !rules.optional.includes(key));
    return foreign ? `${foreign} does not apply to storageProvider ${provider}` : undefined;
  },
});
const LOCATIONS = recordsKind(LOCATION, { identity: (location) => String(location.name), ordered: false, noun: "storage location" });

type Location = Record<string, unknown> & { name: string };
const asLocations = (value: unknown): Location[] => (Array.isArray(value) ? (value as Location[]) : []);

/** STORAGE_LOCATION = ( NAME = '...' STORAGE_PROVIDER = '...' ... ENCRYPTION = ( TYPE = '...' ... ) ), as CREATE / ALTER EXTERNAL VOLUME write it. */
const locationOptions = (location: Location): SqlText => sql`(${optionList(LOCATION.toWire(location) as Record<string, unknown>)})`;

/** ADD for new names first (the volume is never left without a location), then REMOVE for names gone. */
function alterLocations(next: unknown, previous: unknown): SqlText[] {
  const before = new Set(asLocations(previous).map((location) => location.name));
  const after = new Set(asLocations(next).map((location) => location.name));
  return [
    ...asLocations(next).filter((location) => !before.has(location.name)).map((location) => sql`ADD STORAGE_LOCATION = ${locationOptions(location)}`),
    ...asLocations(previous).filter((location) => !after.has(location.name)).map((location) => sql`REMOVE STORAGE_LOCATION ${literal(location.name)}`),
  ];
}

/** Locations kept under their name but changed: ALTER cannot change them, so the volume is replaced. */
function changedLocations(olds: Properties, news: Properties): string[] {
  const previous = new Map(asLocations(olds.storageLocations).map((location) => [location.name, location]));
  const changed = asLocations(news.storageLocations).some((location) => previous.has(location.name) && !sameValue(LOCATION, location, previous.get(location.name)));
  return changed ? ["storageLocations"] : [];
}

export const externalVolume = defineResource({
  typeName: "ExternalVolume",
  noun: "external volume",
  doc: "An external volume: the S3, GCS or Azure storage where Iceberg tables write data and metadata (REST: /api/v2/external-volumes). Locations are added and removed in place; one changed under the same name means a new volume.",
  collectionPath: "/api/v2/external-volumes",
  changes: "sql",
  sqlObjectType: "EXTERNAL VOLUME",
  fields: {
    name: nameField("external volume"),
    storageLocations: field("storage_locations", LOCATIONS, "The storage locations, each with a unique name; a set. New names are added and missing ones removed in place; a location changed under its name means a new volume.", { required: true, sql: { alter: alterLocations } }),
    allowWrites: field("allow_writes", booleanKind(), "Whether Snowflake may write to the volume (needed for Iceberg tables Snowflake catalogs). Default true.", { serverDefault: true, sql: { property: "ALLOW_WRITES", unset: "serverDefault" } }),
    comment: commentField("external volume", { sql: CLEAR_COMMENT }),
  },
  outputs: ownershipOutputs("external volume"),
  replacedBy: changedLocations,
  usedBy: objectsUsing(icebergTablesNaming("external_volume_name")),
  // DROP EXTERNAL VOLUME docs: a volume Iceberg tables use cannot be dropped (the wording is not confirmed).
  deleteRefusal: { pattern: /iceberg table|in use|associated/i, advice: "Drop or move the Iceberg tables on it first." },
  wire: { schema: wire.ExternalVolume, properties: wire.ExternalVolume_PROPERTIES, readOnly: wire.ExternalVolume_READ_ONLY },
});
