// Task graphs ("Create a sequence of tasks with a task graph" docs; CREATE / ALTER / DROP / EXECUTE TASK docs): a
// root task without predecessors, child tasks that run AFTER their predecessors, and an optional finalizer that
// FINALIZEs the root. Tasks keep their links as names in their own values (predecessors, finalize); everything
// else -- children, roots, the finalizer, the graph -- is derived here, so a drop or an ALTER never leaves stale
// back-references.
import { CatalogObject, collectionOf, Container, displayName } from "../catalog/catalog";
import { ApiError, badRequest, doesNotExist, ErrorCodes } from "../errors";
import { formatIdentifier, parseIdentifier } from "../identifiers";
import { TokenStream } from "../sql/token-stream";
import { SqlError } from "../sql/tokens";

export const TASKS = "tasks";

export const isStarted = (task: CatalogObject) => task.facts.state === "running";

/** The tasks of the schema a task lives in (a graph never leaves its schema). */
export function siblingsOf(task: CatalogObject): Map<string, CatalogObject> {
  return collectionOf(task.parent, TASKS);
}

/** Stored names of the tasks a task runs after (its values keep them formatted, so they parse back unchanged). */
export function predecessorNames(task: CatalogObject): string[] {
  return ((task.values.predecessors as string[] | undefined) ?? []).map((name) => parseIdentifier(name, "predecessors"));
}

export function predecessorsOf(task: CatalogObject): CatalogObject[] {
  const siblings = siblingsOf(task);
  return predecessorNames(task).map((name) => siblings.get(name)).filter((found): found is CatalogObject => found !== undefined);
}

export function childrenOf(task: CatalogObject): CatalogObject[] {
  return [...siblingsOf(task).values()].filter((other) => predecessorNames(other).includes(task.name));
}

/** The root task a finalizer finalizes, by stored name. */
export function finalizedName(task: CatalogObject): string | undefined {
  return typeof task.values.finalize === "string" ? parseIdentifier(task.values.finalize, "finalize") : undefined;
}

/** The finalizer of a root task (CREATE TASK docs: a root task has at most one). */
export function finalizerOf(root: CatalogObject): CatalogObject | undefined {
  return [...siblingsOf(root).values()].find((other) => finalizedName(other) === root.name);
}

/** A root starts its graph: no predecessors, and not a finalizer (which runs as part of its root's graph). */
export function isRootTask(task: CatalogObject): boolean {
  return predecessorNames(task).length === 0 && finalizedName(task) === undefined;
}

/** DROP TASK docs: a standalone task has no predecessor, no child and no finalizer relation. */
export function isStandalone(task: CatalogObject): boolean {
  return isRootTask(task) && childrenOf(task).length === 0 && finalizerOf(task) === undefined;
}

/**
 * The roots of a task's graph: predecessors followed up to the tasks that have none (a task may sit under several
 * roots until its graph is resumed, which is then refused); a finalizer's root is the task it finalizes. Cycles,
 * which Snowflake lets a suspended graph have, are walked once.
 */
export function rootsOf(task: CatalogObject): CatalogObject[] {
  const finalized = finalizedName(task);
  if (finalized !== undefined) {
    const root = siblingsOf(task).get(finalized);
    return root ? [root] : [];
  }
  const roots: CatalogObject[] = [];
  const seen = new Set<CatalogObject>();
  const pending = [task];
  while (pending.length) {
    const current = pending.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    const above = predecessorsOf(current);
    if (above.length === 0) roots.push(current);
    pending.push(...above);
  }
  return roots;
}

/** The tasks that run after a task: direct children, or all descendants in breadth-first order. */
export function dependentsOf(task: CatalogObject, recursive: boolean): CatalogObject[] {
  const found: CatalogObject[] = [];
  let level = [task];
  while (level.length) {
    const next = level.flatMap(childrenOf).filter((child) => child !== task && !found.includes(child));
    found.push(...new Set(next));
    if (!recursive) break;
    level = [...new Set(next)];
  }
  return found;
}

/** Every member of a root's graph: the root, its descendants and its finalizer. */
export function graphOf(root: CatalogObject): CatalogObject[] {
  const finalizer = finalizerOf(root);
  return [root, ...dependentsOf(root, true), ...(finalizer ? [finalizer] : [])];
}

/** 091421, as users report it from live accounts (errors.ts). */
export function rootNotSuspended(root: CatalogObject): ApiError {
  return new ApiError(400, ErrorCodes.graphRootNotSuspended, `Unable to update graph with root task ${displayName(root)} since that root task is not suspended.`);
}

/**
 * ALTER TASK docs: "the root task must be suspended before any task in the task graph is modified" (a standalone
 * task is its own root: until the pending 2026_06 bundle, "Running ALTER TASK on a resumed singleton task returns
 * an error", release note BCR-2363).
 */
export function refuseWhileRootStarted(task: CatalogObject): void {
  const started = rootsOf(task).find(isStarted);
  if (started) throw rootNotSuspended(started);
}

/**
 * What resuming (or running) a root checks of its graph. Messages as Snowflake's start with them (the terraform
 * provider's integration tests against live accounts): "Graph has at least one cycle containing task", "The graph
 * has more than one root task (one without predecessors)"; the rest of each text is not confirmed.
 */
export function checkGraphRunnable(root: CatalogObject): void {
  const members = [root, ...dependentsOf(root, true)];
  for (const member of members) {
    if (rootsOf(member).some((other) => other !== root)) throw badRequest(`The graph has more than one root task (one without predecessors): ${displayName(root)} is one of them.`);
  }
  const inCycle = members.find(reachesItself);
  if (inCycle) throw badRequest(`Graph has at least one cycle containing task ${displayName(inCycle)}.`);
}

/** Whether following a task's children leads back to it. */
function reachesItself(task: CatalogObject): boolean {
  const seen = new Set<CatalogObject>();
  let level = childrenOf(task);
  while (level.length) {
    if (level.includes(task)) return true;
    level = level.filter((child) => !seen.has(child));
    level.forEach((child) => seen.add(child));
    level = level.flatMap(childrenOf);
  }
  return false;
}

/**
 * Graph versions (TASK_VERSIONS view docs: a new version is saved when the graph changed; TASKS view LAST_COMMITTED:
 * "If no version was set -- that is, if the task wasn't resumed or manually run after it was created -- NULL").
 * A resume or run of the root commits the graph; a version is new when any member's settings differ.
 */
export function commitGraph(root: CatalogObject): void {
  const members = graphOf(root);
  const fingerprint = JSON.stringify(members.map((member) => [member.name, member.values]).sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)));
  if (root.facts.graphFingerprint === fingerprint) return;
  root.facts.graphFingerprint = fingerprint;
  root.facts.graphVersion = Number(root.facts.graphVersion ?? 0) + 1;
  const now = new Date();
  for (const member of members) member.facts.lastCommittedOn = now;
}

export function suspendTask(task: CatalogObject): void {
  task.facts.state = "suspended";
  task.facts.lastSuspendedOn = new Date();
}

export function resumeTask(task: CatalogObject): void {
  task.facts.state = "running";
  task.facts.resumedOn = new Date();
}

/**
 * After a DROP (DROP TASK docs): "If a predecessor task in a task graph is dropped, then all former child tasks that
 * identified this task as the predecessor become either standalone tasks or root tasks ... These former child tasks
 * are suspended by default". A dropped root's finalizer becomes a root the same way (TASKS view
 * LAST_SUSPENDED_REASON FINALIZER_BECAME_ROOT; not confirmed against a live account).
 */
export function detachDropped(task: CatalogObject): void {
  for (const child of childrenOf(task)) {
    const remaining = predecessorNames(child).filter((name) => name !== task.name);
    const { predecessors: _before, ...values } = child.values;
    child.values = remaining.length ? { ...values, predecessors: remaining.map(formatIdentifier) } : values;
    if (!remaining.length) suspendTask(child);
  }
  const finalizer = finalizerOf(task);
  if (finalizer) {
    const { finalize: _dropped, ...values } = finalizer.values;
    finalizer.values = values;
    suspendTask(finalizer);
  }
}

/** A task a predecessor list or FINALIZE names: plain, SCHEMA.NAME or DB.SCHEMA.NAME, quoted where needed. */
export function taskReferenceParts(text: string, field: string): string[] {
  try {
    const stream = new TokenStream(text);
    const parts = stream.qualifiedName();
    stream.expectEnd();
    if (parts.length > 3) throw badRequest(`Invalid task name '${text}' in ${field}: at most database.schema.task.`);
    return parts;
  } catch (error) {
    if (error instanceof SqlError) throw badRequest(`Invalid task name '${text}' in ${field}: ${error.message.replace(/^SQL compilation error:\n/, "")}`);
    throw error;
  }
}

/**
 * Resolves a task reference against the schema of the task that names it. CREATE TASK docs (AFTER): "All tasks in a
 * task graph must ... be stored in the same database and schema"; a missing task is Snowflake's usual 002003
 * (the exact texts of both refusals are not confirmed against a live account).
 */
export function resolveSibling(text: string, field: string, parent: Container, [database, schema]: [string, string]): CatalogObject {
  const parts = taskReferenceParts(text, field);
  const [db, sc, name] = parts.length === 3 ? parts : parts.length === 2 ? [database, parts[0], parts[1]] : [database, schema, parts[0]];
  const shown = [db, sc, name].map(formatIdentifier).join(".");
  if (db !== database || sc !== schema) {
    throw badRequest(`SQL compilation error:\nTask ${shown} is in another schema: the tasks of a task graph must be in the same database and schema (${formatIdentifier(database)}.${formatIdentifier(schema)}).`);
  }
  const found = collectionOf(parent, TASKS).get(name);
  if (!found) throw doesNotExist("Task", shown);
  return found;
}
