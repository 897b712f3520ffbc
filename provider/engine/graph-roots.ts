// Objects linked into graphs whose root must be suspended while any member changes (tasks: ALTER TASK docs, "the
// root task must be suspended before any task in the task graph is recreated or modified"; Snowflake refuses with
// error 091421 otherwise). The provider gets no end-of-deployment signal, so every change of a member holds a
// session on its graph's root: the first change in suspends the root if it runs, concurrent changes of the same
// graph join that session, and when the last one leaves the root is resumed (once) if it ran before or is declared
// running. Every holder returns only after its sessions closed, so what it reads back is the graph's end state.
// Sessions live in the provider host process, which serves every resource of one deployment.
import { applyRunState } from "./apply";
import { Properties } from "./definition";
import { isSet } from "./field-kind";
import { identifierFor, storedName } from "./identifiers";
import { storedParts } from "./kinds/names";
import { ObjectApi } from "./object-api";

type EndState = "suspended" | "running" | undefined;

interface Session {
  holders: number;
  /** Settled when the root is suspended (or found suspended). */
  ready: Promise<void>;
  wasRunning: boolean;
  /** Set by a change of the root itself: it ends suspended (declared so, dropped, now a child) or running. */
  endState?: EndState;
  closing?: Promise<void>;
  /** Settled when the session closed (the root resumed or left suspended); every holder waits for it. */
  closed: Promise<void>;
  close(): void;
}

const sessions = new Map<string, Session>();

/** What the change does to the graph's members. */
export interface GraphChange {
  /** The member as it is in state (update, delete); absent for a create. */
  current?: Properties;
  /** The member as declared next (create, update); absent for a delete. */
  next?: Properties;
  /** A create may leave the root suspended rather than fail, which would orphan the object it made. */
  tolerateResumeFailure?: boolean;
}

/** Whether a member is a root: it runs after no other member and finalizes none. */
export function isRoot(api: ObjectApi, properties: Properties): boolean {
  const graph = api.definition.graph!;
  const after = properties[graph.predecessors];
  return !(Array.isArray(after) && after.length > 0) && !(graph.finalizes && isSet(properties[graph.finalizes]));
}

/** Runs `apply` with the root of every graph the change touches suspended. */
export async function withGraphRootsSuspended<T>(api: ObjectApi, account: string, change: GraphChange, apply: () => Promise<T>): Promise<T> {
  const member = change.next ?? change.current!;
  const ownName = storedName(String(member.name));
  // The member as Snowflake has it now. A create finds none (it fails if one exists) unless adoptExisting takes
  // over a task that may run.
  const own = change.current === undefined && member.adoptExisting !== true ? undefined : await api.fetch(member, false);
  const wasRoot = own !== undefined && !linkOf(api, own.snapshot);
  const wasRunning = own !== undefined && reportsRunning(api, own.snapshot);
  const willBeRoot = change.next !== undefined && isRoot(api, change.next);
  const roots = new Map<string, Properties>();
  if (own) await addRoot(api, roots, member, ownName);
  for (const name of change.next ? linkedNames(api, change.next) : []) await addRoot(api, roots, member, name);

  const entered: [string, Session, Properties][] = [];
  let result: T | undefined;
  let failure: unknown;
  try {
    // In name order, so two changes touching the same two graphs cannot wait on each other.
    for (const [rootName, root] of [...roots.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const key = `${account}|${api.describe(root)}`;
      const session = await enter(api, key, root);
      entered.push([key, session, root]);
      if (rootName === ownName) session.endState = willBeRoot ? declaredEnd(change.next!, session.wasRunning) : "suspended";
    }
    result = await apply();
    // A root that became a child runs as a child again (its new root is suspended by this change).
    if (wasRoot && change.next && !willBeRoot && declaredEnd(change.next, wasRunning) === "running") await applyRunState(api, change.next, false);
  } catch (error) {
    failure = error;
  }
  const resumeFailures: string[] = [];
  for (const [key, session, root] of entered.reverse()) {
    await leave(api, key, session, root).catch((error: Error) => resumeFailures.push(error.message));
  }
  // A child that became a root: Snowflake suspends a task that loses its predecessors; it starts as declared.
  if (failure === undefined && !wasRoot && own && willBeRoot) {
    await runAsRoot(api, account, change.next!, declaredEnd(change.next!, wasRunning)).catch((error: Error) => resumeFailures.push(error.message));
  }
  if (failure !== undefined) {
    if (resumeFailures.length && failure instanceof Error) failure.message += `; also, the graph's root could not be resumed afterwards: ${resumeFailures.join("; ")}`;
    throw failure;
  }
  if (resumeFailures.length && !change.tolerateResumeFailure) {
    throw new Error(`the change of ${api.describe(member)} was applied, but its graph's root could not be resumed, so the graph is left suspended: ${resumeFailures.join("; ")}`);
  }
  return result as T;
}

/** The run state a declaration asks of a root: declared, or as it was when undeclared. */
function declaredEnd(next: Properties, wasRunning: boolean): EndState {
  if (next.suspended === true) return "suspended";
  if (next.suspended === false || wasRunning) return "running";
  return undefined;
}

/** A member that just became a root gets its declared state through a session of its own graph. */
async function runAsRoot(api: ObjectApi, account: string, member: Properties, endState: EndState): Promise<void> {
  const key = `${account}|${api.describe(member)}`;
  const session = await enter(api, key, member);
  session.endState = endState;
  await leave(api, key, session, member);
}

/** Own names of the members a declaration links to (its predecessors and the root it finalizes). */
function linkedNames(api: ObjectApi, properties: Properties): string[] {
  const graph = api.definition.graph!;
  const after = Array.isArray(properties[graph.predecessors]) ? (properties[graph.predecessors] as unknown[]) : [];
  const finalized = graph.finalizes && isSet(properties[graph.finalizes]) ? [properties[graph.finalizes]] : [];
  return [...after, ...finalized].map((name) => storedParts(String(name)).pop()!);
}

/** The member a live object runs after (or finalizes), if any. A valid graph has one root, so one link suffices. */
function linkOf(api: ObjectApi, snapshot: Record<string, unknown>): string | undefined {
  const graph = api.definition.graph!;
  const after = snapshot[api.definition.fields[graph.predecessors].wire];
  const finalized = graph.finalizes ? snapshot[api.definition.fields[graph.finalizes].wire] : undefined;
  const next = Array.isArray(after) && after.length > 0 ? after[0] : typeof finalized === "string" && finalized !== "" ? finalized : undefined;
  return next === undefined ? undefined : storedParts(String(next)).pop()!;
}

/** Follows links up to the root, keyed by its stored name; a missing member has no root to guard. */
async function addRoot(api: ObjectApi, roots: Map<string, Properties>, member: Properties, name: string, seen = new Set<string>()): Promise<void> {
  if (seen.has(name)) return;
  seen.add(name);
  const properties = { ...member, name: identifierFor(name) };
  const live = await api.fetch(properties, false);
  if (!live) return;
  const next = linkOf(api, live.snapshot);
  if (next === undefined) roots.set(name, properties);
  else await addRoot(api, roots, member, next, seen);
}

async function enter(api: ObjectApi, key: string, root: Properties): Promise<Session> {
  for (;;) {
    const open = sessions.get(key);
    if (!open) break;
    if (!open.closing) {
      open.holders += 1;
      try {
        await open.ready;
      } catch (error) {
        open.holders -= 1;
        throw error;
      }
      return open;
    }
    await open.closed;
  }
  let close = () => undefined as void;
  const closed = new Promise<void>((resolve) => (close = resolve));
  const session: Session = { holders: 1, wasRunning: false, ready: Promise.resolve(), closed, close };
  session.ready = (async () => {
    session.wasRunning = await isRunning(api, root);
    if (session.wasRunning) await applyRunState(api, root, true);
  })();
  sessions.set(key, session);
  try {
    await session.ready;
  } catch (error) {
    sessions.delete(key);
    session.close();
    throw error;
  }
  return session;
}

/** Leaves a session; the last holder resumes the root. Every holder returns once the session has closed. */
async function leave(api: ObjectApi, key: string, session: Session, root: Properties): Promise<void> {
  session.holders -= 1;
  if (session.holders > 0) return session.closed;
  session.closing = (async () => {
    const resume = session.endState === "running" || (session.endState === undefined && session.wasRunning);
    if (!resume) return;
    // A root dropped meanwhile has nothing to resume.
    const live = await api.fetch(root, false);
    if (live && !reportsRunning(api, live.snapshot)) await applyRunState(api, root, false);
  })().finally(() => {
    sessions.delete(key);
    session.close();
  });
  return session.closing;
}

async function isRunning(api: ObjectApi, root: Properties): Promise<boolean> {
  const live = await api.fetch(root, false);
  return live !== undefined && reportsRunning(api, live.snapshot);
}

function reportsRunning(api: ObjectApi, snapshot: Record<string, unknown>): boolean {
  const runState = api.definition.runState!;
  const reported = snapshot[runState.wire];
  return typeof reported === "string" && !runState.suspendedValues.includes(reported.toUpperCase());
}
