// Security integrations have no REST endpoints: CREATE SECURITY INTEGRATION <name> TYPE = { OAUTH | SAML2 | SCIM | EXTERNAL_OAUTH }
// <options>; read from SHOW SECURITY INTEGRATIONS LIKE '<name>' (type, enabled, comment), DESCRIBE SECURITY
// INTEGRATION (property rows) and, for OAuth, SELECT SYSTEM$SHOW_OAUTH_CLIENT_SECRETS('<name>') (the client id and
// secret, kept only encrypted in state); ALTER ... SET / UNSET; DROP ... IF EXISTS. One type, four variants: the
// options a variant does not take are refused at check (security-integration-variants.ts).
import { defineResource } from "../engine/define";
import { isSet } from "../engine/field-kind";
import { booleanKind, choiceKind, enumType, integerKind, textKind } from "../engine/kinds/scalars";
import { keywordChoiceKind, nameSetKind } from "../engine/kinds/sql-values";
import { commentField, field, nameField } from "./common";
import { EXTERNAL_OAUTH_FIELDS } from "./security-integration-external-oauth";
import { REPLACED_WHEN_REMOVED, RUN_AS_ROLE, variantChecks, variantPart } from "./security-integration-variants";
import { sqlObjectPath } from "./sql-objects";

// CREATE SECURITY INTEGRATION docs (one page per variant): TYPE = OAUTH (Snowflake OAuth for partner or custom
// clients), SAML2, SCIM, EXTERNAL_OAUTH (a third-party authorization server). (API_AUTHENTICATION is not offered.)
const INTEGRATION_TYPE = enumType("SecurityIntegrationType", "Which security integration: Snowflake OAuth, SAML2 single sign-on, SCIM provisioning, or External OAuth.", ["OAUTH", "SAML2", "SCIM", "EXTERNAL_OAUTH"]);
// CREATE SECURITY INTEGRATION (Snowflake OAuth) docs: OAUTH_CLIENT = { TABLEAU_DESKTOP | TABLEAU_SERVER | LOOKER | CUSTOM }.
const OAUTH_CLIENT = enumType("OAuthClient", "The OAuth client: a partner application or a custom client.", ["TABLEAU_DESKTOP", "TABLEAU_SERVER", "LOOKER", "CUSTOM"]);
const OAUTH_CLIENT_TYPE = enumType("OAuthClientType", "Whether a custom client can keep a secret (CONFIDENTIAL) or not (PUBLIC).", ["CONFIDENTIAL", "PUBLIC"]);
// CREATE SECURITY INTEGRATION (SAML2) docs: SAML2_PROVIDER = { OKTA | ADFS | CUSTOM }.
const SAML2_PROVIDER = enumType("Saml2Provider", "The SAML2 identity provider.", ["OKTA", "ADFS", "CUSTOM"]);
// CREATE SECURITY INTEGRATION (SCIM) docs: SCIM_CLIENT = { OKTA | AZURE | GENERIC }, RUN_AS_ROLE per client.
const SCIM_CLIENT = enumType("ScimClient", "The SCIM client that provisions users and roles.", ["OKTA", "AZURE", "GENERIC"]);
const SCIM_ROLE = enumType("ScimRunAsRole", "The role a SCIM client provisions as, one per client.", Object.values(RUN_AS_ROLE));

const describe = { from: "describe" as const };

export const securityIntegration = defineResource({
  typeName: "SecurityIntegration",
  noun: "security integration",
  doc: "A security integration: Snowflake OAuth for a partner or custom client (its client id and secret are outputs, the secret kept encrypted), SAML2 single sign-on, SCIM provisioning, or External OAuth (access tokens from Okta, Microsoft Entra ID, PingFederate or a custom authorization server). SQL only: REST v2 has no endpoints for it.",
  collectionPath: sqlObjectPath("SECURITY INTEGRATIONS"),
  changes: "sql",
  sqlObjectType: "SECURITY INTEGRATION",
  sqlObject: {
    show: "SECURITY INTEGRATIONS",
    describe: { property: "property", value: "property_value" },
    createDefaults: { enabled: true },
    // SYSTEM$SHOW_OAUTH_CLIENT_SECRETS docs: {"OAUTH_CLIENT_SECRET_2": ..., "OAUTH_CLIENT_SECRET": ..., "OAUTH_CLIENT_ID": ...}
    // for OAuth integrations (SHOW prints the type as OAUTH - <client>).
    functionRead: { function: "SYSTEM$SHOW_OAUTH_CLIENT_SECRETS", applies: (snapshot) => String(snapshot.type ?? "").startsWith("OAUTH"), wires: { OAUTH_CLIENT_ID: "oauth_client_id", OAUTH_CLIENT_SECRET: "oauth_client_secret" } },
  },
  fields: {
    name: nameField("security integration"),
    // SHOW SECURITY INTEGRATIONS prints `OAUTH - CUSTOM`, `SAML2`, `SCIM - OKTA`, `EXTERNAL_OAUTH - CUSTOM`: the
    // variant is what precedes " - ".
    type: field("type", keywordChoiceKind(INTEGRATION_TYPE), "OAUTH, SAML2, SCIM or EXTERNAL_OAUTH: which options apply. A change means a new integration.", { required: true, immutable: true, shown: { read: (row) => row.type?.split(" - ")[0] } }),
    enabled: field("enabled", booleanKind(), "Whether it may be used. Default true.", { serverDefault: true, shown: { as: "boolean" } }),
    oauthClient: field("oauth_client", keywordChoiceKind(OAUTH_CLIENT), "OAUTH: TABLEAU_DESKTOP, TABLEAU_SERVER, LOOKER or CUSTOM. A change means a new integration.", { immutable: true, shown: { read: (row) => variantPart(row, "OAUTH") } }),
    oauthClientType: field("oauth_client_type", keywordChoiceKind(OAUTH_CLIENT_TYPE), "OAUTH CUSTOM: CONFIDENTIAL or PUBLIC. A change means a new integration.", { immutable: true, shown: describe }),
    oauthRedirectUri: field("oauth_redirect_uri", textKind(), "OAUTH: where the authorization server sends users back (CUSTOM, LOOKER).", { shown: describe }),
    oauthIssueRefreshTokens: field("oauth_issue_refresh_tokens", booleanKind(), "OAUTH: whether clients get refresh tokens. Default true.", { serverDefault: true, shown: describe }),
    oauthRefreshTokenValidity: field("oauth_refresh_token_validity", integerKind({ min: 3600, max: 7776000 }), "OAUTH: seconds a refresh token is valid, 3600-7776000. Default 7776000 (90 days).", { serverDefault: 7776000, shown: describe }),
    blockedRolesList: field("blocked_roles_list", nameSetKind("role names"), "OAUTH: roles users may not consent to (ACCOUNTADMIN, ORGADMIN and SECURITYADMIN are always blocked).", { shown: { from: "describe", as: "names" } }),
    saml2Issuer: field("saml2_issuer", textKind(), "SAML2: the identity provider's entity id.", { shown: describe }),
    saml2SsoUrl: field("saml2_sso_url", textKind(), "SAML2: the identity provider's sign-on URL.", { shown: describe }),
    saml2Provider: field("saml2_provider", keywordChoiceKind(SAML2_PROVIDER), "SAML2: OKTA, ADFS or CUSTOM.", { shown: describe }),
    saml2X509Cert: field("saml2_x509_cert", textKind(), "SAML2: the identity provider's signing certificate (Base64, without BEGIN/END lines).", { shown: describe }),
    saml2SpInitiatedLoginPageLabel: field("saml2_sp_initiated_login_page_label", textKind(), "SAML2: the login page button's label.", { shown: describe }),
    saml2EnableSpInitiated: field("saml2_enable_sp_initiated", booleanKind(), "SAML2: whether users may start sign-on at Snowflake's login page. Default false.", { serverDefault: false, shown: describe }),
    // The SCIM page writes SCIM_CLIENT and RUN_AS_ROLE as quoted strings.
    scimClient: field("scim_client", choiceKind(SCIM_CLIENT), "SCIM: OKTA, AZURE or GENERIC. A change means a new integration.", { immutable: true, shown: { read: (row) => variantPart(row, "SCIM") } }),
    runAsRole: field("run_as_role", choiceKind(SCIM_ROLE), "SCIM: the provisioner role (OKTA_PROVISIONER, AAD_PROVISIONER or GENERIC_SCIM_PROVISIONER). A change means a new integration.", { immutable: true, shown: describe }),
    ...EXTERNAL_OAUTH_FIELDS,
    comment: commentField("security integration"),
  },
  outputs: {
    oauthClientId: { wire: "oauth_client_id", kind: textKind(), doc: "OAUTH: the client id to configure in the client." },
    oauthClientSecret: { wire: "oauth_client_secret", kind: textKind(), doc: "OAUTH: the client secret (kept only encrypted in state).", secret: true },
    saml2SnowflakeAcsUrl: { wire: "saml2_snowflake_acs_url", kind: textKind(), doc: "SAML2: the assertion consumer URL to give the identity provider.", shown: describe },
    saml2SnowflakeIssuerUrl: { wire: "saml2_snowflake_issuer_url", kind: textKind(), doc: "SAML2: Snowflake's entity id to give the identity provider.", shown: describe },
    createdOn: { wire: "created_on", kind: textKind(), doc: "When the integration was created." },
  },
  crossChecks: variantChecks(Object.keys(EXTERNAL_OAUTH_FIELDS)),
  replacedBy: (olds, news) => REPLACED_WHEN_REMOVED.filter((key) => isSet(olds[key]) && !isSet(news[key])),
});

