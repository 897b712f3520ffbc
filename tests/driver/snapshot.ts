// The checkpoint as it evolves during an update (the engine's snapshot manager): resources processed in this run,
// in the order their steps completed (so dependencies precede dependents), followed by the old resources not
// dealt with yet. Persisting this merge after every step means a failure mid-run loses nothing.
import { PendingOperation, StateFile, StateResource } from "./state-file";

export class Snapshot {
  private readonly processed: StateResource[] = [];
  private readonly retired = new Set<StateResource>();
  private readonly pendingDelete = new Set<StateResource>();
  private readonly inFlight = new Set<PendingOperation>();

  constructor(readonly old: readonly StateResource[], private readonly file?: StateFile) {}

  /** The live (not pending-delete) old resource with this URN. */
  findOld(urn: string): StateResource | undefined {
    return this.old.find((r) => r.urn === urn && !r.delete);
  }

  /**
   * Records a resource produced by this run, retiring the old resource it supersedes, or keeping the old one
   * flagged for deletion (a create-before-delete replacement), in one checkpoint write.
   */
  add(resource: StateResource, old?: { supersedes?: StateResource; pendingDelete?: StateResource }): void {
    this.processed.push(resource);
    if (old?.supersedes) this.retired.add(old.supersedes);
    if (old?.pendingDelete) this.pendingDelete.add(old.pendingDelete);
    this.persist();
  }

  /** An old resource is gone (deleted, or dropped from state). */
  retire(resource: StateResource): void {
    this.retired.add(resource);
    this.persist();
  }

  /** Replaces a resource produced by this run (a component's outputs arriving later). */
  replaceProcessed(urn: string, update: (resource: StateResource) => StateResource): void {
    const index = this.processed.findIndex((r) => r.urn === urn && !r.delete);
    if (index < 0) return;
    this.processed[index] = update(this.processed[index]);
    this.persist();
  }

  findProcessed(urn: string): StateResource | undefined {
    return this.processed.find((r) => r.urn === urn);
  }

  isRetired(resource: StateResource): boolean {
    return this.retired.has(resource);
  }

  isPendingDelete(resource: StateResource): boolean {
    return this.pendingDelete.has(resource) || resource.delete === true;
  }

  resources(): StateResource[] {
    const remaining = this.old
      .filter((r) => !this.retired.has(r))
      .map((r) => (this.pendingDelete.has(r) ? { ...r, delete: true } : r));
    return [...this.processed, ...remaining];
  }

  /**
   * Journals an operation before the provider is called (the snapshot manager's Begin), so a crash during it leaves
   * a pending operation in the checkpoint. Returns the end: the step's own add/retire persists its outcome.
   */
  begin(type: PendingOperation["type"], resource: StateResource): () => void {
    const operation: PendingOperation = { type, resource };
    this.inFlight.add(operation);
    this.persist();
    return () => {
      this.inFlight.delete(operation);
    };
  }

  persist(): void {
    this.file?.save(this.resources(), [...this.inFlight]);
  }
}
