// Tags on objects: `tags: { "DB.SCHEMA.TAG": value }` set with :set-tags, read back with :get-tags, removed with
// :unset-tags; drift on declared tags is seen and undone; tags set by others are left alone.
import { Declaration, expectOk, opOf, startTestStack, TestStack } from "./support/test-stack";

const TABLE = "/api/v2/databases/TAGS_DB/schemas/PUBLIC/tables/TAGGED";
const COST = { tag_database: "TAGS_DB", tag_schema: "PUBLIC", tag_name: "COST_CENTER" };
const OWNER = { tag_database: "TAGS_DB", tag_schema: "PUBLIC", tag_name: "OWNER" };

function program(tags?: Record<string, unknown>): Declaration[] {
  const inPublic = { database: { $ref: "db.name" }, schema: "PUBLIC" };
  return [
    { type: "Database", name: "db", args: { name: "TAGS_DB" } },
    { type: "Tag", name: "cost", args: { ...inPublic, name: "COST_CENTER", allowedValues: ["finance", "research"] } },
    { type: "Tag", name: "owner", args: { ...inPublic, name: "OWNER" } },
    { type: "Table", name: "table", args: { ...inPublic, name: "TAGGED", columns: [{ name: "ID", datatype: "int" }], ...(tags && { tags }) } },
  ];
}

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack.close(); });
const tagsOn = async () => (await stack.rest("GET", `${TABLE}:get-tags`)).body;

test("declared tags are set at create and read back without drift", async () => {
  expectOk(await stack.run("up", program({ $tagged: ["cost", "finance"] })));
  expect(await tagsOn()).toEqual([{ ...COST, tag_value: "finance", level: "TABLE" }]);
  expect(opOf(expectOk(await stack.run("refresh", program({ $tagged: ["cost", "finance"] }))), "table")).toBe("same");
});

test("a tag set by others is left alone and is not drift", async () => {
  await stack.rest("POST", `${TABLE}:set-tags`, [{ ...OWNER, tag_value: "someone" }]);
  expect(opOf(expectOk(await stack.run("refresh", program({ $tagged: ["cost", "finance"] }))), "table")).toBe("same");
  expectOk(await stack.run("up", program({ $tagged: ["cost", "research"] })));
  expect(await tagsOn()).toEqual(expect.arrayContaining([{ ...COST, tag_value: "research", level: "TABLE" }, { ...OWNER, tag_value: "someone", level: "TABLE" }]));
});

test("a declared tag removed by hand is seen by refresh and set again by up", async () => {
  await stack.rest("POST", `${TABLE}:unset-tags`, [COST]);
  expect(opOf(expectOk(await stack.run("refresh", program({ $tagged: ["cost", "research"] }))), "table")).toBe("refresh-update");
  expectOk(await stack.run("up", program({ $tagged: ["cost", "research"] })));
  expect(await tagsOn()).toEqual(expect.arrayContaining([{ ...COST, tag_value: "research", level: "TABLE" }]));
});

test("a tag no longer declared is unset; others' tags stay", async () => {
  expect(opOf(expectOk(await stack.run("up", program())), "table")).toBe("update");
  expect(await tagsOn()).toEqual([{ ...OWNER, tag_value: "someone", level: "TABLE" }]);
});

test("a value outside the tag's allowed values is refused by Snowflake, naming the tag", async () => {
  const result = await stack.run("up", program({ $tagged: ["cost", "marketing"] }));
  expect(result.ok).toBe(false);
  expect(result.error).toMatch(/Tag value 'marketing' is not in the allowed values of tag COST_CENTER/);
});

test("a create whose tags Snowflake refuses leaves nothing behind", async () => {
  const fresh: Declaration[] = [...program().slice(0, 3), { type: "View", name: "view", args: { database: { $ref: "db.name" }, schema: "PUBLIC", name: "TAGGED_VIEW", query: "SELECT 1 AS ONE", tags: { $tagged: ["cost", "marketing"] } } }];
  const result = await stack.run("up", fresh);
  expect(result.ok).toBe(false);
  expect(result.error).toMatch(/view TAGS_DB.PUBLIC.TAGGED_VIEW was created, then removed again because setting it up failed: [\s\S]*not in the allowed values/);
  expect((await stack.rest("GET", "/api/v2/databases/TAGS_DB/schemas/PUBLIC/views/TAGGED_VIEW")).status).toBe(404);
});
