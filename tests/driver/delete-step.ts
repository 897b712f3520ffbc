// A delete step, shared by `up` (resources dropped from the program, old halves of replacements) and `destroy`.
import { isDynamicResourceType, ProviderRegistry } from "./providers";
import { revealMap } from "./secrets";
import { StateResource } from "./state-file";

export async function deleteResource(
  resource: StateResource,
  providers: ProviderRegistry,
  options: { preview: boolean },
): Promise<void> {
  if (resource.protect) {
    throw new Error(
      `unable to delete resource "${resource.urn}" as it is currently marked for protection. ` +
        "To unprotect the resource, remove the `protect` flag from the resource in your Pulumi program and run `pulumi up`",
    );
  }
  // Components and provider resources live in the state only; retainOnDelete drops without calling Delete.
  if (!resource.custom || !isDynamicResourceType(resource.type)) return;
  if (resource.retainOnDelete || options.preview) return;
  if (!resource.provider) throw new Error(`cannot delete ${resource.urn}: its state names no provider`);
  const host = await providers.hostFor(resource.provider);
  // Delete gets the old outputs (with the `__provider` they were created with) and, since 3.x, the old inputs.
  await host.delete(resource.id ?? "", resource.urn, revealMap(resource.outputs), revealMap(resource.inputs));
}
