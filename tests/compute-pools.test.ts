// Compute pools end to end: the emulator's states and refusals over REST (compute-pool.yaml), check before anything
// is sent, and the ComputePool resource through the driver -- created running or suspended, `suspended` as desired
// state, Snowflake's own suspension not being drift, node counts changed in place, a new family replacing the pool.
import { z } from "zod";
import * as wire from "../provider/wire/compute-pool";
import { COMPUTE_POOL_INSTANCE_FAMILIES } from "../provider/resources/compute-pool-instance-families";
import { engineAgainst } from "./support/engine-harness";
import { Declaration, expectOk, opOf, startTestStack, TestStack } from "./support/test-stack";

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack.close(); });

const POOLS = "/api/v2/compute-pools";
const get = async (path: string) => (await stack.rest("GET", path)).body;
const expectModel = (model: z.ZodType, value: unknown) => expect(model.safeParse(value).error).toBeUndefined();

describe("the emulator", () => {
  const POOL = `${POOLS}/EMU_POOL`;
  beforeAll(async () => {
    const created = await stack.rest("POST", POOLS, { name: "emu_pool", instance_family: "cpu_x64_s", min_nodes: 1, max_nodes: 3 });
    expect(created.status).toBe(200);
  });

  test("a new pool reports STARTING once, then IDLE with its minimum of nodes idle; answers match the spec", async () => {
    const starting = await get(POOL);
    expectModel(wire.ComputePoolStrict, starting);
    expect(starting).toMatchObject({ name: "EMU_POOL", instance_family: "CPU_X64_S", state: "STARTING", idle_nodes: 0, target_nodes: 1, auto_resume: true, auto_suspend_secs: 3600, num_services: 0 });
    expect(await get(POOL)).toMatchObject({ state: "IDLE", idle_nodes: 1, active_nodes: 0 });
    for (const row of await get(POOLS)) expectModel(wire.ComputePoolStrict, row);
  });

  test("suspend, suspend again (no action), resume (STARTING, then IDLE), and resuming a running pool is a 400", async () => {
    expect((await stack.rest("POST", `${POOL}:suspend`)).status).toBe(200);
    expect(await get(POOL)).toMatchObject({ state: "SUSPENDED", idle_nodes: 0 });
    expect((await stack.rest("POST", `${POOL}:suspend`)).status).toBe(200);
    expect((await stack.rest("POST", `${POOL}:resume`)).status).toBe(200);
    expect((await get(POOL)).state).toBe("STARTING");
    expect((await get(POOL)).state).toBe("IDLE");
    expect((await stack.rest("POST", `${POOL}:resume`)).status).toBe(400);
  });

  test("a running pool given a new minimum reports RESIZING once; its instance family cannot change", async () => {
    const body = { name: "EMU_POOL", instance_family: "CPU_X64_S", min_nodes: 2, max_nodes: 3 };
    expect((await stack.rest("PUT", POOL, body)).status).toBe(200);
    expect(await get(POOL)).toMatchObject({ state: "RESIZING", idle_nodes: 1, target_nodes: 2 });
    expect(await get(POOL)).toMatchObject({ state: "IDLE", idle_nodes: 2 });
    const refused = await stack.rest("PUT", POOL, { ...body, instance_family: "CPU_X64_M" });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/instance_family/);
  });

  test("unknown families, more minimum than maximum nodes and quoted names are refused", async () => {
    const family = await stack.rest("POST", POOLS, { name: "BAD_POOL", instance_family: "CPU_X64_HUGE", min_nodes: 1, max_nodes: 1 });
    expect(family.status).toBe(400);
    expect(family.body.message).toMatch(/'CPU_X64_HUGE'.*expected one of CPU_X64_XS, CPU_X64_S/);
    const nodes = await stack.rest("POST", POOLS, { name: "BAD_POOL", instance_family: "CPU_X64_XS", min_nodes: 3, max_nodes: 2 });
    expect(nodes.status).toBe(400);
    expect(nodes.body.message).toMatch(/min_nodes.*must not exceed max_nodes \(2\)/);
    expect((await stack.rest("POST", POOLS, { name: '"bad pool"', instance_family: "CPU_X64_XS", min_nodes: 1, max_nodes: 1 })).status).toBe(400);
    expect((await stack.rest("GET", `${POOLS}/BAD_POOL`)).status).toBe(404);
  });

  test("created with initiallySuspended, a pool starts SUSPENDED", async () => {
    expect((await stack.rest("POST", `${POOLS}?initiallySuspended=true`, { name: "EMU_SUSPENDED", instance_family: "GPU_NV_S", min_nodes: 1, max_nodes: 1 })).status).toBe(200);
    expect((await get(`${POOLS}/EMU_SUSPENDED`)).state).toBe("SUSPENDED");
  });

  test("instance families are the documented list, with this account's nodes in use; stopping all services succeeds", async () => {
    const families = await get(`${POOLS}/instance-families`);
    families.forEach((family: unknown) => expectModel(wire.ComputePoolInstanceFamilyStrict, family));
    expect(families.map((family: { name: string }) => family.name)).toEqual(COMPUTE_POOL_INSTANCE_FAMILIES.map((family) => family.name));
    expect(families.find((family: { name: string }) => family.name === "CPU_X64_S").current_node_usage).toBe(2);
    // No service runs on this pool: stopping them all succeeds and changes nothing (tests/emulator-services.test.ts and
    // tests/services.test.ts stop real ones).
    expect((await stack.rest("POST", `${POOL}:stop-all-services`)).status).toBe(200);
    expect((await stack.rest("DELETE", POOL)).status).toBe(200);
  });
});

describe("check", () => {
  test("bad input fails with the property, the value and what is allowed, and nothing is sent", async () => {
    const engine = engineAgainst(stack.emulator, "ComputePool");
    stack.emulator.clearRequestLog();
    const family = await engine.check({}, { name: "P", instanceFamily: "CPU_X64_HUGE", minNodes: 1, maxNodes: 1 });
    expect(family.failures).toEqual([{ property: "instanceFamily", reason: expect.stringMatching(/^"CPU_X64_HUGE" is not allowed.*expected one of CPU_X64_XS, CPU_X64_S, .*GPU_GCP_NV_A100_8_40G \(any case\)$/) }]);
    const nodes = await engine.check({}, { name: "P", instanceFamily: "cpu_x64_xs", minNodes: 4, maxNodes: 2 });
    expect(nodes.failures).toEqual([{ property: "minNodes", reason: expect.stringMatching(/^4 is more than maxNodes \(2\)/) }]);
    expect((await engine.check({}, { name: "P", instanceFamily: "CPU_X64_XS", minNodes: 0, maxNodes: 2 })).failures).toEqual([{ property: "minNodes", reason: expect.stringMatching(/out of range/) }]);
    expect((await engine.check({}, { name: '"p"', instanceFamily: "CPU_X64_XS", minNodes: 1, maxNodes: 2 })).failures).toEqual([{ property: "name", reason: expect.stringMatching(/cannot be quoted/) }]);
    expect(stack.emulator.requestLog).toEqual([]);
  });
});

describe("the ComputePool resource", () => {
  const PATH = `${POOLS}/APP_POOL`;
  const pool = (args: Record<string, unknown> = {}): Declaration[] => [
    { type: "ComputePool", name: "pool", args: { name: "app_pool", instanceFamily: "cpu_x64_xs", minNodes: 1, maxNodes: 2, autoSuspendSecs: 300, comment: "app", ...args } },
  ];
  const changesOf = (result: { changes: { name: string; changedProperties?: string[] }[] }) => result.changes.find((change) => change.name === "pool")?.changedProperties ?? [];

  test("created running; the first refresh records IDLE in the outputs only", async () => {
    const up = expectOk(await stack.run("up", pool({ suspended: false })));
    expect(opOf(up, "pool")).toBe("create");
    const refresh = expectOk(await stack.run("refresh", pool({ suspended: false })));
    expect(changesOf(refresh).sort()).toEqual(["idleNodes", "state"]);
    expect((await get(PATH)).state).toBe("IDLE");
    expect(opOf(expectOk(await stack.run("up", pool({ suspended: false }))), "pool")).toBe("same");
  });

  test("suspended as desired state: up suspends and resumes in place", async () => {
    const suspend = expectOk(await stack.run("up", pool({ suspended: true })));
    expect([opOf(suspend, "pool"), changesOf(suspend)]).toEqual(["update", ["suspended"]]);
    expect((await get(PATH)).state).toBe("SUSPENDED");
    const resume = expectOk(await stack.run("up", pool({ suspended: false })));
    expect([opOf(resume, "pool"), changesOf(resume)]).toEqual(["update", ["suspended"]]);
    expect((await get(PATH)).state).toBe("IDLE");
  });

  test("a pool Snowflake suspended is not drift of suspended: false; one declared suspended and resumed by hand is", async () => {
    // Auto-suspension (auto_suspend_secs) leaves the pool as :suspend does.
    await stack.rest("POST", `${PATH}:suspend`);
    const refresh = expectOk(await stack.run("refresh", pool({ suspended: false })));
    expect(changesOf(refresh)).not.toContain("suspended");
    expect(changesOf(refresh)).toContain("state");
    expect(opOf(expectOk(await stack.run("up", pool({ suspended: false }))), "pool")).toBe("same");
    expect((await get(PATH)).state).toBe("SUSPENDED");

    expectOk(await stack.run("up", pool({ suspended: true })));
    await stack.rest("POST", `${PATH}:resume`);
    expect(changesOf(expectOk(await stack.run("refresh", pool({ suspended: true }))))).toContain("suspended");
    expectOk(await stack.run("up", pool({ suspended: true })));
    expect((await get(PATH)).state).toBe("SUSPENDED");
  });

  test("node counts change in place by PUT, keeping the pool", async () => {
    const createdOn = (await get(PATH)).created_on;
    stack.emulator.clearRequestLog();
    const up = expectOk(await stack.run("up", pool({ suspended: true, minNodes: 2, maxNodes: 4 })));
    expect([opOf(up, "pool"), changesOf(up).sort()]).toEqual(["update", ["maxNodes", "minNodes"]]);
    expect(stack.emulator.requestLog.filter((entry) => entry.method !== "GET").map((entry) => `${entry.method} ${entry.path}`)).toEqual([`PUT ${PATH}`]);
    expect(await get(PATH)).toMatchObject({ min_nodes: 2, max_nodes: 4, auto_suspend_secs: 300, comment: "app", created_on: createdOn });
  });

  test("a new instance family replaces the pool; created suspended, it is never resumed", async () => {
    stack.emulator.clearRequestLog();
    const up = expectOk(await stack.run("up", pool({ suspended: true, minNodes: 2, maxNodes: 4, instanceFamily: "HIGHMEM_X64_S" })));
    expect(opOf(up, "pool")).toBe("replace");
    expect(await get(PATH)).toMatchObject({ instance_family: "HIGHMEM_X64_S", state: "SUSPENDED" });
    const create = stack.emulator.requestLog.find((entry) => entry.method === "POST" && entry.path === POOLS);
    expect(create?.query).toMatchObject({ initiallySuspended: "true" });
    expect(stack.emulator.requestLog.filter((entry) => entry.path.startsWith(`${PATH}:`))).toEqual([]);
    expectOk(await stack.run("destroy", pool()));
    expect((await stack.rest("GET", PATH)).status).toBe(404);
  });
});

test("a pool that resumed itself since the last read is what an up resuming it wants: Snowflake's 400 counts as done", async () => {
  const engine = engineAgainst(stack.emulator, "ComputePool");
  const inputs = { name: "SELF_RESUMED_POOL", instanceFamily: "CPU_X64_XS", minNodes: 1, maxNodes: 1, suspended: true };
  const { outs } = await engine.create(inputs);
  // Resumed outside this deployment's view (auto resume, or by hand) after the state was recorded as suspended.
  expect((await stack.rest("POST", `${POOLS}/SELF_RESUMED_POOL:resume`)).status).toBe(200);
  // What the up's resume will meet: Snowflake refuses to resume a running pool.
  expect((await stack.rest("POST", `${POOLS}/SELF_RESUMED_POOL:resume`)).status).toBe(400);
  const { outs: resumed } = await engine.update("", outs, { ...inputs, suspended: false });
  expect(resumed.suspended).toBe(false);
  await engine.delete("", resumed);
});
