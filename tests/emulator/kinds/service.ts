// Snowpark Container Services services (service.yaml; CREATE / ALTER / DROP SERVICE, SHOW SERVICES docs). What a
// service reports as it runs is in service-states.ts, its specification in service-spec.ts, and what it shares
// with its compute pool in service-pool.ts.
import * as wire from "../../../provider/wire/service";
import type { CatalogObject, Container, WireValues } from "../catalog/catalog";
import type { AcceptContext, ObjectKind } from "../catalog/object-kind";
import { badRequest } from "../errors";
import { ok } from "../http";
import { checkRange } from "../rest/body";
import { targetOf } from "../rest/handlers";
import type { AccountState } from "../state";
import { refuseUnlessPoolCanRun, requirePool, resumePoolFor } from "./service-pool";
import { readSpec, type DeployedSpec } from "./service-spec";
import { serviceClauses, serviceShows } from "./service-sql";
import { containerRows, deployedSpec, DEPLOYED_SPEC, dnsName, endpointRows, instanceRows, iso, minInstances, observe, startRollout, statusText } from "./service-states";

const INT64_MAX = Number.MAX_SAFE_INTEGER;

/** The specification a body names, read again only when it differs from the one the service runs. */
function specFor(values: WireValues, context: AcceptContext): DeployedSpec {
  const existing = context.existing;
  if (existing && JSON.stringify(existing.values.spec) === JSON.stringify(values.spec)) return deployedSpec(existing);
  if (values.spec === undefined) throw badRequest("Missing required field 'spec' in Service.");
  return readSpec(values.spec as Record<string, string>, context.parent as Container, context.account);
}

function checkInstances(values: WireValues): void {
  // CREATE SERVICE docs: MIN_INSTANCES and MAX_INSTANCES default to 1 and MIN_READY_INSTANCES to MIN_INSTANCES;
  // MAX_INSTANCES may not be below MIN_INSTANCES, nor MIN_READY_INSTANCES above it.
  for (const field of ["min_instances", "max_instances", "min_ready_instances"]) checkRange(serviceKind, field, values[field], 1, INT64_MAX);
  checkRange(serviceKind, "auto_suspend_secs", values.auto_suspend_secs, 0, INT64_MAX);
  const min = Number(values.min_instances ?? 1);
  if (values.max_instances !== undefined && Number(values.max_instances) < min) throw badRequest(`Invalid value ${values.max_instances} for field 'max_instances' in Service: must not be less than min_instances (${min}).`);
  if (values.min_ready_instances !== undefined && Number(values.min_ready_instances) > min) throw badRequest(`Invalid value ${values.min_ready_instances} for field 'min_ready_instances' in Service: must not exceed min_instances (${min}).`);
}

function poolOf(service: CatalogObject, account: AccountState): CatalogObject {
  return requirePool(account, String(service.values.compute_pool));
}

export const serviceKind: ObjectKind = {
  spec: "service",
  model: "Service",
  objectType: "Service",
  sqlType: "SERVICE",
  parameterLevel: "SERVICE",
  collection: "services",
  scope: "schema",
  wire: { strict: wire.ServiceStrict, properties: wire.Service_PROPERTIES, readOnly: wire.Service_READ_ONLY, writeOnly: wire.Service_WRITE_ONLY },
  // External access integrations are not hosted by the emulator: their names are kept, not checked.
  identifiers: ["compute_pool", "query_warehouse"],
  // CREATE SERVICE docs: AUTO_RESUME defaults to TRUE; service.yaml: auto_suspend_secs 0 (never) by default.
  defaults: { min_instances: 1, max_instances: 1, auto_resume: true, auto_suspend_secs: 0, is_async_job: false },
  // ALTER SERVICE docs: no clause moves a service to another compute pool.
  fixedOnAlter: { compute_pool: "a service cannot be moved to another compute pool" },
  runState: {
    wire: "status",
    running: "RUNNING",
    suspended: "SUSPENDED",
    initial: () => "running",
    // Resuming starts the service again on its pool (which must be able to run it); suspending stops its containers.
    beforeTransition(service, wanted, context) {
      if (wanted === "suspended") {
        delete service.facts.rollout;
        service.facts.suspendedOn = new Date();
        return;
      }
      const pool = poolOf(service, context.account);
      refuseUnlessPoolCanRun(pool);
      resumePoolFor(pool, context.account);
      service.facts.resumedOn = new Date();
      startRollout(service, context.account, false);
    },
  },
  accept(values, context) {
    // `status` is reported, not set: :resume / :suspend change it.
    delete values.status;
    checkInstances(values);
    if (!context.existing) refuseUnlessPoolCanRun(requirePool(context.account, String(values.compute_pool)));
    values[DEPLOYED_SPEC] = specFor(values, context);
    return values;
  },
  created(service, context) {
    resumePoolFor(poolOf(service, context.account), context.account);
    startRollout(service, context.account, false);
  },
  // PUT with another specification restarts the service with it, as ALTER SERVICE ... FROM does.
  alter(service, next, context) {
    const spec = next[DEPLOYED_SPEC] as DeployedSpec;
    if (spec.digest !== deployedSpec(service).digest && service.facts.state !== "suspended") startRollout(service, context.account, true, spec);
  },
  render(service, context) {
    const seen = observe(service, context.account);
    const running = seen.status === "RUNNING";
    return {
      status: seen.status,
      current_instances: running ? minInstances(service) : 0,
      target_instances: seen.status === "SUSPENDED" ? 0 : minInstances(service),
      min_ready_instances: Number(service.values.min_ready_instances ?? minInstances(service)),
      dns_name: dnsName(service),
      updated_on: service.updatedOn.toISOString(),
      resumed_on: iso(service.facts.resumedOn) ?? service.createdOn.toISOString(),
      suspended_on: iso(service.facts.suspendedOn),
      is_job: false,
      spec_digest: deployedSpec(service).digest,
      is_upgrading: seen.upgrading,
    };
  },
  operations: {
    "GET /containers": (kind, context) => ok(containerRows(targetOf(kind, context).object, context.account)),
    "GET /instances": (kind, context) => ok(instanceRows(targetOf(kind, context).object, context.account)),
    "GET /endpoints": (kind, context) => ok(endpointRows(targetOf(kind, context).object, context.account)),
    // service.yaml fetchServiceStatus (deprecated for /containers): `system$get_service_status` as JSON text.
    "GET /status": (kind, context) => ok([{ system$get_service_status: statusText(targetOf(kind, context).object, context.account) }]),
  },
  sqlProperties: {
    MIN_INSTANCES: { wire: "min_instances", value: "integer", unset: true },
    MAX_INSTANCES: { wire: "max_instances", value: "integer", unset: true },
    MIN_READY_INSTANCES: { wire: "min_ready_instances", value: "integer", unset: true },
    QUERY_WAREHOUSE: { wire: "query_warehouse", value: "identifier", unset: true },
    AUTO_RESUME: { wire: "auto_resume", value: "boolean", unset: true },
    // Not in the ALTER SERVICE SET list of the pages read (service.yaml has auto_suspend_secs): not confirmed.
    AUTO_SUSPEND_SECS: { wire: "auto_suspend_secs", value: "integer", unset: true },
    EXTERNAL_ACCESS_INTEGRATIONS: { wire: "external_access_integrations", value: "identifierList", unset: true },
    COMMENT: { wire: "comment", value: "string", unset: true },
  },
  sqlClauses: serviceClauses,
  sqlShows: serviceShows,
};
