// Security integrations (CREATE / ALTER / DESCRIBE / SHOW SECURITY INTEGRATION docs, one page per variant):
// Snowflake OAuth for partner and custom clients, SAML2, SCIM and External OAuth (external-oauth.ts), in the one
// integration namespace. OAuth ones get
// a client id and secrets at creation, which SYSTEM$SHOW_OAUTH_CLIENT_SECRETS('<name>') shows (as JSON).
import { randomBytes } from "node:crypto";
import type { CatalogObject, WireValues } from "../catalog/catalog";
import { collectionOf } from "../catalog/catalog";
import type { ObjectKind, SqlProperty } from "../catalog/object-kind";
import { badRequest, doesNotExist } from "../errors";
import { formatIdentifier } from "../identifiers";
import { DDL_TYPE_ID, text, type ResultSet } from "../sql/select";
import { checkExternalOauth, EXTERNAL_OAUTH_OPTIONS, EXTERNAL_OAUTH_REQUIRED, externalOauthRows } from "./external-oauth";
import { INTEGRATION_SQL_PROPERTIES, integrationBasics } from "./integrations";
import { SHOWN, sqlOnlyWire } from "./sql-objects";

const COLLECTION = "security-integrations";
const OAUTH_CLIENTS = ["TABLEAU_DESKTOP", "TABLEAU_SERVER", "LOOKER", "CUSTOM"];
const SCIM_ROLES: Record<string, string> = { OKTA: "OKTA_PROVISIONER", AZURE: "AAD_PROVISIONER", GENERIC: "GENERIC_SCIM_PROVISIONER" };
// Each variant page's required parameters.
const REQUIRED: Record<string, string[]> = { OAUTH: ["oauth_client"], SAML2: ["saml2_issuer", "saml2_sso_url", "saml2_provider", "saml2_x509_cert"], SCIM: ["scim_client", "run_as_role"], EXTERNAL_OAUTH: EXTERNAL_OAUTH_REQUIRED };

const option = (wire: string, value: SqlProperty["value"], unset = true): SqlProperty => ({ wire, value, unset });
// ALTER SECURITY INTEGRATION docs (per variant): SET of the options; UNSET of the optional ones (the exact UNSET list
// per variant is not confirmed; the required options cannot be unset here).
const OPTIONS: Record<string, SqlProperty> = {
  TYPE: option("type", "keyword", false),
  OAUTH_CLIENT: option("oauth_client", "keyword", false),
  OAUTH_CLIENT_TYPE: option("oauth_client_type", "keyword", false),
  OAUTH_REDIRECT_URI: option("oauth_redirect_uri", "string", false),
  OAUTH_ISSUE_REFRESH_TOKENS: option("oauth_issue_refresh_tokens", "boolean"),
  OAUTH_REFRESH_TOKEN_VALIDITY: option("oauth_refresh_token_validity", "integer"),
  BLOCKED_ROLES_LIST: option("blocked_roles_list", "identifierList"),
  SAML2_ISSUER: option("saml2_issuer", "string", false),
  SAML2_SSO_URL: option("saml2_sso_url", "string", false),
  SAML2_PROVIDER: option("saml2_provider", "keyword", false),
  SAML2_X509_CERT: option("saml2_x509_cert", "string", false),
  SAML2_SP_INITIATED_LOGIN_PAGE_LABEL: option("saml2_sp_initiated_login_page_label", "string"),
  SAML2_ENABLE_SP_INITIATED: option("saml2_enable_sp_initiated", "boolean"),
  SCIM_CLIENT: option("scim_client", "string", false),
  RUN_AS_ROLE: option("run_as_role", "string", false),
  ...EXTERNAL_OAUTH_OPTIONS,
};
const VARIANT_OF = (wire: string) => (wire.startsWith("external_oauth_") ? "EXTERNAL_OAUTH" : wire.startsWith("oauth_") || wire === "blocked_roles_list" ? "OAUTH" : wire.startsWith("saml2_") ? "SAML2" : wire === "scim_client" || wire === "run_as_role" ? "SCIM" : undefined);

/** SHOW SECURITY INTEGRATIONS prints the variant and its client: `OAUTH - CUSTOM`, `SAML2`, `SCIM - OKTA`, `EXTERNAL_OAUTH - AZURE`. */
const CLIENT_OF: Record<string, string> = { OAUTH: "oauth_client", SCIM: "scim_client", EXTERNAL_OAUTH: "external_oauth_type" };
const shownType = (object: CatalogObject) => {
  const type = String(object.values.type);
  const client = CLIENT_OF[type] ? object.values[CLIENT_OF[type]] : undefined;
  return client ? `${type} - ${String(client)}` : type;
};

function describe(object: CatalogObject, account: string): ResultSet {
  const v = object.values;
  const printed = (value: unknown) => (value === undefined || value === null ? "" : Array.isArray(value) ? value.map((name) => String(name).replace(/^"(.*)"$/s, "$1")).join(",") : String(value));
  const host = `https://${account.toLowerCase()}.snowflakecomputing.com`;
  const rows: [string, string, unknown, string][] = [["ENABLED", "Boolean", v.enabled, "false"]];
  if (v.type === "OAUTH") {
    rows.push(["OAUTH_REDIRECT_URI", "String", v.oauth_redirect_uri, ""], ["OAUTH_CLIENT_TYPE", "String", v.oauth_client_type, "CONFIDENTIAL"],
      // CREATE SECURITY INTEGRATION (Snowflake OAuth) docs: refresh tokens issued by default, valid 7776000 s (90 days).
      ["OAUTH_ISSUE_REFRESH_TOKENS", "Boolean", v.oauth_issue_refresh_tokens ?? true, "true"], ["OAUTH_REFRESH_TOKEN_VALIDITY", "Integer", v.oauth_refresh_token_validity ?? 7776000, "7776000"],
      ["BLOCKED_ROLES_LIST", "List", v.blocked_roles_list, "[]"], ["OAUTH_CLIENT_ID", "String", object.facts.clientId, ""]);
  } else if (v.type === "SAML2") {
    rows.push(["SAML2_ISSUER", "String", v.saml2_issuer, ""], ["SAML2_SSO_URL", "String", v.saml2_sso_url, ""], ["SAML2_PROVIDER", "String", v.saml2_provider, ""], ["SAML2_X509_CERT", "String", v.saml2_x509_cert, ""],
      ["SAML2_SP_INITIATED_LOGIN_PAGE_LABEL", "String", v.saml2_sp_initiated_login_page_label, ""], ["SAML2_ENABLE_SP_INITIATED", "Boolean", v.saml2_enable_sp_initiated ?? false, "false"],
      ["SAML2_SNOWFLAKE_ACS_URL", "String", `${host}/fed/login`, ""], ["SAML2_SNOWFLAKE_ISSUER_URL", "String", host, ""]);
  } else if (v.type === "EXTERNAL_OAUTH") {
    rows.push(...externalOauthRows(v));
  } else {
    rows.push(["RUN_AS_ROLE", "String", v.run_as_role, ""]);
  }
  rows.push(["COMMENT", "String", v.comment, ""]);
  return { columns: [text("property"), text("property_type"), text("property_value", true), text("property_default", true)], rows: rows.map(([p, t, value, d]) => [p, t, printed(value), d]), statementTypeId: DDL_TYPE_ID };
}

export const securityIntegrationKind: ObjectKind = {
  ...integrationBasics,
  spec: "",
  model: "SecurityIntegration",
  sqlType: "SECURITY INTEGRATION",
  parameterLevel: "SECURITY INTEGRATION",
  collection: COLLECTION,
  wire: sqlOnlyWire(["name", "enabled", "comment", ...Object.values(OPTIONS).map((property) => property.wire)]),
  accept(values: WireValues, { existing }) {
    const type = String(values.type ?? "");
    if (!REQUIRED[type]) throw badRequest(`SQL compilation error:\ninvalid value '${type}' for property 'TYPE'`);
    if (existing && existing.values.type !== type) throw badRequest("SQL compilation error:\nThe TYPE of a security integration cannot be changed.");
    for (const required of REQUIRED[type]) if (values[required] === undefined) throw badRequest(`SQL compilation error:\nmissing required property '${required.toUpperCase()}' for security integration of type ${type}`);
    for (const [key, value] of Object.entries(values)) {
      const variant = VARIANT_OF(key);
      if (value !== undefined && variant && variant !== type) throw badRequest(`SQL compilation error:\ninvalid property '${key.toUpperCase()}' for security integration of type ${type}`);
    }
    if (type === "OAUTH" && !OAUTH_CLIENTS.includes(String(values.oauth_client))) throw badRequest(`SQL compilation error:\ninvalid value '${values.oauth_client}' for property 'OAUTH_CLIENT'`);
    if (type === "OAUTH" && values.oauth_client === "CUSTOM" && (!values.oauth_client_type || !values.oauth_redirect_uri)) throw badRequest("SQL compilation error:\nmissing required property 'OAUTH_CLIENT_TYPE' or 'OAUTH_REDIRECT_URI' for a CUSTOM OAuth client");
    const validity = values.oauth_refresh_token_validity;
    if (validity !== undefined && (Number(validity) < 3600 || Number(validity) > 7776000)) throw badRequest(`SQL compilation error:\nInvalid value ${validity} for property 'OAUTH_REFRESH_TOKEN_VALIDITY': 3600 to 7776000.`);
    if (type === "EXTERNAL_OAUTH") checkExternalOauth(values);
    if (type === "SCIM" && SCIM_ROLES[String(values.scim_client)] !== String(values.run_as_role).toUpperCase()) throw badRequest(`SQL compilation error:\nRUN_AS_ROLE must be ${SCIM_ROLES[String(values.scim_client)] ?? "a SCIM provisioner role"} for SCIM_CLIENT ${values.scim_client}.`);
    return values;
  },
  created(object) {
    if (object.values.type === "OAUTH") object.facts = { ...object.facts, clientId: randomBytes(21).toString("base64"), clientSecret: randomBytes(32).toString("base64"), clientSecret2: randomBytes(32).toString("base64") };
  },
  sqlProperties: { ...INTEGRATION_SQL_PROPERTIES, ENABLED: { wire: "enabled", value: "boolean", unset: true }, ...OPTIONS },
  // SYSTEM$SHOW_OAUTH_CLIENT_SECRETS docs: takes the name as stored (case-sensitive), answers JSON with the id and both secrets.
  sqlFunctions: {
    SYSTEM$SHOW_OAUTH_CLIENT_SECRETS: ([name], { account }) => {
      const integration = collectionOf(account.catalog, COLLECTION).get(name);
      if (!integration || integration.values.type !== "OAUTH") throw doesNotExist("Integration", formatIdentifier(name ?? ""));
      return JSON.stringify({ OAUTH_CLIENT_SECRET_2: integration.facts.clientSecret2, OAUTH_CLIENT_SECRET: integration.facts.clientSecret, OAUTH_CLIENT_ID: integration.facts.clientId });
    },
  },
  sqlObject: {
    show: "SECURITY INTEGRATIONS",
    // SHOW SECURITY INTEGRATIONS docs: name, type, category, enabled, comment, created_on.
    columns: [SHOWN.name, { column: text("type"), value: shownType }, { column: text("category"), value: () => "SECURITY" }, { column: text("enabled"), value: (object) => String(object.values.enabled ?? false) }, SHOWN.comment, SHOWN.createdOn],
    describe: (object, { account }) => describe(object, account.name),
  },
};

