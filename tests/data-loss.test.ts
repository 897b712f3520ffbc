// No implicit loss of data: a change that would replace an object holding data or history is refused at preview,
// naming the property that forces it and the input that allows it, and nothing is sent; with allowReplace: true
// the object is replaced. Through the driver, for every data-bearing type.
import { Declaration, expectOk, opOf, startTestStack, TestStack } from "./support/test-stack";

const inSchema = (args: Record<string, unknown>) => ({ database: { $ref: "db.name" }, schema: { $ref: "schema.name" }, ...args });
const source = { $ref: "source.fullyQualifiedName" };

const CONTEXT: Declaration[] = [
  { type: "Warehouse", name: "wh", args: { name: "DL_WH", initiallySuspended: true } },
  { type: "Database", name: "db", args: { name: "DL_DB" } },
  { type: "Schema", name: "schema", args: { database: { $ref: "db.name" }, name: "DL" } },
  { type: "Table", name: "source", args: inSchema({ name: "DL_SOURCE", columns: [{ name: "ID", datatype: "int" }] }) },
  { type: "Table", name: "other_source", args: inSchema({ name: "DL_OTHER", columns: [{ name: "ID", datatype: "int" }] }) },
  { type: "Stage", name: "landing", args: inSchema({ name: "DL_LANDING" }) },
];

interface LossCase {
  type: string;
  args: Record<string, unknown>;
  /** The change that needs a new object, the property named, and what the refusal says is lost. */
  change: Record<string, unknown>;
  property: string;
  loses: RegExp;
}

const CASES: LossCase[] = [
  { type: "Database", args: { name: "DL_SUBJECT_DB" }, change: { kind: "TRANSIENT" }, property: "kind", loses: /its schemas and everything in them/ },
  { type: "Schema", args: { database: { $ref: "db.name" }, name: "DL_SUBJECT_SCHEMA" }, change: { kind: "TRANSIENT" }, property: "kind", loses: /its tables, views, stages/ },
  { type: "Table", args: inSchema({ name: "DL_TABLE", columns: [{ name: "ID", datatype: "int" }] }), change: { kind: "TRANSIENT" }, property: "kind", loses: /its rows/ },
  { type: "EventTable", args: inSchema({ name: "DL_EVENTS" }), change: { defaultDdlCollation: "en-ci" }, property: "defaultDdlCollation", loses: /its events/ },
  { type: "DynamicTable", args: inSchema({ name: "DL_DYNAMIC", query: { $concat: ["SELECT ID FROM ", source] }, targetLag: "1 hour", warehouse: { $ref: "wh.name" } }), change: { query: { $concat: ["SELECT ID + 1 AS ID FROM ", source] } }, property: "query", loses: /its rows and their Time Travel history/ },
  { type: "Stream", args: inSchema({ name: "DL_STREAM", onTable: source }), change: { onTable: { $ref: "other_source.fullyQualifiedName" } }, property: "onTable", loses: /its offset/ },
  { type: "Stage", args: inSchema({ name: "DL_STAGE" }), change: { url: "s3://dl-bucket/files/" }, property: "url", loses: /its files and directory table/ },
  { type: "Pipe", args: inSchema({ name: "DL_PIPE", copyStatement: { $concat: ["COPY INTO ", source, " FROM @", { $ref: "landing.fullyQualifiedName" }] } }), change: { copyStatement: { $concat: ["COPY INTO ", source, " FROM @", { $ref: "landing.fullyQualifiedName" }, " PATTERN = '.*[.]csv'"] } }, property: "copyStatement", loses: /its load history .* load files twice/ },
  { type: "Sequence", args: inSchema({ name: "DL_SEQUENCE", start: 1 }), change: { start: 1000 }, property: "start", loses: /its position/ },
];

const subject = (c: LossCase) => `subject_${c.type}`;
const program = (changed?: LossCase, extra: Record<string, unknown> = {}) =>
  [...CONTEXT, ...CASES.map((c) => ({ type: c.type, name: subject(c), args: { ...c.args, ...(c === changed || changed === undefined && Object.keys(extra).length ? c.change : {}), ...extra } }))];

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  expectOk(await stack.run("up", program()));
});
afterAll(async () => { await stack.close(); });

test.each(CASES.map((c) => [c.type, c] as const))("%s: a replacing change is refused at preview, naming the property and allowReplace", async (_type, c) => {
  stack.emulator.clearRequestLog();
  const result = await stack.run("preview", program(c));
  expect(result.ok).toBe(false);
  expect(result.error).toContain(`changing ${c.property} replaces`);
  expect(result.error).toMatch(c.loses);
  expect(result.error).toContain("Set allowReplace: true on this resource");
  expect(stack.emulator.requestLog.filter((entry) => entry.method !== "GET")).toEqual([]);
});

test("with allowReplace: true every one of them is replaced", async () => {
  const result = expectOk(await stack.run("up", program(undefined, { allowReplace: true })));
  for (const c of CASES) expect([c.type, opOf(result, subject(c))]).toEqual([c.type, "replace"]);
  expect(opOf(expectOk(await stack.run("refresh", program(undefined, { allowReplace: true }))), subject(CASES[0]))).toBe("same");
});

test("an external stage holds no files: moving it to another URL is in place, and switching it back to internal is allowed", async () => {
  const external = (url?: string): Declaration[] => [...CONTEXT, { type: "Stage", name: "external", args: inSchema({ name: "DL_EXTERNAL", ...(url && { url }) }) }];
  expectOk(await stack.run("up", external("s3://dl-bucket/a/")));
  expect(opOf(expectOk(await stack.run("up", external("s3://dl-bucket/b/"))), "external")).toBe("update");
  expect((await stack.rest("GET", "/api/v2/databases/DL_DB/schemas/DL/stages/DL_EXTERNAL")).body.url).toBe("s3://dl-bucket/b/");
  expect(opOf(expectOk(await stack.run("up", external())), "external")).toBe("replace");
});
