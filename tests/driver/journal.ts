// What happened during a run: one entry per resource step, and the errors (the CLI's per-resource diagnostics).
import { DriverError, ResourceChange, ResourceOperation } from "./types";
import { nameOf, typeOf } from "./urns";

export class Journal {
  readonly changes: ResourceChange[] = [];
  readonly errors: DriverError[] = [];
  /** The CLI's warnings (pending operations, unused flags): shown, but the run still succeeds. */
  readonly warnings: string[] = [];

  warn(message: string): void {
    this.warnings.push(message);
  }

  record(urn: string, op: ResourceOperation, changedProperties: string[] = []): void {
    this.changes.push({ urn, type: typeOf(urn), name: nameOf(urn), op, changedProperties });
  }

  fail(urn: string | undefined, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.errors.push(urn ? { urn, message } : { message });
  }

  get failed(): boolean {
    return this.errors.length > 0;
  }
}
