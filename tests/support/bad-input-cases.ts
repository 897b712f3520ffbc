// The bad-input table: cases generated from the definitions themselves (every required property left out, every
// integer past its bounds or not a number, every choice given a token it does not take, every cross-field rule
// broken) plus hand-written ones for what no definition field says by itself. Each case breaks one valid input
// (valid-inputs.ts) in one place and names the property whose message must report it.
import { generateKeyPairSync } from "node:crypto";
import type { ResourceDefinition } from "../../provider/engine/definition";
import { resourceDefinitions } from "../../provider/resources";
import { SAMPLE_VALUES, VALID_INPUTS } from "./valid-inputs";

export type Category = "required" | "integer" | "choice" | "rule" | "declaration";

export interface BadInput {
  category: Category;
  type: string;
  input: Record<string, unknown>;
  /** The property the failure is reported on. */
  property: string;
  /** The value as the user wrote it, which the message must show; undefined when nothing was given. */
  value?: unknown;
  title: string;
}

const without = (input: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(input).filter(([k]) => k !== key));

function requiredCases(type: string, definition: ResourceDefinition): BadInput[] {
  return Object.entries(definition.fields).filter(([, field]) => field.required).map(([key]) => ({
    category: "required" as const, type, input: without(VALID_INPUTS[type], key), property: key, title: `${type} without ${key}`,
  }));
}

const NOT_FINITE = [NaN, Infinity, -Infinity];

function integerCases(type: string, definition: ResourceDefinition, counter: { n: number }): BadInput[] {
  return Object.entries(definition.fields).filter(([, field]) => field.kind.range).flatMap(([key, field]) => {
    const { min, max } = field.kind.range!;
    const notFinite = NOT_FINITE[counter.n++ % NOT_FINITE.length];
    // A fraction where a number holds one exactly: just above the smallest allowed value, or 0.5.
    const fraction = Math.max(min, Math.min(max - 1, 0)) + 0.5;
    const values = [max + 1, notFinite, fraction, ...(min > -Number.MAX_SAFE_INTEGER ? [min - 1] : [])];
    return values.map((value) => ({ category: "integer" as const, type, input: { ...VALID_INPUTS[type], [key]: value }, property: key, value, title: `${type} ${key} = ${String(value)}` }));
  });
}

function choiceCases(type: string, definition: ResourceDefinition): BadInput[] {
  return Object.entries(definition.fields).flatMap(([key, field]) => {
    const shape = field.kind.shape;
    if (!("enumType" in shape)) return [];
    // Tokens the shared enum has but this property does not take (serverless task sizes above XXLARGE).
    const refused = shape.enumType.values.filter((token) => field.kind.problem(token) !== undefined);
    return ["NO_SUCH_TOKEN", ...refused].map((value) => ({ category: "choice" as const, type, input: { ...VALID_INPUTS[type], [key]: value }, property: key, value, title: `${type} ${key} = ${value}` }));
  });
}

function ruleCases(type: string, definition: ResourceDefinition): BadInput[] {
  return (definition.rules ?? []).flatMap((rule): BadInput[] => {
    if ("atMost" in rule) {
      const [lower, upper] = rule.atMost;
      const [low, high] = rule.order ? [rule.order[1], rule.order[0]] : [3, 2];
      const onUpper = rule.reportOn === "upper";
      return [{ category: "rule", type, input: { ...VALID_INPUTS[type], [lower]: low, [upper]: high }, property: onUpper ? upper : lower, value: onUpper ? high : low, title: `${type} ${lower} ${String(low)} above ${upper} ${String(high)}` }];
    }
    return rule.others.map((other) => ({
      category: "rule" as const, type, input: { ...VALID_INPUTS[type], [rule.excludes]: SAMPLE_VALUES[rule.excludes], [other]: SAMPLE_VALUES[other] },
      property: other, value: SAMPLE_VALUES[other], title: `${type} ${other} with ${rule.excludes}`,
    }));
  });
}

const IN = { database: "DB", schema: "S" };
const EXTERNAL_OAUTH = {
  name: "EXT", type: "external_oauth", externalOauthType: "okta", externalOauthIssuer: "https://idp.example.com/oauth2/default", externalOauthTokenUserMappingClaim: ["sub"],
  externalOauthSnowflakeUserMappingAttribute: "login_name", externalOauthJwsKeysUrl: ["https://idp.example.com/oauth2/default/v1/keys"],
};
const RSA_KEY = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "der" }).toString("base64");
/** What no single field definition says: values that mean nothing, containers inside qualified names, variants. */
const DECLARATIONS: Omit<BadInput, "category">[] = [
  { type: "Table", input: { ...IN, name: "T", columns: [] }, property: "columns", value: [], title: "a table with no columns" },
  { type: "IcebergTable", input: { ...VALID_INPUTS.IcebergTable, columns: [] }, property: "columns", value: [], title: "an Iceberg table with no columns" },
  { type: "Notebook", input: { ...VALID_INPUTS.Notebook, mainFile: "" }, property: "fromLocation", title: "a notebook with an empty main file (so its location has none)" },
  { type: "Streamlit", input: { ...VALID_INPUTS.Streamlit, mainFile: "" }, property: "mainFile", value: "", title: "a Streamlit app with an empty main file" },
  { type: "Grant", input: { ...VALID_INPUTS.Grant, privileges: [] }, property: "privileges", value: [], title: "a grant of no privileges" },
  { type: "ApiIntegration", input: { ...VALID_INPUTS.ApiIntegration, apiAllowedPrefixes: [] }, property: "apiAllowedPrefixes", value: [], title: "an API integration allowing no prefixes" },
  { type: "Schema", input: { database: "", name: "S2" }, property: "database", value: "", title: "a schema in a database named by an empty string" },
  { type: "View", input: { ...IN, database: null, name: "V", query: "SELECT 1" }, property: "database", title: "a view whose database is null" },
  { type: "GrantOnAll", input: without(VALID_INPUTS.GrantOnAll, "inSchema"), property: "inSchema", title: "a grant on all tables of no container" },
  { type: "FutureGrant", input: without(VALID_INPUTS.FutureGrant, "inSchema"), property: "inSchema", title: "a future grant in no container" },
  { type: "GrantOnAll", input: { ...VALID_INPUTS.GrantOnAll, inSchema: "S" }, property: "inSchema", value: "S", title: "a grant on all tables of a schema without its database" },
  { type: "DatabaseRoleGrant", input: { ...VALID_INPUTS.DatabaseRoleGrant, databaseRole: "DR" }, property: "databaseRole", value: "DR", title: "a database role without its database" },
  { type: "Grant", input: { ...VALID_INPUTS.Grant, toRole: undefined, toDatabaseRole: "DR" }, property: "toDatabaseRole", value: "DR", title: "a grant to a database role without its database" },
  { type: "Stream", input: { ...VALID_INPUTS.Stream, onTable: "S.T" }, property: "onTable", value: "S.T", title: "a stream on a table without its database" },
  { type: "User", input: { ...VALID_INPUTS.User, passwordPolicy: "PP" }, property: "passwordPolicy", value: "PP", title: "a user's password policy without its schema" },
  { type: "Secret", input: { ...IN, name: "SEC", type: "password", username: "u" }, property: "password", title: "a password secret without its password" },
  { type: "Secret", input: { ...IN, name: "SEC", type: "password", username: "u", password: "" }, property: "password", title: "a password secret with an empty password" },
  { type: "CatalogIntegration", input: { ...VALID_INPUTS.CatalogIntegration, restCatalogUri: "" }, property: "restCatalogUri", title: "an Open Catalog integration with an empty catalog URI" },
  { type: "NotificationIntegration", input: { name: "NI", notificationType: "webhook" }, property: "webhookUrl", title: "a webhook integration without its URL" },
  { type: "Account", input: { ...VALID_INPUTS.Account, adminPassword: "" }, property: "adminPassword", title: "an account whose administrator has an empty password and no key" },
  { type: "Warehouse", input: { name: "WH", warehouseSize: "X-HUGE" }, property: "warehouseSize", value: "X-HUGE", title: "a warehouse size spelled like an alias that is none" },
  { type: "Warehouse", input: { name: "WH", maxClusterCount: "2" }, property: "maxClusterCount", value: "2", title: "a cluster count written as a string" },
  { type: "Sequence", input: { ...VALID_INPUTS.Sequence, increment: 0 }, property: "increment", value: 0, title: "a sequence stepping by 0" },
  { type: "Sequence", input: { ...VALID_INPUTS.Sequence, start: 2 ** 63 }, property: "start", value: 2 ** 63, title: "a sequence start beyond what a JavaScript number holds exactly" },
  { type: "Task", input: { ...VALID_INPUTS.Task, schedule: { minutes: 5, cron: "* * * * *", timeZone: "UTC" } }, property: "schedule", title: "a task scheduled by minutes and cron" },
  { type: "Alert", input: { ...VALID_INPUTS.Alert, schedule: { cron: "0 9 * * *" } }, property: "schedule", title: "an alert cron without a time zone" },
  { type: "Task", input: { ...VALID_INPUTS.Task, schedule: { minutes: 2 ** 31 } }, property: "schedule", title: "a task every 2^31 minutes" },
  { type: "Service", input: { ...VALID_INPUTS.Service, minReadyInstances: 2 }, property: "minReadyInstances", value: 2, title: "a service ready at more instances than its default minimum" },
  { type: "PasswordPolicy", input: { ...VALID_INPUTS.PasswordPolicy, minLength: 20, maxLength: 10 }, property: "maxLength", title: "a password policy whose maximum length is below its minimum" },
  { type: "ResourceMonitor", input: { ...VALID_INPUTS.ResourceMonitor, frequency: "weekly" }, property: "startTimestamp", title: "a resource monitor with a frequency and no start" },
  { type: "ResourceMonitor", input: { name: "RM", triggers: [{ threshold: 90, action: "suspend" }] }, property: "triggers", title: "a resource monitor with triggers and nothing else" },
  { type: "ResourceMonitor", input: { ...VALID_INPUTS.ResourceMonitor, triggers: [{ threshold: 90, action: "suspend" }, { threshold: 95, action: "suspend" }] }, property: "triggers", title: "a resource monitor with two SUSPEND triggers" },
  { type: "FileFormat", input: { ...VALID_INPUTS.FileFormat, stripOuterArray: true }, property: "stripOuterArray", title: "a CSV file format with a JSON option" },
  { type: "FileFormat", input: { ...IN, name: "FF", type: "parquet", compression: "gzip" }, property: "compression", value: "gzip", title: "a PARQUET file format compressed by GZIP" },
  { type: "MaskingPolicy", input: { ...VALID_INPUTS.MaskingPolicy, returns: "number" }, property: "returns", value: "number", title: "a masking policy returning another type than it masks" },
  { type: "MaskingPolicy", input: { ...VALID_INPUTS.MaskingPolicy, signature: [{ name: "val", datatype: "strng" }] }, property: "signature", title: "a masking policy over a type that is none" },
  { type: "RowAccessPolicy", input: { ...VALID_INPUTS.RowAccessPolicy, body: " " }, property: "body", title: "a row access policy with an empty body" },
  { type: "StorageIntegration", input: without(VALID_INPUTS.StorageIntegration, "storageAwsRoleArn"), property: "storageAwsRoleArn", title: "an S3 storage integration without its role" },
  { type: "StorageIntegration", input: { name: "SI", storageProvider: "gcs", storageAllowedLocations: ["s3://b/p/"] }, property: "storageAllowedLocations", title: "a GCS storage integration allowing an S3 location" },
  { type: "StorageIntegration", input: { ...VALID_INPUTS.StorageIntegration, azureTenantId: "t" }, property: "azureTenantId", value: "t", title: "an S3 storage integration with an Azure tenant" },
  { type: "ExternalAccessIntegration", input: { ...VALID_INPUTS.ExternalAccessIntegration, allowedNetworkRules: ["NR"] }, property: "allowedNetworkRules", title: "an external access integration naming a rule without its schema" },
  { type: "SecurityIntegration", input: { ...VALID_INPUTS.SecurityIntegration, saml2Issuer: "https://idp" }, property: "saml2Issuer", value: "https://idp", title: "an OAuth security integration with a SAML2 option" },
  { type: "SecurityIntegration", input: { name: "SEC", type: "saml2", saml2Issuer: "https://idp", saml2SsoUrl: "https://idp/sso", saml2Provider: "okta" }, property: "saml2X509Cert", title: "a SAML2 integration without its certificate" },
  { type: "SecurityIntegration", input: { name: "SEC", type: "scim", scimClient: "okta", runAsRole: "AAD_PROVISIONER" }, property: "runAsRole", value: "AAD_PROVISIONER", title: "an Okta SCIM integration running as Azure's provisioner" },
  { type: "SecurityIntegration", input: without(VALID_INPUTS.SecurityIntegration, "oauthRedirectUri"), property: "oauthRedirectUri", title: "a custom OAuth client without its redirect URI" },
  { type: "SecurityIntegration", input: { ...EXTERNAL_OAUTH, oauthClient: "custom" }, property: "oauthClient", value: "custom", title: "an External OAuth integration with an OAuth option" },
  { type: "SecurityIntegration", input: without(EXTERNAL_OAUTH, "externalOauthIssuer"), property: "externalOauthIssuer", title: "an External OAuth integration without its issuer" },
  { type: "SecurityIntegration", input: { ...EXTERNAL_OAUTH, externalOauthType: "auth0" }, property: "externalOauthType", value: "auth0", title: "an External OAuth integration from a server type that is none" },
  { type: "SecurityIntegration", input: { ...EXTERNAL_OAUTH, externalOauthSnowflakeUserMappingAttribute: "user_name" }, property: "externalOauthSnowflakeUserMappingAttribute", value: "user_name", title: "an External OAuth integration mapping to an attribute that is none" },
  { type: "SecurityIntegration", input: { ...EXTERNAL_OAUTH, externalOauthTokenUserMappingClaim: [] }, property: "externalOauthTokenUserMappingClaim", title: "an External OAuth integration mapping no claim" },
  { type: "SecurityIntegration", input: { ...EXTERNAL_OAUTH, externalOauthBlockedRolesList: ["R1"], externalOauthAllowedRolesList: ["R2"] }, property: "externalOauthAllowedRolesList", title: "an External OAuth integration with both blocked and allowed roles" },
  { type: "SecurityIntegration", input: { ...EXTERNAL_OAUTH, externalOauthRsaPublicKey: RSA_KEY }, property: "externalOauthRsaPublicKey", title: "an External OAuth integration with keys URLs and an RSA key" },
  { type: "SecurityIntegration", input: { ...EXTERNAL_OAUTH, externalOauthJwsKeysUrl: ["https://a/k", "https://b/k", "https://c/k", "https://d/k"] }, property: "externalOauthJwsKeysUrl", title: "an External OAuth integration with four keys URLs" },
  { type: "SecurityIntegration", input: { ...EXTERNAL_OAUTH, externalOauthAnyRoleMode: "always" }, property: "externalOauthAnyRoleMode", value: "always", title: "an External OAuth integration with an any-role mode that is none" },
  { type: "Share", input: { ...VALID_INPUTS.Share, grants: [{ privilege: "select", on: "schema", name: "DB.S" }] }, property: "grants", title: "a share granted SELECT on a schema" },
  { type: "Share", input: { ...VALID_INPUTS.Share, grants: [{ privilege: "select", on: "table", name: "S.T" }] }, property: "grants", title: "a share granted a table without its database" },
  { type: "Share", input: { ...VALID_INPUTS.Share, accounts: ["CONSUMER"] }, property: "accounts", title: "a share to an account without its organization" },
  { type: "ResourceMonitor", input: { ...VALID_INPUTS.ResourceMonitor, endTimestamp: "next tuesday" }, property: "endTimestamp", value: "next tuesday", title: "a resource monitor ending at a time that is none" },
];

export function badInputCases(): BadInput[] {
  const counter = { n: 0 };
  const generated = Object.entries(resourceDefinitions).flatMap(([type, definition]) => [
    ...requiredCases(type, definition), ...integerCases(type, definition, counter), ...choiceCases(type, definition), ...ruleCases(type, definition),
  ]);
  return [...generated, ...DECLARATIONS.map((entry) => ({ ...entry, category: "declaration" as const }))];
}
