// Comments the pre-processing steps attach to the models they changed, so the generated code says why it differs
// from the spec. Written by us, never taken from the spec's description prose.

export class ModelNotes {
  private readonly notesByModel = new Map<string, Set<string>>();

  add(model: string, note: string): void {
    const notes = this.notesByModel.get(model) ?? new Set<string>();
    notes.add(note);
    this.notesByModel.set(model, notes);
  }

  /** Notes for one model, sorted so output does not depend on the order the steps ran in. */
  of(model: string): string[] {
    return [...(this.notesByModel.get(model) ?? [])].sort();
  }
}
