// Which options each security integration variant takes and requires, and the rules between them, checked before
// any statement is sent (the variant pages of CREATE SECURITY INTEGRATION). Kept apart from the definition for size.
import { Properties } from "../engine/definition";
import { isSet, show } from "../engine/field-kind";

// CREATE SECURITY INTEGRATION (SCIM) docs: RUN_AS_ROLE per SCIM_CLIENT.
export const RUN_AS_ROLE: Record<string, string> = { OKTA: "OKTA_PROVISIONER", AZURE: "AAD_PROVISIONER", GENERIC: "GENERIC_SCIM_PROVISIONER" };

/** The client SHOW prints after the variant (`OAUTH - CUSTOM`, `SCIM - OKTA`), for that variant only. */
export const variantPart = (row: Record<string, string | null>, variant: string) => (row.type?.startsWith(`${variant} - `) ? row.type.slice(variant.length + 3) : undefined);

/** Which variant takes each option (the variant pages' parameter lists); External OAuth's are its fields' keys. */
const VARIANT_OF: Record<string, string> = {
  oauthClient: "OAUTH", oauthRedirectUri: "OAUTH", oauthClientType: "OAUTH", oauthIssueRefreshTokens: "OAUTH", oauthRefreshTokenValidity: "OAUTH", blockedRolesList: "OAUTH",
  saml2Issuer: "SAML2", saml2SsoUrl: "SAML2", saml2Provider: "SAML2", saml2X509Cert: "SAML2", saml2SpInitiatedLoginPageLabel: "SAML2", saml2EnableSpInitiated: "SAML2",
  scimClient: "SCIM", runAsRole: "SCIM",
};

/**
 * What each variant requires (the variant pages' required parameters). External OAuth: the syntax lists
 * EXTERNAL_OAUTH_TYPE, _ISSUER, _TOKEN_USER_MAPPING_CLAIM and _SNOWFLAKE_USER_MAPPING_ATTRIBUTE without brackets
 * (ENABLED too, which CREATE always sends here).
 */
const REQUIRED: Record<string, string[]> = {
  OAUTH: ["oauthClient"],
  SAML2: ["saml2Issuer", "saml2SsoUrl", "saml2Provider", "saml2X509Cert"],
  SCIM: ["scimClient", "runAsRole"],
  EXTERNAL_OAUTH: ["externalOauthType", "externalOauthIssuer", "externalOauthTokenUserMappingClaim", "externalOauthSnowflakeUserMappingAttribute"],
};

// Snowflake's Terraform provider (pkg/sdk security_integrations_def.go: ConflictingFields; the resource's MaxItems 3,
// whose description follows the CREATE page: "The maximum number of URLs that can be specified in the list is 3").
// Whether one of the JWS keys URL or the RSA key is required is not confirmed: neither is required here.
const MAX_JWS_KEYS_URLS = 3;
const EXCLUSIVE: [string, string][] = [
  ["externalOauthBlockedRolesList", "externalOauthAllowedRolesList"],
  ["externalOauthJwsKeysUrl", "externalOauthRsaPublicKey"],
  ["externalOauthJwsKeysUrl", "externalOauthRsaPublicKey2"],
];

type Problem = { property: string; reason: string };

function externalOauthProblems(properties: Properties): Problem[] {
  const problems: Problem[] = [];
  const declared = (key: string) => isSet(properties[key]) && !(Array.isArray(properties[key]) && (properties[key] as unknown[]).length === 0);
  for (const [first, second] of EXCLUSIVE) {
    if (declared(first) && declared(second)) problems.push({ property: second, reason: `${show(properties[second])} cannot be given with ${first}; expected only one of the two` });
  }
  const claims = properties.externalOauthTokenUserMappingClaim;
  if (Array.isArray(claims) && claims.length === 0) problems.push({ property: "externalOauthTokenUserMappingClaim", reason: "[] names no claim; expected at least one access token claim, such as sub or upn" });
  const urls = properties.externalOauthJwsKeysUrl;
  if (Array.isArray(urls) && urls.length > MAX_JWS_KEYS_URLS) problems.push({ property: "externalOauthJwsKeysUrl", reason: `${show(urls)} has ${urls.length} URLs; expected at most ${MAX_JWS_KEYS_URLS}` });
  return problems;
}

/** The checks across a security integration's options; `externalOauthOptions`: the External OAuth fields' keys. */
export const variantChecks = (externalOauthOptions: readonly string[]) => {
  const variantOf: Record<string, string> = { ...VARIANT_OF, ...Object.fromEntries(externalOauthOptions.map((key) => [key, "EXTERNAL_OAUTH"])) };
  return (properties: Properties): Problem[] => variantProblems(variantOf, properties);
};

function variantProblems(variantOf: Record<string, string>, properties: Properties): Problem[] {
  const type = typeof properties.type === "string" ? properties.type.toUpperCase() : undefined;
  if (!type || !REQUIRED[type]) return [];
  const problems = Object.entries(variantOf)
    .filter(([key, variant]) => variant !== type && isSet(properties[key]))
    .map(([key, variant]) => ({ property: key, reason: `${show(properties[key])} is a ${variant} option; expected no value in a ${type} integration` }));
  for (const key of REQUIRED[type]) if (!isSet(properties[key])) problems.push({ property: key, reason: `a ${type} integration needs it: declare it` });
  const client = typeof properties.oauthClient === "string" ? properties.oauthClient.toUpperCase() : undefined;
  // Snowflake OAuth for custom clients docs: OAUTH_CLIENT_TYPE and OAUTH_REDIRECT_URI are required for CUSTOM.
  if (type === "OAUTH" && client === "CUSTOM") for (const key of ["oauthClientType", "oauthRedirectUri"]) if (!isSet(properties[key])) problems.push({ property: key, reason: "a CUSTOM OAuth client needs it: declare it" });
  if (type === "OAUTH" && client !== "CUSTOM" && isSet(properties.oauthClientType)) problems.push({ property: "oauthClientType", reason: `${show(properties.oauthClientType)} is for CUSTOM clients; expected no value for ${client}` });
  const scim = typeof properties.scimClient === "string" ? properties.scimClient.toUpperCase() : undefined;
  if (type === "SCIM" && scim && typeof properties.runAsRole === "string" && RUN_AS_ROLE[scim] && properties.runAsRole.toUpperCase() !== RUN_AS_ROLE[scim]) {
    problems.push({ property: "runAsRole", reason: `${show(properties.runAsRole)} is not the ${scim} provisioner role; expected ${RUN_AS_ROLE[scim]}` });
  }
  if (type === "EXTERNAL_OAUTH") problems.push(...externalOauthProblems(properties));
  return problems;
}

/**
 * Options whose removal means a new integration: the ones a variant requires (without them only another variant is
 * valid), and the External OAuth key sources, which ALTER has no UNSET for (the Terraform provider recreates then too).
 */
export const REPLACED_WHEN_REMOVED = ["oauthRedirectUri", "saml2Issuer", "saml2SsoUrl", "saml2Provider", "saml2X509Cert", ...REQUIRED.EXTERNAL_OAUTH, "externalOauthJwsKeysUrl", "externalOauthRsaPublicKey", "externalOauthRsaPublicKey2"];
