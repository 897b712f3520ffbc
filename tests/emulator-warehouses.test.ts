// The emulator's warehouses and identifier rules: defaults, create modes, PUT create-or-alter, state actions, renames, drops, listing through its HTTP surface.
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

describe("warehouses", () => {
  const WAREHOUSES = "/api/v2/warehouses";

  it("creates with Snowflake's defaults, booleans as strings on the wire", async () => {
    const created = await post(WAREHOUSES, { name: "wh_defaults" });
    expect(created).toMatchObject({ status: 200, body: { status: "Warehouse WH_DEFAULTS successfully created." } });
    const { status, body } = await get(`${WAREHOUSES}/WH_DEFAULTS`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      name: "WH_DEFAULTS",
      warehouse_type: "STANDARD",
      warehouse_size: "XSMALL",
      max_cluster_count: 1,
      min_cluster_count: 1,
      scaling_policy: "STANDARD",
      auto_suspend: 600,
      auto_resume: "true",
      initially_suspended: "false",
      enable_query_acceleration: "false",
      query_acceleration_max_scale_factor: 8,
      max_concurrency_level: 8,
      statement_queued_timeout_in_seconds: 0,
      statement_timeout_in_seconds: 172800,
      state: "STARTED",
      owner: "ACCOUNTADMIN",
      owner_role_type: "ROLE",
    });
    expect(body).not.toHaveProperty("comment");
    expect(body).not.toHaveProperty("resource_monitor");
    expect(new Date(body.created_on).toISOString()).toBe(body.created_on);
  });

  it("takes the spec's string booleans, and refuses JSON booleans for them and read-only fields", async () => {
    // warehouse.yaml types auto_resume & co. as strings "true" / "false".
    const json = await post(WAREHOUSES, { name: "WH_FLAGS", auto_resume: false });
    expect(json.status).toBe(400);
    expect(json.body.message).toContain("auto_resume");
    const readOnly = await post(WAREHOUSES, { name: "WH_FLAGS", state: "STARTED", owner: "SOMEONE" });
    expect(readOnly.status).toBe(400);
    expect(readOnly.body.message).toMatch(/Field 'state' of Warehouse is read-only/);
    await post(WAREHOUSES, { name: "WH_FLAGS", auto_resume: "false", enable_query_acceleration: "true", initially_suspended: "true" });
    const { body } = await get(`${WAREHOUSES}/WH_FLAGS`);
    expect(body).toMatchObject({ auto_resume: "false", enable_query_acceleration: "true", initially_suspended: "true" });
    expect(body).toMatchObject({ state: "SUSPENDED", owner: "ACCOUNTADMIN" });
  });

  it("normalises size aliases and validates properties", async () => {
    await post(WAREHOUSES, { name: "WH_SIZE", warehouse_size: "X-Small" });
    expect((await get(`${WAREHOUSES}/WH_SIZE`)).body.warehouse_size).toBe("XSMALL");
    await put(`${WAREHOUSES}/WH_SIZE`, { name: "WH_SIZE", warehouse_size: "2x-large" });
    expect((await get(`${WAREHOUSES}/WH_SIZE`)).body.warehouse_size).toBe("XXLARGE");

    const invalid: [object, string][] = [
      [{ warehouse_size: "HUGE" }, "warehouse_size"],
      [{ auto_suspend: -1 }, "auto_suspend"],
      [{ auto_suspend: "60" }, "auto_suspend"],
      [{ max_cluster_count: 11 }, "max_cluster_count"],
      [{ min_cluster_count: 3, max_cluster_count: 2 }, "min_cluster_count"],
      [{ scaling_policy: "GREEDY" }, "scaling_policy"],
      [{ auto_resume: "yes" }, "auto_resume"],
      [{ colour: "blue" }, "colour"],
    ];
    for (const [fields, field] of invalid) {
      const response = await post(WAREHOUSES, { name: "WH_INVALID", ...fields });
      expect(response.status).toBe(400);
      expect(response.body.message).toContain(field);
    }
    expect((await post(WAREHOUSES, { comment: "nameless" })).status).toBe(400);
    expect((await get(`${WAREHOUSES}/WH_INVALID`)).status).toBe(404);
  });

  it("supports every createMode", async () => {
    await post(WAREHOUSES, { name: "WH_MODES", comment: "first" });
    const conflict = await post(WAREHOUSES, { name: "WH_MODES" });
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe("002002");
    const skipped = await post(WAREHOUSES, { name: "WH_MODES" }, { query: { createMode: "ifNotExists" } });
    expect(skipped).toMatchObject({ status: 200, body: { status: "WH_MODES already exists, statement succeeded." } });
    expect((await get(`${WAREHOUSES}/WH_MODES`)).body.comment).toBe("first");
    const replaced = await post(
      WAREHOUSES,
      { name: "WH_MODES", auto_suspend: 60 },
      { query: { createMode: "orReplace" } }
    );
    expect(replaced.status).toBe(200);
    const { body } = await get(`${WAREHOUSES}/WH_MODES`);
    expect(body).not.toHaveProperty("comment");
    expect(body.auto_suspend).toBe(60);
  });

  it("PUT creates, then alters with omitted properties reset to defaults", async () => {
    const created = await put(`${WAREHOUSES}/WH_PUT`, {
      name: "WH_PUT",
      comment: "managed",
      auto_suspend: 120,
      warehouse_size: "SMALL",
      initially_suspended: "true",
    });
    expect(created.body.status).toBe("Warehouse WH_PUT successfully created.");
    expect((await get(`${WAREHOUSES}/WH_PUT`)).body).toMatchObject({
      state: "SUSPENDED",
      comment: "managed",
      auto_suspend: 120,
    });

    const altered = await put(`${WAREHOUSES}/wh_put`, { name: "wh_put", initially_suspended: "false" });
    expect(altered).toMatchObject({ status: 200, body: { status: "Statement executed successfully." } });
    const { body } = await get(`${WAREHOUSES}/WH_PUT`);
    expect(body).not.toHaveProperty("comment");
    expect(body).toMatchObject({
      auto_suspend: 600,
      warehouse_size: "XSMALL",
      state: "SUSPENDED",
      initially_suspended: "true",
    });

    const mismatch = await put(`${WAREHOUSES}/WH_PUT`, { name: "OTHER" });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.message).toContain("OTHER");
  });

  it("resumes and suspends, honouring ifExists", async () => {
    await post(WAREHOUSES, { name: "WH_STATE", initially_suspended: "true" });
    expect((await post(`${WAREHOUSES}/WH_STATE:resume`)).status).toBe(200);
    expect((await get(`${WAREHOUSES}/WH_STATE`)).body.state).toBe("STARTED");
    expect((await post(`${WAREHOUSES}/WH_STATE:resume`)).status).toBe(409);
    expect((await post(`${WAREHOUSES}/WH_STATE:suspend`)).status).toBe(200);
    expect((await get(`${WAREHOUSES}/WH_STATE`)).body).toMatchObject({ state: "SUSPENDED", started_clusters: 0 });
    expect((await post(`${WAREHOUSES}/WH_STATE:suspend`)).status).toBe(409);

    expect((await post(`${WAREHOUSES}/WH_GHOST:resume`)).status).toBe(404);
    expect((await post(`${WAREHOUSES}/WH_GHOST:suspend`, undefined, { query: { ifExists: true } })).status).toBe(200);
  });

  it("renames", async () => {
    await post(WAREHOUSES, { name: "WH_OLD", comment: "keep me" });
    await post(WAREHOUSES, { name: "WH_TAKEN" });
    expect((await post(`${WAREHOUSES}/WH_OLD:rename`, { name: "WH_TAKEN" })).status).toBe(409);
    expect((await post(`${WAREHOUSES}/WH_OLD:rename`, { name: "wh_new" })).status).toBe(200);
    expect((await get(`${WAREHOUSES}/WH_OLD`)).status).toBe(404);
    expect((await get(`${WAREHOUSES}/WH_NEW`)).body).toMatchObject({ name: "WH_NEW", comment: "keep me" });
    expect((await post(`${WAREHOUSES}/WH_OLD:rename`, { name: "X" }, { query: { ifExists: true } })).status).toBe(200);
  });

  it("drops, honouring ifExists", async () => {
    await post(WAREHOUSES, { name: "WH_DROP" });
    expect(await del(`${WAREHOUSES}/WH_DROP`)).toMatchObject({
      status: 200,
      body: { status: "WH_DROP successfully dropped." },
    });
    const missing = await del(`${WAREHOUSES}/WH_DROP`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe("002003");
    expect((await del(`${WAREHOUSES}/WH_DROP`, { query: { ifExists: true } })).status).toBe(200);
  });

  it("lists as a bare array filtered by a case-insensitive LIKE pattern", async () => {
    for (const name of ["LIST_A1", "LIST_A2", "LIST_B1", "LISTXA3"]) await post(WAREHOUSES, { name });
    const names = async (like: string) =>
      ((await get(WAREHOUSES, { query: { like } })).body as { name: string }[]).map((warehouse) => warehouse.name);
    // Rows come sorted by name (code-point order, so X sorts before _).
    expect(await names("list_a%")).toEqual(["LISTXA3", "LIST_A1", "LIST_A2"]);
    expect(await names("list\\_a%")).toEqual(["LIST_A1", "LIST_A2"]);
    expect(await names("LIST__1")).toEqual(["LIST_A1", "LIST_B1"]);
    const all = await get(WAREHOUSES);
    expect(Array.isArray(all.body)).toBe(true);
  });
});

describe("identifiers", () => {
  it("upper-cases unquoted names and keeps quoted ones exactly", async () => {
    await post("/api/v2/warehouses", { name: "MixedCase" });
    expect((await get("/api/v2/warehouses/mixedcase")).body.name).toBe("MIXEDCASE");
    expect((await get("/api/v2/warehouses/%22MIXEDCASE%22")).body.name).toBe("MIXEDCASE");

    await post("/api/v2/warehouses", { name: '"MixedCase"' });
    const quoted = await get(`/api/v2/warehouses/${encodeURIComponent('"MixedCase"')}`);
    expect(quoted.body.name).toBe('"MixedCase"');
    expect((await get("/api/v2/warehouses", { query: { like: "mixedcase" } })).body).toHaveLength(2);
  });

  it("round-trips names with spaces and embedded quotes", async () => {
    const name = '"my ""odd"" warehouse"';
    expect((await post("/api/v2/warehouses", { name })).body.status).toBe(
      'Warehouse my "odd" warehouse successfully created.'
    );
    const fetched = await get(`/api/v2/warehouses/${encodeURIComponent(name)}`);
    expect(fetched.body.name).toBe(name);
    expect((await del(`/api/v2/warehouses/${encodeURIComponent(fetched.body.name)}`)).status).toBe(200);
  });

  it("rejects invalid identifiers in bodies and paths, naming them", async () => {
    const inBody = await post("/api/v2/warehouses", { name: "1st-warehouse" });
    expect(inBody.status).toBe(400);
    expect(inBody.body.message).toContain("1st-warehouse");
    const inPath = await get("/api/v2/warehouses/bad-name");
    expect(inPath.status).toBe(400);
    expect(inPath.body.message).toContain("bad-name");
    expect((await post("/api/v2/databases", { name: '""' })).status).toBe(400);
  });
});
