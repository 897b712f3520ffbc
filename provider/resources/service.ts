// service.yaml components/schemas/Service: a Snowpark Container Services service. Behaviour from the CREATE / ALTER /
// DROP SERVICE, SHOW SERVICE CONTAINERS IN SERVICE and SHOW ENDPOINTS docs.
// - Changes go through ALTER SERVICE (its documented SET / UNSET list and FROM SPECIFICATION / FROM @stage
//   SPECIFICATION_FILE), not the PUT: the docs say which ALTER changes what, while what createOrAlterService does
//   with a spec it is sent again was not confirmed. ALTER SERVICE cannot move a service to another compute pool, and
//   has no RENAME TO: either is a new service.
// - The specification is written only (ServiceSpec is writeOnly): it is compared with the declaration, and
//   `spec_digest` tells when someone replaced it outside Pulumi.
// - up waits until the containers are READY and the public endpoints have their URLs (readiness below), so a
//   program can export `publicEndpoints` without the quickstart's polling loop.
import { defineResource } from "../engine/define";
import { Properties, ReadinessVerdict } from "../engine/definition";
import { jsonObjectKind } from "../engine/kinds/json";
import { listKind } from "../engine/kinds/structures";
import { identifierKind } from "../engine/kinds/names";
import { booleanKind, integerKind, textKind } from "../engine/kinds/scalars";
import { declaresBlockVolumes, fromSpecification, fromSpecificationFile, serviceSpecificationFileKind, serviceSpecificationKind } from "../engine/kinds/service-specs";
import { isSet } from "../engine/field-kind";
import { joinSql, sql } from "../sql/sql-text";
import * as wire from "../wire/service";
import { commentField, field, nameField, output, ownershipOutputs, schemaObjectIdentity, schemaObjectPath } from "./common";

type Row = Record<string, unknown>;
const rowsOf = (answer: unknown): Row[] => (Array.isArray(answer) ? (answer as Row[]) : []);

// SHOW ENDPOINTS docs: ingress_url is the URL once provisioned; until then Snowflake puts a sentence there
// ("Endpoints provisioning in progress... check back in a few minutes", as the Python quickstart prints).
const isProvisioned = (url: unknown) => typeof url === "string" && /^[a-z0-9.-]+$/i.test(url.trim());
const publicEndpoints = (answer: unknown) => rowsOf(answer).filter((endpoint) => endpoint.is_public === true);

/** SHOW SERVICE CONTAINERS IN SERVICE: READY once an instance's containers all are; FAILED fails the wait. */
function containersVerdict(answer: unknown, properties: Properties): ReadinessVerdict {
  const rows = rowsOf(answer);
  const where = (row: Row) => `container ${row.container_name} of instance ${row.instance_id}`;
  const failed = rows.find((row) => String(row.status).toUpperCase() === "FAILED" || String(row.service_status).toUpperCase() === "FAILED");
  if (failed) return { failed: `${where(failed)} is ${failed.status}${failed.message ? `: ${failed.message}` : ""}` };
  const instances = new Map<string, Row[]>();
  for (const row of rows) instances.set(String(row.instance_id), [...(instances.get(String(row.instance_id)) ?? []), row]);
  const ready = [...instances.values()].filter((containers) => containers.every((row) => String(row.status).toUpperCase() === "READY")).length;
  // CREATE SERVICE docs: MIN_READY_INSTANCES ready instances make the service READY (default: MIN_INSTANCES).
  const needed = Number(properties.minReadyInstances ?? properties.minInstances ?? 1);
  if (rows.length > 0 && ready >= needed) return { ready: true };
  const waiting = rows.filter((row) => String(row.status).toUpperCase() !== "READY").map((row) => `${where(row)} is ${row.status}${row.message ? ` (${row.message})` : ""}`);
  return { ready: false, waitingFor: waiting.length ? waiting.join("; ") : "no container is reported yet" };
}

function endpointsVerdict(answer: unknown): ReadinessVerdict {
  const pending = publicEndpoints(answer).filter((endpoint) => !isProvisioned(endpoint.ingress_url));
  if (pending.length === 0) return { ready: true };
  return { ready: false, waitingFor: pending.map((endpoint) => `public endpoint ${endpoint.name} is not provisioned yet (${JSON.stringify(endpoint.ingress_url ?? null)})`).join("; ") };
}

/** `{ name: "https://<ingress_url>" }` for each public endpoint with its URL. */
function endpointUrls(answer: unknown): Record<string, string> | undefined {
  const urls = publicEndpoints(answer).filter((endpoint) => isProvisioned(endpoint.ingress_url)).map((endpoint) => [String(endpoint.name), `https://${String(endpoint.ingress_url).trim()}`]);
  return urls.length ? Object.fromEntries(urls) : undefined;
}

const instanceCount = () => integerKind({ min: 1 });

export const service = defineResource({
  typeName: "Service",
  noun: "service",
  doc: "A Snowpark Container Services service: containers from a specification, run on a compute pool (REST: .../schemas/{schema}/services). up waits until it is READY and its public endpoints are provisioned (`publicEndpoints`).",
  collectionPath: schemaObjectPath("services"),
  changes: "sql",
  sqlObjectType: "SERVICE",
  // service.yaml :resume / :suspend. A service with auto_suspend_secs suspends itself, which `suspended: false` accepts.
  runState: { wire: "status", suspendedValues: ["SUSPENDED", "SUSPENDING"], via: "rest", suspendsItself: true, createdSuspended: false },
  // Service specification reference: a block storage volume lives and dies with its service.
  dataBearing: { loses: "its block storage volumes", when: (properties) => declaresBlockVolumes(properties.specification) },
  fields: {
    ...schemaObjectIdentity("service"),
    name: { ...nameField("service"), doc: "Name of the service. Default: derived from the resource name. ALTER SERVICE has no rename: a change means a new service." },
    computePool: field("compute_pool", identifierKind(), "The compute pool the service runs on (e.g. `pool.name`, so the service is deleted before its pool). ALTER SERVICE cannot move a service.", { required: true, immutable: true }),
    specification: field("spec", serviceSpecificationKind(), "The specification inline: YAML text, or the same document as an object (serialized to YAML), e.g. `{ spec: { containers: [{ name: \"web\", image: pulumi.interpolate`${repo.repositoryUrl}/nginx:latest` }] } }`. Give this or specificationFile. A change updates the service in place (ALTER SERVICE ... FROM SPECIFICATION).", {
      writeOnly: true,
      digest: "specDigest",
      sql: { set: fromSpecification, unset: "byReplacement" },
    }),
    specificationFile: field("spec", serviceSpecificationFileKind(), "The specification as a file on an internal stage (e.g. one a StageFile uploads). Give this or specification. A change updates the service in place (ALTER SERVICE ... FROM `@stage` SPECIFICATION_FILE); a new content of the same file is only read then.", {
      writeOnly: true,
      digest: "specDigest",
      sql: { set: fromSpecificationFile, unset: "byReplacement" },
    }),
    // CREATE SERVICE docs: MIN_INSTANCES and MAX_INSTANCES default to 1; MIN_READY_INSTANCES defaults to MIN_INSTANCES.
    minInstances: field("min_instances", instanceCount(), "Fewest instances Snowflake runs. Default 1.", { serverDefault: 1 }),
    maxInstances: field("max_instances", instanceCount(), "Most instances Snowflake may scale to, at least minInstances. Default 1.", { serverDefault: 1 }),
    minReadyInstances: field("min_ready_instances", instanceCount(), "Ready instances that make the service READY, at most minInstances. Default: minInstances.", { filledBySnowflake: true }),
    autoResume: field("auto_resume", booleanKind(), "Resume when a service function or ingress is called. Default true.", { serverDefault: true }),
    // service.yaml: 0 (the default) never suspends. Not in the ALTER SERVICE docs' SET list that was read (see note).
    autoSuspendSecs: field("auto_suspend_secs", integerKind({ min: 0 }), "Seconds of inactivity after which Snowflake suspends the service; 0 (default) never.", { serverDefault: 0 }),
    queryWarehouse: field("query_warehouse", identifierKind(), "Warehouse for queries a container runs without naming one."),
    externalAccessIntegrations: field("external_access_integrations", listKind(identifierKind(), { ordered: false, itemWords: "external access integration names" }), "External access integrations that let the containers reach outside sites.", {
      sql: {
        set: (value) => sql`SET EXTERNAL_ACCESS_INTEGRATIONS = (${joinSql((value as string[]).map((name) => identifierKind().toSql(name)), ", ")})`,
        unset: sql`UNSET EXTERNAL_ACCESS_INTEGRATIONS`,
      },
    }),
    comment: commentField("service"),
  },
  settings: {
    readyTimeoutSecs: { kind: integerKind({ min: 0 }), doc: "Seconds up waits, after creating, changing or resuming the service, until it is READY (and, with waitForEndpoints, its public endpoints have URLs); past it, up fails with the containers' status. Default 600." },
    waitForEndpoints: { kind: booleanKind(), doc: "Wait until every public endpoint is provisioned, so publicEndpoints holds its URL. Default true; false stops waiting once the containers are READY." },
  },
  readiness: {
    timeoutSetting: "readyTimeoutSecs",
    defaultTimeoutSecs: 600,
    checks: [
      // service.yaml: GET /containers (the /status endpoint is deprecated).
      { path: "containers", verdict: containersVerdict },
      { path: "endpoints", applies: (properties) => properties.waitForEndpoints !== false, verdict: endpointsVerdict },
    ],
  },
  attachedReads: [{ path: "endpoints", wire: "public_endpoints", pick: endpointUrls }],
  outputs: {
    status: output("status", textKind(), "PENDING, RUNNING, FAILED, DONE, SUSPENDING, SUSPENDED, DELETING or DELETED, as Snowflake reports it."),
    dnsName: output("dns_name", textKind(), "The DNS name other services reach this one by."),
    publicEndpoints: output("public_endpoints", { ...jsonObjectKind({ what: "endpoint URLs" }), shape: { map: { primitive: "string" } } }, "URL of each provisioned public endpoint by endpoint name, e.g. `{ ui: \"https://…snowflakecomputing.app\" }`."),
    currentInstances: output("current_instances", integerKind(), "Instances running now."),
    targetInstances: output("target_instances", integerKind(), "Instances Snowflake is scaling to."),
    specDigest: output("spec_digest", textKind(), "Snowflake's digest of the specification in use; another digest on refresh means the specification was replaced outside Pulumi."),
    isUpgrading: output("is_upgrading", booleanKind(), "Whether Snowflake is upgrading the service."),
    updatedOn: output("updated_on", textKind(), "When the service was last changed (ISO 8601)."),
    ownerRoleType: output("owner_role_type", textKind(), "Type of the role that owns the service."),
    ...ownershipOutputs("service"),
  },
  notOffered: {
    is_async_job: "job services are run by EXECUTE JOB SERVICE (POST services:execute-job), not kept as resources",
  },
  crossChecks(properties) {
    const failures: { property: string; reason: string }[] = [];
    const inline = isSet(properties.specification);
    const file = isSet(properties.specificationFile);
    if (inline === file) failures.push({ property: "specification", reason: inline ? "given together with specificationFile; give one of them" : "required: give specification (YAML text or an object) or specificationFile" });
    return failures;
  },
  // CREATE SERVICE docs: MAX_INSTANCES is at least MIN_INSTANCES; MIN_READY_INSTANCES at most MIN_INSTANCES (default 1).
  rules: [
    { atMost: ["minInstances", "maxInstances"], because: "a service's most instances cannot be fewer than its fewest", reportOn: "upper" },
    { atMost: ["minReadyInstances", "minInstances"], because: "a service cannot wait for more ready instances than it runs at least", upperDefault: 1 },
  ],
  wire: { schema: wire.Service, properties: wire.Service_PROPERTIES, readOnly: wire.Service_READ_ONLY },
});
