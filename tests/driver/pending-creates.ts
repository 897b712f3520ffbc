// Operations an interrupted run left pending, handled as the CLI does. Every deployment warns about them; `refresh`
// drops pending updates and deletes (pulumi/pulumi#8435) but keeps pending creates unless told what they became:
// `--import-pending-creates URN ID` (the create succeeded: the resource enters the state with that ID and is read
// like the others) or `--clear-pending-creates` (it did not: forget it). Without either, they stay, as in a
// non-interactive CLI refresh.
import { Journal } from "./journal";
import { PendingOperation, StateFile, StateResource } from "./state-file";

export interface PendingCreateChoices {
  clearPendingCreates?: boolean;
  importPendingCreates?: { urn: string; id: string }[];
}

/** The CLI's warning at the start of a deployment whose checkpoint holds pending operations. */
export function warnAboutPendingOperations(file: StateFile, journal: Journal): void {
  const pending = file.pendingAtLoad;
  if (pending.length === 0) return;
  const lines = pending.map((op) => `  * ${op.resource.urn}, interrupted while ${op.type}`);
  journal.warn(
    [
      `Attempting to deploy or update resources with ${pending.length} pending operations from previous deployment.`,
      ...lines,
      "These resources are in an unknown state because the deployment was interrupted while changing them. " +
        "Repair the stack with `pulumi refresh`, which clears pending updates and deletes; pending creates need " +
        "`pulumi refresh --import-pending-creates <urn> <id>` (the create went through) or `--clear-pending-creates` (it did not).",
    ].join("\n"),
  );
}

/**
 * Applies the refresh flags to the pending operations carried in the checkpoint; returns the imported resources,
 * which the refresh then reads like any other (a Read that finds nothing drops them again).
 */
export function resolvePendingCreates(file: StateFile, journal: Journal, choices: PendingCreateChoices): StateResource[] {
  const creates = file.pendingAtLoad.filter((op) => op.type === "creating");
  const ids = new Map((choices.importPendingCreates ?? []).map(({ urn, id }) => [urn, id]));
  const imported: StateResource[] = [];
  const kept: PendingOperation[] = [];
  for (const op of creates) {
    const id = ids.get(op.resource.urn);
    ids.delete(op.resource.urn);
    if (id !== undefined) imported.push({ ...op.resource, id });
    else if (!choices.clearPendingCreates) kept.push(op);
  }
  for (const urn of ids.keys()) journal.warn(`"${urn}" did not correspond to a pending create`);
  if (kept.length) {
    journal.warn(`${kept.length} pending create${kept.length === 1 ? "" : "s"} kept: ${kept.map((op) => op.resource.urn).join(", ")}; ` +
      "resolve with --import-pending-creates <urn> <id> or --clear-pending-creates");
  }
  file.carriedPending = kept;
  return imported;
}
