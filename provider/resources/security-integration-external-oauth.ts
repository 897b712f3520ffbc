// The External OAuth variant's fields (TYPE = EXTERNAL_OAUTH): CREATE / ALTER SECURITY INTEGRATION (External OAuth)
// docs for the syntax; what DESCRIBE prints, from Snowflake's Terraform provider's integration tests
// (pkg/sdk/testint security_integrations_gen_integration_test.go): EXTERNAL_OAUTH_TOKEN_USER_MAPPING_CLAIM as
// `['sub']`, EXTERNAL_OAUTH_JWS_KEYS_URL and the role and audience lists as bare text (`https://...`, `ROLE1`),
// the defaults `scp` (scope mapping attribute) and `,` (scope delimiter). SHOW prints the type as
// `EXTERNAL_OAUTH - <EXTERNAL_OAUTH_TYPE>`. How several list items are printed is not confirmed: the comma
// separated and bracketed forms both read back (shown.ts).
// Not confirmed, so not enforced: the ALTER page marks the list form of EXTERNAL_OAUTH_JWS_KEYS_URL "For Azure"
// (CREATE takes a list for every type; one URL is sent as a list of one, as the Terraform provider does); the
// 2026_02 bundle's HTTPS-only rule for the keys URL; which values EXTERNAL_OAUTH_SCOPE_MAPPING_ATTRIBUTE takes.
// Role lists are written as identifiers, as the Terraform provider does, though the page shows '<role_name>'.
import type { FieldDefinition } from "../engine/definition";
import { rsaPublicKeyKind } from "../engine/kinds/credentials";
import { stringSetKind } from "../engine/kinds/network";
import { choiceKind, enumType, textKind } from "../engine/kinds/scalars";
import { keywordChoiceKind, nameSetKind } from "../engine/kinds/sql-values";
import { literal, sql } from "../sql/sql-text";
import { field } from "./common";
import { variantPart } from "./security-integration-variants";

const EXTERNAL_OAUTH_TYPE = enumType("ExternalOauthType", "The authorization server: Okta, Microsoft Entra ID (AZURE), PingFederate, or a custom OAuth 2.0 server.", ["OKTA", "AZURE", "PING_FEDERATE", "CUSTOM"]);
// The CREATE page writes these two in quotes: { 'LOGIN_NAME' | 'EMAIL_ADDRESS' }.
const USER_MAPPING_ATTRIBUTE = enumType("ExternalOauthUserMappingAttribute", "The Snowflake user attribute a token's claim is matched against.", ["LOGIN_NAME", "EMAIL_ADDRESS"]);
const ANY_ROLE_MODE = enumType("ExternalOauthAnyRoleMode", "Whether a client may use a role the access token does not name.", ["DISABLE", "ENABLE", "ENABLE_FOR_PRIVILEGE"]);

/**
 * ACCOUNTADMIN, ORGADMIN and SECURITYADMIN are blocked by default: with the account parameter
 * EXTERNAL_OAUTH_ADD_PRIVILEGED_ROLES_TO_BLOCKED_LIST set, DESCRIBE lists them in EXTERNAL_OAUTH_BLOCKED_ROLES_LIST
 * though nobody declared them (the Terraform provider ignores them in its diff for that reason).
 */
const PRIVILEGED_ROLES = ["ACCOUNTADMIN", "ORGADMIN", "SECURITYADMIN"];

const described = (as?: "list" | "names") => ({ from: "describe" as const, ...(as ? { as } : {}) });
/** An RSA key sent as its base64 body, as DESCRIBE prints it back. */
const rsaKeyBody = () => {
  const kind = rsaPublicKeyKind();
  return { ...kind, toSql: (value: unknown) => literal(String(kind.toWire(value))) };
};

// ALTER has no UNSET for the role lists (the Terraform provider's UNSET takes ENABLED and the audience list only; it
// empties them with SET ... = ()), nor for the defaulted options below (it sets the default back).
export const EXTERNAL_OAUTH_FIELDS: Record<string, FieldDefinition> = {
  externalOauthType: field("external_oauth_type", keywordChoiceKind(EXTERNAL_OAUTH_TYPE), "EXTERNAL_OAUTH: OKTA, AZURE (Microsoft Entra ID), PING_FEDERATE or CUSTOM.", { shown: { read: (row) => variantPart(row, "EXTERNAL_OAUTH") } }),
  externalOauthIssuer: field("external_oauth_issuer", textKind(), "EXTERNAL_OAUTH: the authorization server's URL, as the tokens' iss claim names it.", { shown: described() }),
  externalOauthTokenUserMappingClaim: field("external_oauth_token_user_mapping_claim", stringSetKind(textKind(), "access token claims"), "EXTERNAL_OAUTH: the access token claim or claims (e.g. [\"sub\"], [\"upn\"]) that name the Snowflake user; at least one.", { shown: described("list") }),
  externalOauthSnowflakeUserMappingAttribute: field("external_oauth_snowflake_user_mapping_attribute", choiceKind(USER_MAPPING_ATTRIBUTE), "EXTERNAL_OAUTH: LOGIN_NAME or EMAIL_ADDRESS, the user attribute the claim is matched against.", { shown: described() }),
  externalOauthJwsKeysUrl: field("external_oauth_jws_keys_url", stringSetKind(textKind(), "URLs"), "EXTERNAL_OAUTH: up to 3 endpoints to download the keys that validate access tokens from (HTTPS). Not with externalOauthRsaPublicKey. Removing it means a new integration.", { shown: described("list") }),
  externalOauthRsaPublicKey: field("external_oauth_rsa_public_key", rsaKeyBody(), "EXTERNAL_OAUTH: the authorization server's RSA public key (PEM or its base64 body), instead of externalOauthJwsKeysUrl. Removing it means a new integration.", { shown: described() }),
  externalOauthRsaPublicKey2: field("external_oauth_rsa_public_key_2", rsaKeyBody(), "EXTERNAL_OAUTH: a second RSA public key, for rotation. Removing it means a new integration.", { shown: described() }),
  externalOauthBlockedRolesList: field("external_oauth_blocked_roles_list", nameSetKind("role names", { addedBySnowflake: PRIVILEGED_ROLES }), "EXTERNAL_OAUTH: roles a client may not use as its primary role. Not with externalOauthAllowedRolesList. ACCOUNTADMIN, ORGADMIN and SECURITYADMIN, which Snowflake adds by default, need not be declared.", { serverDefault: [], shown: described("names"), sql: { unset: sql`SET EXTERNAL_OAUTH_BLOCKED_ROLES_LIST = ()` } }),
  externalOauthAllowedRolesList: field("external_oauth_allowed_roles_list", nameSetKind("role names"), "EXTERNAL_OAUTH: the only roles a client may use as its primary role. Not with externalOauthBlockedRolesList.", { shown: described("names"), sql: { unset: sql`SET EXTERNAL_OAUTH_ALLOWED_ROLES_LIST = ()` } }),
  externalOauthAudienceList: field("external_oauth_audience_list", stringSetKind(textKind(), "audience values"), "EXTERNAL_OAUTH: audiences a token may name besides the account's URL.", { shown: described("list") }),
  externalOauthAnyRoleMode: field("external_oauth_any_role_mode", keywordChoiceKind(ANY_ROLE_MODE), "EXTERNAL_OAUTH: DISABLE, ENABLE or ENABLE_FOR_PRIVILEGE (for users with the USE_ANY_ROLE privilege). Default DISABLE.", { serverDefault: "DISABLE", shown: described(), sql: { unset: "serverDefault" } }),
  externalOauthScopeDelimiter: field("external_oauth_scope_delimiter", textKind({ maxLength: 1 }), "EXTERNAL_OAUTH: the one character between scopes in the token's scope claim. Default `,`. Snowflake support enables it per account.", { serverDefault: ",", shown: described(), sql: { unset: "serverDefault" } }),
  externalOauthScopeMappingAttribute: field("external_oauth_scope_mapping_attribute", textKind(), "EXTERNAL_OAUTH: the token claim that names the role. Default scp.", { serverDefault: "scp", shown: described(), sql: { unset: "serverDefault" } }),
};
