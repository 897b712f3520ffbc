// api-integration.yaml components/schemas/ApiIntegration: an account object that lets external functions and Git
// repositories reach an HTTPS API. Its `api_hook` is one of AwsHook / AzureHook / GoogleCloudHook / GitHook,
// chosen by `type`; here the hook's properties are flat inputs (wire paths into api_hook), and the hook type
// says which of them apply (checked before anything is sent).
// - Changes go through PUT createOrAlterAPIIntegration with the whole declaration, except what that PUT does not
//   alter (api-integration.yaml: "API_KEY is not currently altered by this operation ... Unsetting
//   API_BLOCKED_PREFIXES is also unsupported"): those go through ALTER API INTEGRATION SET / UNSET.
// - hookType and apiProvider are fixed at creation: ALTER API INTEGRATION (docs) sets the role ARN / Azure
//   application / audience, API_KEY, the prefix lists, ENABLED and COMMENT, but has no API_PROVIDER; the spec has no
//   :rename either, so a new name is a new integration.
// - A replacement is refused at preview while artifact repositories name the integration (usedBy), unless
//   allowReplace. (External functions and Git repositories use it too, but are not types of this package.)
// - apiKey is a credential: a secret input, sent in the body, never read back (Snowflake does not return it).
import { Properties } from "../engine/definition";
import { defineResource } from "../engine/define";
import { qualifiedNameKind, identifierKind } from "../engine/kinds/names";
import { stringSetKind } from "../engine/kinds/network";
import { secretTextKind } from "../engine/kinds/credentials";
import { booleanKind, choiceKind, enumType, textKind } from "../engine/kinds/scalars";
import * as wire from "../wire/api-integration";
import { Problem, variantChecks } from "../engine/variants";
import { commentField, field, nameField, output } from "./common";
import { artifactRepositoriesNaming, objectsUsing } from "./object-usage";

const HOOK_TYPE = enumType("ApiHookType", "Which kind of API the integration reaches: AWS, AZURE, GC (Google Cloud) or GIT.", ["AWS", "AZURE", "GC", "GIT"]);
const API_PROVIDER = enumType("ApiProvider", "The API gateway of an AWS, Azure or Google Cloud hook.", [
  "AWS_API_GATEWAY", "AWS_PRIVATE_API_GATEWAY", "AWS_GOV_API_GATEWAY", "AWS_GOV_PRIVATE_API_GATEWAY",
  "AZURE_API_MANAGEMENT", "AZURE_PRIVATE_API_MANAGEMENT", "GOOGLE_API_GATEWAY",
]);

/** Per hook type (api-integration.yaml AwsHook, AzureHook, GoogleCloudHook, GitHook): its inputs and providers. */
const HOOKS = {
  AWS: { required: ["apiProvider", "apiAwsRoleArn"], optional: ["apiKey"] },
  AZURE: { required: ["apiProvider", "azureTenantId", "azureAdApplicationId"], optional: ["apiKey"] },
  GC: { required: ["apiProvider", "googleAudience"], optional: ["apiKey"] },
  GIT: { optional: ["allowAnySecret", "allowedAuthenticationSecrets", "allowedApiAuthenticationIntegrations"] },
};
const PROVIDER_PREFIX: Record<string, string> = { AWS: "AWS_", AZURE: "AZURE_", GC: "GOOGLE_" };
const hookChecks = variantChecks("hookType", HOOKS);

function hookProblems(properties: Properties): Problem[] {
  const problems = hookChecks(properties);
  const type = typeof properties.hookType === "string" ? properties.hookType.toUpperCase() : "";
  const provider = typeof properties.apiProvider === "string" ? properties.apiProvider.toUpperCase() : undefined;
  const prefix = PROVIDER_PREFIX[type];
  if (provider && prefix && !provider.startsWith(prefix)) {
    problems.push({ property: "apiProvider", reason: `${provider} is not a gateway of hookType ${type} (allowed: ${API_PROVIDER.values.filter((value) => value.startsWith(prefix)).join(", ")})` });
  }
  return problems;
}

const hookField = (wireName: string, doc: string) => field(`api_hook.${wireName}`, textKind(), doc);

export const apiIntegration = defineResource({
  typeName: "ApiIntegration",
  noun: "API integration",
  doc: "An API integration: lets external functions reach an AWS, Azure or Google Cloud API gateway, or Git repositories be cloned over HTTPS (REST: /api/v2/api-integrations). Changed in place by create-or-alter; a new name, hook type or provider means a new integration.",
  collectionPath: "/api/v2/api-integrations",
  changes: "put",
  sqlObjectType: "API INTEGRATION",
  tags: true,
  fields: {
    name: nameField("API integration"),
    hookType: field("api_hook.type", choiceKind(HOOK_TYPE), "AWS, AZURE, GC or GIT: which hook properties apply. A change means a new integration.", { required: true, immutable: true }),
    apiProvider: field("api_hook.api_provider", choiceKind(API_PROVIDER), "The gateway (AWS_API_GATEWAY, AWS_PRIVATE_API_GATEWAY, AWS_GOV_API_GATEWAY, AWS_GOV_PRIVATE_API_GATEWAY, AZURE_API_MANAGEMENT, AZURE_PRIVATE_API_MANAGEMENT, GOOGLE_API_GATEWAY); required except for GIT. A change means a new integration.", { immutable: true }),
    apiAwsRoleArn: hookField("api_aws_role_arn", "AWS: the ARN of the IAM role Snowflake assumes to call the gateway."),
    azureTenantId: hookField("azure_tenant_id", "AZURE: the Office 365 tenant id of the API Management instance."),
    azureAdApplicationId: hookField("azure_ad_application_id", "AZURE: the application (client) id of the Azure AD app."),
    googleAudience: hookField("google_audience", "GC: the audience claim of the JWT Snowflake sends to the Google API Gateway."),
    apiKey: field("api_hook.api_key", secretTextKind(), "AWS, AZURE or GC: the API key (subscription key) sent with each request. Secret; never read back, so only a declared change is applied (ALTER API INTEGRATION ... SET API_KEY).", {
      writeOnly: true, secret: true, body: "create", change: "sql", sql: { property: "API_KEY" },
    }),
    allowAnySecret: field("api_hook.allow_any_secret", booleanKind(), "GIT: let handler code use any secret to reach the repository (ignored when allowedAuthenticationSecrets is set). Default false.", { serverDefault: false }),
    allowedAuthenticationSecrets: field("api_hook.allowed_authentication_secrets", stringSetKind(qualifiedNameKind(3, { exactly: true, what: "a secret" }), "secrets as DB.SCHEMA.SECRET"), "GIT: the secrets (DB.SCHEMA.SECRET, e.g. a Secret's fullyQualifiedName) handler code may use for the repository; a set."),
    allowedApiAuthenticationIntegrations: field("api_hook.allowed_api_authentication_integrations", stringSetKind(identifierKind(), "security integration names"), "GIT: the API authentication (OAuth) security integrations handler code may use; a set."),
    apiAllowedPrefixes: field("api_allowed_prefixes", stringSetKind(textKind(), "HTTPS URL prefixes"), "HTTPS URL prefixes the integration may call, e.g. `https://github.com/my-org`; a set.", { required: true }),
    apiBlockedPrefixes: field("api_blocked_prefixes", stringSetKind(textKind(), "HTTPS URL prefixes"), "HTTPS URL prefixes the integration may not call, even under an allowed prefix; a set.", { change: "sql", sql: { property: "API_BLOCKED_PREFIXES" } }),
    enabled: field("enabled", booleanKind(), "Whether the integration can be used. Default true.", { serverDefault: true }),
    comment: commentField("API integration"),
  },
  // api-integration.yaml requires `enabled`; CREATE API INTEGRATION requires ENABLED too. Leaving it out means on.
  bodyDefaults: { enabled: true },
  outputs: {
    createdOn: output("created_on", textKind(), "When the API integration was created (ISO 8601)."),
  },
  crossChecks: hookProblems,
  usedBy: objectsUsing(artifactRepositoriesNaming("api_integration")),
  wire: { schema: wire.ApiIntegration, properties: wire.ApiIntegration_PROPERTIES, readOnly: wire.ApiIntegration_READ_ONLY },
});
