// The fault matrix (issue 11): every resource type's create, read, update and delete, each with one fault aimed at
// the request that does its work (throttling with Retry-After, 503, 504 and dropped connections before and after
// Snowflake acted, a 202 answered and polled), all at the engine level against one emulator. Each operation ends
// as the fault-free one did: the same objects and grants in the emulator (nothing duplicated, nothing orphaned)
// and the same state read back; an operation whose outcome cannot be known may refuse first (a documented
// refusal), and then succeeds when run again. Retries wait what Retry-After asks, never longer.
import { closeAllPools } from "../provider/client/rest-client";
import { closeDriverLogins } from "../provider/connection/driver-statements";
import { resourceDefinitions } from "../provider/resources";
import { Emulator, startEmulator } from "./emulator";
import { timingOf } from "./emulator/server";
import { FAULT_CONTEXT, FAULT_ROWS } from "./support/fault-matrix-rows";
import { FAULTS, FaultMatrixRunner, StepRecord } from "./support/fault-matrix-runner";

let emulator: Emulator;
let runner: FaultMatrixRunner;
const tally = { cells: 0, converged: 0, refusedThenConverged: 0, refusals: new Map<string, number>() };

beforeAll(async () => {
  emulator = await startEmulator();
  // Services ready at their first read: the matrix is about faults, not about waiting (tests/services.test.ts).
  emulator.knobs.services.readsUntilReady = 0;
  emulator.knobs.services.readsUntilEndpoints = 0;
  runner = new FaultMatrixRunner(emulator);
  await runner.declare(FAULT_CONTEXT);
});
afterAll(async () => {
  const refusals = [...tally.refusals].map(([cell, count]) => `${cell}: ${count}`).join("; ");
  process.stdout.write(`fault matrix: ${tally.cells} cells, ${tally.converged} converged (${tally.refusedThenConverged} after a documented refusal: ${refusals})\n`);
  await closeDriverLogins();
  await closeAllPools();
  await emulator.close();
});

test("every resource type has a row, so a new type gets its cells", () => {
  expect(FAULT_ROWS.map((row) => row.type).sort()).toEqual(Object.keys(resourceDefinitions).sort());
});

/** Longest a retry may follow a 429 beyond its Retry-After: the time to send the request again. */
const SEND_ALLOWANCE_MS = 400;

describe.each(FAULT_ROWS.map((row) => [row.type, row] as const))("%s", (_type, row) => {
  let baseline: StepRecord[];
  beforeAll(async () => { baseline = await runner.lifecycle(row, FAULT_ROWS); });

  test.each(FAULTS.map((fault) => [fault.name, fault] as const))("%s: each operation ends as without the fault", async (_name, fault) => {
    const steps = await runner.lifecycle(row, FAULT_ROWS, fault, baseline);
    expect(steps.map((step) => ({ op: step.op, observed: step.observed }))).toEqual(baseline.map((step) => ({ op: step.op, observed: step.observed })));
    for (const step of steps) {
      // Every 429 is followed by the same request again, no later than its Retry-After asked.
      for (const [index, throttled] of step.requests.entries()) {
        if (throttled.status !== 429) continue;
        const retry = step.requests.slice(index + 1).find((entry) => entry.method === throttled.method && entry.path === throttled.path);
        expect(retry).toBeDefined();
        const { receivedAt, retryAfterSeconds } = timingOf(throttled);
        expect(timingOf(retry!).receivedAt - receivedAt).toBeLessThanOrEqual((retryAfterSeconds ?? 0) * 1000 + SEND_ALLOWANCE_MS);
      }
      if (!step.target) continue;
      tally.cells++;
      tally.converged++;
      if (!step.refusal) continue;
      tally.refusedThenConverged++;
      const cell = `${step.op} ${step.target.method} ${step.target.path.startsWith("/api/v2/statements") ? "statement" : step.target.path.split(":")[1] ? `:${step.target.path.split(":")[1]}` : "object"} / ${fault.name}`;
      tally.refusals.set(cell, (tally.refusals.get(cell) ?? 0) + 1);
    }
  });
});
