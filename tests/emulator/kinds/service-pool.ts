// Where services and compute pools meet (CREATE SERVICE, DROP / ALTER COMPUTE POOL docs): the services a pool runs,
// the pool a service needs, and what a pool's suspension, STOP ALL and drop do to its services. Kept apart from both
// kinds so neither imports the other.
import { type CatalogObject, collectionOf } from "../catalog/catalog";
import { ApiError, doesNotExist, ErrorCodes } from "../errors";
import { formatIdentifier } from "../identifiers";
import { schemaObjectsOf } from "../rest/lookup";
import type { AccountState } from "../state";

export const SERVICES = "services";
const COMPUTE_POOLS = "compute-pools";

/** Every service of the account, in every database and schema. */
export function allServices(account: AccountState): CatalogObject[] {
  return schemaObjectsOf(account, SERVICES);
}

/** The services that run on the pool (any status: created, suspended, failed). */
export function servicesOnPool(account: AccountState, poolName: string): CatalogObject[] {
  return allServices(account).filter((service) => service.values.compute_pool === poolName);
}

/**
 * The pool a service is to run on. CREATE SERVICE docs: IN COMPUTE POOL names an existing pool; a missing one is
 * refused with Snowflake's "does not exist or not authorized" error (002003, 404 as for other missing objects).
 */
export function requirePool(account: AccountState, poolName: string): CatalogObject {
  const pool = collectionOf(account.catalog, COMPUTE_POOLS).get(poolName);
  if (!pool) throw doesNotExist("Compute pool", formatIdentifier(poolName));
  return pool;
}

/**
 * A service starting on a pool (created or resumed) needs the pool running. Compute pool docs (AUTO_RESUME): a
 * suspended pool with AUTO_RESUME resumes "when a service or job is submitted to it"; without AUTO_RESUME the
 * emulator refuses the service (400, emulator-chosen code: Snowflake's answer in that case is not confirmed).
 */
export function refuseUnlessPoolCanRun(pool: CatalogObject): void {
  if (pool.facts.state !== "suspended" || pool.values.auto_resume !== false) return;
  throw new ApiError(400, ErrorCodes.computePoolSuspended, `Compute pool ${formatIdentifier(pool.name)} is suspended and its AUTO_RESUME is FALSE: resume the compute pool (ALTER COMPUTE POOL ... RESUME) before starting a service on it.`);
}

/** Resumes a suspended pool a service starts on, as ALTER COMPUTE POOL ... RESUME would (after refuseUnlessPoolCanRun). */
export function resumePoolFor(pool: CatalogObject, account: AccountState): void {
  if (pool.facts.state !== "suspended") return;
  pool.kind.runState?.beforeTransition?.(pool, "running", { account });
  pool.facts.state = "running";
  pool.facts.resumedOn = new Date();
}

/** A service stops running: ALTER SERVICE ... SUSPEND, or its pool's suspension. */
export function suspendService(service: CatalogObject): void {
  if (service.facts.state === "suspended") return;
  service.facts.state = "suspended";
  service.facts.suspendedOn = new Date();
}

/**
 * ALTER COMPUTE POOL docs: SUSPEND suspends all services in the pool (jobs run to a terminal state; the emulator
 * has no jobs).
 */
export function suspendServicesOnPool(account: AccountState, poolName: string): void {
  for (const service of servicesOnPool(account, poolName)) suspendService(service);
}

/** ALTER COMPUTE POOL ... STOP ALL (and :stop-all-services) "drops both services and jobs" (ALTER COMPUTE POOL docs). */
export function dropServicesOnPool(account: AccountState, poolName: string): number {
  const services = servicesOnPool(account, poolName);
  for (const service of services) collectionOf(service.parent, SERVICES).delete(service.name);
  return services.length;
}

/**
 * DROP COMPUTE POOL docs: Snowflake does not drop running services -- the command fails while services are on the
 * pool, and ALTER COMPUTE POOL ... STOP ALL drops them first. The emulator refuses while any service is on the
 * pool, suspended ones included (not confirmed for suspended services), with 409 and an emulator-chosen code; the
 * message names how many, as SHOW SERVICES IN COMPUTE POOL <name> lists which.
 */
export function refuseDropWhileServices(pool: CatalogObject, account: AccountState): void {
  const count = servicesOnPool(account, pool.name).length;
  if (count === 0) return;
  const shown = formatIdentifier(pool.name);
  throw new ApiError(409, ErrorCodes.computePoolHasServices, `Cannot drop compute pool ${shown}: ${count} service${count === 1 ? "" : "s"} still run${count === 1 ? "s" : ""} on it. Drop them, or stop them all with ALTER COMPUTE POOL ${shown} STOP ALL, then drop the pool.`);
}
