// Bad input fails at check, with a message naming the property, the value and what is allowed, and nothing at all
// is sent to the REST API.
import { Declaration, startTestStack, TestStack } from "./support/test-stack";

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack.close(); });

const cases: [string, Declaration, RegExp][] = [
  ["wrong size name", { type: "Warehouse", name: "wh", args: { warehouseSize: "HUGE" } },
    /warehouseSize: "HUGE" is not allowed; expected one of XSMALL, SMALL, MEDIUM/],
  ["negative auto-suspend", { type: "Warehouse", name: "wh", args: { autoSuspend: -1 } },
    /autoSuspend: -1 is not allowed; expected an integer >= 0/],
  ["empty name", { type: "Database", name: "db", args: { name: "" } },
    /name: "" is not allowed; expected a Snowflake identifier.*cannot be empty/],
  ["unknown property", { type: "Schema", name: "s", args: { database: "DB", colour: "blue" } },
    /colour is not a property of schemas \(value "blue"\); allowed: .*managedAccess/],
  ["name that needs quotes", { type: "Warehouse", name: "wh", args: { name: "team-wh" } },
    /name: "team-wh" is not allowed.*double quotes/],
];

test.each(cases)("%s", async (_case, declaration, message) => {
  stack.emulator.clearRequestLog();
  for (const mode of ["preview", "up"] as const) {
    const result = await stack.run(mode, [declaration]);
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(message);
  }
  expect(stack.emulator.requestLog).toEqual([]);
  expect((await stack.rest("GET", "/api/v2/warehouses")).body).toEqual([]);
});
