// The emulator's databases and schemas: defaults, create modes, PUT create-or-alter with kind fixed, drops, listing filters, system schemas through its HTTP surface.
import { startEmulator, type Emulator } from "./emulator";
import { emulatorHttp } from "./support/emulator-http";

let emulator: Emulator;
const { call, get, post, put, del } = emulatorHttp(() => emulator);

beforeAll(async () => {
  emulator = await startEmulator({ users: [{ name: "alice" }] });
});

afterAll(async () => {
  await emulator.close();
});

describe("databases", () => {
  const DATABASES = "/api/v2/databases";

  it("creates with defaults and the PUBLIC and INFORMATION_SCHEMA schemas", async () => {
    expect((await post(DATABASES, { name: "db_defaults" })).body.status).toBe(
      "Database DB_DEFAULTS successfully created."
    );
    const { body } = await get(`${DATABASES}/DB_DEFAULTS`);
    expect(body).toMatchObject({
      name: "DB_DEFAULTS",
      kind: "PERMANENT",
      data_retention_time_in_days: 1,
      retention_time: 1,
      max_data_extension_time_in_days: 14,
      options: "",
      origin: "",
      owner: "ACCOUNTADMIN",
      owner_role_type: "ROLE",
      is_default: false,
      is_current: false,
    });
    expect(body).not.toHaveProperty("comment");
    // Parameters docs: an object reports every parameter with its effective value (here Snowflake's defaults).
    expect(body).toMatchObject({ log_level: "OFF", trace_level: "OFF", suspend_task_after_num_failures: 10 });
    const schemas = (await get(`${DATABASES}/DB_DEFAULTS/schemas`)).body.map((schema: { name: string }) => schema.name);
    expect(schemas).toEqual(["INFORMATION_SCHEMA", "PUBLIC"]);
  });

  it("stores object parameters that are set, normalised", async () => {
    await post(DATABASES, {
      name: "DB_PARAMS",
      log_level: "info",
      user_task_managed_initial_warehouse_size: "x-small",
    });
    expect((await get(`${DATABASES}/DB_PARAMS`)).body).toMatchObject({
      log_level: "INFO",
      user_task_managed_initial_warehouse_size: "XSMALL",
    });
    const invalid = await post(DATABASES, { name: "DB_BAD", trace_level: "SOMETIMES" });
    expect(invalid.status).toBe(400);
    expect(invalid.body.message).toContain("trace_level");
  });

  it("supports every createMode; orReplace starts over with fresh schemas", async () => {
    await post(DATABASES, { name: "DB_MODES", comment: "first" });
    await post(`${DATABASES}/DB_MODES/schemas`, { name: "EXTRA" });
    expect((await post(DATABASES, { name: "DB_MODES" })).status).toBe(409);
    expect((await post(DATABASES, { name: "DB_MODES" }, { query: { createMode: "ifNotExists" } })).status).toBe(200);
    expect((await get(`${DATABASES}/DB_MODES/schemas/EXTRA`)).status).toBe(200);
    expect((await post(DATABASES, { name: "DB_MODES" }, { query: { createMode: "orReplace" } })).status).toBe(200);
    expect((await get(`${DATABASES}/DB_MODES`)).body).not.toHaveProperty("comment");
    expect((await get(`${DATABASES}/DB_MODES/schemas/EXTRA`)).status).toBe(404);
  });

  it("PUT creates, then alters with omitted properties reset and kind fixed", async () => {
    const created = await put(`${DATABASES}/DB_PUT`, {
      name: "DB_PUT",
      kind: "TRANSIENT",
      comment: "c",
      data_retention_time_in_days: 0,
    });
    expect(created.status).toBe(200);
    expect((await get(`${DATABASES}/DB_PUT`)).body).toMatchObject({
      kind: "TRANSIENT",
      options: "TRANSIENT",
      retention_time: 0,
    });

    expect((await put(`${DATABASES}/DB_PUT`, { name: "DB_PUT", kind: "TRANSIENT" })).status).toBe(200);
    const { body } = await get(`${DATABASES}/DB_PUT`);
    expect(body).not.toHaveProperty("comment");
    expect(body.data_retention_time_in_days).toBe(1);

    const kindChange = await put(`${DATABASES}/DB_PUT`, { name: "DB_PUT", kind: "PERMANENT" });
    expect(kindChange.status).toBe(400);
    expect(kindChange.body.message).toMatch(/kind/);
    expect((await put(`${DATABASES}/DB_PUT`, { name: "DB_PUT" })).status).toBe(400);

    const tooLong = await put(`${DATABASES}/DB_PUT`, {
      name: "DB_PUT",
      kind: "TRANSIENT",
      data_retention_time_in_days: 5,
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.message).toContain("data_retention_time_in_days");
  });

  it("drops with its schemas, honouring ifExists", async () => {
    await post(DATABASES, { name: "DB_DROP" });
    await post(`${DATABASES}/DB_DROP/schemas`, { name: "S1" });
    expect((await del(`${DATABASES}/DB_DROP`, { query: { restrict: false } })).status).toBe(200);
    expect((await get(`${DATABASES}/DB_DROP`)).status).toBe(404);
    expect((await del(`${DATABASES}/DB_DROP`)).status).toBe(404);
    expect((await del(`${DATABASES}/DB_DROP`, { query: { ifExists: true } })).status).toBe(200);
    await post(DATABASES, { name: "DB_DROP" });
    expect((await get(`${DATABASES}/DB_DROP/schemas/S1`)).status).toBe(404);
  });

  it("lists with like, startsWith, fromName and showLimit", async () => {
    for (const name of ["FLT_A1", "FLT_A2", "FLT_B1", '"flt_lower"']) await post(DATABASES, { name });
    const names = async (query: Record<string, string | number>) =>
      ((await get(DATABASES, { query })).body as { name: string }[]).map((database) => database.name);
    expect(await names({ like: "flt%" })).toEqual(["FLT_A1", "FLT_A2", "FLT_B1", '"flt_lower"']);
    expect(await names({ startsWith: "FLT_A" })).toEqual(["FLT_A1", "FLT_A2"]);
    expect(await names({ startsWith: "flt" })).toEqual(['"flt_lower"']);
    expect(await names({ like: "FLT%", fromName: "FLT_A2" })).toEqual(["FLT_A2", "FLT_B1", '"flt_lower"']);
    expect(await names({ like: "FLT%", fromName: "FLT_B", showLimit: 1 })).toEqual(["FLT_B1"]);
    expect(await names({ startsWith: "FLT", showLimit: 2 })).toEqual(["FLT_A1", "FLT_A2"]);
    const badLimit = await get(DATABASES, { query: { showLimit: 0 } });
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.message).toContain("showLimit");
  });
});

describe("schemas", () => {
  const DB = "/api/v2/databases/SCH_DB";
  const SCHEMAS = `${DB}/schemas`;

  beforeAll(async () => {
    await post("/api/v2/databases", { name: "SCH_DB", data_retention_time_in_days: 3 });
  });

  it("answers 404 when the database does not exist", async () => {
    expect((await get("/api/v2/databases/NO_DB/schemas")).status).toBe(404);
    const create = await post("/api/v2/databases/NO_DB/schemas", { name: "S" });
    expect(create.status).toBe(404);
    expect(create.body.message).toContain("NO_DB");
    expect((await get("/api/v2/databases/NO_DB/schemas/S")).status).toBe(404);
  });

  it("creates with defaults, inheriting retention from the database", async () => {
    expect((await post(SCHEMAS, { name: "s_defaults" })).body.status).toBe("Schema S_DEFAULTS successfully created.");
    const { body } = await get(`${SCHEMAS}/S_DEFAULTS`);
    expect(body).toMatchObject({
      name: "S_DEFAULTS",
      kind: "PERMANENT",
      database_name: "SCH_DB",
      managed_access: false,
      data_retention_time_in_days: 3,
      retention_time: 3,
      max_data_extension_time_in_days: 14,
      owner: "ACCOUNTADMIN",
    });
    expect(body).not.toHaveProperty("comment");
  });

  it("supports every createMode", async () => {
    await post(SCHEMAS, { name: "S_MODES", comment: "first" });
    expect((await post(SCHEMAS, { name: "S_MODES" })).status).toBe(409);
    expect((await post(SCHEMAS, { name: "S_MODES" }, { query: { createMode: "ifNotExists" } })).status).toBe(200);
    expect((await get(`${SCHEMAS}/S_MODES`)).body.comment).toBe("first");
    expect(
      (await post(SCHEMAS, { name: "S_MODES", managed_access: true }, { query: { createMode: "orReplace" } })).status
    ).toBe(200);
    const { body } = await get(`${SCHEMAS}/S_MODES`);
    expect(body).toMatchObject({ managed_access: true, options: "MANAGED ACCESS" });
    expect(body).not.toHaveProperty("comment");
  });

  it("PUT creates, then alters with omitted properties reset and kind fixed", async () => {
    await put(`${SCHEMAS}/S_PUT`, {
      name: "S_PUT",
      comment: "c",
      managed_access: true,
      data_retention_time_in_days: 7,
    });
    expect((await get(`${SCHEMAS}/S_PUT`)).body).toMatchObject({
      comment: "c",
      managed_access: true,
      data_retention_time_in_days: 7,
    });
    expect((await put(`${SCHEMAS}/S_PUT`, { name: "S_PUT" })).status).toBe(200);
    const { body } = await get(`${SCHEMAS}/S_PUT`);
    expect(body).not.toHaveProperty("comment");
    expect(body).toMatchObject({ managed_access: false, data_retention_time_in_days: 3 });
    const kindChange = await put(`${SCHEMAS}/S_PUT`, { name: "S_PUT", kind: "TRANSIENT" });
    expect(kindChange.status).toBe(400);
    expect(kindChange.body.message).toMatch(/kind/);
    expect((await put(`${SCHEMAS}/S_PUT`, { name: "S_OTHER" })).status).toBe(400);
  });

  it("protects INFORMATION_SCHEMA but lets PUBLIC go", async () => {
    await post("/api/v2/databases", { name: "SYS_DB" });
    expect((await get("/api/v2/databases/SYS_DB/schemas/information_schema")).status).toBe(200);
    expect((await del("/api/v2/databases/SYS_DB/schemas/INFORMATION_SCHEMA")).status).toBe(403);
    expect(
      (await put("/api/v2/databases/SYS_DB/schemas/INFORMATION_SCHEMA", { name: "INFORMATION_SCHEMA" })).status
    ).toBe(403);
    const replace = await post(
      "/api/v2/databases/SYS_DB/schemas",
      { name: "INFORMATION_SCHEMA" },
      { query: { createMode: "orReplace" } }
    );
    expect(replace.status).toBe(403);
    expect((await del("/api/v2/databases/SYS_DB/schemas/PUBLIC")).status).toBe(200);
    expect((await get("/api/v2/databases/SYS_DB/schemas")).body.map((schema: { name: string }) => schema.name)).toEqual(
      ["INFORMATION_SCHEMA"]
    );
  });

  it("makes every schema of a transient database transient", async () => {
    await post("/api/v2/databases", { name: "TRANSIENT_DB", kind: "TRANSIENT" });
    await post("/api/v2/databases/TRANSIENT_DB/schemas", { name: "S" });
    expect((await get("/api/v2/databases/TRANSIENT_DB/schemas/S")).body).toMatchObject({
      kind: "TRANSIENT",
      options: "TRANSIENT",
    });
    expect((await get("/api/v2/databases/TRANSIENT_DB/schemas/PUBLIC")).body.kind).toBe("TRANSIENT");
  });

  it("drops, honouring ifExists", async () => {
    await post(SCHEMAS, { name: "S_DROP" });
    expect((await del(`${SCHEMAS}/S_DROP`)).body.status).toBe("S_DROP successfully dropped.");
    expect((await del(`${SCHEMAS}/S_DROP`)).status).toBe(404);
    expect((await del(`${SCHEMAS}/S_DROP`, { query: { ifExists: true } })).status).toBe(200);
  });

  it("lists with like, startsWith, fromName and showLimit", async () => {
    for (const name of ["LST_1", "LST_2", "LST_3"]) await post(SCHEMAS, { name });
    const names = async (query: Record<string, string | number>) =>
      ((await get(SCHEMAS, { query })).body as { name: string }[]).map((schema) => schema.name);
    expect(await names({ like: "lst%" })).toEqual(["LST_1", "LST_2", "LST_3"]);
    expect(await names({ startsWith: "LST", fromName: "LST_2" })).toEqual(["LST_2", "LST_3"]);
    expect(await names({ startsWith: "LST", showLimit: 1 })).toEqual(["LST_1"]);
    expect(await names({ startsWith: "lst" })).toEqual([]);
  });
});
