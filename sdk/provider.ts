// One provider object per resource type, reused by every resource of that type (Pulumi caches serialization per
// provider instance). Its prototype is the provider-methods module, so serialization emits a single `require`.
import * as pulumi from "@pulumi/pulumi";
import methods = require("../provider/provider-methods");

const providers = new Map<string, pulumi.dynamic.ResourceProvider>();

export function providerFor(resourceType: string): pulumi.dynamic.ResourceProvider {
  let provider = providers.get(resourceType);
  if (!provider) {
    provider = Object.assign(Object.create(methods), { resourceType }) as pulumi.dynamic.ResourceProvider;
    providers.set(resourceType, provider);
  }
  return provider;
}
