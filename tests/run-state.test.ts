// Desired run state: one input, `suspended`, across types, applied through :resume / :suspend (REST) or ALTER
// ... RESUME / SUSPEND (alerts), read back and drift-detected. Snowflake's own auto-suspension of a warehouse is
// not drift; an unset `suspended` is not managed.
import { DriverResult } from "./driver";
import { Declaration, expectOk, opOf, startTestStack, TestStack } from "./support/test-stack";

const WH = "/api/v2/warehouses/STATE_WH";
const DYNAMIC = "/api/v2/databases/STATE_DB/schemas/PUBLIC/dynamic-tables/STATE_DYNAMIC";
const ALERT = "/api/v2/databases/STATE_DB/schemas/PUBLIC/alerts/STATE_ALERT";

function program(state: { warehouse?: boolean; dynamic?: boolean; alert?: boolean }): Declaration[] {
  const inPublic = { database: { $ref: "db.name" }, schema: "PUBLIC" };
  return [
    { type: "Warehouse", name: "wh", args: { name: "STATE_WH", autoResume: false, ...(state.warehouse !== undefined && { suspended: state.warehouse }) } },
    { type: "Database", name: "db", args: { name: "STATE_DB" } },
    { type: "Table", name: "source", args: { ...inPublic, name: "STATE_SOURCE", columns: [{ name: "ID", datatype: "int" }] } },
    { type: "DynamicTable", name: "dynamic", args: { ...inPublic, name: "STATE_DYNAMIC", query: { $concat: ["SELECT ID FROM ", { $ref: "source.fullyQualifiedName" }] }, targetLag: "DOWNSTREAM", warehouse: { $ref: "wh.name" }, ...(state.dynamic !== undefined && { suspended: state.dynamic }) } },
    { type: "Alert", name: "alert", args: { ...inPublic, name: "STATE_ALERT", schedule: { minutes: 60 }, condition: "SELECT 1", action: "SELECT 2", ...(state.alert !== undefined && { suspended: state.alert }) } },
  ];
}

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack.close(); });
const stateOf = async (path: string, property = "state") => (await stack.rest("GET", path)).body[property];

test("created in the declared state: a suspended warehouse (initially_suspended), a resumed alert (created suspended)", async () => {
  stack.emulator.clearRequestLog();
  expectOk(await stack.run("up", program({ warehouse: true, dynamic: false, alert: false })));
  expect(await stateOf(WH)).toBe("SUSPENDED");
  // No resume/suspend round trip for the warehouse: it was created suspended.
  expect(stack.emulator.requestLog.filter((entry) => entry.path.startsWith(`${WH}:`))).toEqual([]);
  expect(await stateOf(DYNAMIC, "scheduling_state")).toBe("RUNNING");
  expect(await stateOf(ALERT)).toBe("started");
  const refresh = expectOk(await stack.run("refresh", program({ warehouse: true, dynamic: false, alert: false })));
  expect(refresh.changes.filter((change) => change.op !== "same")).toEqual([]);
});

test("a declared change of state resumes or suspends in place", async () => {
  const up = expectOk(await stack.run("up", program({ warehouse: false, dynamic: true, alert: true })));
  expect(up.changes.filter((change) => ["wh", "dynamic", "alert"].includes(change.name)).map((change) => [change.name, change.op, change.changedProperties])).toEqual(
    expect.arrayContaining([["wh", "update", ["suspended"]], ["dynamic", "update", ["suspended"]], ["alert", "update", ["suspended"]]]));
  expect(await stateOf(WH)).toBe("STARTED");
  expect(await stateOf(DYNAMIC, "scheduling_state")).toBe("SUSPENDED");
  expect(await stateOf(ALERT)).toBe("suspended");
});

const changed = (result: DriverResult, name: string) => result.changes.find((change) => change.name === name)?.changedProperties ?? [];

test("a warehouse suspending itself is not drift; a suspended dynamic table or alert resumed by hand is", async () => {
  await stack.rest("POST", `${WH}:suspend`);
  await stack.rest("POST", `${DYNAMIC}:resume`);
  await stack.sql('ALTER ALERT "STATE_DB"."PUBLIC"."STATE_ALERT" RESUME');
  const refresh = expectOk(await stack.run("refresh", program({ warehouse: false, dynamic: true, alert: true })));
  // The read-only state output follows Snowflake; the declared run state is what drift is about.
  expect(changed(refresh, "wh")).toEqual(["state"]);
  expect(changed(refresh, "dynamic")).toEqual(expect.arrayContaining(["suspended"]));
  expect(changed(refresh, "alert")).toEqual(expect.arrayContaining(["suspended"]));
  const up = expectOk(await stack.run("up", program({ warehouse: false, dynamic: true, alert: true })));
  expect(opOf(up, "wh")).toBe("same");
  expect(await stateOf(DYNAMIC, "scheduling_state")).toBe("SUSPENDED");
  expect(await stateOf(ALERT)).toBe("suspended");
});

test("a warehouse declared suspended and resumed by hand is drift, and up suspends it again", async () => {
  expectOk(await stack.run("up", program({ warehouse: true, dynamic: true, alert: true })));
  await stack.rest("POST", `${WH}:resume`);
  expect(opOf(expectOk(await stack.run("refresh", program({ warehouse: true, dynamic: true, alert: true }))), "wh")).toBe("refresh-update");
  expectOk(await stack.run("up", program({ warehouse: true, dynamic: true, alert: true })));
  expect(await stateOf(WH)).toBe("SUSPENDED");
});

test("with suspended unset, the run state is not managed", async () => {
  stack.emulator.clearRequestLog();
  expectOk(await stack.run("up", program({})));
  await stack.rest("POST", `${WH}:resume`);
  await stack.rest("POST", `${DYNAMIC}:resume`);
  const refresh = expectOk(await stack.run("refresh", program({})));
  for (const change of refresh.changes) expect(change.changedProperties).not.toContain("suspended");
  const up = expectOk(await stack.run("up", program({})));
  expect(up.changes.filter((change) => change.op !== "same")).toEqual([]);
  expect(stack.emulator.requestLog.filter((entry) => entry.method === "POST" && /:(resume|suspend)$/.test(entry.path) && entry.userAgent?.includes("pulumi"))).toEqual([]);
});
