// compute-pool.yaml components/schemas/ComputePool; behaviour from the CREATE / ALTER / DROP COMPUTE POOL docs.
import { executeSql, rowObjects } from "../client/sql-api";
import { defineResource } from "../engine/define";
import type { ObjectApi } from "../engine/object-api";
import { identifierFor } from "../engine/identifiers";
import { Properties } from "../engine/definition";
import { sql } from "../sql/sql-text";
import { identifierKind } from "../engine/kinds/names";
import { booleanKind, choiceKind, enumType, integerKind, textKind } from "../engine/kinds/scalars";
import * as wire from "../wire/compute-pool";
import { commentField, field, output, ownershipOutputs } from "./common";
import { INSTANCE_FAMILY } from "./compute-pool-instance-families";

// compute-pool.yaml ComputePool.state.
const COMPUTE_POOL_STATE = enumType("ComputePoolState", "The state Snowflake reports for a compute pool.", ["UNKNOWN", "STARTING", "IDLE", "ACTIVE", "STOPPING", "SUSPENDED", "RESIZING"]);
// CREATE COMPUTE POOL docs: MIN_NODES must be greater than 0. The per-family node limit (150 for CPU_X64_XS and
// CPU_X64_S in the docs' table) was not confirmed for every family, so Snowflake alone enforces it.
const nodeCount = () => integerKind({ min: 1 });

/** SHOW SERVICES IN COMPUTE POOL: the services that keep the pool from being dropped, by qualified name. */
async function servicesOnPool(api: ObjectApi, properties: Properties): Promise<string | undefined> {
  const rows = rowObjects(await executeSql(api.client, sql`SHOW SERVICES IN COMPUTE POOL ${api.sqlName(properties)}`));
  if (rows.length === 0) return undefined;
  return `Services on it: ${rows.map((row) => [row.database_name, row.schema_name, row.name].map((part) => identifierFor(String(part))).join(".")).join(", ")}.`;
}

export const computePool = defineResource({
  typeName: "ComputePool",
  noun: "compute pool",
  doc: "A compute pool: the nodes Snowpark Container Services run services and jobs on (REST: /api/v2/compute-pools). The id is its name.",
  collectionPath: "/api/v2/compute-pools",
  // compute-pool.yaml createOrAlterComputePool takes the full property set, so node counts, auto-resume,
  // auto-suspend and the comment change by PUT. The spec has no :rename and ALTER COMPUTE POOL no RENAME TO:
  // a new name is a new pool.
  changes: "put",
  sqlObjectType: "COMPUTE POOL",
  tags: true,
  // compute-pool.yaml :resume / :suspend. A pool suspends itself after auto_suspend_secs without services or jobs,
  // which `suspended: false` accepts (like a warehouse). STOPPING is on the way to SUSPENDED (ALTER COMPUTE POOL
  // docs: jobs run to a terminal state, then the nodes are released).
  runState: { wire: "state", suspendedValues: ["SUSPENDED", "STOPPING"], via: "rest", suspendsItself: true, createdSuspended: false, createSuspendedWith: { query: "initiallySuspended", value: true } },
  // DROP COMPUTE POOL docs: the drop fails while services run on the pool (jobs are aborted); ALTER COMPUTE POOL ...
  // STOP ALL (compute-pool.yaml :stop-all-services) drops them. Only a resource that says so drops services with it.
  extraOptIns: ["stopServicesOnDelete"],
  deleteRefusal: {
    pattern: /service/i,
    explain: servicesOnPool,
    advice: "Delete those services first (a Service whose computePool is this pool's `name` output is deleted before it), or set stopServicesOnDelete: true on this pool to drop them with it.",
    override: { optIn: "stopServicesOnDelete", action: "stop-all-services" },
  },
  fields: {
    // CREATE COMPUTE POOL docs: quoted (case-sensitive or special-character) names are not supported.
    name: field("name", identifierKind(), "Name of the compute pool, unique in the account; upper-cased by Snowflake (quoted names are not supported). Default: derived from the resource name.", { identity: "name", required: true }),
    // The current ALTER COMPUTE POOL docs list SET INSTANCE_FAMILY, but compute-pool.yaml's PUT does not say it
    // changes the family, and the conditions of such a change were not confirmed: a new family is a new pool.
    instanceFamily: field("instance_family", choiceKind(INSTANCE_FAMILY), "Machine type of the nodes, e.g. CPU_X64_XS (any case).", { required: true, immutable: true }),
    minNodes: field("min_nodes", nodeCount(), "Fewest nodes the pool runs with, at least 1 and at most maxNodes; the pool resizes to fit.", { required: true }),
    maxNodes: field("max_nodes", nodeCount(), "Most nodes Snowflake may scale the pool to.", { required: true }),
    // CREATE COMPUTE POOL docs: AUTO_RESUME defaults to TRUE. AUTO_SUSPEND_SECS defaults to 3600 (not confirmed in
    // the pages read; the emulator uses the same value).
    autoResume: field("auto_resume", booleanKind(), "Resume automatically when a service or job is submitted. Default true.", { serverDefault: true }),
    autoSuspendSecs: field("auto_suspend_secs", integerKind({ min: 0 }), "Seconds without services or jobs before Snowflake suspends the pool. Default 3600.", { serverDefault: 3600 }),
    // compute-pool.yaml createComputePool: a query parameter, not a ComputePool property.
    initiallySuspended: field("initially_suspended", booleanKind(), "Create the pool suspended.", { createOnly: true, createQuery: "initiallySuspended" }),
    comment: commentField("compute pool"),
  },
  outputs: {
    state: output("state", choiceKind(COMPUTE_POOL_STATE), "STARTING, IDLE, ACTIVE, RESIZING, STOPPING or SUSPENDED, as Snowflake reports it."),
    numServices: output("num_services", integerKind(), "Services running on the pool."),
    numJobs: output("num_jobs", integerKind(), "Jobs running on the pool."),
    activeNodes: output("active_nodes", integerKind(), "Nodes running services or jobs."),
    idleNodes: output("idle_nodes", integerKind(), "Nodes running nothing."),
    targetNodes: output("target_nodes", integerKind(), "Nodes the pool is scaling to."),
    resumedOn: output("resumed_on", textKind(), "When the pool was last resumed (ISO 8601)."),
    isExclusive: output("is_exclusive", booleanKind(), "Whether the pool was created for one Snowflake Native App."),
    application: output("application", textKind(), "The Native App the pool is exclusive to, if any."),
    ...ownershipOutputs("compute pool"),
  },
  // CREATE COMPUTE POOL docs: MIN_NODES is the minimum and MAX_NODES the maximum node count of the pool.
  rules: [{ atMost: ["minNodes", "maxNodes"], because: "a pool's fewest nodes cannot be more than its most" }],
  crossChecks(properties) {
    const failures: { property: string; reason: string }[] = [];
    if (typeof properties.name === "string" && properties.name.trim().startsWith('"')) failures.push({ property: "name", reason: `${properties.name} is quoted; compute pool names cannot be quoted (CREATE COMPUTE POOL docs)` });
    return failures;
  },
  wire: { schema: wire.ComputePool, properties: wire.ComputePool_PROPERTIES, readOnly: wire.ComputePool_READ_ONLY },
});
