// The emulator's Snowpark Container Services services over REST and SQL (service.yaml): answers that fit the strict
// models, states counted in reads, endpoints provisioned after a few reads, specifications checked as Snowflake
// would, and a compute pool that counts, suspends and stops its services and refuses to be dropped while they exist.
import { z } from "zod";
import * as wire from "../provider/wire/service";
import { startTestStack, TestStack } from "./support/test-stack";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  expect((await stack.rest("POST", "/api/v2/databases", { name: "EMU_DB" })).status).toBe(200);
  expect((await stack.rest("POST", "/api/v2/compute-pools", { name: "EMU_POOL", instance_family: "CPU_X64_XS", min_nodes: 1, max_nodes: 2 })).status).toBe(200);
});
afterAll(async () => { await stack.close(); });
afterEach(() => stack.emulator.knobs.services.reset());

const SERVICES = "/api/v2/databases/EMU_DB/schemas/PUBLIC/services";
const POOL = "/api/v2/compute-pools/EMU_POOL";
const get = async (path: string) => (await stack.rest("GET", path)).body;
const expectModel = (model: z.ZodType, value: unknown) => expect(model.safeParse(value).error).toBeUndefined();
const spec = (image = "nginx:latest") => ({ spec_type: "from_inline", spec_text: `spec:\n  containers:\n  - name: web\n    image: /emu_db/public/repo/${image}\n  endpoints:\n  - name: ui\n    port: 80\n    public: true\n` });
const create = (name: string, extra: Record<string, unknown> = {}) => stack.rest("POST", SERVICES, { name, compute_pool: "EMU_POOL", spec: spec(), ...extra });

test("a new service is PENDING for two reads, then RUNNING with READY containers; answers fit the strict models", async () => {
  expect((await create("svc_a", { min_instances: 2, max_instances: 3 })).status).toBe(200);
  const pending = await get(`${SERVICES}/SVC_A`);
  expectModel(wire.ServiceStrict, pending);
  expect(pending).toMatchObject({ name: "SVC_A", status: "PENDING", compute_pool: "EMU_POOL", min_instances: 2, max_instances: 3, auto_resume: true, auto_suspend_secs: 0 });
  expect(pending.spec).toBeUndefined();
  expect(pending.dns_name).toMatch(/^svc-a\.[a-z0-9]+\.svc\.spcs\.internal$/);
  const containers = await get(`${SERVICES}/SVC_A/containers`);
  containers.forEach((row: unknown) => expectModel(wire.ServiceContainerStrict, row));
  expect(containers.map((row: { instance_id: string; status: string }) => [row.instance_id, row.status])).toEqual([["0", "PENDING"], ["1", "PENDING"]]);
  const ready = await get(`${SERVICES}/SVC_A/containers`);
  expect(ready.map((row: { status: string }) => row.status)).toEqual(["READY", "READY"]);
  expect((await get(`${SERVICES}/SVC_A`)).status).toBe("RUNNING");
  (await get(`${SERVICES}/SVC_A/instances`)).forEach((row: unknown) => expectModel(wire.ServiceInstanceStrict, row));
  // The pool's first read since it was created reports STARTING (kinds/compute-pool.ts), then it runs the service.
  expect(await get(POOL)).toMatchObject({ num_services: 1, state: "STARTING" });
  expect(await get(POOL)).toMatchObject({ num_services: 1, state: "ACTIVE", active_nodes: 1 });
});

test("a public endpoint answers Snowflake's provisioning text for two reads, then its URL", async () => {
  const read = async () => (await get(`${SERVICES}/SVC_A/endpoints`))[0];
  const first = await read();
  expectModel(wire.ServiceEndpointStrict, first);
  expect(first).toMatchObject({ name: "ui", port: 80, protocol: "HTTP", is_public: true, ingress_url: "Endpoints provisioning in progress... check back in a few minutes" });
  await read();
  expect((await read()).ingress_url).toMatch(/^[a-z0-9]{8}-emulatororg-emulator\.snowflakecomputing\.app$/);
});

test("a new specification (ALTER SERVICE ... FROM SPECIFICATION) has a new digest and rolls out again; suspend and resume", async () => {
  const before = (await get(`${SERVICES}/SVC_A`)).spec_digest;
  await stack.sql(`ALTER SERVICE EMU_DB.PUBLIC.SVC_A FROM SPECIFICATION $$${spec("nginx:1.27").spec_text}$$`);
  const after = await get(`${SERVICES}/SVC_A`);
  expect(after.spec_digest).not.toBe(before);
  expect(after.status).toBe("PENDING");
  await stack.sql("ALTER SERVICE EMU_DB.PUBLIC.SVC_A SET MIN_INSTANCES = 1 COMMENT = 'v2'");
  expect(await get(`${SERVICES}/SVC_A`)).toMatchObject({ min_instances: 1, comment: "v2" });
  expect((await stack.rest("POST", `${SERVICES}/SVC_A:suspend`)).status).toBe(200);
  expect((await get(`${SERVICES}/SVC_A`)).status).toBe("SUSPENDED");
  expect((await stack.rest("POST", `${SERVICES}/SVC_A:resume`)).status).toBe(200);
  expect((await get(`${SERVICES}/SVC_A`)).status).toBe("PENDING");
});

test("knobs fail or hold containers by image", async () => {
  stack.emulator.knobs.services.failContainers(/broken/, "Failed to pull image.");
  stack.emulator.knobs.services.holdContainers(/stuck/);
  expect((await create("svc_broken", { spec: spec("broken:1") })).status).toBe(200);
  expect((await create("svc_stuck", { spec: spec("stuck:1") })).status).toBe(200);
  for (let read = 0; read < 3; read++) await get(`${SERVICES}/SVC_BROKEN/containers`);
  expect((await get(`${SERVICES}/SVC_BROKEN/containers`))[0]).toMatchObject({ status: "FAILED", message: "Failed to pull image." });
  for (let read = 0; read < 4; read++) expect((await get(`${SERVICES}/SVC_STUCK/containers`))[0].status).toBe("PENDING");
  for (const name of ["SVC_BROKEN", "SVC_STUCK"]) expect((await stack.rest("DELETE", `${SERVICES}/${name}`)).status).toBe(200);
});

test("bad specifications, a missing pool, orReplace and moving to another pool are refused", async () => {
  const notYaml = await create("bad", { spec: { spec_type: "from_inline", spec_text: "spec: [" } });
  expect(notYaml.status).toBe(400);
  expect(notYaml.body.message).toMatch(/not valid YAML/);
  expect((await create("bad", { spec: { spec_type: "from_inline", spec_text: "spec:\n  endpoints: []\n" } })).status).toBe(400);
  expect((await create("bad", { compute_pool: "NO_SUCH_POOL" })).status).toBe(404);
  expect((await stack.rest("POST", `${SERVICES}?createMode=orReplace`, { name: "bad", compute_pool: "EMU_POOL", spec: spec() })).status).toBe(400);
  expect((await create("bad", { min_instances: 3, max_instances: 2 })).status).toBe(400);
  expect((await stack.rest("GET", `${SERVICES}/BAD`)).status).toBe(404);
});

test("SHOW SERVICES IN COMPUTE POOL lists the pool's services", async () => {
  const answer = await stack.sql("SHOW SERVICES IN COMPUTE POOL EMU_POOL");
  const names = answer.body.resultSetMetaData.rowType.map((column: { name: string }) => column.name);
  const rows = answer.body.data.map((row: string[]) => row[names.indexOf("name")]);
  expect(rows).toEqual(["SVC_A"]);
});

test("a pool with services cannot be dropped; suspending it suspends them; :stop-all-services drops them", async () => {
  const refused = await stack.rest("DELETE", POOL);
  expect(refused.status).toBe(409);
  expect(refused.body.message).toMatch(/1 service still runs on it/);
  expect((await stack.rest("POST", `${POOL}:suspend`)).status).toBe(200);
  expect((await get(`${SERVICES}/SVC_A`)).status).toBe("SUSPENDED");
  expect((await stack.rest("PUT", POOL, { name: "EMU_POOL", instance_family: "CPU_X64_XS", min_nodes: 1, max_nodes: 2, auto_resume: false })).status).toBe(200);
  const onSuspended = await create("svc_b");
  expect(onSuspended.status).toBe(400);
  expect(onSuspended.body.message).toMatch(/suspended and its AUTO_RESUME is FALSE/);
  expect((await stack.rest("POST", `${POOL}:stop-all-services`)).status).toBe(200);
  expect((await stack.rest("GET", `${SERVICES}/SVC_A`)).status).toBe(404);
  expect((await get(POOL)).num_services).toBe(0);
  expect((await stack.rest("DELETE", POOL)).status).toBe(200);
});
