// Roles and database roles through the engine against the emulator. Neither spec has a GET of one object, so the
// engine reads them as their row of the list (readByList): by a LIKE pattern for roles, from the name on for
// database roles, each picked by exact name. Comments change by ALTER, a new name renames in place.
import { closeAllPools } from "../provider/client/rest-client";
import { exactLikePattern } from "../provider/engine/list-read";
import { DatabaseRoleStrict } from "../provider/wire/database-role";
import { RoleStrict } from "../provider/wire/role";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { engineAgainst } from "./support/engine-harness";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
  await callEmulator(emulator, "POST", "/api/v2/databases", { name: "ROLES_DB" });
});
afterAll(async () => {
  await closeAllPools();
  await emulator.close();
});

const get = async (path: string) => (await callEmulator(emulator, "GET", path)).body;
/** What the engine sent besides reads and ALTER statements: creates, PUTs, DELETEs. */
const writesBesidesSql = () => emulator.requestLog.filter((entry) => entry.method !== "GET" && entry.path !== "/api/v2/statements");
const listReads = (collection: string) => emulator.requestLog.filter((entry) => entry.method === "GET" && entry.path === collection);

describe("Role", () => {
  const role = () => engineAgainst(emulator, "Role");

  test("a LIKE pattern matches only the name itself: _, % and \\ are escaped", () => {
    expect(exactLikePattern("A_B")).toBe("A\\_B");
    expect(exactLikePattern("50%\\x")).toBe("50\\%\\\\x");
  });

  test("A_B and AXB each read only themselves", async () => {
    const engine = role();
    const { outs: underscore } = await engine.create({ name: "A_B", comment: "underscore" });
    const { outs: letter } = await engine.create({ name: "AXB", comment: "letter" });
    expect(underscore).toMatchObject({ name: "A_B", comment: "underscore", fullyQualifiedName: "A_B" });
    expect(letter).toMatchObject({ name: "AXB", comment: "letter" });
    emulator.clearRequestLog();
    expect((await engine.read("A_B", underscore)).props).toMatchObject({ comment: "underscore" });
    expect((await engine.read("AXB", letter)).props).toMatchObject({ comment: "letter" });
    expect(listReads("/api/v2/roles").map((entry) => entry.query)).toEqual([{ like: "A\\_B" }, { like: "AXB" }]);
    // The unescaped pattern would have matched both: the emulator's LIKE is Snowflake's.
    expect((await get("/api/v2/roles?like=A_B")).map((row: { name: string }) => row.name).sort()).toEqual(["AXB", "A_B"]);
  });

  test("a case-insensitive LIKE match of another name is not the role: quoted names are exact", async () => {
    const engine = role();
    const { outs: upper } = await engine.create({ name: "CASED_ROLE" });
    await engine.create({ name: '"cased_role"', comment: "lower" });
    expect((await engine.read("CASED_ROLE", upper)).props?.comment).toBeUndefined();
    expect((await engine.read('"cased_role"', { name: '"cased_role"', comment: "lower" })).props).toMatchObject({ comment: "lower" });
  });

  test("a comment changes by ALTER ROLE, without a create or a drop", async () => {
    const engine = role();
    const { outs } = await engine.create({ name: "COMMENTED_ROLE", comment: "v1" });
    emulator.clearRequestLog();
    const { outs: changed } = await engine.update("COMMENTED_ROLE", outs, { name: "COMMENTED_ROLE", comment: "v2" });
    expect(changed).toMatchObject({ comment: "v2" });
    await engine.update("COMMENTED_ROLE", changed, { name: "COMMENTED_ROLE" });
    expect(writesBesidesSql()).toEqual([]);
    expect(emulator.requestLog.filter((entry) => entry.path === "/api/v2/statements")).toHaveLength(2);
    const [row] = await get("/api/v2/roles?like=COMMENTED%5C_ROLE");
    expect(row.comment).toBeUndefined();
  });

  test("a new name renames the role in place", async () => {
    const engine = role();
    const { outs } = await engine.create({ name: "OLD_ROLE", comment: "kept" });
    const [before] = await get("/api/v2/roles?like=OLD%5C_ROLE");
    expect(await engine.diff("OLD_ROLE", outs, { name: "NEW_ROLE", comment: "kept" })).toMatchObject({ changes: true, replaces: [] });
    emulator.clearRequestLog();
    const { outs: renamed } = await engine.update("OLD_ROLE", outs, { name: "NEW_ROLE", comment: "kept" });
    expect(renamed).toMatchObject({ name: "NEW_ROLE", fullyQualifiedName: "NEW_ROLE", comment: "kept" });
    expect(writesBesidesSql()).toEqual([]);
    expect(await get("/api/v2/roles?like=OLD%5C_ROLE")).toEqual([]);
    const [after] = await get("/api/v2/roles?like=NEW%5C_ROLE");
    expect(after.created_on).toBe(before.created_on);
  });

  test("a role dropped outside Pulumi reads as gone, and deleting it again is no error", async () => {
    const engine = role();
    const { outs } = await engine.create({ name: "DROPPED_ROLE" });
    await callEmulator(emulator, "DELETE", "/api/v2/roles/DROPPED_ROLE");
    expect(await engine.read("DROPPED_ROLE", outs)).toEqual({ id: "" });
    await engine.delete("DROPPED_ROLE", outs);
  });

  test("an existing role is not taken over unless adoptExisting", async () => {
    await expect(role().create({ name: "SYSADMIN" })).rejects.toThrow(/already exists; set adoptExisting/);
  });
});

describe("the emulator's system roles", () => {
  test("every account has them, with the session's role current", async () => {
    const rows: { name: string; is_current: boolean }[] = await get("/api/v2/roles");
    const names = rows.map((row) => row.name);
    for (const name of ["ACCOUNTADMIN", "SECURITYADMIN", "USERADMIN", "SYSADMIN", "PUBLIC"]) expect(names).toContain(name);
    expect(rows.find((row) => row.name === "ACCOUNTADMIN")?.is_current).toBe(true);
  });

  test("every role and database role row fits the spec's strict model", async () => {
    await callEmulator(emulator, "POST", "/api/v2/databases/ROLES_DB/database-roles", { name: "MODEL_CHECK", comment: "c" });
    for (const row of await get("/api/v2/roles")) expect(RoleStrict.safeParse(row).error).toBeUndefined();
    const databaseRoles = await get("/api/v2/databases/ROLES_DB/database-roles");
    expect(databaseRoles.length).toBeGreaterThan(0);
    for (const row of databaseRoles) expect(DatabaseRoleStrict.safeParse(row).error).toBeUndefined();
  });

  test("they cannot be dropped or altered", async () => {
    expect((await callEmulator(emulator, "DELETE", "/api/v2/roles/SYSADMIN")).status).toBe(403);
    const alter = await callEmulator(emulator, "POST", "/api/v2/statements", { statement: "ALTER ROLE PUBLIC SET COMMENT = 'mine'" });
    expect(alter.status).toBeGreaterThanOrEqual(400);
    expect(alter.body.message).toMatch(/Insufficient privileges to operate on role 'PUBLIC'/);
    expect((await get("/api/v2/roles?like=SYSADMIN")).map((row: { name: string }) => row.name)).toEqual(["SYSADMIN"]);
  });
});

describe("DatabaseRole", () => {
  const databaseRole = () => engineAgainst(emulator, "DatabaseRole");
  const IN = { database: "ROLES_DB" };
  const COLLECTION = "/api/v2/databases/ROLES_DB/database-roles";

  test("each reads as its own row of a page that starts at its name", async () => {
    const engine = databaseRole();
    const created = [];
    for (const name of ["READER_A", "READER_B", "READER_C"]) created.push((await engine.create({ ...IN, name, comment: name.toLowerCase() })).outs);
    emulator.clearRequestLog();
    for (const outs of created) expect((await engine.read(String(outs.fullyQualifiedName), outs)).props).toMatchObject({ comment: String(outs.name).toLowerCase() });
    expect(listReads(COLLECTION).map((entry) => entry.query.fromName)).toEqual(["READER_A", "READER_B", "READER_C"]);
    // The page from READER_B holds READER_C too: only the exact name is the object.
    expect((await get(`${COLLECTION}?fromName=READER_B&showLimit=10`)).map((row: { name: string }) => row.name)).toEqual(["READER_B", "READER_C"]);
    expect(created[1]).toMatchObject({ fullyQualifiedName: "ROLES_DB.READER_B" });
  });

  test("a name before others, but not there, is gone though the page has rows", async () => {
    const engine = databaseRole();
    const { outs } = await engine.create({ ...IN, name: "READER_0" });
    await callEmulator(emulator, "DELETE", `${COLLECTION}/READER_0`);
    expect((await get(`${COLLECTION}?fromName=READER_0&showLimit=10`)).length).toBeGreaterThan(0);
    expect(await engine.read("ROLES_DB.READER_0", outs)).toEqual({ id: "" });
  });

  test("a comment changes by ALTER DATABASE ROLE, and a new name renames it in place", async () => {
    const engine = databaseRole();
    const { outs } = await engine.create({ ...IN, name: "WRITER", comment: "v1" });
    const [before] = await get(`${COLLECTION}?fromName=WRITER&showLimit=1`);
    emulator.clearRequestLog();
    const { outs: changed } = await engine.update("ROLES_DB.WRITER", outs, { ...IN, name: "WRITER", comment: "v2" });
    const { outs: renamed } = await engine.update("ROLES_DB.WRITER", changed, { ...IN, name: "WRITER_V2", comment: "v2" });
    expect(writesBesidesSql()).toEqual([]);
    expect(renamed).toMatchObject({ name: "WRITER_V2", comment: "v2", fullyQualifiedName: "ROLES_DB.WRITER_V2" });
    const [after] = await get(`${COLLECTION}?fromName=WRITER_V2&showLimit=1`);
    expect(after).toMatchObject({ name: "WRITER_V2", comment: "v2", created_on: before.created_on });
  });

  test("another database is another database role", async () => {
    const engine = databaseRole();
    const { outs } = await engine.create({ ...IN, name: "MOVER" });
    expect((await engine.diff("ROLES_DB.MOVER", outs, { database: "OTHER_DB", name: "MOVER" })).replaces).toContain("database");
  });

  test("a database role whose database is gone reads as gone", async () => {
    await callEmulator(emulator, "POST", "/api/v2/databases", { name: "SHORT_LIVED_DB" });
    const engine = databaseRole();
    const { outs } = await engine.create({ database: "SHORT_LIVED_DB", name: "TEMPORARY" });
    await callEmulator(emulator, "DELETE", "/api/v2/databases/SHORT_LIVED_DB");
    expect(await engine.read("SHORT_LIVED_DB.TEMPORARY", outs)).toEqual({ id: "" });
  });

  test("ALTER DATABASE ROLE cannot rename into another database", async () => {
    await callEmulator(emulator, "POST", "/api/v2/databases", { name: "ELSEWHERE_DB" });
    await databaseRole().create({ ...IN, name: "STAYS" });
    const answer = await callEmulator(emulator, "POST", "/api/v2/statements", { statement: "ALTER DATABASE ROLE ROLES_DB.STAYS RENAME TO ELSEWHERE_DB.STAYS" });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.body.message).toMatch(/cannot be renamed into another database/);
    expect(await get("/api/v2/databases/ELSEWHERE_DB/database-roles")).toEqual([]);
  });
});
