// Storage and external access integrations (CREATE / ALTER / DESCRIBE / SHOW STORAGE INTEGRATION and EXTERNAL ACCESS
// INTEGRATION docs): account objects in the one integration namespace (kinds/integrations.ts), reached only
// through SQL. DESCRIBE answers property rows, with the values Snowflake generates for the cloud side.
import { createHash } from "node:crypto";
import type { CatalogObject, WireValues } from "../catalog/catalog";
import { collectionOf } from "../catalog/catalog";
import type { KindContext, ObjectKind } from "../catalog/object-kind";
import { badRequest, doesNotExist } from "../errors";
import { formatIdentifier } from "../identifiers";
import { findSchema } from "../rest/lookup";
import type { AccountState } from "../state";
import { DDL_TYPE_ID, text, type ResultSet } from "../sql/select";
import { awsExternalId, INTEGRATION_SQL_PROPERTIES, integrationBasics } from "./integrations";
import { SHOWN, sqlOnlyWire } from "./sql-objects";

type Row = [property: string, type: string, value: unknown, fallback: string];

/** DESCRIBE ... INTEGRATION docs: property, property_type, property_value, property_default; lists comma-separated. */
function describeRows(rows: Row[]): ResultSet {
  const printed = (value: unknown) => (value === undefined || value === null ? "" : Array.isArray(value) ? value.join(",") : String(value));
  return {
    columns: [text("property"), text("property_type"), text("property_value", true), text("property_default", true)],
    rows: rows.map(([property, type, value, fallback]) => [property, type, printed(value), fallback]),
    statementTypeId: DDL_TYPE_ID,
  };
}

/** SHOW ... INTEGRATIONS docs: name, type, category, enabled, comment, created_on. */
const integrationColumns = (type: string, category: string) => [
  SHOWN.name,
  { column: text("type"), value: () => type },
  { column: text("category"), value: () => category },
  { column: text("enabled"), value: (object: CatalogObject) => String(object.values.enabled ?? false) },
  SHOWN.comment,
  SHOWN.createdOn,
];

// CREATE STORAGE INTEGRATION docs: STORAGE_PROVIDER and the scheme of its locations.
const SCHEMES: Record<string, string> = { S3: "s3://", S3GOV: "s3gov://", S3CHINA: "s3china://", GCS: "gcs://", AZURE: "azure://" };
const AWS = ["S3", "S3GOV", "S3CHINA"];
const digest = (seed: string) => createHash("sha256").update(seed).digest("hex");

/** What Snowflake generates for the cloud side (values shaped like the DESC STORAGE INTEGRATION docs' examples). */
function cloudSide(account: AccountState, integration: CatalogObject): Row[] {
  const provider = String(integration.values.storage_provider);
  const seed = `${account.name}/${integration.name}`;
  if (AWS.includes(provider)) {
    return [
      ["STORAGE_AWS_IAM_USER_ARN", "String", `arn:aws:iam::${parseInt(digest(account.name).slice(0, 10), 16).toString().padStart(12, "0").slice(0, 12)}:user/${digest(seed).slice(0, 8)}-s`, ""],
      ["STORAGE_AWS_ROLE_ARN", "String", integration.values.storage_aws_role_arn, ""],
      ["STORAGE_AWS_EXTERNAL_ID", "String", integration.values.storage_aws_external_id ?? awsExternalId(account, seed), ""],
      ["STORAGE_AWS_OBJECT_ACL", "String", integration.values.storage_aws_object_acl, ""],
    ];
  }
  if (provider === "GCS") return [["STORAGE_GCP_SERVICE_ACCOUNT", "String", `${digest(seed).slice(0, 10)}@gcpuscentral1-1dfa.iam.gserviceaccount.com`, ""]];
  return [
    ["AZURE_TENANT_ID", "String", integration.values.azure_tenant_id, ""],
    ["AZURE_CONSENT_URL", "String", `https://login.microsoftonline.com/${integration.values.azure_tenant_id}/oauth2/authorize?client_id=${digest(seed).slice(0, 32)}&response_type=code`, ""],
    ["AZURE_MULTI_TENANT_APP_NAME", "String", `${digest(seed).slice(0, 8)}snowflakepacint_${parseInt(digest(seed).slice(8, 12), 16)}`, ""],
  ];
}

export const storageIntegrationKind: ObjectKind = {
  ...integrationBasics,
  spec: "",
  model: "StorageIntegration",
  sqlType: "STORAGE INTEGRATION",
  parameterLevel: "STORAGE INTEGRATION",
  collection: "storage-integrations",
  wire: sqlOnlyWire(["name", "type", "storage_provider", "enabled", "storage_aws_role_arn", "storage_aws_external_id", "storage_aws_object_acl", "azure_tenant_id", "storage_allowed_locations", "storage_blocked_locations", "comment"]),
  accept(values: WireValues, { existing }) {
    // CREATE STORAGE INTEGRATION docs: TYPE = EXTERNAL_STAGE, STORAGE_PROVIDER, ENABLED and STORAGE_ALLOWED_LOCATIONS are required.
    if (values.type !== "EXTERNAL_STAGE") throw badRequest(`SQL compilation error:\ninvalid value '${values.type ?? ""}' for property 'TYPE'`);
    const provider = String(values.storage_provider ?? "").toUpperCase();
    if (!SCHEMES[provider]) throw badRequest(`SQL compilation error:\ninvalid value '${values.storage_provider ?? ""}' for property 'STORAGE_PROVIDER'`);
    if (existing && existing.values.storage_provider !== provider) throw badRequest("SQL compilation error:\nThe STORAGE_PROVIDER of an integration cannot be changed.");
    for (const required of ["enabled", "storage_allowed_locations"]) if (values[required] === undefined) throw badRequest(`SQL compilation error:\nmissing required property '${required.toUpperCase()}' for storage integration`);
    if (AWS.includes(provider) && !values.storage_aws_role_arn) throw badRequest("SQL compilation error:\nmissing required property 'STORAGE_AWS_ROLE_ARN' for storage integration");
    if (provider === "AZURE" && !values.azure_tenant_id) throw badRequest("SQL compilation error:\nmissing required property 'AZURE_TENANT_ID' for storage integration");
    for (const list of ["storage_allowed_locations", "storage_blocked_locations"]) {
      for (const location of (values[list] as string[] | undefined) ?? []) {
        if (location !== "*" && !location.toLowerCase().startsWith(SCHEMES[provider])) throw badRequest(`SQL compilation error:\nInvalid location '${location}' for a ${provider} storage integration.`);
      }
    }
    return { ...values, storage_provider: provider };
  },
  sqlProperties: {
    ...INTEGRATION_SQL_PROPERTIES,
    // ALTER STORAGE INTEGRATION docs: SET of these; UNSET { ENABLED | STORAGE_BLOCKED_LOCATIONS | COMMENT }.
    ENABLED: { wire: "enabled", value: "boolean", unset: true },
    TYPE: { wire: "type", value: "keyword" },
    STORAGE_PROVIDER: { wire: "storage_provider", value: "string" },
    STORAGE_AWS_ROLE_ARN: { wire: "storage_aws_role_arn", value: "string" },
    STORAGE_AWS_EXTERNAL_ID: { wire: "storage_aws_external_id", value: "string" },
    STORAGE_AWS_OBJECT_ACL: { wire: "storage_aws_object_acl", value: "string", unset: true },
    AZURE_TENANT_ID: { wire: "azure_tenant_id", value: "string" },
    STORAGE_ALLOWED_LOCATIONS: { wire: "storage_allowed_locations", value: "stringList" },
    STORAGE_BLOCKED_LOCATIONS: { wire: "storage_blocked_locations", value: "stringList", unset: true },
  },
  sqlObject: {
    show: "STORAGE INTEGRATIONS",
    columns: integrationColumns("EXTERNAL_STAGE", "STORAGE"),
    describe: (integration, { account }) => describeRows([
      ["ENABLED", "Boolean", integration.values.enabled, "false"],
      ["STORAGE_PROVIDER", "String", integration.values.storage_provider, ""],
      ["STORAGE_ALLOWED_LOCATIONS", "List", integration.values.storage_allowed_locations, "[]"],
      ["STORAGE_BLOCKED_LOCATIONS", "List", integration.values.storage_blocked_locations, "[]"],
      ...cloudSide(account, integration),
      ["COMMENT", "String", integration.values.comment, ""],
    ]),
  },
};

/** A schema object a list names as DB.SCHEMA.NAME must exist (formatted as stored in the list). */
function requireSchemaObject(account: AccountState, qualified: string, collection: string, objectType: string, check?: (object: CatalogObject) => void): void {
  const parts = qualified.split(".").map((part) => part.replace(/^"(.*)"$/s, "$1").replace(/""/g, '"'));
  let found: CatalogObject | undefined;
  try {
    found = parts.length === 3 ? collectionOf(findSchema(account, parts[0], parts[1]), collection).get(parts[2]) : undefined;
  } catch {
    found = undefined;
  }
  if (!found) throw doesNotExist(objectType, qualified);
  check?.(found);
}

const qualifiedList = (values: WireValues, wire: string) => (values[wire] as string[] | undefined) ?? [];

export const externalAccessIntegrationKind: ObjectKind = {
  ...integrationBasics,
  spec: "",
  model: "ExternalAccessIntegration",
  sqlType: "EXTERNAL ACCESS INTEGRATION",
  parameterLevel: "EXTERNAL ACCESS INTEGRATION",
  collection: "external-access-integrations",
  wire: sqlOnlyWire(["name", "allowed_network_rules", "allowed_authentication_secrets", "enabled", "comment"]),
  accept(values: WireValues, context) {
    const { account } = context as KindContext;
    // CREATE EXTERNAL ACCESS INTEGRATION docs: ALLOWED_NETWORK_RULES and ENABLED are required; the rules must be
    // of MODE = EGRESS, the secrets must exist.
    for (const required of ["allowed_network_rules", "enabled"]) if (values[required] === undefined) throw badRequest(`SQL compilation error:\nmissing required property '${required.toUpperCase()}' for external access integration`);
    for (const rule of qualifiedList(values, "allowed_network_rules")) {
      requireSchemaObject(account, rule, "network-rules", "Network rule", (found) => {
        if (found.values.mode !== "EGRESS") throw badRequest(`SQL compilation error:\nNetwork rule '${rule}' has mode ${String(found.values.mode)}; an external access integration allows only EGRESS rules.`);
      });
    }
    for (const secret of qualifiedList(values, "allowed_authentication_secrets")) requireSchemaObject(account, secret, "secrets", "Secret");
    return values;
  },
  sqlProperties: {
    ...INTEGRATION_SQL_PROPERTIES,
    ENABLED: { wire: "enabled", value: "boolean", unset: true },
    // Names of schema objects, kept as written (qualified, formatted).
    ALLOWED_NETWORK_RULES: { wire: "allowed_network_rules", value: "qualifiedNameList" },
    ALLOWED_AUTHENTICATION_SECRETS: { wire: "allowed_authentication_secrets", value: "qualifiedNameList", unset: true },
  },
  sqlObject: {
    show: "EXTERNAL ACCESS INTEGRATIONS",
    columns: integrationColumns("EXTERNAL_ACCESS", "SECURITY"),
    describe: (integration) => describeRows([
      ["ENABLED", "Boolean", integration.values.enabled, "false"],
      ["ALLOWED_NETWORK_RULES", "List", integration.values.allowed_network_rules, "[]"],
      ["ALLOWED_AUTHENTICATION_SECRETS", "List", integration.values.allowed_authentication_secrets, "[]"],
      ["COMMENT", "String", integration.values.comment, ""],
    ]),
  },
};

