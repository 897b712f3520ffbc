// A Streamlit app's new source files become a new version of the same app (streamlit.yaml :add-version), not a new
// app: the URL, grants and earlier versions stay. Through the engine against the emulator, which copies the files
// as CREATE does (the location must hold the main file) and reports the newest version.
import * as path from "path";
import { closeAllPools } from "../provider/client/rest-client";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { engineAgainst } from "./support/engine-harness";
import { putByHand } from "./support/stage-file-put";

let emulator: Emulator;
const APPS = "/api/v2/databases/APP_DB/schemas/PUBLIC/streamlits";
const APP_FILE = path.resolve(__dirname, "fixtures", "stage-files", "streamlit_app.py");
beforeAll(async () => {
  emulator = await startEmulator();
  await callEmulator(emulator, "POST", "/api/v2/databases", { name: "APP_DB" });
  await callEmulator(emulator, "POST", "/api/v2/warehouses", { name: "APP_WH" });
  await callEmulator(emulator, "POST", "/api/v2/databases/APP_DB/schemas/PUBLIC/stages", { name: "APPS" });
  for (const directory of ["v1", "v2"]) await putByHand(emulator, APP_FILE, `@APP_DB.PUBLIC.APPS/${directory}`);
});
afterAll(async () => {
  await closeAllPools();
  await emulator.close();
});

const declared = { database: "APP_DB", schema: "PUBLIC", name: "SALES", sourceLocation: "@APP_DB.PUBLIC.APPS/v1", mainFile: "streamlit_app.py", queryWarehouse: "app_wh" };

test("a new source location is a new version of the same app, made by :add-version, and refreshes clean", async () => {
  const app = engineAgainst(emulator, "Streamlit");
  const { outs } = await app.create(declared);
  expect(outs.lastVersion).toBe("VERSION$1");
  const { url_id: urlId } = (await callEmulator(emulator, "GET", `${APPS}/SALES`)).body;

  const moved = { ...declared, sourceLocation: "@APP_DB.PUBLIC.APPS/v2" };
  const diff = await app.diff("", outs, moved);
  expect([diff.changes, diff.replaces]).toEqual([true, []]);
  emulator.clearRequestLog();
  const updated = (await app.update("", outs, moved)).outs;
  const writes = emulator.requestLog.filter((entry) => entry.method !== "GET");
  expect(writes.map((entry) => [entry.method, entry.path])).toEqual([["POST", `${APPS}/SALES:add-version`]]);

  const live = (await callEmulator(emulator, "GET", `${APPS}/SALES`)).body;
  expect(live.url_id).toBe(urlId);
  expect(live.last_version_details).toMatchObject({ name: "VERSION$2", source_location_uri: "@APP_DB.PUBLIC.APPS/v2" });
  expect(updated.lastVersion).toBe("VERSION$2");
  const refreshed = (await app.read("APP_DB.PUBLIC.SALES", updated)).props!;
  expect((await app.diff("", refreshed, moved)).changes).toBe(false);
});

test("the emulator refuses a version whose files lack the main file, and a body the spec does not define", async () => {
  const empty = await callEmulator(emulator, "POST", `${APPS}/SALES:add-version`, { source_location: "@APP_DB.PUBLIC.APPS/v3" });
  expect([empty.status, JSON.stringify(empty.body)]).toEqual([400, expect.stringMatching(/streamlit_app\.py/)]);
  const unknown = await callEmulator(emulator, "POST", `${APPS}/SALES:add-version`, { source_location: "@APP_DB.PUBLIC.APPS/v1", from: "x" });
  expect(unknown.status).toBe(400);
  const aliased = await callEmulator(emulator, "POST", `${APPS}/SALES:add-version`, { source_location: "@APP_DB.PUBLIC.APPS/v1", version: { name: "stable" } });
  expect(aliased.status).toBe(200);
  const again = await callEmulator(emulator, "POST", `${APPS}/SALES:add-version`, { source_location: "@APP_DB.PUBLIC.APPS/v1", version: { name: "stable" } });
  expect([again.status, JSON.stringify(again.body)]).toEqual([400, expect.stringMatching(/already exists/)]);
  expect((await callEmulator(emulator, "GET", `${APPS}/SALES`)).body.last_version_details).toMatchObject({ name: "VERSION$3", alias: "stable" });
});

test("a wrong location is reported by Snowflake's refusal, and the app keeps its last version", async () => {
  const app = engineAgainst(emulator, "Streamlit");
  const current = (await app.read("APP_DB.PUBLIC.SALES", { ...declared, sourceLocation: "@APP_DB.PUBLIC.APPS/v1", fullyQualifiedName: "APP_DB.PUBLIC.SALES" })).props!;
  await expect(app.update("", current, { ...declared, sourceLocation: "@APP_DB.PUBLIC.APPS/missing" })).rejects.toThrow(/streamlit_app\.py/);
  expect((await callEmulator(emulator, "GET", `${APPS}/SALES`)).body.last_version_details.name).toBe("VERSION$3");
});
