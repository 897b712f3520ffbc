// Every resource type, end to end through the driver (real dynamic-provider host) and the emulator:
// preview with unknowns -> up -> refresh shows no diff -> update in place -> refresh -> immutable change replaces
// -> an out-of-band change is seen by refresh and undone by up -> destroy leaves nothing the program made.
import { Declaration, expectOk, opOf, startTestStack, TestStack } from "./support/test-stack";

interface RoundTripCase {
  type: Declaration["type"];
  /** Resources the one under test needs (created with it, kept throughout). */
  context: Declaration[];
  name: string;
  args: Record<string, unknown>;
  /** Settable changes, and how the wire snapshot must look afterwards. */
  inPlace: { args: Record<string, unknown>; wire: Record<string, unknown> };
  /** A change of a fixed property, and how the wire snapshot must look afterwards. */
  replacing: { args: Record<string, unknown>; wire: Record<string, unknown>; path: string };
  path: string;
  /** Where the program's objects would be listed, to check destroy left none. */
  listPath: string;
}

const cases: RoundTripCase[] = [
  {
    type: "Warehouse",
    context: [],
    name: "RT_WH",
    args: { name: "rt_wh", warehouseSize: "x-small", autoSuspend: 300, autoResume: true, comment: "v1" },
    inPlace: { args: { warehouseSize: "SMALL", autoSuspend: 120, comment: "v2" }, wire: { warehouse_size: "SMALL", auto_suspend: 120, comment: "v2", auto_resume: "true" } },
    replacing: { args: { name: "RT_WH_RENAMED" }, wire: { name: "RT_WH_RENAMED" }, path: "/api/v2/warehouses/RT_WH_RENAMED" },
    path: "/api/v2/warehouses/RT_WH",
    listPath: "/api/v2/warehouses?like=RT_%25",
  },
  {
    type: "Database",
    context: [],
    name: "RT_DB",
    args: { name: "RT_DB", comment: "v1", dataRetentionTimeInDays: 1 },
    inPlace: { args: { comment: "v2", dataRetentionTimeInDays: 0, logLevel: "warn" }, wire: { comment: "v2", data_retention_time_in_days: 0, log_level: "WARN" } },
    replacing: { args: { kind: "TRANSIENT" }, wire: { kind: "TRANSIENT" }, path: "/api/v2/databases/RT_DB" },
    path: "/api/v2/databases/RT_DB",
    listPath: "/api/v2/databases?like=RT_%25",
  },
  {
    type: "Schema",
    context: [{ type: "Database", name: "holder", args: { name: "RT_HOLDER" } }],
    name: "RT_SCHEMA",
    args: { database: { $ref: "holder.name" }, name: "Rt_Schema", comment: "v1" },
    inPlace: { args: { comment: "v2", managedAccess: true }, wire: { comment: "v2", managed_access: true } },
    replacing: { args: { kind: "TRANSIENT" }, wire: { kind: "TRANSIENT" }, path: "/api/v2/databases/RT_HOLDER/schemas/RT_SCHEMA" },
    path: "/api/v2/databases/RT_HOLDER/schemas/RT_SCHEMA",
    listPath: "/api/v2/databases?like=RT_%25",
  },
];

describe.each(cases)("$type round trip", (c) => {
  let stack: TestStack;
  const underTest = (args: Record<string, unknown>): Declaration[] => [...c.context, { type: c.type, name: "subject", args }];
  let args = { ...c.args };

  beforeAll(async () => { stack = await startTestStack(); });
  afterAll(async () => { await stack.close(); });

  test("preview with an unknown input plans creates and sends nothing to Snowflake", async () => {
    // The comment comes from an output only known after a create: check and diff get the unknown sentinel.
    const upstream: Declaration = { type: "Database", name: "upstream", args: { name: "RT_UPSTREAM" } };
    const result = expectOk(await stack.run("preview", [upstream, ...underTest({ ...args, comment: { $ref: "upstream.owner" } })]));
    expect(opOf(result, "subject")).toBe("create");
    expect(opOf(result, "upstream")).toBe("create");
    expect(stack.emulator.requestLog).toEqual([]);
  });

  test("up creates it with the declared settings", async () => {
    const result = expectOk(await stack.run("up", underTest(args)));
    expect(opOf(result, "subject")).toBe("create");
    const live = await stack.rest("GET", c.path);
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ comment: "v1" });
  });

  test("refresh right after shows no diff, and so does the next up", async () => {
    const refresh = expectOk(await stack.run("refresh", underTest(args)));
    expect(refresh.changes.filter((change) => change.op !== "same")).toEqual([]);
    stack.emulator.clearRequestLog();
    const up = expectOk(await stack.run("up", underTest(args)));
    expect(up.changes.filter((change) => change.op !== "same")).toEqual([]);
    expect(stack.emulator.requestLog.filter((entry) => entry.method !== "GET")).toEqual([]);
  });

  test("a settable change updates in place", async () => {
    const before = await stack.rest("GET", c.path);
    args = { ...args, ...c.inPlace.args };
    const result = expectOk(await stack.run("up", underTest(args)));
    expect(opOf(result, "subject")).toBe("update");
    expect(result.changes.find((change) => change.name === "subject")!.changedProperties.sort()).toEqual(Object.keys(c.inPlace.args).sort());
    const after = await stack.rest("GET", c.path);
    expect(after.body).toMatchObject(c.inPlace.wire);
    expect(after.body.created_on).toBe(before.body.created_on);
  });

  test("refresh after the update shows no diff", async () => {
    const refresh = expectOk(await stack.run("refresh", underTest(args)));
    expect(refresh.changes.filter((change) => change.op !== "same")).toEqual([]);
  });

  test("an out-of-band change is seen by refresh and undone by up", async () => {
    await stack.changeOutOfBand(c.path, { comment: "changed by hand" });
    const refresh = expectOk(await stack.run("refresh", underTest(args)));
    expect(opOf(refresh, "subject")).toBe("refresh-update");
    expect(refresh.changes.find((change) => change.name === "subject")!.changedProperties).toContain("comment");
    const up = expectOk(await stack.run("up", underTest(args)));
    expect(opOf(up, "subject")).toBe("update");
    expect((await stack.rest("GET", c.path)).body.comment).toBe("v2");
  });

  test("changing a fixed property replaces the object", async () => {
    args = { ...args, ...c.replacing.args };
    const result = expectOk(await stack.run("up", underTest(args)));
    expect(opOf(result, "subject")).toBe("replace");
    const live = await stack.rest("GET", c.replacing.path);
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ ...c.replacing.wire, comment: "v2" });
    if (c.replacing.path !== c.path) expect((await stack.rest("GET", c.path)).status).toBe(404);
    const refresh = expectOk(await stack.run("refresh", underTest(args)));
    expect(refresh.changes.filter((change) => change.op !== "same")).toEqual([]);
  });

  test("an object deleted outside Pulumi is dropped by refresh and recreated by up", async () => {
    expect((await stack.rest("DELETE", c.replacing.path)).status).toBe(200);
    const refresh = expectOk(await stack.run("refresh", underTest(args)));
    expect(opOf(refresh, "subject")).toBe("refresh-delete");
    const up = expectOk(await stack.run("up", underTest(args)));
    expect(opOf(up, "subject")).toBe("create");
    expect((await stack.rest("GET", c.replacing.path)).body).toMatchObject({ ...c.replacing.wire, comment: "v2" });
  });

  test("destroy leaves nothing the program made", async () => {
    const result = expectOk(await stack.run("destroy", underTest(args)));
    expect(opOf(result, "subject")).toBe("delete");
    const listed = await stack.rest("GET", c.listPath);
    expect(listed.body).toEqual([]);
  });
});
