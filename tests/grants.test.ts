// Grants through the engine against the emulator: privilege sets normalized and diffed per element, reads shared
// per grantee, revocation of exactly what a resource holds, future and ON ALL grants, role hierarchy grants, and
// the emulator's refusals. The driver round trip of every grant type is tests/grants-roundtrip.test.ts.
import { closeAllPools } from "../provider/client/rest-client";
import { sameValue } from "../provider/engine/field-kind";
import { privilegeSetKind, securableNameKind, securableTypeKind } from "../provider/engine/kinds/grants";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { engineAgainst } from "./support/engine-harness";

let emulator: Emulator;
const DB = "GRANTS_DB";
const IN = `/api/v2/databases/${DB}/schemas/DATA`;
const rest = (method: string, path: string, body?: unknown) => callEmulator(emulator, method, path, body);
beforeAll(async () => {
  emulator = await startEmulator();
  await rest("POST", "/api/v2/databases", { name: DB });
  await rest("POST", `/api/v2/databases/${DB}/schemas`, { name: "DATA" });
  for (const name of ["ORDERS", "ITEMS"]) await rest("POST", `${IN}/tables`, { name, columns: [{ name: "ID", datatype: "NUMBER" }] });
  await rest("POST", "/api/v2/warehouses", { name: "GRANTS_WH", initially_suspended: "true" });
  for (const name of ["READER", "WRITER", "ADMIN", "OTHER"]) await rest("POST", "/api/v2/roles", { name });
});
afterAll(async () => {
  await closeAllPools();
  await emulator.close();
});

const grantsOf = async (role: string) => (await rest("GET", `/api/v2/roles/${role}/grants`)).body as { securable_type: string; securable?: { name: string }; privileges: string[]; grant_option: boolean }[];
const privilegesOn = async (role: string, name: string) => (await grantsOf(role)).filter((row) => row.securable?.name === name).flatMap((row) => row.privileges).sort();
const writes = () => emulator.requestLog.filter((entry) => entry.method !== "GET").map((entry) => `${entry.method} ${entry.path}`);

// Spellings other tools turned into perpetual diffs (../shared/reference/snowflake-iac-landscape.md: terraform
// #1514 and #1677 privilege spellings, #3050 / titan #182 type spellings, pulumi-snowflake #1088 privilege lists).
describe("grant spellings are normalized once, in the field kinds", () => {
  test.each([
    [privilegeSetKind(), ["select", "Insert"], ["INSERT", "SELECT"]],
    [privilegeSetKind(), ["ALL PRIVILEGES"], ["all"]],
    [privilegeSetKind(), ["CREATE  TABLE", "usage", "USAGE"], ["USAGE", "create table"]],
    [securableTypeKind(), "dynamic_table", "DYNAMIC TABLE"],
    [securableTypeKind(), "Materialized View", "MATERIALIZED_VIEW"],
    [securableNameKind(), 'grants_db."Data".orders', 'GRANTS_DB."Data".ORDERS'],
  ])("%#: %j means %j", (kind, declared, live) => expect(sameValue(kind, declared, live)).toBe(true));
  test("quoted names keep their case", () => expect(sameValue(securableNameKind(), 'DB."data"', "DB.DATA")).toBe(false));
});

describe("Grant", () => {
  const grant = () => engineAgainst(emulator, "Grant");
  const onOrders = { toRole: "reader", securableType: "table", securableName: `${DB.toLowerCase()}.data.orders` };

  test("any spelling of the same privileges is the same grant: no diff after create, nor against the live grant", async () => {
    const engine = grant();
    const { id, outs } = await engine.create({ ...onOrders, privileges: ["select", "insert"] });
    expect(id).toBe("TABLE GRANTS_DB.DATA.ORDERS to role READER");
    expect(await privilegesOn("READER", "ORDERS")).toEqual(["INSERT", "SELECT"]);
    expect(await engine.diff(id, outs, { ...onOrders, privileges: ["INSERT", " Select "] })).toMatchObject({ changes: false });
    const read = await engine.read(id, outs);
    expect(read.inputs).toMatchObject({ privileges: ["select", "insert"] });
    await engine.delete(id, outs);
    expect(await privilegesOn("READER", "ORDERS")).toEqual([]);
  });

  test("ALL is expanded to the type's privileges, so it converges: a refresh shows no diff", async () => {
    const engine = grant();
    const inputs = { toRole: "WRITER", securableType: "WAREHOUSE", securableName: "GRANTS_WH", privileges: ["ALL PRIVILEGES"] };
    const { id, outs } = await engine.create(inputs);
    expect(await privilegesOn("WRITER", "GRANTS_WH")).toEqual(["APPLYBUDGET", "MODIFY", "MONITOR", "OPERATE", "USAGE"]);
    const read = await engine.read(id, outs);
    expect(read.inputs?.privileges).toEqual(["ALL PRIVILEGES"]);
    expect(await engine.diff(id, read.props!, inputs)).toMatchObject({ changes: false });
    await engine.delete(id, outs);
    expect(await privilegesOn("WRITER", "GRANTS_WH")).toEqual([]);
  });

  test("a changed set grants the added and revokes the removed privileges, in place", async () => {
    const engine = grant();
    const { id, outs } = await engine.create({ ...onOrders, privileges: ["SELECT", "INSERT"] });
    expect(await engine.diff(id, outs, { ...onOrders, privileges: ["SELECT", "UPDATE"] })).toMatchObject({ changes: true, replaces: [] });
    emulator.clearRequestLog();
    const { outs: changed } = await engine.update(id, outs, { ...onOrders, privileges: ["SELECT", "UPDATE"] });
    expect(writes()).toEqual(["POST /api/v2/roles/READER/grants", "POST /api/v2/roles/READER/grants:revoke"]);
    expect(await privilegesOn("READER", "ORDERS")).toEqual(["SELECT", "UPDATE"]);
    await engine.delete(id, changed);
  });

  test("an out-of-band revoke is seen by a read; privileges granted by others are left alone and survive delete", async () => {
    const engine = grant();
    const { id, outs } = await engine.create({ ...onOrders, privileges: ["SELECT", "INSERT"] });
    await rest("POST", "/api/v2/roles/READER/grants:revoke", { securable_type: "TABLE", securable: { database: DB, schema: "DATA", name: "ORDERS" }, privileges: ["INSERT"] });
    await rest("POST", "/api/v2/roles/READER/grants", { securable_type: "TABLE", securable: { database: DB, schema: "DATA", name: "ORDERS" }, privileges: ["TRUNCATE"] });
    const read = await grant().read(id, outs);
    expect(read.inputs?.privileges).toEqual(["SELECT"]);
    expect(await engine.diff(id, read.props!, { ...onOrders, privileges: ["SELECT", "INSERT"] })).toMatchObject({ changes: true, replaces: [] });
    await engine.update(id, read.props!, { ...onOrders, privileges: ["SELECT", "INSERT"] });
    expect(await privilegesOn("READER", "ORDERS")).toEqual(["INSERT", "SELECT", "TRUNCATE"]);
    await engine.delete(id, outs);
    expect(await privilegesOn("READER", "ORDERS")).toEqual(["TRUNCATE"]);
    await rest("POST", "/api/v2/roles/READER/grants:revoke", { securable_type: "TABLE", securable: { database: DB, schema: "DATA", name: "ORDERS" }, privileges: ["TRUNCATE"] });
  });

  test("an object dropped in the same deployment takes its grants: the shared lists are read again", async () => {
    const engine = grant();
    const table = engineAgainst(emulator, "Table");
    const { outs: tableOuts } = await table.create({ database: DB, schema: "DATA", name: "SHORT_LIVED", columns: [{ name: "ID", datatype: "NUMBER" }] });
    const { id, outs } = await engine.create({ toRole: "READER", securableType: "TABLE", securableName: `${DB}.DATA.SHORT_LIVED`, privileges: ["SELECT"] });
    await table.delete("", tableOuts);
    expect((await engine.read(id, outs)).id).toBe("");
  });

  test("privileges granted before the stack existed are not taken over without adoptExisting", async () => {
    await rest("POST", "/api/v2/roles/OTHER/grants", { securable_type: "DATABASE", securable: { name: DB }, privileges: ["USAGE"] });
    const inputs = { toRole: "OTHER", securableType: "DATABASE", securableName: DB, privileges: ["USAGE", "MONITOR"] };
    await expect(grant().create(inputs)).rejects.toThrow(/already exists; set adoptExisting: true.*USAGE on DATABASE GRANTS_DB is granted to role OTHER already, outside this stack/);
    const { id, outs } = await grant().create({ ...inputs, adoptExisting: true });
    expect(await privilegesOn("OTHER", DB)).toEqual(["MONITOR", "USAGE"]);
    await grant().delete(id, outs);
  });

  test("a privilege held with grant option by hand is found by a plain grant, never revoked by it", async () => {
    const onItems = { securable_type: "TABLE", securable: { database: DB, schema: "DATA", name: "ITEMS" }, privileges: ["SELECT"] };
    await rest("POST", "/api/v2/roles/OTHER/grants", { ...onItems, grant_option: true });
    const inputs = { toRole: "OTHER", securableType: "TABLE", securableName: `${DB}.DATA.ITEMS`, privileges: ["SELECT"] };
    await expect(grant().create(inputs)).rejects.toThrow(/SELECT on TABLE GRANTS_DB.DATA.ITEMS is granted to role OTHER already/);
    await expect(grant().create({ ...inputs, withGrantOption: true })).rejects.toThrow(/is granted to role OTHER already/);
    expect(await privilegesOn("OTHER", "ITEMS")).toEqual(["SELECT"]);
    await rest("POST", "/api/v2/roles/OTHER/grants:revoke", onItems);
  });

  test("a database role takes privileges only in its own database", async () => {
    await rest("POST", `/api/v2/databases/${DB}/database-roles`, { name: "SCOPED" });
    const checks = await grant().check({}, { toDatabaseRole: `${DB}.SCOPED`, securableType: "WAREHOUSE", securableName: "GRANTS_WH", privileges: ["USAGE"] });
    expect(checks.failures).toEqual([expect.objectContaining({ property: "toDatabaseRole", reason: expect.stringMatching(/only on objects of its own database \(GRANTS_DB\), not on WAREHOUSE/) })]);
    const elsewhere = await grant().check({}, { toDatabaseRole: `${DB}.SCOPED`, securableType: "SCHEMA", securableName: "OTHER_DB.PUBLIC", privileges: ["USAGE"] });
    expect(elsewhere.failures[0].reason).toMatch(/not of OTHER_DB/);
    const answer = await rest("POST", `/api/v2/databases/${DB}/database-roles/SCOPED/grants`, { securable_type: "WAREHOUSE", securable: { name: "GRANTS_WH" }, privileges: ["USAGE"] });
    expect(answer.body.message).toMatch(/a database role takes privileges only in database GRANTS_DB/);
  });

  test("a grant on the account, and one with grant option, are grants of their own", async () => {
    const engine = grant();
    const account = await engine.create({ toRole: "ADMIN", securableType: "ACCOUNT", privileges: ["create database", "EXECUTE TASK"] });
    expect(account.id).toBe("ACCOUNT to role ADMIN");
    const rows = (await grantsOf("ADMIN")).filter((row) => row.securable_type === "ACCOUNT");
    expect(rows.flatMap((row) => row.privileges).sort()).toEqual(["CREATE DATABASE", "EXECUTE TASK"]);
    const withOption = await engine.create({ toRole: "ADMIN", securableType: "DATABASE", securableName: DB, privileges: ["USAGE"], withGrantOption: true });
    expect(withOption.id).toBe("DATABASE GRANTS_DB to role ADMIN with grant option");
    expect((await grantsOf("ADMIN")).find((row) => row.securable_type === "DATABASE")?.grant_option).toBe(true);
    expect((await engine.read(withOption.id, withOption.outs)).props).toMatchObject({ privileges: ["USAGE"], withGrantOption: true });
    await engine.delete(account.id, account.outs);
    await engine.delete(withOption.id, withOption.outs);
    expect(await grantsOf("ADMIN")).toEqual([]);
  });

  test("reads of many grants to one role share one list call", async () => {
    const engine = grant();
    const tables = Array.from({ length: 12 }, (_, index) => `MANY_${index}`);
    for (const name of tables) await rest("POST", `${IN}/tables`, { name, columns: [{ name: "ID", datatype: "NUMBER" }] });
    const created = await Promise.all(tables.map((name) => engine.create({ toRole: "WRITER", securableType: "TABLE", securableName: `${DB}.DATA.${name}`, privileges: ["SELECT"] })));
    const reader = grant();
    emulator.clearRequestLog();
    const reads = await Promise.all(created.map(({ id, outs }) => reader.read(id, outs)));
    expect(reads.every((read) => read.props?.privileges)).toBe(true);
    expect(emulator.requestLog.map((entry) => `${entry.method} ${entry.path}`)).toEqual(["GET /api/v2/roles/WRITER/grants"]);
    // A write to the role forgets its list: the next read asks again.
    await reader.delete(created[0].id, created[0].outs);
    emulator.clearRequestLog();
    expect((await reader.read(created[0].id, created[0].outs)).id).toBe("");
    expect(emulator.requestLog.map((entry) => entry.path)).toEqual(["/api/v2/roles/WRITER/grants"]);
    await Promise.all(created.slice(1).map(({ id, outs }) => engine.delete(id, outs)));
  });
});

describe("FutureGrant and GrantOnAll", () => {
  const future = () => engineAgainst(emulator, "FutureGrant");
  const onAll = () => engineAgainst(emulator, "GrantOnAll");
  const inSchema = { toRole: "READER", objectType: "table", inSchema: `${DB}.DATA`, privileges: ["SELECT"] };

  test("a future grant gives new tables its privileges; deleting it leaves what they got", async () => {
    const { id, outs } = await future().create(inSchema);
    expect(id).toBe("future TABLE objects in schema GRANTS_DB.DATA to role READER");
    const [row] = (await rest("GET", "/api/v2/roles/READER/future-grants")).body;
    expect(row).toMatchObject({ securable_type: "TABLE", containing_scope: { database: DB, schema: "DATA" }, privileges: ["SELECT"], grant_option: false });
    await rest("POST", `${IN}/tables`, { name: "LATER", columns: [{ name: "ID", datatype: "NUMBER" }] });
    expect(await privilegesOn("READER", "LATER")).toEqual(["SELECT"]);
    expect(await privilegesOn("READER", "ORDERS")).toEqual([]);
    expect((await future().read(id, outs)).props).toMatchObject({ privileges: ["SELECT"] });
    await rest("POST", "/api/v2/roles/READER/future-grants:revoke", { securable_type: "TABLE", containing_scope: { database: DB, schema: "DATA" }, privileges: ["SELECT"] });
    expect((await future().read(id, outs)).id).toBe("");
    await future().delete(id, outs);
    expect(await privilegesOn("READER", "LATER")).toEqual(["SELECT"]);
  });

  test("schema-level future grants take precedence over database-level ones", async () => {
    const database = await future().create({ toRole: "WRITER", objectType: "TABLE", inDatabase: DB, privileges: ["INSERT"] });
    const schema = await future().create({ toRole: "OTHER", objectType: "TABLE", inSchema: `${DB}.DATA`, privileges: ["SELECT"] });
    await rest("POST", `${IN}/tables`, { name: "PRECEDENCE", columns: [{ name: "ID", datatype: "NUMBER" }] });
    expect(await privilegesOn("OTHER", "PRECEDENCE")).toEqual(["SELECT"]);
    expect(await privilegesOn("WRITER", "PRECEDENCE")).toEqual([]);
    await future().delete(database.id, database.outs);
    await future().delete(schema.id, schema.outs);
  });

  test("ON ALL reaches every table now; a table created later without it shows as missing privileges, and up grants again", async () => {
    const engine = onAll();
    const { id, outs } = await engine.create({ ...inSchema, toRole: "ADMIN", privileges: ["SELECT", "REFERENCES"] });
    expect(await privilegesOn("ADMIN", "ORDERS")).toEqual(["REFERENCES", "SELECT"]);
    expect(await privilegesOn("ADMIN", "ITEMS")).toEqual(["REFERENCES", "SELECT"]);
    expect((await onAll().read(id, outs)).props).toMatchObject({ privileges: ["SELECT", "REFERENCES"] });
    await rest("POST", `${IN}/tables`, { name: "NEWER", columns: [{ name: "ID", datatype: "NUMBER" }] });
    const read = await onAll().read(id, outs);
    expect(read.props?.privileges).toEqual([]);
    const inputs = { ...inSchema, toRole: "ADMIN", privileges: ["SELECT", "REFERENCES"] };
    expect(await engine.diff(id, read.props!, inputs)).toMatchObject({ changes: true, replaces: [] });
    await engine.update(id, read.props!, inputs);
    expect(await privilegesOn("ADMIN", "NEWER")).toEqual(["REFERENCES", "SELECT"]);
    await engine.delete(id, outs);
    expect((await grantsOf("ADMIN")).filter((row) => row.securable_type === "TABLE")).toEqual([]);
  });
});

describe("RoleGrant and DatabaseRoleGrant", () => {
  const roleGrant = () => engineAgainst(emulator, "RoleGrant");

  test("a role granted to a role is read from the grantee's grants and revoked on delete", async () => {
    const { id, outs } = await roleGrant().create({ role: "reader", toRole: "writer" });
    expect(id).toBe("role READER to role WRITER");
    expect((await grantsOf("WRITER")).filter((row) => row.securable_type === "ROLE")).toEqual([expect.objectContaining({ securable: { name: "READER" }, privileges: ["USAGE"] })]);
    expect((await rest("GET", "/api/v2/roles/READER/grants-of")).body).toEqual([expect.objectContaining({ role: "READER", granted_to: "ROLE", grantee_name: "WRITER" })]);
    expect((await roleGrant().read(id, outs)).props).toMatchObject({ role: "reader", toRole: "writer" });
    await roleGrant().delete(id, outs);
    expect((await roleGrant().read(id, outs)).id).toBe("");
  });

  test("a role granted to a user is read from the user's grants", async () => {
    await rest("POST", "/api/v2/users", { name: "SERVICE_BOT", type: "SERVICE" });
    const { id, outs } = await roleGrant().create({ role: "WRITER", toUser: "service_bot" });
    expect(id).toBe("role WRITER to user SERVICE_BOT");
    expect((await rest("GET", "/api/v2/users/SERVICE_BOT/grants")).body).toEqual([expect.objectContaining({ securable_type: "ROLE", securable: { name: "WRITER" } })]);
    expect((await rest("GET", "/api/v2/roles?like=WRITER")).body[0]).toMatchObject({ assigned_to_users: 1 });
    expect((await roleGrant().read(id, outs)).props).toMatchObject({ toUser: "service_bot" });
    // GRANT <privileges> TO USER exists in Snowflake; the emulator does not model it and says so.
    const privilege = await rest("POST", "/api/v2/users/SERVICE_BOT/grants", { securable_type: "DATABASE", securable: { name: DB }, privileges: ["USAGE"] });
    expect(privilege.status).toBe(501);
    await roleGrant().delete(id, outs);
    expect((await rest("GET", "/api/v2/users/SERVICE_BOT/grants")).body).toEqual([]);
  });

  test("Snowflake refuses a cycle in the role hierarchy, and the error names the grant", async () => {
    const first = await roleGrant().create({ role: "READER", toRole: "WRITER" });
    const second = await roleGrant().create({ role: "WRITER", toRole: "ADMIN" });
    await expect(roleGrant().create({ role: "ADMIN", toRole: "READER" })).rejects.toThrow(/cannot grant role ADMIN to role READER: .*cycle/);
    await roleGrant().delete(second.id, second.outs);
    await roleGrant().delete(first.id, first.outs);
  });

  test("a database role is granted to a role and to a database role of its database", async () => {
    for (const name of ["DB_READ", "DB_ALL"]) await rest("POST", `/api/v2/databases/${DB}/database-roles`, { name });
    const engine = engineAgainst(emulator, "DatabaseRoleGrant");
    const toRole = await engine.create({ databaseRole: `${DB}.DB_READ`, toRole: "READER" });
    const toDatabaseRole = await engine.create({ databaseRole: `${DB}.DB_READ`, toDatabaseRole: `${DB}.DB_ALL` });
    expect(toDatabaseRole.id).toBe("database role GRANTS_DB.DB_READ to database role GRANTS_DB.DB_ALL");
    expect((await rest("GET", `/api/v2/databases/${DB}/database-roles/DB_ALL/grants`)).body).toEqual([expect.objectContaining({ securable_type: "DATABASE ROLE", securable: { database: DB, name: "DB_READ" } })]);
    expect((await engine.read(toRole.id, toRole.outs)).props).toMatchObject({ databaseRole: `${DB}.DB_READ` });
    // A database role's privileges on its database's objects.
    const grant = await engineAgainst(emulator, "Grant").create({ toDatabaseRole: `${DB}.DB_READ`, securableType: "SCHEMA", securableName: `${DB}.DATA`, privileges: ["USAGE"] });
    expect((await engineAgainst(emulator, "Grant").read(grant.id, grant.outs)).props).toMatchObject({ privileges: ["USAGE"] });
    // Dropping the database role takes every grant to and of it (read by a new deployment: a fresh engine).
    await rest("DELETE", `/api/v2/databases/${DB}/database-roles/DB_READ`);
    for (const created of [toRole, toDatabaseRole]) expect((await engineAgainst(emulator, "DatabaseRoleGrant").read(created.id, created.outs)).id).toBe("");
    expect((await engineAgainst(emulator, "Grant").read(grant.id, grant.outs)).id).toBe("");
    await rest("POST", `/api/v2/databases/${DB}/database-roles`, { name: "DB_READ" });
    expect((await rest("GET", `/api/v2/databases/${DB}/database-roles/DB_READ/grants`)).body).toEqual([]);
  });
});

describe("OwnershipGrant", () => {
  const ownership = () => engineAgainst(emulator, "OwnershipGrant");
  const onItems = { toRole: "WRITER", securableType: "TABLE", securableName: `${DB}.DATA.ITEMS` };
  const itemsOwner = async () => (await rest("GET", `${IN}/tables/ITEMS`)).body.owner;
  const selectOnItems = { securable_type: "TABLE", securable: { database: DB, schema: "DATA", name: "ITEMS" }, privileges: ["SELECT"] };

  test("COPY keeps the object's grants; delete gives it back to the owner before", async () => {
    await rest("POST", "/api/v2/roles/READER/grants", selectOnItems);
    const { id, outs } = await ownership().create({ ...onItems, currentGrants: "copy" });
    expect(id).toBe("ownership of TABLE GRANTS_DB.DATA.ITEMS to role WRITER");
    expect(outs.previousOwner).toBe("ACCOUNTADMIN");
    expect(await itemsOwner()).toBe("WRITER");
    expect(await privilegesOn("READER", "ITEMS")).toEqual(["SELECT"]);
    expect((await ownership().read(id, outs)).props).toMatchObject({ toRole: "WRITER", previousOwner: "ACCOUNTADMIN" });
    await ownership().delete(id, outs);
    expect(await itemsOwner()).toBe("ACCOUNTADMIN");
    expect(await privilegesOn("READER", "ITEMS")).toEqual(["SELECT"]);
  });

  test("REVOKE removes the object's grants; a transfer undone by hand is seen as gone", async () => {
    const { id, outs } = await ownership().create({ ...onItems, currentGrants: "REVOKE" });
    expect(await privilegesOn("READER", "ITEMS")).toEqual([]);
    await rest("POST", "/api/v2/statements", { statement: `GRANT OWNERSHIP ON TABLE ${DB}.DATA.ITEMS TO ROLE ACCOUNTADMIN COPY CURRENT GRANTS` });
    expect((await ownership().read(id, outs)).id).toBe("");
    // Moved on by someone else: delete does not take it from them.
    await ownership().delete(id, outs);
    expect(await itemsOwner()).toBe("ACCOUNTADMIN");
  });

  test("a two-word type in any spelling is transferred under its SQL name", async () => {
    await rest("POST", `${IN}/event-tables`, { name: "EVENTS" });
    const { id, outs } = await ownership().create({ toRole: "WRITER", securableType: "event_table", securableName: `${DB}.DATA.EVENTS`, currentGrants: "COPY" });
    expect(id).toBe("ownership of EVENT TABLE GRANTS_DB.DATA.EVENTS to role WRITER");
    expect((await rest("GET", `${IN}/event-tables/EVENTS`)).body.owner).toBe("WRITER");
    await ownership().delete(id, outs);
    expect((await rest("GET", `${IN}/event-tables/EVENTS`)).body.owner).toBe("ACCOUNTADMIN");
  });

  test("Snowflake refuses a transfer of an object with grants without COPY or REVOKE", async () => {
    await rest("POST", "/api/v2/roles/READER/grants", selectOnItems);
    const answer = await rest("POST", "/api/v2/statements", { statement: `GRANT OWNERSHIP ON TABLE ${DB}.DATA.ITEMS TO ROLE WRITER` });
    expect(answer.body.message).toMatch(/Dependent grant of privilege 'SELECT' on securable 'GRANTS_DB.DATA.ITEMS' to role 'READER' exists/);
    await rest("POST", "/api/v2/roles/READER/grants:revoke", selectOnItems);
  });

  test("the choice about current grants is required at check, and only readable types are offered", async () => {
    expect((await ownership().check({}, onItems)).failures).toEqual([expect.objectContaining({ property: "currentGrants", reason: expect.stringMatching(/^required/) })]);
    expect((await ownership().check({}, { ...onItems, securableType: "FILE FORMAT", currentGrants: "COPY" })).failures).toEqual([expect.objectContaining({ property: "securableType", reason: expect.stringMatching(/cannot be read back.*allowed: DATABASE, WAREHOUSE/) })]);
  });
});

describe("the emulator refuses what Snowflake refuses", () => {
  test("a privilege not valid on the securable, with Snowflake's message", async () => {
    const answer = await rest("POST", "/api/v2/roles/READER/grants", { securable_type: "WAREHOUSE", securable: { name: "GRANTS_WH" }, privileges: ["SELECT"] });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/Invalid privilege SELECT for WAREHOUSE/);
  });

  test("READ on an external stage, USAGE on an internal one", async () => {
    await rest("POST", `${IN}/stages`, { name: "INTERNAL_ST" });
    const usage = await rest("POST", "/api/v2/roles/READER/grants", { securable_type: "STAGE", securable: { database: DB, schema: "DATA", name: "INTERNAL_ST" }, privileges: ["USAGE"] });
    expect(usage.body.message).toMatch(/Invalid privilege USAGE for STAGE \(an internal stage\)/);
  });

  test("a grant to a role that does not exist fails with a message naming the grant", async () => {
    await expect(engineAgainst(emulator, "Grant").create({ toRole: "NOBODY", securableType: "DATABASE", securableName: DB, privileges: ["USAGE"] }))
      .rejects.toThrow(/cannot grant USAGE on DATABASE GRANTS_DB to role NOBODY: SQL compilation error: Role 'NOBODY' does not exist or not authorized/);
  });

  test("a role granted to itself is refused", async () => {
    const answer = await rest("POST", "/api/v2/roles/READER/grants", { securable_type: "ROLE", securable: { name: "READER" } });
    expect(answer.body.message).toMatch(/would create a cycle/);
  });

  test("a dropped table's grants are gone, and a new table of the same name has none", async () => {
    await rest("POST", `${IN}/tables`, { name: "DROPPED", columns: [{ name: "ID", datatype: "NUMBER" }] });
    await rest("POST", "/api/v2/roles/OTHER/grants", { securable_type: "TABLE", securable: { database: DB, schema: "DATA", name: "DROPPED" }, privileges: ["SELECT"] });
    await rest("DELETE", `${IN}/tables/DROPPED`);
    await rest("POST", `${IN}/tables`, { name: "DROPPED", columns: [{ name: "ID", datatype: "NUMBER" }] });
    expect(await privilegesOn("OTHER", "DROPPED")).toEqual([]);
  });

  test("CREATE OR REPLACE keeps a view's grants with copyGrants, and drops them without", async () => {
    const view = { name: "KEPT_VIEW", query: `SELECT ID FROM ${DB}.DATA.ORDERS`, columns: [{ name: "ID" }] };
    await rest("POST", `${IN}/views`, view);
    await rest("POST", "/api/v2/roles/OTHER/grants", { securable_type: "VIEW", securable: { database: DB, schema: "DATA", name: "KEPT_VIEW" }, privileges: ["SELECT"] });
    await rest("POST", `${IN}/views?createMode=orReplace&copyGrants=true`, view);
    expect(await privilegesOn("OTHER", "KEPT_VIEW")).toEqual(["SELECT"]);
    await rest("POST", `${IN}/views?createMode=orReplace`, view);
    expect(await privilegesOn("OTHER", "KEPT_VIEW")).toEqual([]);
  });

  test("a dropped role's grants are gone from the roles it was granted to", async () => {
    await rest("POST", "/api/v2/roles", { name: "SHORT_LIVED" });
    await rest("POST", "/api/v2/roles/ADMIN/grants", { securable_type: "ROLE", securable: { name: "SHORT_LIVED" } });
    expect((await grantsOf("ADMIN")).some((row) => row.securable?.name === "SHORT_LIVED")).toBe(true);
    await rest("DELETE", "/api/v2/roles/SHORT_LIVED");
    expect((await grantsOf("ADMIN")).some((row) => row.securable?.name === "SHORT_LIVED")).toBe(false);
  });
});
