// `pulumi destroy`: every resource in the state is deleted, dependents first -- a resource goes once nothing that
// depends on it (dependencies, children, resources using it as their provider) is left -- with up to the engine's
// parallelism at once. The state ends up empty; the program does not run.
import { deleteResource } from "./delete-step";
import { Journal } from "./journal";
import { defaultParallelism } from "./parallelism";
import { isDefaultProvider, ProviderRegistry } from "./providers";
import { Snapshot } from "./snapshot";
import { StateFile, StateResource } from "./state-file";

/** What each resource waits for: the resources in the state that depend on it. */
function dependentsOf(resources: readonly StateResource[]): Map<string, Set<string>> {
  const dependents = new Map(resources.map((resource) => [resource.urn, new Set<string>()]));
  for (const resource of resources) {
    // A provider reference is "<urn>::<id>".
    const uses = [...(resource.dependencies ?? []), resource.parent, resource.provider?.split("::").slice(0, -1).join("::")];
    for (const urn of uses) if (urn && urn !== resource.urn) dependents.get(urn)?.add(resource.urn);
  }
  return dependents;
}

export async function destroy(
  resources: readonly StateResource[],
  providers: ProviderRegistry,
  journal: Journal,
  file: StateFile,
): Promise<StateResource[]> {
  const dependents = dependentsOf(resources);
  const started = new Set<string>();
  // Newest first among those free to go, as the sequential engine order would have it.
  const ready = () => [...resources].reverse().filter((resource) => dependents.get(resource.urn)!.size === 0 && !started.has(resource.urn));
  let failed = false;
  const snapshot = new Snapshot(resources, file);
  await new Promise<void>((finish) => {
    let running = 0;
    const startMore = () => {
      // The engine starts no further steps after a failed one; what was deleted so far stays deleted.
      const candidates = failed ? [] : ready();
      for (const resource of candidates.slice(0, Math.max(0, defaultParallelism() - running))) {
        started.add(resource.urn);
        running++;
        // Journaled before the call, as the engine does: a crash mid-delete leaves a pending "deleting".
        snapshot.journaled("deleting", resource, () => deleteResource(resource, providers, { preview: false })).then(() => {
          snapshot.retire(resource);
          if (!isDefaultProvider(resource)) journal.record(resource.urn, "delete");
          for (const set of dependents.values()) set.delete(resource.urn);
        }, (error) => {
          journal.fail(resource.urn, error);
          failed = true;
        }).finally(() => {
          running--;
          startMore();
          if (running === 0) finish();
        });
      }
      if (running === 0) finish();
    };
    startMore();
  });
  snapshot.persist();
  return snapshot.resources();
}
