// `pulumi refresh` (without --run-program): each dynamic resource in the state is Read from its provider, which
// was configured from the provider's inputs in the state. The program does not run.
import { Journal } from "./journal";
import { defaultParallelism } from "./parallelism";
import { changedKeys } from "./property-values";
import { isDefaultProvider, isDynamicResourceType, ProviderRegistry } from "./providers";
import { annotateSecrets, markSecret, revealMap } from "./secrets";
import { PendingCreateChoices, resolvePendingCreates } from "./pending-creates";
import { StateFile, StateResource } from "./state-file";

/**
 * Reads run as the engine runs refresh steps, up to the parallelism at once. A refresh changes nothing in the
 * cloud, so the checkpoint is written once at the end (a crash loses only what was read, and refresh reads again)
 * instead of rewriting the whole file after every read.
 */
export async function refresh(
  stateResources: readonly StateResource[],
  providers: ProviderRegistry,
  journal: Journal,
  file: StateFile,
  choices: PendingCreateChoices = {},
): Promise<StateResource[]> {
  const imported = resolvePendingCreates(file, journal, choices);
  const resources = [...stateResources, ...imported];
  const outcome = new Map<StateResource, StateResource | undefined>();
  const pending = [...resources];
  const readNext = async (): Promise<void> => {
    for (let resource = pending.shift(); resource; resource = pending.shift()) {
      if (!resource.custom || !isDynamicResourceType(resource.type)) {
        if (!isDefaultProvider(resource)) journal.record(resource.urn, "same");
        continue;
      }
      try {
        outcome.set(resource, await readOne(resource, providers, journal));
      } catch (error) {
        journal.fail(resource.urn, error);
      }
    }
  };
  await Promise.all(Array.from({ length: defaultParallelism() }, readNext));
  // An import whose Read failed stays a pending create rather than entering the state unread.
  for (const resource of imported) if (!outcome.has(resource)) file.carriedPending.push({ type: "creating", resource: { ...resource, id: undefined } });
  const unread = (resource: StateResource) => (imported.includes(resource) ? [] : [resource]);
  const current = resources.flatMap((resource) => (outcome.has(resource) ? (outcome.get(resource) ? [outcome.get(resource)!] : []) : unread(resource)));
  file.save(current);
  return current;
}

/** One Read: the refreshed resource, or undefined when it no longer exists (it leaves the state). */
async function readOne(resource: StateResource, providers: ProviderRegistry, journal: Journal): Promise<StateResource | undefined> {
  const host = await providers.hostFor(resource.provider ?? "");
  // Read gets the old outputs as `properties` and the old inputs (provider_plugin.go Read).
  const read = await host.read(resource.id ?? "", resource.urn, revealMap(resource.outputs), revealMap(resource.inputs));
  if (!read.id) {
    journal.record(resource.urn, "refresh-delete");
    return undefined;
  }
  // Secretness comes back by name from what was sent (annotateSecrets), plus additionalSecretOutputs.
  const outputs = markSecret(annotateSecrets(read.properties, resource.outputs), resource.additionalSecretOutputs ?? []);
  const inputs = read.inputs ? annotateSecrets(read.inputs, resource.inputs) : resource.inputs;
  const changed = changedKeys(revealMap(resource.outputs), revealMap(outputs));
  journal.record(resource.urn, changed.length > 0 ? "refresh-update" : "same", changed);
  return { ...resource, id: read.id, inputs, outputs };
}
