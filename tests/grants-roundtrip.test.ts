// Every grant type through the driver and the real dynamic-provider host, on one stack: create, refresh with no
// diff, privileges changed in place, refresh, changes made outside Pulumi seen by refresh and undone by up (while
// a privilege granted by hand on a managed securable is left alone), and destroy revoking what the stack granted
// and giving a transferred object back to its owner before.
// (Grants have no comment to follow, so their round trip lives here rather than in the round-trip table.)
import { DriverResult } from "./driver";
import { Declaration, expectOk, opOf, startTestStack, TestStack } from "./support/test-stack";

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack.close(); });

const DB = "GR_DB";
const SCHEMA_NAME = `${DB}.DATA`;
const TABLE = { database: DB, schema: "DATA", name: "ORDERS" };
const ref = (path: string) => ({ $ref: path });

const contextNamed = (names: { reader: string; orders: string }): Declaration[] => [
  { type: "Database", name: "db", args: { name: DB } },
  { type: "Schema", name: "schema", args: { database: ref("db.name"), name: "DATA" } },
  { type: "Table", name: "orders", args: { database: ref("db.name"), schema: ref("schema.name"), name: names.orders, columns: [{ name: "ID", datatype: "NUMBER" }] } },
  { type: "Role", name: "reader", args: { name: names.reader } },
  { type: "Role", name: "writer", args: { name: "GR_WRITER" } },
  { type: "DatabaseRole", name: "db_role", args: { database: ref("db.name"), name: "GR_DB_READ" } },
];
const context = contextNamed({ reader: "GR_READER", orders: "ORDERS" });
const renamedContext = contextNamed({ reader: "GR_READER_RENAMED", orders: "ORDERS_RENAMED" });

type Phase = "initial" | "changed";
function grants(phase: Phase): Declaration[] {
  const changed = phase === "changed";
  return [
    { type: "Grant", name: "on_db", args: { toRole: ref("reader.name"), securableType: "DATABASE", securableName: ref("db.name"), privileges: changed ? ["USAGE", "MONITOR"] : ["USAGE"] } },
    { type: "Grant", name: "on_table", args: { toRole: ref("reader.name"), securableType: "TABLE", securableName: ref("orders.fullyQualifiedName"), privileges: changed ? ["ALL"] : ["select"] } },
    { type: "Grant", name: "to_db_role", args: { toDatabaseRole: { $concat: [ref("db_role.database"), ".", ref("db_role.name")] }, securableType: "SCHEMA", securableName: ref("schema.fullyQualifiedName"), privileges: ["USAGE"] } },
    { type: "FutureGrant", name: "future_tables", args: { toRole: ref("writer.name"), objectType: "TABLE", inSchema: ref("schema.fullyQualifiedName"), privileges: changed ? ["SELECT", "INSERT"] : ["SELECT"] } },
    { type: "GrantOnAll", name: "all_tables", args: { toRole: ref("writer.name"), objectType: "TABLE", inSchema: ref("schema.fullyQualifiedName"), privileges: ["SELECT"] } },
    { type: "RoleGrant", name: "reader_to_writer", args: { role: ref("reader.name"), toRole: ref("writer.name") } },
    { type: "OwnershipGrant", name: "orders_owner", args: { toRole: ref("writer.name"), securableType: "TABLE", securableName: ref("orders.fullyQualifiedName"), currentGrants: "COPY" } },
    { type: "DatabaseRoleGrant", name: "db_role_to_reader", args: { databaseRole: { $concat: [ref("db_role.database"), ".", ref("db_role.name")] }, toRole: ref("reader.name") } },
  ];
}
const GRANTS = grants("initial").map((declaration) => declaration.name);
const declarations = (phase: Phase) => [...context, ...grants(phase)];

type Row = { securable_type: string; securable?: Record<string, string>; containing_scope?: Record<string, string>; privileges: string[] };
const listed = async (path: string) => (await stack.rest("GET", path)).body as Row[];
const privileges = (rows: Row[], type: string, name?: string) => rows.filter((row) => row.securable_type === type && (name === undefined || row.securable?.name === name)).flatMap((row) => row.privileges).sort();

describe("up", () => {
  let result: DriverResult;
  beforeAll(async () => { result = expectOk(await stack.run("up", declarations("initial"))); });
  test.each(GRANTS)("%s is created", (name) => expect(opOf(result, name)).toBe("create"));
  test("Snowflake has each grant", async () => {
    const reader = await listed("/api/v2/roles/GR_READER/grants");
    expect(privileges(reader, "DATABASE", DB)).toEqual(["USAGE"]);
    expect(privileges(reader, "TABLE", "ORDERS")).toEqual(["SELECT"]);
    expect(privileges(reader, "DATABASE ROLE", "GR_DB_READ")).toEqual(["USAGE"]);
    const writer = await listed("/api/v2/roles/GR_WRITER/grants");
    expect(privileges(writer, "ROLE", "GR_READER")).toEqual(["USAGE"]);
    expect(privileges(writer, "TABLE", "ORDERS")).toEqual(["SELECT"]);
    expect(await listed("/api/v2/roles/GR_WRITER/future-grants")).toEqual([expect.objectContaining({ securable_type: "TABLE", containing_scope: { database: DB, schema: "DATA" }, privileges: ["SELECT"] })]);
    expect(privileges(await listed(`/api/v2/databases/${DB}/database-roles/GR_DB_READ/grants`), "SCHEMA", "DATA")).toEqual(["USAGE"]);
    expect((await stack.rest("GET", `/api/v2/databases/${DB}/schemas/DATA/tables/ORDERS`)).body.owner).toBe("GR_WRITER");
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
  test.each(GRANTS)("%s shows no diff", (name) => {
    expect(opOf(refresh, name)).toBe("same");
    expect(opOf(up, name)).toBe("same");
  });
  test("the up sends nothing but reads", () => expect(stack.emulator.requestLog.filter((entry) => entry.method !== "GET")).toEqual([]));
});

describe("privileges changed in place, then a refresh", () => {
  let up: DriverResult;
  let refresh: DriverResult;
  beforeAll(async () => {
    up = expectOk(await stack.run("up", declarations("changed")));
    refresh = expectOk(await stack.run("refresh", declarations("changed")));
  });
  test.each(["on_db", "on_table", "future_tables"])("%s is updated, not replaced", (name) => expect(opOf(up, name)).toBe("update"));
  test("ALL became the table's privileges, and the added privileges are there", async () => {
    const reader = await listed("/api/v2/roles/GR_READER/grants");
    expect(privileges(reader, "TABLE", "ORDERS")).toEqual(["DELETE", "EVOLVE SCHEMA", "INSERT", "REBUILD", "REFERENCES", "SELECT", "TRUNCATE", "UPDATE"]);
    expect(privileges(reader, "DATABASE", DB)).toEqual(["MONITOR", "USAGE"]);
  });
  test.each(GRANTS)("%s shows no diff on refresh", (name) => expect(opOf(refresh, name)).toBe("same"));
});

describe("changes made outside Pulumi", () => {
  let refresh: DriverResult;
  let up: DriverResult;
  beforeAll(async () => {
    await stack.rest("POST", "/api/v2/roles/GR_READER/grants:revoke", { securable_type: "DATABASE", securable: { name: DB }, privileges: ["MONITOR"] });
    await stack.rest("POST", "/api/v2/roles/GR_WRITER/future-grants:revoke", { securable_type: "TABLE", containing_scope: { database: DB, schema: "DATA" }, privileges: ["INSERT"] });
    await stack.rest("POST", "/api/v2/roles/GR_WRITER/grants:revoke", { securable_type: "ROLE", securable: { name: "GR_READER" } });
    // Granted by hand on a securable the stack manages: not the stack's, left alone.
    await stack.rest("POST", "/api/v2/roles/GR_WRITER/grants", { securable_type: "DATABASE", securable: { name: DB }, privileges: ["MONITOR"] });
    refresh = expectOk(await stack.run("refresh", declarations("changed")));
    up = expectOk(await stack.run("up", declarations("changed")));
  });
  test("refresh sees the revoked privileges and the revoked role grant", () => {
    expect(opOf(refresh, "on_db")).toBe("refresh-update");
    expect(opOf(refresh, "future_tables")).toBe("refresh-update");
    expect(opOf(refresh, "reader_to_writer")).toBe("refresh-delete");
    for (const name of ["on_table", "to_db_role", "all_tables", "db_role_to_reader", "orders_owner"]) expect(opOf(refresh, name)).toBe("same");
  });
  test("up grants them again", async () => {
    expect(opOf(up, "on_db")).toBe("update");
    expect(opOf(up, "future_tables")).toBe("update");
    expect(opOf(up, "reader_to_writer")).toBe("create");
    expect(privileges(await listed("/api/v2/roles/GR_READER/grants"), "DATABASE", DB)).toEqual(["MONITOR", "USAGE"]);
    expect((await listed("/api/v2/roles/GR_WRITER/future-grants")).flatMap((row) => row.privileges).sort()).toEqual(["INSERT", "SELECT"]);
    expect(privileges(await listed("/api/v2/roles/GR_WRITER/grants"), "ROLE", "GR_READER")).toEqual(["USAGE"]);
  });
  test("the privilege granted by hand is still there", async () => {
    expect(privileges(await listed("/api/v2/roles/GR_WRITER/grants"), "DATABASE", DB)).toEqual(["MONITOR"]);
  });
});

describe("a role and a table renamed under their grants", () => {
  let up: DriverResult;
  let refresh: DriverResult;
  beforeAll(async () => {
    up = expectOk(await stack.run("up", [...renamedContext, ...grants("changed")]));
    refresh = expectOk(await stack.run("refresh", [...renamedContext, ...grants("changed")]));
  });
  test("the grants naming them follow in place: nothing is replaced, nothing fails", () => {
    for (const name of ["on_db", "on_table", "reader_to_writer", "db_role_to_reader", "orders_owner"]) expect(opOf(up, name)).toBe("update");
    for (const name of ["to_db_role", "future_tables", "all_tables"]) expect(opOf(up, name)).toBe("same");
  });
  test("Snowflake kept every grant under the new names, and a refresh shows no diff", async () => {
    const reader = await listed("/api/v2/roles/GR_READER_RENAMED/grants");
    expect(privileges(reader, "DATABASE", DB)).toEqual(["MONITOR", "USAGE"]);
    expect(privileges(reader, "TABLE", "ORDERS_RENAMED")).toContain("SELECT");
    expect(privileges(await listed("/api/v2/roles/GR_WRITER/grants"), "ROLE", "GR_READER_RENAMED")).toEqual(["USAGE"]);
    expect((await stack.rest("GET", `/api/v2/databases/${DB}/schemas/DATA/tables/ORDERS_RENAMED`)).body.owner).toBe("GR_WRITER");
    for (const name of GRANTS) expect(opOf(refresh, name)).toBe("same");
  });
});

describe("destroy", () => {
  let result: DriverResult;
  beforeAll(async () => {
    // Only the grants go first, so what they revoked can be seen on roles that still exist.
    result = expectOk(await stack.run("up", renamedContext));
  });
  test.each(GRANTS)("%s is deleted", (name) => expect(opOf(result, name)).toBe("delete"));
  test("exactly what the stack granted is revoked; the hand-made grant stays", async () => {
    expect(await listed("/api/v2/roles/GR_READER_RENAMED/grants")).toEqual([]);
    expect((await listed("/api/v2/roles/GR_WRITER/grants")).map((row) => `${row.securable_type} ${row.securable?.name} ${row.privileges}`).sort())
      .toEqual([`DATABASE ${DB} MONITOR`]);
    expect(await listed("/api/v2/roles/GR_WRITER/future-grants")).toEqual([]);
    expect(await listed(`/api/v2/databases/${DB}/database-roles/GR_DB_READ/grants`)).toEqual([]);
    // The table's ownership went back to the owner before the transfer.
    expect((await stack.rest("GET", `/api/v2/databases/${DB}/schemas/DATA/tables/ORDERS_RENAMED`)).body.owner).toBe("ACCOUNTADMIN");
  });
  test("then the rest goes", async () => {
    expectOk(await stack.run("destroy", renamedContext));
    expect((await stack.rest("GET", "/api/v2/roles?like=GR_%25")).body).toEqual([]);
  });
});
