// Every resource type, end to end through the driver (real dynamic-provider host) and the emulator, all rows of
// the round-trip table in one stack: preview with unknowns -> up -> refresh shows no diff -> in-place change (none for
// types without one) -> refresh -> an out-of-band change is seen by refresh and undone by up -> rename in place ->
// destroy leaves nothing.
import { DriverResult } from "./driver";
import { caseKey, CONTEXT, markerOf, ROUND_TRIP_CASES, RoundTripCase } from "./support/roundtrip-cases";
import { Declaration, expectOk, startTestStack, TestStack } from "./support/test-stack";
import { isStatement, observeObject } from "./support/sql-rows";
import { isRead } from "./emulator/server";

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack.close(); });

const resourceName = (c: RoundTripCase) => `subject_${caseKey(c)}`;
const changeOf = (result: DriverResult, c: RoundTripCase) => result.changes.find((change) => change.name === resourceName(c));
const rows = ROUND_TRIP_CASES.map((c) => [caseKey(c), c] as const);
const renamed = rows.filter(([, c]) => c.rename);
const changedInPlace = rows.filter(([, c]) => c.inPlace);
const nothingInPlace = rows.filter(([, c]) => !c.inPlace);

/**
 * The row's object over REST: its GET, or its row of a listing (a stage file); for objects REST v2 has no endpoints
 * for, its row of the SHOW statement the row names (a missing one as a 404).
 */
async function liveObject(c: RoundTripCase): Promise<{ status: number; body: Record<string, unknown> }> {
  if (isStatement(c.path)) {
    const rows = (await observeObject(stack.emulator, c.path)).body as Record<string, unknown>[];
    return rows.length ? { status: 200, body: rows[0] } : { status: 404, body: {} };
  }
  const answer = await stack.rest("GET", c.path);
  return { status: answer.status, body: c.listed ? answer.body[0] : answer.body };
}

/** Whether the row's object is gone from its path: a 404, or an empty listing where the object is a listed row. */
async function isGone(c: RoundTripCase): Promise<boolean> {
  if (isStatement(c.path)) return (await liveObject(c)).status === 404;
  const answer = await stack.rest("GET", c.path);
  return c.listed ? answer.status === 200 && answer.body.length === 0 : answer.status === 404;
}

type Phase = "initial" | "changed" | "renamed";
function declarations(phase: Phase, extra: Declaration[] = [], override?: (c: RoundTripCase) => Record<string, unknown>): Declaration[] {
  return [...extra, ...CONTEXT, ...ROUND_TRIP_CASES.map((c) => {
    const args = { ...c.args, ...(phase !== "initial" ? c.inPlace?.args : {}), ...(phase === "renamed" && c.rename ? { name: c.rename.name } : {}) };
    return { type: c.type, name: resourceName(c), args: { ...args, ...override?.(c) } };
  })];
}

describe("preview with an unknown input", () => {
  let result: DriverResult;
  beforeAll(async () => {
    // The comment (or the row's marker) comes from an output only known after a create: check and diff get the unknown sentinel.
    const upstream: Declaration = { type: "Database", name: "upstream", args: { name: "RT_UPSTREAM" } };
    result = expectOk(await stack.run("preview", declarations("initial", [upstream], (c) => ({ [markerOf(c).unknownAtPreview ?? markerOf(c).property]: { $ref: "upstream.owner" } }))));
  });
  test.each(rows)("%s plans a create", (_type, c) => expect(changeOf(result, c)?.op).toBe("create"));
  test("nothing reaches Snowflake", () => expect(stack.emulator.requestLog).toEqual([]));
});

describe("up", () => {
  let result: DriverResult;
  beforeAll(async () => { result = expectOk(await stack.run("up", declarations("initial"))); });
  test.each(rows)("%s is created with the declared settings", async (_type, c) => {
    expect(changeOf(result, c)?.op).toBe("create");
    const live = await liveObject(c);
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ [markerOf(c).wire]: markerOf(c).initial });
  });
});

describe("refresh right after up, and the next up", () => {
  let refresh: DriverResult;
  let up: DriverResult;
  beforeAll(async () => {
    refresh = expectOk(await stack.run("refresh", declarations("initial")));
    stack.emulator.clearRequestLog();
    up = expectOk(await stack.run("up", declarations("initial")));
  });
  test.each(rows)("%s shows no diff", (_type, c) => {
    expect(changeOf(refresh, c)?.op).toBe("same");
    expect(changeOf(up, c)?.op).toBe("same");
  });
  // Reads of SQL-only objects are SHOW / DESCRIBE statements.
  test("the up sends nothing but reads", () => expect(stack.emulator.requestLog.filter((entry) => !isRead(entry))).toEqual([]));
});

describe("a settable change", () => {
  let result: DriverResult;
  const createdOn = new Map<string, string>();
  beforeAll(async () => {
    for (const c of ROUND_TRIP_CASES) createdOn.set(caseKey(c), (await liveObject(c)).body?.created_on as string);
    result = expectOk(await stack.run("up", declarations("changed")));
  });
  test.each(changedInPlace)("%s is updated in place", async (_type, c) => {
    const change = changeOf(result, c)!;
    expect(change.op).toBe("update");
    expect([...change.changedProperties].sort()).toEqual(Object.keys(c.inPlace!.args).sort());
    const live = await liveObject(c);
    expect(live.body).toMatchObject(c.inPlace!.wire);
    if (!c.recreates) expect(live.body.created_on).toBe(createdOn.get(caseKey(c)));
    if (c.inPlace!.args.tags) expect((await stack.rest("GET", `${c.objectPath ?? c.path}:get-tags`)).body).toEqual([expect.objectContaining({ tag_name: "RT_OWNER", tag_value: "data" })]);
  });
  test.each(nothingInPlace)("%s has nothing to change in place and stays as it is", (_type, c) => expect(changeOf(result, c)?.op).toBe("same"));
});

describe("refresh after the change", () => {
  let refresh: DriverResult;
  beforeAll(async () => { refresh = expectOk(await stack.run("refresh", declarations("changed"))); });
  test.each(rows)("%s shows no diff", (_type, c) => expect(changeOf(refresh, c)?.op).toBe("same"));
});

describe("a change made outside Pulumi", () => {
  let refresh: DriverResult;
  let up: DriverResult;
  beforeAll(async () => {
    for (const c of ROUND_TRIP_CASES) await c.changeOutOfBand(stack, c.path);
    refresh = expectOk(await stack.run("refresh", declarations("changed")));
    up = expectOk(await stack.run("up", declarations("changed")));
  });
  test.each(rows)("%s: refresh sees it and up undoes it", async (_type, c) => {
    expect(changeOf(refresh, c)?.op).toBe("refresh-update");
    expect(changeOf(refresh, c)?.changedProperties).toContain(markerOf(c).property);
    // Where nothing changes in place (a stage file), up puts the declared object back by replacing it.
    expect(changeOf(up, c)?.op).toBe(c.inPlace ? "update" : "replace");
    expect((await liveObject(c)).body[markerOf(c).wire]).toBe(markerOf(c).changed);
  });
});

describe("a new name", () => {
  let result: DriverResult;
  const createdOn = new Map<string, string>();
  beforeAll(async () => {
    for (const [, c] of renamed) createdOn.set(caseKey(c), (await liveObject(c)).body.created_on as string);
    result = expectOk(await stack.run("up", declarations("renamed")));
  });
  test.each(renamed)("%s is renamed in place, keeping the object", async (_type, c) => {
    expect(changeOf(result, c)?.op).toBe("update");
    const live = await liveObject({ ...c, path: c.rename!.path });
    expect(live.status).toBe(200);
    expect(live.body?.created_on).toBe(createdOn.get(caseKey(c)));
    expect(await isGone(c)).toBe(true);
  });
});

describe("destroy", () => {
  let result: DriverResult;
  beforeAll(async () => { result = expectOk(await stack.run("destroy", declarations("renamed"))); });
  test.each(rows)("%s is deleted", (_type, c) => expect(changeOf(result, c)?.op).toBe("delete"));
  test("nothing the program made is left", async () => {
    expect((await stack.rest("GET", "/api/v2/warehouses?like=RT_%25")).body).toEqual([]);
    expect((await stack.rest("GET", "/api/v2/databases?like=RT_%25")).body).toEqual([]);
    expect((await stack.rest("GET", "/api/v2/roles?like=RT_%25")).body).toEqual([]);
  });
});
