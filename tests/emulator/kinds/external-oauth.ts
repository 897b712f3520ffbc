// The External OAuth variant of security integrations (TYPE = EXTERNAL_OAUTH): its options (CREATE / ALTER SECURITY
// INTEGRATION (External OAuth) docs), their checks and DESCRIBE's rows. DESCRIBE's names, types, defaults and
// printed forms follow Snowflake's Terraform provider's integration tests (pkg/sdk/testint
// security_integrations_gen_integration_test.go); the wording of the errors is not confirmed.
import type { WireValues } from "../catalog/catalog";
import type { SqlProperty } from "../catalog/object-kind";
import { badRequest } from "../errors";

const option = (value: SqlProperty["value"], unset = false): Omit<SqlProperty, "wire"> => ({ value, unset });
// ALTER SECURITY INTEGRATION (External OAuth) docs: SET of each; the Terraform provider's UNSET takes only ENABLED
// and EXTERNAL_OAUTH_AUDIENCE_LIST (the rest are set back, the lists to ()).
const OPTIONS: Record<string, Omit<SqlProperty, "wire">> = {
  EXTERNAL_OAUTH_TYPE: option("keyword"),
  EXTERNAL_OAUTH_ISSUER: option("string"),
  EXTERNAL_OAUTH_TOKEN_USER_MAPPING_CLAIM: option("stringOrList"),
  EXTERNAL_OAUTH_SNOWFLAKE_USER_MAPPING_ATTRIBUTE: option("keyword"),
  EXTERNAL_OAUTH_JWS_KEYS_URL: option("stringOrList"),
  EXTERNAL_OAUTH_RSA_PUBLIC_KEY: option("string"),
  EXTERNAL_OAUTH_RSA_PUBLIC_KEY_2: option("string"),
  EXTERNAL_OAUTH_BLOCKED_ROLES_LIST: option("identifierList"),
  EXTERNAL_OAUTH_ALLOWED_ROLES_LIST: option("identifierList"),
  EXTERNAL_OAUTH_AUDIENCE_LIST: option("stringOrList", true),
  EXTERNAL_OAUTH_ANY_ROLE_MODE: option("keyword"),
  EXTERNAL_OAUTH_SCOPE_DELIMITER: option("string"),
  EXTERNAL_OAUTH_SCOPE_MAPPING_ATTRIBUTE: option("string"),
};
export const EXTERNAL_OAUTH_OPTIONS: Record<string, SqlProperty> = Object.fromEntries(Object.entries(OPTIONS).map(([name, property]) => [name, { wire: name.toLowerCase(), ...property }]));

/** The CREATE page's required parameters (ENABLED too: every CREATE here sends it). */
export const EXTERNAL_OAUTH_REQUIRED = ["external_oauth_type", "external_oauth_issuer", "external_oauth_token_user_mapping_claim", "external_oauth_snowflake_user_mapping_attribute"];

// The CREATE page's value lists.
const CHOICES: Record<string, string[]> = {
  external_oauth_type: ["OKTA", "AZURE", "PING_FEDERATE", "CUSTOM"],
  external_oauth_snowflake_user_mapping_attribute: ["LOGIN_NAME", "EMAIL_ADDRESS"],
  external_oauth_any_role_mode: ["DISABLE", "ENABLE", "ENABLE_FOR_PRIVILEGE"],
};
// The Terraform provider's SDK refuses these pairs together (ConflictingFields), and the JWS keys URL list is at most 3 long.
const EXCLUSIVE: [string, string][] = [["external_oauth_blocked_roles_list", "external_oauth_allowed_roles_list"], ["external_oauth_jws_keys_url", "external_oauth_rsa_public_key"], ["external_oauth_jws_keys_url", "external_oauth_rsa_public_key_2"]];
const given = (value: unknown) => value !== undefined && !(Array.isArray(value) && value.length === 0);

export function checkExternalOauth(values: WireValues): void {
  for (const [wire, choices] of Object.entries(CHOICES)) {
    if (values[wire] !== undefined && !choices.includes(String(values[wire]))) throw badRequest(`SQL compilation error:\ninvalid value '${values[wire]}' for property '${wire.toUpperCase()}'`);
  }
  for (const [first, second] of EXCLUSIVE) {
    if (given(values[first]) && given(values[second])) throw badRequest(`SQL compilation error:\n'${first.toUpperCase()}' and '${second.toUpperCase()}' cannot both be set.`);
  }
  const urls = values.external_oauth_jws_keys_url as string[] | undefined;
  if (urls && urls.length > 3) throw badRequest(`SQL compilation error:\nInvalid value for property 'EXTERNAL_OAUTH_JWS_KEYS_URL': at most 3 URLs.`);
  if (!given(values.external_oauth_token_user_mapping_claim)) throw badRequest("SQL compilation error:\nmissing required property 'EXTERNAL_OAUTH_TOKEN_USER_MAPPING_CLAIM' for security integration of type EXTERNAL_OAUTH");
}

/**
 * ACCOUNTADMIN, ORGADMIN and SECURITYADMIN, which EXTERNAL_OAUTH_ADD_PRIVILEGED_ROLES_TO_BLOCKED_LIST (on by default)
 * adds to the blocked list; here while no allowed list is set (how the two combine is not confirmed).
 */
const PRIVILEGED_ROLES = ["ACCOUNTADMIN", "ORGADMIN", "SECURITYADMIN"];

/** DESCRIBE's rows: [property, type, value, default]; a list prints bare, joined by commas, the claim as `['a']`. */
export function externalOauthRows(v: WireValues): [string, string, unknown, string][] {
  const claims = (v.external_oauth_token_user_mapping_claim as string[] | undefined) ?? [];
  const allowed = (v.external_oauth_allowed_roles_list as string[] | undefined) ?? [];
  const blocked = (v.external_oauth_blocked_roles_list as string[] | undefined) ?? [];
  const blockedShown = allowed.length ? blocked : [...PRIVILEGED_ROLES.filter((role) => !blocked.includes(role)), ...blocked];
  return [
    ["EXTERNAL_OAUTH_ISSUER", "String", v.external_oauth_issuer, ""],
    ["EXTERNAL_OAUTH_JWS_KEYS_URL", "Object", v.external_oauth_jws_keys_url, ""],
    // DISABLE when never set: the page's default (whether DESCRIBE then prints it or empty text is not confirmed).
    ["EXTERNAL_OAUTH_ANY_ROLE_MODE", "String", v.external_oauth_any_role_mode ?? "DISABLE", ""],
    ["EXTERNAL_OAUTH_SCOPE_MAPPING_ATTRIBUTE", "String", v.external_oauth_scope_mapping_attribute ?? "scp", "scp"],
    ["EXTERNAL_OAUTH_RSA_PUBLIC_KEY", "String", v.external_oauth_rsa_public_key, ""],
    ["EXTERNAL_OAUTH_RSA_PUBLIC_KEY_2", "String", v.external_oauth_rsa_public_key_2, ""],
    ["EXTERNAL_OAUTH_BLOCKED_ROLES_LIST", "List", blockedShown, "[]"],
    ["EXTERNAL_OAUTH_ALLOWED_ROLES_LIST", "List", allowed, "[]"],
    ["EXTERNAL_OAUTH_AUDIENCE_LIST", "List", v.external_oauth_audience_list, "[]"],
    ["EXTERNAL_OAUTH_TOKEN_USER_MAPPING_CLAIM", "Object", `[${claims.map((claim) => `'${claim}'`).join(", ")}]`, ""],
    ["EXTERNAL_OAUTH_SNOWFLAKE_USER_MAPPING_ATTRIBUTE", "String", v.external_oauth_snowflake_user_mapping_attribute, ""],
    ["EXTERNAL_OAUTH_SCOPE_DELIMITER", "String", v.external_oauth_scope_delimiter ?? ",", ","],
  ];
}
