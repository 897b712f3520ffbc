// Compute pools (compute-pool.yaml; CREATE / ALTER / DROP COMPUTE POOL, SHOW COMPUTE POOLS and SHOW COMPUTE POOL
// INSTANCE FAMILIES docs).
//
// States, deterministic (counted in reads, not time): a pool that starts (created without initiallySuspended, or
// resumed) reports STARTING on the next read of it (a GET or a list row), then IDLE: services do not exist in the
// emulator yet, so a running pool never becomes ACTIVE, and all its min_nodes nodes are idle. A running pool whose
// min_nodes changes reports RESIZING on the next read, then IDLE -- or ACTIVE while services run on it (their
// nodes active). :suspend makes it SUSPENDED at once and suspends its services (ALTER COMPUTE POOL docs: jobs run to
// a terminal state before the nodes go; there are none here, so no STOPPING). The emulator
// never suspends a pool by itself (auto_suspend_secs); tests stand in for that with :suspend, which leaves the pool
// in the same state.
import * as wire from "../../../provider/wire/compute-pool";
import { COMPUTE_POOL_INSTANCE_FAMILIES } from "../../../provider/resources/compute-pool-instance-families";
import { CatalogObject, collectionOf } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { ApiError, badRequest, ErrorCodes } from "../errors";
import { ok } from "../http";
import { checkEnum, checkRange } from "../rest/body";
import { withObject } from "../rest/actions";
import { parentFromPath } from "../rest/lookup";
import { dropServicesOnPool, refuseDropWhileServices, servicesOnPool, suspendServicesOnPool } from "./service-pool";
import { peek } from "./service-states";

const FAMILY_NAMES = COMPUTE_POOL_INSTANCE_FAMILIES.map((family) => family.name);
const INT64_MAX = Number.MAX_SAFE_INTEGER;
// CREATE COMPUTE POOL docs: quoted names (case-sensitive or with special characters) are not supported.
const UNQUOTED_NAME = /^[A-Z_][A-Z0-9_$]*$/;

type Transition = { state: "STARTING" | "RESIZING"; reads: number; nodesBefore?: number };
const transitionOf = (object: CatalogObject) => object.facts.transition as Transition | undefined;
const minNodes = (object: CatalogObject) => Number(object.values.min_nodes);

/** The state a running pool reports now; a pending STARTING / RESIZING is used up by this read. */
function runningState(object: CatalogObject): { state: string; idle: number } {
  const transition = transitionOf(object);
  if (!transition) return { state: "IDLE", idle: minNodes(object) };
  if (--transition.reads <= 0) delete object.facts.transition;
  // STARTING: no node is up yet; RESIZING: the nodes from before the change are.
  return { state: transition.state, idle: transition.state === "STARTING" ? 0 : transition.nodesBefore ?? 0 };
}

export const computePoolKind: ObjectKind = {
  spec: "compute-pool",
  model: "ComputePool",
  objectType: "Compute pool",
  sqlType: "COMPUTE POOL",
  parameterLevel: "COMPUTE POOL",
  collection: "compute-pools",
  scope: "account",
  wire: { strict: wire.ComputePoolStrict, properties: wire.ComputePool_PROPERTIES, readOnly: wire.ComputePool_READ_ONLY, writeOnly: wire.ComputePool_WRITE_ONLY },
  // CREATE COMPUTE POOL docs: AUTO_RESUME defaults to TRUE. AUTO_SUSPEND_SECS 3600 is not confirmed in the pages
  // read (the provider's definition assumes the same).
  defaults: { auto_resume: true, auto_suspend_secs: 3600 },
  // The current ALTER COMPUTE POOL docs list SET INSTANCE_FAMILY, but compute-pool.yaml's PUT does not say it
  // changes the family; refused here so a client relying on it fails in the emulator first (not confirmed live).
  fixedOnAlter: { instance_family: "the instance family of a compute pool is fixed at creation" },
  runState: {
    wire: "state",
    running: "IDLE",
    suspended: "SUSPENDED",
    // compute-pool.yaml createComputePool: initiallySuspended is a query parameter (CREATE COMPUTE POOL docs:
    // INITIALLY_SUSPENDED defaults to FALSE).
    initial: (_values, query) => (query.has("initiallySuspended") && query.boolean("initiallySuspended") ? "suspended" : "running"),
    // compute-pool.yaml resumeComputePool: resuming a running pool is a 400 Bad Request; suspendComputePool: a
    // suspended pool is left as it is, without an error. The message text is not confirmed.
    refusesNoop: (object, verb) => (verb === "resumed" ? new ApiError(400, ErrorCodes.badRequest, `Compute pool ${object.name} is not suspended and cannot be resumed.`) : undefined),
    beforeTransition(object, wanted, context) {
      if (wanted === "running") object.facts.transition = { state: "STARTING", reads: 1 } satisfies Transition;
      else {
        delete object.facts.transition;
        suspendServicesOnPool(context.account, object.name);
      }
    },
  },
  accept(values) {
    const kind = computePoolKind;
    if (!UNQUOTED_NAME.test(String(values.name))) throw badRequest(`Invalid compute pool name ${JSON.stringify(values.name)}: quoted names are not supported for compute pools.`);
    // An unknown family is refused with the ones this account offers (SHOW COMPUTE POOL INSTANCE FAMILIES); the
    // wording of Snowflake's own error is not confirmed.
    values.instance_family = checkEnum(kind, "instance_family", values.instance_family, FAMILY_NAMES);
    // CREATE COMPUTE POOL docs: MIN_NODES must be greater than 0; MAX_NODES is the most the pool scales to.
    checkRange(kind, "min_nodes", values.min_nodes, 1, INT64_MAX);
    checkRange(kind, "max_nodes", values.max_nodes, 1, INT64_MAX);
    if (Number(values.min_nodes) > Number(values.max_nodes)) {
      throw badRequest(`Invalid value ${values.min_nodes} for field 'min_nodes' in ComputePool: must not exceed max_nodes (${values.max_nodes}).`);
    }
    checkRange(kind, "auto_suspend_secs", values.auto_suspend_secs, 0, INT64_MAX);
    return values;
  },
  created(object) {
    if (object.facts.state === "running") object.facts.transition = { state: "STARTING", reads: 1 } satisfies Transition;
  },
  // A running pool resizes to a new minimum (Working with compute pools docs: Snowflake keeps at least min_nodes).
  alter(object, next) {
    if (object.facts.state === "running" && Number(next.min_nodes) !== minNodes(object)) {
      object.facts.transition = { state: "RESIZING", reads: 1, nodesBefore: minNodes(object) } satisfies Transition;
    }
  },
  render(object, context) {
    const running = object.facts.state === "running";
    const { state, idle } = running ? runningState(object) : { state: "SUSPENDED", idle: 0 };
    const services = servicesOnPool(context.account, object.name);
    // SHOW COMPUTE POOLS docs: ACTIVE while services or jobs run on the pool; here each running service keeps one
    // node active (how Snowflake places instances on nodes is not modelled).
    const runningServices = services.filter((service) => peek(service, context.account).status !== "SUSPENDED").length;
    const active = state === "IDLE" && runningServices > 0 ? Math.min(runningServices, minNodes(object)) : 0;
    return {
      state: active > 0 ? "ACTIVE" : state,
      num_services: services.length,
      num_jobs: 0,
      active_nodes: active,
      idle_nodes: idle - active,
      // Not confirmed: what a suspended pool reports as its target; here no nodes.
      target_nodes: running ? minNodes(object) : 0,
      resumed_on: ((object.facts.resumedOn as Date | undefined) ?? object.createdOn).toISOString(),
      updated_on: object.updatedOn.toISOString(),
      is_exclusive: false,
    };
  },
  // DROP COMPUTE POOL docs: the drop fails while services run on the pool (service-pool.ts).
  beforeDrop: (object, context) => refuseDropWhileServices(object, context.account),
  operations: {
    // compute-pool.yaml stopAllServicesInComputePool (ALTER COMPUTE POOL ... STOP ALL): drops every service on it.
    "POST :stop-all-services": (kind, context) => withObject(kind, context, (pool) => void dropServicesOnPool(context.account, pool.name)),
    "POST :stopallservices": (kind, context) => withObject(kind, context, (pool) => void dropServicesOnPool(context.account, pool.name)),
  },
  collectionOperations: {
    // SHOW COMPUTE POOL INSTANCE FAMILIES docs: current_node_usage counts this account's nodes of the family.
    "GET /instance-families": (kind, context) => {
      const pools = [...collectionOf(parentFromPath(kind, context.account, context.params), kind.collection).values()];
      const usage = (family: string) => pools.filter((pool) => pool.values.instance_family === family && pool.facts.state === "running").reduce((sum, pool) => sum + minNodes(pool), 0);
      return ok(COMPUTE_POOL_INSTANCE_FAMILIES.map(({ name, description }) => ({ name, description, current_node_usage: usage(name) })));
    },
  },
};
