// The emulator's answers follow Snowflake's OpenAPI specs: each response body parses with the STRICT zod model
// generated from the spec (no field the spec does not define, every type as declared).
import { z } from "zod";
import * as common from "../provider/wire/common";
import * as wire from "../provider/wire";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { OBJECT_KINDS } from "./emulator/kinds";

let emulator: Emulator;
beforeAll(async () => { emulator = await startEmulator(); });
afterAll(async () => { await emulator.close(); });

const call = (method: string, path: string, body?: unknown) => callEmulator(emulator, method, path, body);

function expectModel(model: z.ZodType, value: unknown) {
  const parsed = model.safeParse(value);
  if (!parsed.success) throw new Error(`${JSON.stringify(value)} does not match the spec: ${parsed.error.message}`);
}

test("warehouse answers (create, get, list, put, resume, suspend, delete) match the spec", async () => {
  expectModel(common.SuccessResponseStrict, (await call("POST", "/api/v2/warehouses", { name: "SPEC_WH", warehouse_size: "X-SMALL", auto_resume: "false", initially_suspended: "true", comment: "c" })).body);
  expectModel(wire.warehouse.WarehouseStrict, (await call("GET", "/api/v2/warehouses/SPEC_WH")).body);
  expectModel(wire.warehouse.WarehouseStrict, (await call("GET", "/api/v2/warehouses/SPEC_WH")).body);
  const list = await call("GET", "/api/v2/warehouses");
  expect(list.body.length).toBeGreaterThan(0);
  list.body.forEach((item: unknown) => expectModel(wire.warehouse.WarehouseStrict, item));
  expectModel(common.SuccessResponseStrict, (await call("PUT", "/api/v2/warehouses/SPEC_WH", { name: "SPEC_WH", warehouse_size: "LARGE", enable_query_acceleration: "true" })).body);
  expectModel(common.SuccessResponseStrict, (await call("POST", "/api/v2/warehouses/SPEC_WH:resume")).body);
  const resumed = (await call("GET", "/api/v2/warehouses/SPEC_WH")).body;
  expectModel(wire.warehouse.WarehouseStrict, resumed);
  expect(resumed).toMatchObject({ warehouse_size: "LARGE", enable_query_acceleration: "true", state: "STARTED" });
  expectModel(common.SuccessResponseStrict, (await call("POST", "/api/v2/warehouses/SPEC_WH:suspend")).body);
  expectModel(common.SuccessResponseStrict, (await call("DELETE", "/api/v2/warehouses/SPEC_WH")).body);
});

test("database and schema answers match the spec, including the built-in schemas", async () => {
  await call("POST", "/api/v2/databases", { name: "SPEC_DB", kind: "TRANSIENT", comment: "d", log_level: "WARN" });
  expectModel(wire.database.DatabaseStrict, (await call("GET", "/api/v2/databases/SPEC_DB")).body);
  await call("POST", "/api/v2/databases/SPEC_DB/schemas", { name: '"Mixed Case"', managed_access: true });
  const schemas = (await call("GET", "/api/v2/databases/SPEC_DB/schemas")).body;
  expect(schemas.map((s: { name: string }) => s.name).sort()).toEqual(['"Mixed Case"', "INFORMATION_SCHEMA", "PUBLIC"]);
  schemas.forEach((item: unknown) => expectModel(wire.schema.SchemaStrict, item));
  (await call("GET", "/api/v2/databases")).body.forEach((item: unknown) => expectModel(wire.database.DatabaseStrict, item));
});

test("errors and 202 answers match the spec and carry request ids", async () => {
  const missing = await call("GET", "/api/v2/warehouses/NOPE");
  expect(missing.status).toBe(404);
  expectModel(common.ErrorResponseStrict, missing.body);
  expect(missing.body.request_id).toBe(missing.headers.get("x-snowflake-request-id"));

  emulator.knobs.acceptNext(1, 1);
  const accepted = await call("POST", "/api/v2/databases", { name: "SPEC_LATER" });
  expect(accepted.status).toBe(202);
  expectModel(common.SuccessAcceptedResponseStrict, accepted.body);
  expect(accepted.headers.get("location")).toMatch(/^\/api\/v2\/results\//);
});

describe("every object kind's answers match its spec model", () => {
  const IN = "/api/v2/databases/KINDS_DB/schemas/PUBLIC";
  const bodies: [string, string, Record<string, unknown>][] = [
    ["/api/v2/warehouses", "KINDS_WH", { initially_suspended: "true" }],
    ["/api/v2/databases", "KINDS_DB", {}],
    ["/api/v2/databases/KINDS_DB/schemas", "KINDS_SCHEMA", { managed_access: true }],
    [`${IN}/tables`, "KINDS_TABLE", { columns: [{ name: "ID", datatype: "int", constraints: [{ constraint_type: "PRIMARY KEY" }] }, { name: "NOTE", datatype: "string" }] }],
    [`${IN}/event-tables`, "KINDS_EVENTS", {}],
    [`${IN}/dynamic-tables`, "KINDS_DYNAMIC", { query: "SELECT ID FROM KINDS_TABLE", target_lag: { type: "DOWNSTREAM" }, warehouse: "KINDS_WH" }],
    [`${IN}/views`, "KINDS_VIEW", { columns: [], query: "SELECT 1 AS ONE" }],
    [`${IN}/streams`, "KINDS_STREAM", { stream_source: { src_type: "table", name: "KINDS_TABLE" } }],
    [`${IN}/stages`, "KINDS_STAGE", { directory_table: { enable: true } }],
    [`${IN}/pipes`, "KINDS_PIPE", { copy_statement: "COPY INTO KINDS_TABLE FROM @KINDS_STAGE PATTERN = '.*'" }],
    [`${IN}/alerts`, "KINDS_ALERT", { schedule: { schedule_type: "MINUTES_TYPE", minutes: 5 }, condition: "SELECT 1", action: "SELECT 2" }],
    [`${IN}/sequences`, "KINDS_SEQUENCE", { start: 5 }],
    [`${IN}/tags`, "KINDS_TAG", { allowed_values: ["a"] }],
    [`${IN}/tasks`, "KINDS_TASK", { definition: "SELECT 1", warehouse: "KINDS_WH", schedule: { schedule_type: "MINUTES_TYPE", minutes: 5 }, config: { a: 1 } }],
  ];
  beforeAll(async () => {
    for (const [collection, name, body] of bodies) {
      const created = await call("POST", collection, { name, ...body });
      if (created.status !== 200) throw new Error(`${collection}: ${JSON.stringify(created.body)}`);
    }
  });

  test.each(bodies)("%s: GET and list", async (collection, name) => {
    const kind = OBJECT_KINDS.find((candidate) => collection.endsWith(`/${candidate.collection}`))!;
    expectModel(kind.wire.strict, (await call("GET", `${collection}/${name}`)).body);
    for (const item of (await call("GET", collection)).body) expectModel(kind.wire.strict, item);
  });

  test("SQL API answers: a result set, a statement failure, and a statement the emulator does not run", async () => {
    expectModel(wire.sqlapi.ResultSetStrict, (await call("POST", "/api/v2/statements", { statement: "SHOW PARAMETERS IN SCHEMA KINDS_DB.PUBLIC" })).body);
    const failed = await call("POST", "/api/v2/statements", { statement: "ALTER ALERT KINDS_DB.PUBLIC.NO_SUCH_ALERT RESUME" });
    expect(failed.status).toBe(422);
    expectModel(wire.sqlapi.QueryFailureStatusStrict, failed.body);
    const unknown = await call("POST", "/api/v2/statements", { statement: "CREATE TABLE X (A INT)" });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: "002003", message: expect.stringContaining("SQL compilation error") });
  });
});
