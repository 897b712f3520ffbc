// What a service reports as it runs (SHOW SERVICES, SHOW SERVICE CONTAINERS IN SERVICE, SHOW SERVICE INSTANCES IN
// SERVICE, SHOW ENDPOINTS docs; service.yaml ServiceContainer / ServiceInstance / ServiceEndpoint). Deterministic:
// progress is counted in reads (emulator.knobs.services), never in time.
//
// A created, resumed or re-specified service starts a rollout: it is PENDING, its containers PENDING with
// "Pending scheduling." (service.yaml ServiceContainer example), for readsUntilReady reads of it; then its containers
// are READY and it is RUNNING -- unless a knob fails the containers (FAILED, the service FAILED) or holds them
// (PENDING for as long as the rule stands).
import { createHash } from "node:crypto";
import { type CatalogObject, storedPath, type WireValues } from "../catalog/catalog";
import { formatIdentifier } from "../identifiers";
import type { AccountState } from "../state";
import { organizationAccountLabel } from "./image-repository";
import type { DeployedSpec, SpecContainer } from "./service-spec";

/** Where a service keeps the specification it runs: read at create / alter time (service-spec.ts), never rendered. */
export const DEPLOYED_SPEC = "__deployed_spec";

// SHOW ENDPOINTS: what ingress_url says while a public endpoint is being provisioned (as Snowflake prints it; the
// Snowflake quickstarts poll for exactly this text).
export const ENDPOINTS_PROVISIONING = "Endpoints provisioning in progress... check back in a few minutes";
// SHOW SERVICE CONTAINERS IN SERVICE: message of a container being deployed (service.yaml ServiceContainer example).
const PENDING_MESSAGE = "Pending scheduling.";
// Not confirmed: the message of a READY container (tutorial outputs of SYSTEM$GET_SERVICE_STATUS show "Running").
const READY_MESSAGE = "Running";

type ContainerStatus = "PENDING" | "READY" | "FAILED";
interface Rollout { readsLeft: number; upgrading: boolean; createdOn: Date }

export interface Observation {
  /** SHOW SERVICES status: PENDING, RUNNING, FAILED or SUSPENDED (of the docs' PENDING, RUNNING, FAILED, DONE, ...). */
  status: string;
  upgrading: boolean;
  containers: { container: SpecContainer; status: ContainerStatus; message: string }[];
}

export const deployedSpec = (service: CatalogObject) => service.values[DEPLOYED_SPEC] as DeployedSpec;
export const minInstances = (service: CatalogObject) => Number(service.values.min_instances ?? 1);
const rolloutOf = (service: CatalogObject) => service.facts.rollout as Rollout | undefined;

/** A new rollout: creation, RESUME, or a new specification (ALTER SERVICE docs: the service restarts with new code). */
export function startRollout(service: CatalogObject, account: AccountState, upgrading: boolean, spec: DeployedSpec = deployedSpec(service)): void {
  service.facts.rollout = { readsLeft: Math.max(0, Math.floor(account.serviceBehaviour.readsUntilReady)), upgrading, createdOn: new Date() } satisfies Rollout;
  delete service.facts.startedOn;
  // Provisioned ingress URLs stay with the endpoints of the same name that are still public.
  const stillPublic = spec.endpoints.filter((endpoint) => endpoint.public).map((endpoint) => endpoint.name);
  service.facts.provisionedEndpoints = ((service.facts.provisionedEndpoints as string[] | undefined) ?? []).filter((name) => stillPublic.includes(name));
}

function containerStatus(service: CatalogObject, container: SpecContainer, account: AccountState): { status: ContainerStatus; message: string } {
  const rule = account.serviceBehaviour.ruleFor(container.image);
  if (rule?.outcome === "hold" || (rolloutOf(service)?.readsLeft ?? 0) > 0) return { status: "PENDING", message: PENDING_MESSAGE };
  // Not confirmed: the wording of Snowflake's message for an image it cannot pull.
  if (rule?.outcome === "fail") return { status: "FAILED", message: rule.message ?? `Failed to pull image "${container.image}".` };
  return { status: "READY", message: READY_MESSAGE };
}

/** The service's state now, without using up a read (a compute pool looking at its services). */
export function peek(service: CatalogObject, account: AccountState): Observation {
  const rollout = rolloutOf(service);
  if (service.facts.state === "suspended") return { status: "SUSPENDED", upgrading: false, containers: [] };
  const containers = deployedSpec(service).containers.map((container) => ({ container, ...containerStatus(service, container, account) }));
  const status = containers.some((row) => row.status === "FAILED") ? "FAILED" : containers.some((row) => row.status === "PENDING") ? "PENDING" : "RUNNING";
  return { status, upgrading: rollout !== undefined && rollout.readsLeft > 0 && rollout.upgrading, containers };
}

/** The service's state as this read sees it; the read then uses up one step of a pending rollout. */
export function observe(service: CatalogObject, account: AccountState): Observation {
  const seen = peek(service, account);
  const rollout = rolloutOf(service);
  if (seen.status !== "SUSPENDED" && rollout && --rollout.readsLeft <= 0) delete service.facts.rollout;
  if (seen.status === "RUNNING") {
    service.facts.everRunning = true;
    service.facts.startedOn ??= new Date();
  }
  return seen;
}

function names(service: CatalogObject): WireValues {
  const [database, schema, name] = storedPath(service).map(formatIdentifier);
  return { database_name: database, schema_name: schema, service_name: name };
}

/** The instance status from its containers (SHOW SERVICE CONTAINERS IN SERVICE docs: PENDING, READY, FAILED, ...). */
const instanceStatus = (seen: Observation) => (seen.containers.some((row) => row.status === "FAILED") ? "FAILED" : seen.containers.some((row) => row.status === "PENDING") ? "PENDING" : "READY");
const instanceIds = (service: CatalogObject) => Array.from({ length: minInstances(service) }, (_, index) => String(index));
export const iso = (date: unknown) => (date instanceof Date ? date.toISOString() : undefined);

/**
 * GET /containers: one row per container per instance (instance ids "0", "1", ... up to min_instances). SHOW SERVICE
 * CONTAINERS IN SERVICE docs: with no instance running (a SUSPENDED service) instance and container fields are NULL
 * -- here one row with the service's names and status, the null fields left out (ServiceContainer is all optional).
 */
export function containerRows(service: CatalogObject, account: AccountState): WireValues[] {
  const seen = observe(service, account);
  if (seen.status === "SUSPENDED") return [{ ...names(service), service_status: seen.status }];
  return instanceIds(service).flatMap((instanceId) =>
    seen.containers.map(({ container, status, message }) => ({
      ...names(service),
      service_status: seen.status,
      instance_id: instanceId,
      instance_status: instanceStatus(seen),
      container_name: container.name,
      status,
      message,
      image_name: container.image,
      // Not a registry digest: a stable stand-in derived from the image name.
      image_digest: `sha256:${createHash("sha256").update(container.image).digest("hex")}`,
      restart_count: 0,
      ...(status === "READY" && { start_time: iso(service.facts.startedOn) }),
    }))
  );
}

/** GET /instances (SHOW SERVICE INSTANCES IN SERVICE): one row per instance; a suspended service has none. */
export function instanceRows(service: CatalogObject, account: AccountState): WireValues[] {
  const seen = observe(service, account);
  if (seen.status === "SUSPENDED") return [];
  const status = instanceStatus(seen);
  const createdOn = rolloutOf(service)?.createdOn ?? service.facts.startedOn ?? service.createdOn;
  return instanceIds(service).map((instanceId) => ({
    ...names(service),
    service_status: seen.status,
    instance_id: instanceId,
    status,
    spec_digest: deployedSpec(service).digest,
    creation_time: iso(createdOn),
    ...(status === "READY" && { start_time: iso(service.facts.startedOn) }),
  }));
}

/** `count` lowercase letters and digits from a hash of the parts (deterministic host labels). */
function hashLabel(parts: string[], count: number): string {
  const digest = createHash("sha256").update(parts.join("\u0000")).digest();
  return Array.from(digest.subarray(0, count), (byte) => "abcdefghijklmnopqrstuvwxyz0123456789"[byte % 36]).join("");
}

/**
 * SHOW SERVICES dns_name (BCR 2024_06 "New format for the DNS name of a service"): `service-name.unique-id.svc.spcs.
 * internal`, unique-id a 4-8 character alphanumeric id of the schema; the name lower-cased with dashes for
 * underscores as DNS labels need. Here the id is a hash of the database and schema names (Snowflake gives a schema
 * dropped and recreated a new one; the emulator does not).
 */
export function dnsName(service: CatalogObject): string {
  const [database, schema, name] = storedPath(service);
  return `${name.toLowerCase().replace(/_/g, "-")}.${hashLabel([database, schema], 4)}.svc.spcs.internal`;
}

/**
 * A provisioned public endpoint's ingress host (service.yaml ServiceEndpoint example `abcd-org-acc.snowflakecomputing.app`:
 * host only, no scheme). Each public endpoint gets a host of its own here (not confirmed whether Snowflake gives one
 * per endpoint or one per service).
 */
function ingressHost(service: CatalogObject, endpoint: string, account: AccountState): string {
  return `${hashLabel([...storedPath(service), endpoint], 8)}-${organizationAccountLabel(account)}.snowflakecomputing.app`;
}

/**
 * GET /endpoints (SHOW ENDPOINTS docs: name, port, port_range, protocol, is_public, ingress_url). A public endpoint
 * answers the provisioning text until the service has run and readsUntilEndpoints reads of /endpoints have passed,
 * then its URL; a private endpoint has no ingress_url (left out). Reading endpoints does not advance the rollout.
 */
export function endpointRows(service: CatalogObject, account: AccountState): WireValues[] {
  const endpoints = deployedSpec(service).endpoints;
  const provisioned = (service.facts.provisionedEndpoints as string[] | undefined) ?? [];
  const waiting = endpoints.filter((endpoint) => endpoint.public && !provisioned.includes(endpoint.name));
  if (waiting.length && service.facts.everRunning) {
    service.facts.endpointReadsLeft ??= Math.max(0, Math.floor(account.serviceBehaviour.readsUntilEndpoints));
    if ((service.facts.endpointReadsLeft as number) > 0) service.facts.endpointReadsLeft = (service.facts.endpointReadsLeft as number) - 1;
    else {
      provisioned.push(...waiting.map((endpoint) => endpoint.name));
      service.facts.provisionedEndpoints = provisioned;
      delete service.facts.endpointReadsLeft;
    }
  }
  return endpoints.map((endpoint) => ({
    name: endpoint.name,
    ...(endpoint.port !== undefined ? { port: endpoint.port } : { portRange: endpoint.portRange }),
    protocol: endpoint.protocol,
    is_public: endpoint.public,
    ...(endpoint.public && { ingress_url: provisioned.includes(endpoint.name) ? ingressHost(service, endpoint.name, account) : ENDPOINTS_PROVISIONING }),
  }));
}

/**
 * GET /status (deprecated for /containers): service.yaml answers `system$get_service_status`, a JSON text -- here in
 * the shape the SYSTEM$GET_SERVICE_STATUS tutorials print (status, message, containerName, instanceId, serviceName,
 * image, restartCount, startTime; not confirmed beyond them). `timeout` waits for nothing: progress is in reads.
 */
export function statusText(service: CatalogObject, account: AccountState): string {
  const rows = containerRows(service, account).filter((row) => row.container_name !== undefined);
  return JSON.stringify(rows.map((row) => ({
    status: row.status, message: row.message, containerName: row.container_name, instanceId: row.instance_id, serviceName: row.service_name,
    image: row.image_name, restartCount: row.restart_count, startTime: row.start_time ?? "",
  })));
}
