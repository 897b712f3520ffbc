// `pulumi refresh` (without --run-program): each dynamic resource in the state is Read from its provider, which
// was configured from the provider's inputs in the state. The program does not run.
import { Journal } from "./journal";
import { changedKeys } from "./property-values";
import { isDefaultProvider, isDynamicResourceType, ProviderRegistry } from "./providers";
import { annotateSecrets, markSecret, revealMap } from "./secrets";
import { StateFile, StateResource } from "./state-file";

export async function refresh(
  resources: readonly StateResource[],
  providers: ProviderRegistry,
  journal: Journal,
  file: StateFile,
): Promise<StateResource[]> {
  let current = [...resources];
  for (const resource of resources) {
    if (!resource.custom || !isDynamicResourceType(resource.type)) {
      if (!isDefaultProvider(resource)) journal.record(resource.urn, "same");
      continue;
    }
    try {
      const host = await providers.hostFor(resource.provider ?? "");
      // Read gets the old outputs as `properties` and the old inputs (provider_plugin.go Read).
      const read = await host.read(resource.id ?? "", resource.urn, revealMap(resource.outputs), revealMap(resource.inputs));
      if (!read.id) {
        // An empty id means the resource no longer exists: it leaves the state.
        current = current.filter((r) => r !== resource);
        journal.record(resource.urn, "refresh-delete");
      } else {
        // Secretness comes back by name from what was sent (annotateSecrets), plus additionalSecretOutputs.
        const outputs = markSecret(annotateSecrets(read.properties, resource.outputs), resource.additionalSecretOutputs ?? []);
        const inputs = read.inputs ? annotateSecrets(read.inputs, resource.inputs) : resource.inputs;
        const changed = changedKeys(revealMap(resource.outputs), revealMap(outputs));
        const refreshed = { ...resource, id: read.id, inputs, outputs };
        current = current.map((r) => (r === resource ? refreshed : r));
        journal.record(resource.urn, changed.length > 0 ? "refresh-update" : "same", changed);
      }
      file.save(current);
    } catch (error) {
      journal.fail(resource.urn, error);
    }
  }
  return current;
}
