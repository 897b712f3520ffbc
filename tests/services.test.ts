// Services through the driver: up waits until the containers are READY and the public endpoints have URLs; the
// specification (inline YAML, an object, or a stage file) changes in place and is put back when replaced by hand;
// `suspended` is desired state; a container that fails or never starts fails the up with its status and leaves
// nothing behind; a pool is deleted after its services, and one running services the stack does not manage is
// refused unless stopServicesOnDelete says otherwise. Check refuses bad input before anything is sent.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { engineAgainst } from "./support/engine-harness";
import { Declaration, expectOk, opOf, startTestStack, TestStack } from "./support/test-stack";

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack.close(); });

const DB = "SVC_DB";
const IN_SCHEMA = `/api/v2/databases/${DB}/schemas/PUBLIC`;
const SERVICE = `${IN_SCHEMA}/services/WEB`;
const POOL = "/api/v2/compute-pools/SVC_POOL";
const get = async (apiPath: string) => (await stack.rest("GET", apiPath)).body;

const nginx = (image = "nginx:latest") => `spec:
  containers:
  - name: web-server
    image: /svc_db/public/repo/${image}
  endpoints:
  - name: ui
    port: 80
    public: true
`;

const base: Declaration[] = [
  { type: "Database", name: "db", args: { name: DB } },
  { type: "ComputePool", name: "pool", args: { name: "svc_pool", instanceFamily: "CPU_X64_XS", minNodes: 1, maxNodes: 2 } },
];
const withService = (args: Record<string, unknown>, poolArgs: Record<string, unknown> = {}): Declaration[] => [
  base[0],
  { ...base[1], args: { ...base[1].args, ...poolArgs } },
  { type: "Service", name: "web", args: { database: { $ref: "db.name" }, schema: "PUBLIC", name: "web", computePool: { $ref: "pool.name" }, specification: nginx(), ...args } },
];
const changesOf = (result: { changes: { name: string; changedProperties?: string[] }[] }, name = "web") => result.changes.find((change) => change.name === name)?.changedProperties ?? [];

describe("a service's life", () => {
  test("up waits until it is RUNNING with its public endpoint provisioned: the URL is an output", async () => {
    const up = expectOk(await stack.run("up", withService({})));
    expect(opOf(up, "web")).toBe("create");
    const live = await get(SERVICE);
    expect(live).toMatchObject({ status: "RUNNING", compute_pool: "SVC_POOL" });
    const state = JSON.parse(fs.readFileSync(stack.stateFile, "utf8"));
    const web = state.checkpoint.latest.resources.find((resource: { urn: string }) => resource.urn.endsWith("::web"));
    expect(web.outputs.status).toBe("RUNNING");
    expect(web.outputs.publicEndpoints.ui).toMatch(/^https:\/\/[a-z0-9]+-[a-z0-9-]+\.snowflakecomputing\.app$/);
    expect(web.outputs.specDigest).toBe(live.spec_digest);
    expect(web.outputs.dnsName).toBe(live.dns_name);
    expect(opOf(expectOk(await stack.run("refresh", withService({}))), "web")).toBe("same");
  });

  test("the same specification re-indented, or written as an object, is no change", async () => {
    const asObject = { spec: { endpoints: [{ public: true, port: 80, name: "ui" }], containers: [{ image: "/svc_db/public/repo/nginx:latest", name: "web-server" }] } };
    expect(opOf(expectOk(await stack.run("up", withService({ specification: asObject }))), "web")).toBe("same");
    expect(opOf(expectOk(await stack.run("up", withService({ specification: nginx().replace(/\n {2}/g, "\n    ") }))), "web")).toBe("same");
  });

  test("a new specification and instance counts change the service in place (ALTER SERVICE), and up waits for it again", async () => {
    const before = await get(SERVICE);
    stack.emulator.clearRequestLog();
    const up = expectOk(await stack.run("up", withService({ specification: nginx("nginx:1.27"), minInstances: 1, maxInstances: 3, comment: "v2" })));
    expect([opOf(up, "web"), changesOf(up).sort()]).toEqual(["update", ["comment", "maxInstances", "minInstances", "specification"]]);
    const after = await get(SERVICE);
    expect(after).toMatchObject({ status: "RUNNING", max_instances: 3, comment: "v2", created_on: before.created_on });
    expect(after.spec_digest).not.toBe(before.spec_digest);
    const statements = stack.emulator.requestLog.filter((entry) => entry.path === "/api/v2/statements").length;
    expect(statements).toBeGreaterThanOrEqual(2);
    expect(stack.emulator.requestLog.filter((entry) => entry.method === "GET" && entry.path === `${SERVICE}/containers`).length).toBeGreaterThan(0);
    expect(stack.emulator.requestLog.filter((entry) => ["POST", "DELETE"].includes(entry.method) && entry.path.startsWith(`${IN_SCHEMA}/services`))).toEqual([]);
  });

  test("a specification replaced by hand is seen by refresh (spec_digest) and put back by up", async () => {
    const declared = withService({ specification: nginx("nginx:1.27"), minInstances: 1, maxInstances: 3, comment: "v2" });
    const digest = (await get(SERVICE)).spec_digest;
    await stack.sql(`ALTER SERVICE ${DB}.PUBLIC.WEB FROM SPECIFICATION $$${nginx("nginx:by-hand")}$$`);
    expect((await get(SERVICE)).spec_digest).not.toBe(digest);
    const refresh = expectOk(await stack.run("refresh", declared));
    expect(changesOf(refresh)).toContain("specification");
    const up = expectOk(await stack.run("up", declared));
    expect([opOf(up, "web"), changesOf(up)]).toEqual(["update", ["specification"]]);
    expect((await get(SERVICE)).spec_digest).toBe(digest);
    expect(opOf(expectOk(await stack.run("refresh", declared)), "web")).toBe("same");
  });

  test("suspended is desired state: up suspends and resumes it; a resume by hand is drift that up undoes", async () => {
    const declared = (suspended: boolean) => withService({ specification: nginx("nginx:1.27"), minInstances: 1, maxInstances: 3, comment: "v2", suspended });
    const suspend = expectOk(await stack.run("up", declared(true)));
    expect([opOf(suspend, "web"), changesOf(suspend)]).toEqual(["update", ["suspended"]]);
    expect((await get(SERVICE)).status).toBe("SUSPENDED");
    await stack.rest("POST", `${SERVICE}:resume`);
    expect(changesOf(expectOk(await stack.run("refresh", declared(true))))).toContain("suspended");
    expectOk(await stack.run("up", declared(true)));
    expect((await get(SERVICE)).status).toBe("SUSPENDED");
    const resume = expectOk(await stack.run("up", declared(false)));
    expect(opOf(resume, "web")).toBe("update");
    expect((await get(SERVICE)).status).toBe("RUNNING");
  });

  test("destroy deletes the service before its pool", async () => {
    expectOk(await stack.run("destroy", withService({})));
    expect((await stack.rest("GET", SERVICE)).status).toBe(404);
    expect((await stack.rest("GET", POOL)).status).toBe(404);
  });
});

describe("readiness", () => {
  afterEach(() => stack.emulator.knobs.services.reset());

  test("a container that fails fails the up with its status, and the service is removed again", async () => {
    stack.emulator.knobs.services.failContainers(/broken/, "Failed to pull image: manifest unknown");
    const up = await stack.run("up", withService({ specification: nginx("broken:1") }));
    expect(up.ok).toBe(false);
    expect(up.error).toMatch(/container web-server of instance 0 is FAILED: Failed to pull image: manifest unknown/);
    expect(up.error).toMatch(/removed again/);
    expect((await stack.rest("GET", SERVICE)).status).toBe(404);
  });

  test("a container that never starts fails the up after readyTimeoutSecs, naming what it waited for", async () => {
    stack.emulator.knobs.services.holdContainers(/stuck/);
    const up = await stack.run("up", withService({ specification: nginx("stuck:1"), readyTimeoutSecs: 2 }));
    expect(up.ok).toBe(false);
    expect(up.error).toMatch(/was not ready within 2 s: container web-server of instance 0 is PENDING.*Set readyTimeoutSecs to wait longer/);
    expect((await stack.rest("GET", SERVICE)).status).toBe(404);
  });

  test("waitForEndpoints: false returns once the containers are READY, before the endpoint has a URL", async () => {
    const up = expectOk(await stack.run("up", withService({ waitForEndpoints: false })));
    expect(opOf(up, "web")).toBe("create");
    const state = JSON.parse(fs.readFileSync(stack.stateFile, "utf8"));
    const web = state.checkpoint.latest.resources.find((resource: { urn: string }) => resource.urn.endsWith("::web"));
    expect(web.outputs.status).toBe("RUNNING");
    expect(web.outputs.publicEndpoints).toBeUndefined();
    expectOk(await stack.run("destroy", withService({})));
  });
});

describe("a specification on a stage", () => {
  test("created from a StageFile, and moved to inline text in place", async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "svc-spec-"));
    try {
      fs.writeFileSync(path.join(directory, "spec.yaml"), nginx());
      const file = { stage: { $concat: [{ $ref: "db.name" }, ".PUBLIC.", { $ref: "specs.name" }] }, path: { $ref: "spec_file.path" } };
      const onStage = (args: Record<string, unknown>): Declaration[] => [
        ...withService(args).slice(0, 2),
        { type: "Stage", name: "specs", args: { database: { $ref: "db.name" }, schema: "PUBLIC", name: "SPECS" } },
        { type: "StageFile", name: "spec_file", args: { database: { $ref: "db.name" }, schema: "PUBLIC", stage: { $ref: "specs.name" }, source: path.join(directory, "spec.yaml"), path: "web/spec.yaml" } },
        withService(args)[2],
      ];
      const up = expectOk(await stack.run("up", onStage({ specification: undefined, specificationFile: file })));
      expect(opOf(up, "web")).toBe("create");
      expect((await get(SERVICE)).status).toBe("RUNNING");
      const inline = expectOk(await stack.run("up", onStage({ specification: nginx("nginx:1.27") })));
      expect([opOf(inline, "web"), changesOf(inline).sort()]).toEqual(["update", ["specification", "specificationFile"]]);
      expectOk(await stack.run("destroy", onStage({})));
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe("a pool running services the stack does not manage", () => {
  // Only the pool is the stack's: the database and the service in it are made by hand.
  const poolOnly = (poolArgs: Record<string, unknown> = {}): Declaration[] => withService({}, poolArgs).slice(1, 2);

  test("is not deleted: the refusal names the services; stopServicesOnDelete drops them with the pool", async () => {
    expect((await stack.rest("POST", "/api/v2/databases", { name: DB })).status).toBe(200);
    expectOk(await stack.run("up", poolOnly()));
    const byHand = { name: "BY_HAND", compute_pool: "SVC_POOL", spec: { spec_type: "from_inline", spec_text: nginx() } };
    expect((await stack.rest("POST", `${IN_SCHEMA}/services`, byHand)).status).toBe(200);
    const refused = await stack.run("destroy", poolOnly());
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/compute pool SVC_POOL cannot be deleted: .*Services on it: SVC_DB\.PUBLIC\.BY_HAND\..*stopServicesOnDelete: true/);
    expect((await stack.rest("GET", `${IN_SCHEMA}/services/BY_HAND`)).status).toBe(200);
    expectOk(await stack.run("up", poolOnly({ stopServicesOnDelete: true })));
    expectOk(await stack.run("destroy", poolOnly({ stopServicesOnDelete: true })));
    expect((await stack.rest("GET", POOL)).status).toBe(404);
    expect((await stack.rest("GET", `${IN_SCHEMA}/services/BY_HAND`)).status).toBe(404);
    expect((await stack.rest("DELETE", `/api/v2/databases/${DB}`)).status).toBe(200);
  });
});

describe("check", () => {
  test("bad input fails with the property, the value and what is allowed, and nothing is sent", async () => {
    const engine = engineAgainst(stack.emulator, "Service");
    const inputs = { database: DB, schema: "PUBLIC", name: "S", computePool: "P" };
    stack.emulator.clearRequestLog();
    const notYaml = await engine.check({}, { ...inputs, specification: "spec:\n  containers: [\n" });
    expect(notYaml.failures).toEqual([{ property: "specification", reason: expect.stringMatching(/is not allowed \(not valid YAML: .*\); expected a service specification/) }]);
    const noContainers = await engine.check({}, { ...inputs, specification: { spec: { endpoints: [{ name: "ui", port: 80 }] } } });
    expect(noContainers.failures).toEqual([{ property: "specification", reason: expect.stringMatching(/spec\.containers is missing or empty/) }]);
    const noImage = await engine.check({}, { ...inputs, specification: "spec:\n  containers:\n  - name: web\n" });
    expect(noImage.failures[0].reason).toMatch(/spec\.containers\[0\] needs a name and an image/);
    const both = await engine.check({}, { ...inputs, specification: nginx(), specificationFile: { stage: "DB.S.SPECS", path: "spec.yaml" } });
    expect(both.failures).toEqual([{ property: "specification", reason: expect.stringMatching(/given together with specificationFile/) }]);
    const neither = await engine.check({}, inputs);
    expect(neither.failures).toEqual([{ property: "specification", reason: expect.stringMatching(/^required: give specification/) }]);
    const counts = await engine.check({}, { ...inputs, specification: nginx(), minInstances: 3, maxInstances: 2, minReadyInstances: 4 });
    expect(counts.failures.map((failure) => failure.property).sort()).toEqual(["maxInstances", "minReadyInstances"]);
    const timeout = await engine.check({}, { ...inputs, specification: nginx(), readyTimeoutSecs: -1 });
    expect(timeout.failures).toEqual([{ property: "readyTimeoutSecs", reason: expect.stringMatching(/^-1 is not allowed/) }]);
    expect(stack.emulator.requestLog).toEqual([]);
  });
});
