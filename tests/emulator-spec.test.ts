// The emulator's answers follow Snowflake's OpenAPI specs: each response body parses with the STRICT zod model
// generated from the spec (no field the spec does not define, every type as declared).
import { z } from "zod";
import * as common from "../provider/wire/common";
import * as wire from "../provider/wire";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";

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
