// `pulumi destroy`: every resource in the state is deleted, dependents first (reverse checkpoint order). The state
// ends up empty; the program does not run.
import { deleteResource } from "./delete-step";
import { Journal } from "./journal";
import { isDefaultProvider, ProviderRegistry } from "./providers";
import { StateFile, StateResource } from "./state-file";

export async function destroy(
  resources: readonly StateResource[],
  providers: ProviderRegistry,
  journal: Journal,
  file: StateFile,
): Promise<StateResource[]> {
  let current = [...resources];
  for (const resource of [...resources].reverse()) {
    try {
      await deleteResource(resource, providers, { preview: false });
    } catch (error) {
      // The engine starts no further steps after a failed one; what was deleted so far stays deleted.
      journal.fail(resource.urn, error);
      break;
    }
    current = current.filter((r) => r !== resource);
    file.save(current);
    if (!isDefaultProvider(resource)) journal.record(resource.urn, "delete");
  }
  return current;
}
