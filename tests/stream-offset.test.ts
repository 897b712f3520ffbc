// A stream's offset is its history: changes Snowflake can only make by recreating the stream keep the offset
// (CREATE OR REPLACE STREAM s ... AT(STREAM => 's')); a new source cannot, so it is refused unless allowReplace.
import { Declaration, expectOk, opOf, startTestStack, TestStack } from "./support/test-stack";

const STREAM_PATH = "/api/v2/databases/STREAM_DB/schemas/PUBLIC/streams/ORDERS_CHANGES";

function program(stream: Record<string, unknown>): Declaration[] {
  const table = (name: string) => ({ database: { $ref: "db.name" }, schema: "PUBLIC", name, columns: [{ name: "ID", datatype: "int" }] });
  return [
    { type: "Database", name: "db", args: { name: "STREAM_DB" } },
    { type: "Table", name: "orders", args: table("ORDERS") },
    { type: "Table", name: "refunds", args: table("REFUNDS") },
    { type: "Stream", name: "stream", args: { database: { $ref: "db.name" }, schema: "PUBLIC", name: "ORDERS_CHANGES", onTable: { $ref: "orders.fullyQualifiedName" }, ...stream } },
  ];
}

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack.close(); });

test("appendOnly changes in place, recreating the stream at its own offset", async () => {
  expectOk(await stack.run("up", program({ comment: "orders" })));
  const offset = stack.emulator.defaultAccount.factsOf(STREAM_PATH).offset;
  stack.emulator.clearRequestLog();
  const up = expectOk(await stack.run("up", program({ comment: "orders", appendOnly: true })));
  expect(opOf(up, "stream")).toBe("update");
  const post = stack.emulator.requestLog.find((entry) => entry.method === "POST" && entry.path.endsWith("/streams"));
  expect(post?.query).toMatchObject({ createMode: "orReplace", copyGrants: "true" });
  expect(stack.emulator.defaultAccount.factsOf(STREAM_PATH).offset).toBe(offset);
  expect((await stack.rest("GET", STREAM_PATH)).body).toMatchObject({ mode: "APPEND_ONLY", comment: "orders" });
  expect(opOf(expectOk(await stack.run("refresh", program({ comment: "orders", appendOnly: true }))), "stream")).toBe("same");
});

test("a comment changes with ALTER STREAM, keeping the stream itself", async () => {
  const createdOn = (await stack.rest("GET", STREAM_PATH)).body.created_on;
  expectOk(await stack.run("up", program({ comment: "orders v2", appendOnly: true })));
  expect((await stack.rest("GET", STREAM_PATH)).body).toMatchObject({ comment: "orders v2", created_on: createdOn });
});

test("a new source is refused at preview; with allowReplace the stream is replaced and starts at a new offset", async () => {
  const other = { onTable: { $ref: "refunds.fullyQualifiedName" }, appendOnly: true };
  const refused = await stack.run("preview", program(other));
  expect(refused.ok).toBe(false);
  expect(refused.error).toMatch(/changing onTable replaces stream STREAM_DB.PUBLIC.ORDERS_CHANGES, and the new stream would start without its offset/);
  const offset = stack.emulator.defaultAccount.factsOf(STREAM_PATH).offset;
  expect(opOf(expectOk(await stack.run("up", program({ ...other, allowReplace: true }))), "stream")).toBe("replace");
  expect(stack.emulator.defaultAccount.factsOf(STREAM_PATH).offset).not.toBe(offset);
  expect((await stack.rest("GET", STREAM_PATH)).body.table_name).toBe("REFUNDS");
});
