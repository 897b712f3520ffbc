// The run's changes to the state as an append-only journal beside the checkpoint (`<state>.journal`), as the
// engine's journaling snapshot manager keeps them: each step appends one line (O(change)), instead of rewriting
// the whole checkpoint (O(N) per step, O(N^2) per run). The checkpoint is rewritten once, when the run ends; after
// a crash, the next load replays the journal onto the checkpoint it was written against.
import * as crypto from "crypto";
import * as fs from "fs";
import { PendingOperation, StateResource } from "./state-file";

export type JournalEntry =
  /** An operation is about to call the provider (the snapshot manager's Begin). */
  | { op: "begin"; id: number; type: PendingOperation["type"]; resource: StateResource }
  /** It failed: no longer pending, nothing changed. (Success is implied by the add or retire that follows.) */
  | { op: "end"; id: number }
  /** A resource of this run; `supersedes` / `pendingDelete` index the base checkpoint's resources. */
  | { op: "add"; resource: StateResource; supersedes?: number; pendingDelete?: number }
  /** A base resource is gone. */
  | { op: "retire"; old: number }
  /** A resource of this run changed later (a component's outputs): `index` into the run's resources. */
  | { op: "replace"; index: number; resource: StateResource };

interface Header {
  op: "header";
  /** Digest of the checkpoint text the entries apply to: a journal of an older checkpoint is stale. */
  base: string;
}

export function digestOf(text: string | undefined): string {
  return text === undefined ? "none" : crypto.createHash("sha256").update(text).digest("hex");
}

export class CheckpointJournal {
  private opened = false;

  constructor(readonly file: string, private baseDigest: string) {}

  /** Digest of the checkpoint text new entries apply to. */
  get base(): string {
    return this.baseDigest;
  }

  /** Entries appended from now on apply to the checkpoint with this digest (the one just loaded). */
  rebase(base: string): void {
    this.baseDigest = base;
  }

  append(entry: JournalEntry): void {
    if (!this.opened) {
      const header: Header = { op: "header", base: this.baseDigest };
      fs.writeFileSync(this.file, JSON.stringify(header) + "\n");
      this.opened = true;
    }
    fs.appendFileSync(this.file, JSON.stringify(entry) + "\n");
  }

  /** The checkpoint was rewritten (its text digests to `base`): what the journal held is in it now. */
  compacted(base: string): void {
    fs.rmSync(this.file, { force: true });
    this.opened = false;
    this.baseDigest = base;
  }

  /** The entries written against the checkpoint with this digest, or undefined (no journal, or a stale one). */
  static read(file: string, base: string): JournalEntry[] | undefined {
    if (!fs.existsSync(file)) return undefined;
    // A line cut short by the crash is the last one; it and anything after it never completed.
    const lines = fs.readFileSync(file, "utf8").split("\n");
    const parsed: unknown[] = [];
    for (const line of lines) {
      if (!line) continue;
      try {
        parsed.push(JSON.parse(line));
      } catch {
        break;
      }
    }
    const [header, ...entries] = parsed as [Header, ...JournalEntry[]];
    return header?.op === "header" && header.base === base ? entries : undefined;
  }
}

/** The state a crashed run left: the base with the journal's entries applied, and the operations still in flight. */
export function replay(base: readonly StateResource[], entries: readonly JournalEntry[]): { resources: StateResource[]; inFlight: PendingOperation[] } {
  const processed: StateResource[] = [];
  const retired = new Set<number>();
  const pendingDelete = new Set<number>();
  const inFlight = new Map<number, PendingOperation>();
  const settle = (urn: string, types: PendingOperation["type"][]) => {
    for (const [id, op] of inFlight) if (op.resource.urn === urn && types.includes(op.type)) inFlight.delete(id);
  };
  for (const entry of entries) {
    switch (entry.op) {
      case "begin": inFlight.set(entry.id, { type: entry.type, resource: entry.resource }); break;
      case "end": inFlight.delete(entry.id); break;
      case "add":
        processed.push(entry.resource);
        if (entry.supersedes !== undefined) retired.add(entry.supersedes);
        if (entry.pendingDelete !== undefined) pendingDelete.add(entry.pendingDelete);
        settle(entry.resource.urn, ["creating", "updating"]);
        break;
      case "retire":
        retired.add(entry.old);
        settle(base[entry.old].urn, ["deleting"]);
        break;
      case "replace": processed[entry.index] = entry.resource; break;
    }
  }
  const remaining = base.flatMap((resource, index) => (retired.has(index) ? [] : [pendingDelete.has(index) ? { ...resource, delete: true } : resource]));
  return { resources: [...processed, ...remaining], inFlight: [...inFlight.values()] };
}

/**
 * The state as `pulumi stack export` would show it (secrets still encrypted): the checkpoint with any journal of a
 * crashed run applied. Reads only; the next driver run compacts the journal into the checkpoint.
 */
export function exportState(stateFile: string): { resources: StateResource[]; pendingOperations: PendingOperation[] } {
  const text = fs.existsSync(stateFile) ? fs.readFileSync(stateFile, "utf8") : undefined;
  const latest = text === undefined ? undefined : JSON.parse(text).checkpoint?.latest;
  const resources: StateResource[] = latest?.resources ?? [];
  const pending: PendingOperation[] = latest?.pending_operations ?? [];
  const entries = CheckpointJournal.read(`${stateFile}.journal`, digestOf(text));
  if (!entries) return { resources, pendingOperations: pending };
  const crashed = replay(resources, entries);
  return { resources: crashed.resources, pendingOperations: [...crashed.inFlight, ...pending.filter((op) => op.type === "creating")] };
}
