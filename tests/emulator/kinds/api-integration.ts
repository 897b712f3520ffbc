// API integrations (api-integration.yaml; CREATE / ALTER API INTEGRATION docs): an account object whose api_hook
// is an AwsHook, AzureHook, GoogleCloudHook or GitHook (the strict model checks each hook's own properties and
// providers). The API key is a credential: kept, never returned.
import * as wire from "../../../provider/wire/api-integration";
import type { WireValues } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { checkHttpsPrefixes, INTEGRATION_SQL_PROPERTIES, integrationBasics } from "./integrations";

export const apiIntegrationKind: ObjectKind = {
  ...integrationBasics,
  spec: "api-integration",
  model: "ApiIntegration",
  sqlType: "API INTEGRATION",
  parameterLevel: "API INTEGRATION",
  collection: "api-integrations",
  wire: { strict: wire.ApiIntegrationStrict, properties: wire.ApiIntegration_PROPERTIES, readOnly: wire.ApiIntegration_READ_ONLY, writeOnly: wire.ApiIntegration_WRITE_ONLY },
  accept(values) {
    checkHttpsPrefixes("api_allowed_prefixes", values.api_allowed_prefixes);
    checkHttpsPrefixes("api_blocked_prefixes", values.api_blocked_prefixes);
    return values;
  },
  render(object) {
    // DESCRIBE API INTEGRATION does not show the key (not confirmed how the REST GET masks it: left out here).
    // GitHook allow_any_secret: `default: false` in api-integration.yaml.
    const { api_key: _key, ...hook } = object.values.api_hook as WireValues;
    return { api_hook: hook.type === "GIT" ? { allow_any_secret: false, ...hook } : hook };
  },
  // ALTER API INTEGRATION docs: SET API_ALLOWED_PREFIXES / API_BLOCKED_PREFIXES / ENABLED / COMMENT (and the hook's
  // credentials, which the emulator's SQL does not take: the provider changes them by PUT); UNSET of the blocked
  // prefixes and the comment.
  sqlProperties: {
    ...INTEGRATION_SQL_PROPERTIES,
    API_ALLOWED_PREFIXES: { wire: "api_allowed_prefixes", value: "stringList" },
    API_BLOCKED_PREFIXES: { wire: "api_blocked_prefixes", value: "stringList", unset: true },
  },
};
