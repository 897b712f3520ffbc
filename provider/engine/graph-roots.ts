// Objects linked into graphs whose root must be suspended while any member changes (tasks: ALTER TASK docs, "the
// root task must be suspended before any task in the task graph is recreated or modified"; Snowflake refuses with
// error 091421 otherwise). The provider gets no end-of-deployment signal, so every change of a member holds a
// session on its graph's root: the first change in suspends the root if it runs, concurrent changes of the same
// graph join that session, and the last one out resumes the root (once) if it ran before or is declared running.
// Sessions live in the provider host process, which serves every resource of one deployment.
import { NotFoundError } from "../client/errors";
import { applyRunState } from "./apply";
import { Properties } from "./definition";
import { isSet } from "./field-kind";
import { storedName } from "./identifiers";
import { storedParts } from "./kinds/names";
import { ObjectApi } from "./object-api";

interface Session {
  holders: number;
  /** Settled when the root is suspended (or found suspended). */
  ready: Promise<void>;
  wasRunning: boolean;
  /** Set by a member change: the root ends suspended (declared so, or dropped) or running (declared so). */
  endState?: "suspended" | "running";
  closing?: Promise<void>;
}

const sessions = new Map<string, Session>();

/** What the change does to the graph's members. */
export interface GraphChange {
  /** The member itself as it is now (update, delete); absent for a create. */
  current?: Properties;
  /** The member as declared next (create, update); absent for a delete. */
  next?: Properties;
}

/** The run state a member declares, when the member is its graph's root: applied when the session ends. */
export function isRoot(api: ObjectApi, properties: Properties): boolean {
  const graph = api.definition.graph!;
  const after = properties[graph.predecessors];
  return !(Array.isArray(after) && after.length > 0) && !(graph.finalizes && isSet(properties[graph.finalizes]));
}

/** Runs `change` with the root of every graph it touches suspended. */
export async function withGraphRootsSuspended<T>(api: ObjectApi, account: string, change: GraphChange, apply: () => Promise<T>): Promise<T> {
  const member = change.next ?? change.current!;
  const roots = new Map<string, Properties>();
  if (change.current) await addRoot(api, roots, member, storedName(String(member.name)));
  for (const name of change.next ? linkedNames(api, change.next) : []) await addRoot(api, roots, member, name);
  const entered: [string, Session, Properties][] = [];
  try {
    // In name order, so two changes touching the same two graphs cannot wait on each other.
    for (const [rootName, root] of [...roots.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const key = `${account}|${api.describe(root)}`;
      const session = await enter(api, key, root);
      entered.push([key, session, root]);
      if (rootName === storedName(String(member.name))) session.endState = endStateOf(api, change);
    }
    return await apply();
  } finally {
    for (const [key, session, root] of entered.reverse()) await leave(api, key, session, root);
  }
}

function endStateOf(api: ObjectApi, change: GraphChange): Session["endState"] {
  if (!change.next) return "suspended";
  // A member that stops being the root (it now runs after another task) is no longer what starts the graph.
  if (!isRoot(api, change.next)) return "suspended";
  if (change.next.suspended === true) return "suspended";
  if (change.next.suspended === false) return "running";
  return undefined;
}

/** Own names of the members a declaration links to (its predecessors and the root it finalizes). */
function linkedNames(api: ObjectApi, properties: Properties): string[] {
  const graph = api.definition.graph!;
  const after = Array.isArray(properties[graph.predecessors]) ? (properties[graph.predecessors] as unknown[]) : [];
  const finalized = graph.finalizes && isSet(properties[graph.finalizes]) ? [properties[graph.finalizes]] : [];
  return [...after, ...finalized].map((name) => storedParts(String(name)).pop()!);
}

/** Follows predecessors (or the finalized root) up to the root, keyed by its stored name; missing members have none. */
async function addRoot(api: ObjectApi, roots: Map<string, Properties>, member: Properties, name: string, seen = new Set<string>()): Promise<void> {
  if (seen.has(name)) return;
  seen.add(name);
  const properties = { ...member, name: identifierFor(name) };
  const live = await api.fetch(properties, false);
  if (!live) return;
  const graph = api.definition.graph!;
  const linkedWire = (key: string) => api.definition.fields[key].wire;
  const after = live.snapshot[linkedWire(graph.predecessors)];
  const finalized = graph.finalizes ? live.snapshot[linkedWire(graph.finalizes)] : undefined;
  const next = Array.isArray(after) && after.length > 0 ? after[0] : typeof finalized === "string" && finalized !== "" ? finalized : undefined;
  if (next === undefined) {
    roots.set(name, properties);
    return;
  }
  await addRoot(api, roots, member, storedParts(String(next)).pop()!, seen);
}

/** A stored name as an identifier the API accepts (quoted unless plain upper case). */
function identifierFor(stored: string): string {
  return /^[A-Z_][A-Z0-9_$]*$/.test(stored) ? stored : `"${stored.replace(/"/g, '""')}"`;
}

async function enter(api: ObjectApi, key: string, root: Properties): Promise<Session> {
  for (;;) {
    const open = sessions.get(key);
    if (!open) break;
    if (!open.closing) {
      open.holders += 1;
      await open.ready;
      return open;
    }
    await open.closing.catch(() => undefined);
  }
  const session: Session = { holders: 1, wasRunning: false, ready: Promise.resolve() };
  session.ready = (async () => {
    session.wasRunning = await isRunning(api, root);
    if (session.wasRunning) await applyRunState(api, root, true);
  })();
  sessions.set(key, session);
  try {
    await session.ready;
  } catch (error) {
    sessions.delete(key);
    throw error;
  }
  return session;
}

async function leave(api: ObjectApi, key: string, session: Session, root: Properties): Promise<void> {
  session.holders -= 1;
  if (session.holders > 0) return;
  session.closing = (async () => {
    const resume = session.endState === "running" || (session.endState === undefined && session.wasRunning);
    if (!resume || (await isRunning(api, root))) return;
    try {
      await applyRunState(api, root, false);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  })().finally(() => sessions.delete(key));
  await session.closing;
}

async function isRunning(api: ObjectApi, root: Properties): Promise<boolean> {
  const runState = api.definition.runState!;
  const reported = (await api.fetch(root, false))?.snapshot[runState.wire];
  return typeof reported === "string" && !runState.suspendedValues.includes(reported.toUpperCase());
}
