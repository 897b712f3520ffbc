// A sample of the fault matrix (tests/fault-matrix.test.ts) through the driver and the real dynamic-provider host,
// with its default retry policy: an up of ten resources through 503s, 202s and answers lost after Snowflake acted
// ends with each object made once and the state naming exactly those; a destroy through a burst of 429s with
// Retry-After: 1 retries each request a second later, never after a longer backoff, and leaves nothing.
import type { Knobs } from "./emulator/knobs";
import { timingOf } from "./emulator/server";
import { Declaration, expectOk, opOf, startTestStack, TestStack } from "./support/test-stack";

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack.close(); });

const NAMES = [1, 2, 3, 4, 5].map((index) => `FX_${index}`);
const DECLARATIONS: Declaration[] = NAMES.flatMap((name) => [
  { type: "Database", name: `db_${name}`, args: { name: `${name}_DB`, comment: "fault sample" } },
  { type: "Warehouse", name: `wh_${name}`, args: { name: `${name}_WH`, warehouseSize: "XSMALL", initiallySuspended: true } },
]);
const knobs = () => stack.emulator.knobs as Knobs;
const listed = async (collection: string) => ((await stack.rest("GET", `/api/v2/${collection}?like=FX%25`)).body as { name: string }[]).map((row) => row.name).sort();
/** Time to send a request again, beyond the wait itself. */
const SEND_ALLOWANCE_MS = 500;

test("an up through 503s, 202s and lost answers makes each object once, and the state names exactly those", async () => {
  knobs().failNext(3, 503);
  knobs().failNext(1, "drop", { afterExecuting: true, when: { method: "POST", path: "/api/v2/databases" } });
  knobs().failNext(1, 504, { afterExecuting: true, when: { method: "POST", path: "/api/v2/warehouses" } });
  knobs().acceptNext(2, 2);
  const up = expectOk(await stack.run("up", DECLARATIONS));
  expect(knobs().pending()).toBe(0);
  for (const { name } of DECLARATIONS) expect(opOf(up, name)).toBe("create");
  expect(await listed("databases")).toEqual(NAMES.map((name) => `${name}_DB`));
  expect(await listed("warehouses")).toEqual(NAMES.map((name) => `${name}_WH`));
  const refresh = expectOk(await stack.run("refresh", DECLARATIONS));
  for (const { name } of DECLARATIONS) expect(opOf(refresh, name)).toBe("same");
});

test("a destroy through a burst of 429s with Retry-After: 1 waits a second per retry and leaves nothing", async () => {
  stack.emulator.clearRequestLog();
  knobs().failNext(20, 429, { retryAfterSeconds: 1 });
  const destroy = expectOk(await stack.run("destroy", DECLARATIONS));
  expect(knobs().pending()).toBe(0);
  for (const { name } of DECLARATIONS) expect(opOf(destroy, name)).toBe("delete");
  expect(await listed("databases")).toEqual([]);
  expect(await listed("warehouses")).toEqual([]);
  const log = stack.emulator.requestLog;
  const throttled = log.filter((entry) => entry.status === 429);
  expect(throttled).toHaveLength(20);
  for (const answer of throttled) {
    const retry = log.slice(log.indexOf(answer) + 1).find((entry) => entry.method === answer.method && entry.path === answer.path);
    expect(retry).toBeDefined();
    const waited = timingOf(retry!).receivedAt - timingOf(answer).receivedAt;
    expect(waited).toBeGreaterThanOrEqual(990);
    expect(waited).toBeLessThanOrEqual(1000 + SEND_ALLOWANCE_MS);
  }
});
