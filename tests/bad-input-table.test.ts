// A table of bad inputs across every resource type, generated from the definitions (see support/bad-input-cases.ts):
// each fails at check with one message that names the property once, shows the value as written and says what is
// allowed, and not one request reaches the emulator, even when a case would slip through check (it is then created,
// as `pulumi up` would, so the leak shows in the request log). A few run through the driver's preview and up too.
import { closeAllPools } from "../provider/client/rest-client";
import { show } from "../provider/engine/field-kind";
import { resourceDefinitions } from "../provider/resources";
import { BadInput, badInputCases } from "./support/bad-input-cases";
import { engineAgainst } from "./support/engine-harness";
import { startTestStack, TestStack } from "./support/test-stack";
import { VALID_INPUTS } from "./support/valid-inputs";

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => {
  await closeAllPools();
  await stack.close();
});

const CASES = badInputCases();
const TYPES = Object.keys(resourceDefinitions);
/** The property as a word of its own: `name` is not found in `my-name` or `nameWithArgs`. */
const mentions = (message: string, property: string) => message.match(new RegExp(`(?<![\\w$-])${property}(?![\\w$-])`, "g"))?.length ?? 0;

describe("the table", () => {
  test("covers every type with distinct inputs, at least 100 of them", () => {
    const keys = CASES.map((entry) => `${entry.type} ${JSON.stringify(entry.input, (_key, value) => (typeof value === "number" && !Number.isFinite(value) ? String(value) : value))}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(CASES.length).toBeGreaterThanOrEqual(100);
    expect(TYPES.filter((type) => !CASES.some((entry) => entry.type === type))).toEqual([]);
  });

  test.each(TYPES)("the valid %s input it breaks passes check", async (type) => {
    expect((await engineAgainst(stack.emulator, type).check({}, VALID_INPUTS[type])).failures).toEqual([]);
  });
});

describe.each(["required", "integer", "choice", "rule", "declaration"])("%s", (category) => {
  const cases = CASES.filter((entry) => entry.category === category).map((entry) => [entry.title, entry] as [string, BadInput]);
  test.each(cases)("%s", async (_title, { type, input, property, value }) => {
    stack.emulator.clearRequestLog();
    const engine = engineAgainst(stack.emulator, type);
    const { failures } = await engine.check({}, input);
    if (failures.length === 0) await engine.create(input).catch(() => undefined);
    expect(stack.emulator.requestLog).toEqual([]);
    const failure = failures.find((found) => found.property === property);
    expect(failure).toBeDefined();
    const message = `${failure!.property}: ${failure!.reason}`;
    // The kind's words for what is allowed ("a list of columns, each ...") describe values, not the property.
    const expected = resourceDefinitions[type].fields[property]?.kind.expected ?? "";
    expect(mentions(message.replace(expected, ""), property)).toBe(1);
    if (value !== undefined) expect(message).toContain(show(value));
    expect(message).toMatch(/expected|allowed|give |declare /);
  });
});

describe("through the driver, at preview and up", () => {
  const sample = (title: string) => CASES.find((entry) => entry.title === title)!;
  test.each([
    ["Warehouse maxConcurrencyLevel = 2147483648", "preview"],
    ["Warehouse minClusterCount 3 above maxClusterCount 2", "preview"],
    ["Task serverlessTaskMaxStatementSize = XXXLARGE", "up"],
    ["Schema without database", "up"],
  ])("%s (%s)", async (title, mode) => {
    const { type, input, property } = sample(title);
    stack.emulator.clearRequestLog();
    const result = await stack.run(mode as "preview" | "up", [{ type, name: "bad", args: input }]);
    expect(result.ok).toBe(false);
    expect(result.error).toContain(`${property}: `);
    expect(stack.emulator.requestLog).toEqual([]);
  });
});
