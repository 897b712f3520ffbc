// The checkpoint as it evolves during an update or destroy (the engine's snapshot manager): resources processed in
// this run, in the order their steps completed (so dependencies precede dependents), followed by the old resources
// not dealt with yet. Each change is appended to the checkpoint's journal as it happens (so a crash mid-run loses
// nothing), and the checkpoint itself is rewritten once, by persist() at the end.
import { PendingOperation, StateFile, StateResource } from "./state-file";

export class Snapshot {
  private readonly processed: StateResource[] = [];
  private readonly retired = new Set<StateResource>();
  private readonly pendingDelete = new Set<StateResource>();
  private readonly inFlight = new Set<PendingOperation>();
  private readonly oldIndex = new Map<StateResource, number>();
  private readonly liveOldByUrn = new Map<string, StateResource>();
  private nextOperation = 0;

  constructor(readonly old: readonly StateResource[], private readonly file?: StateFile) {
    old.forEach((resource, index) => {
      this.oldIndex.set(resource, index);
      if (!resource.delete) this.liveOldByUrn.set(resource.urn, resource);
    });
  }

  /** The live (not pending-delete) old resource with this URN. */
  findOld(urn: string): StateResource | undefined {
    return this.liveOldByUrn.get(urn);
  }

  /**
   * Records a resource produced by this run, retiring the old resource it supersedes, or keeping the old one
   * flagged for deletion (a create-before-delete replacement), in one journal entry.
   */
  add(resource: StateResource, old?: { supersedes?: StateResource; pendingDelete?: StateResource }): void {
    this.processed.push(resource);
    if (old?.supersedes) this.retired.add(old.supersedes);
    if (old?.pendingDelete) this.pendingDelete.add(old.pendingDelete);
    this.file?.appendJournal({ op: "add", resource, supersedes: this.indexOf(old?.supersedes), pendingDelete: this.indexOf(old?.pendingDelete) });
  }

  /** An old resource is gone (deleted, or dropped from state). */
  retire(resource: StateResource): void {
    this.retired.add(resource);
    this.file?.appendJournal({ op: "retire", old: this.oldIndex.get(resource)! });
  }

  /** Replaces a resource produced by this run (a component's outputs arriving later). */
  replaceProcessed(urn: string, update: (resource: StateResource) => StateResource): void {
    const index = this.processed.findIndex((r) => r.urn === urn && !r.delete);
    if (index < 0) return;
    this.processed[index] = update(this.processed[index]);
    this.file?.appendJournal({ op: "replace", index, resource: this.processed[index] });
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
   * A provider call journaled as a pending operation for its duration (the snapshot manager's Begin), so a crash
   * during it leaves the operation in the checkpoint. Success is recorded by the step's add or retire, which
   * settles it; a failure ends it explicitly.
   */
  async journaled<T>(type: PendingOperation["type"], resource: StateResource, call: () => Promise<T>): Promise<T> {
    const operation: PendingOperation = { type, resource };
    const id = this.nextOperation++;
    this.inFlight.add(operation);
    this.file?.appendJournal({ op: "begin", id, type, resource });
    try {
      return await call();
    } catch (error) {
      this.file?.appendJournal({ op: "end", id });
      throw error;
    } finally {
      this.inFlight.delete(operation);
    }
  }

  /** Rewrites the checkpoint with everything so far (ending its journal). */
  persist(): void {
    this.file?.save(this.resources(), [...this.inFlight]);
  }

  private indexOf(resource: StateResource | undefined): number | undefined {
    return resource ? this.oldIndex.get(resource) : undefined;
  }
}
