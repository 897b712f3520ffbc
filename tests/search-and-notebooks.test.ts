// Cortex Search services and notebooks (the schema objects of snowflake.core's AI and notebook APIs) through the engine against the emulator: the source must be a table with the named
// columns (the search column text), the warehouse and lag change in place, a new query recreates the service, and
// indexing and serving are suspended and resumed apart.
import * as path from "path";
import { closeAllPools } from "../provider/client/rest-client";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { engineAgainst } from "./support/engine-harness";
import { putByHand } from "./support/stage-file-put";

let emulator: Emulator;
const SERVICES = "/api/v2/databases/CS_DB/schemas/PUBLIC/cortex-search-services";
beforeAll(async () => {
  emulator = await startEmulator();
  await callEmulator(emulator, "POST", "/api/v2/databases", { name: "CS_DB" });
  await callEmulator(emulator, "POST", "/api/v2/warehouses", { name: "CS_WH" });
  await callEmulator(emulator, "POST", "/api/v2/databases/CS_DB/schemas/PUBLIC/tables", { name: "DOCS", columns: [{ name: "ID", datatype: "NUMBER" }, { name: "BODY", datatype: "VARCHAR" }, { name: "REGION", datatype: "VARCHAR" }] });
});
afterAll(async () => {
  await closeAllPools();
  await emulator.close();
});

const declared = { database: "CS_DB", schema: "PUBLIC", name: "DOC_SEARCH", definition: "SELECT id, body, region FROM docs", searchColumn: "body", attributeColumns: ["region"], warehouse: "cs_wh", targetLag: "1 hour" };

test("the source must exist and hold the columns; the search column must be text", async () => {
  const search = engineAgainst(emulator, "CortexSearchService");
  await expect(search.create({ ...declared, name: "NO_TABLE", definition: "SELECT body FROM missing" })).rejects.toThrow(/MISSING/);
  await expect(search.create({ ...declared, name: "NO_COLUMN", attributeColumns: ["country"] })).rejects.toThrow(/COUNTRY/);
  await expect(search.create({ ...declared, name: "NUMERIC", searchColumn: "id" })).rejects.toThrow(/must be of type VARCHAR/);
});

test("the emulator holds a search service and a dynamic table to the same lag rules (DOWNSTREAM only for dynamic tables)", async () => {
  const body = { name: "LAGGED", search_column: "BODY", warehouse: "CS_WH", definition: "SELECT id, body FROM docs" };
  const downstream = await callEmulator(emulator, "POST", SERVICES, { ...body, target_lag: { type: "DOWNSTREAM" } });
  expect([downstream.status, JSON.stringify(downstream.body)]).toEqual([400, expect.stringMatching(/DOWNSTREAM is for dynamic tables/)]);
  const quick = await callEmulator(emulator, "POST", SERVICES, { ...body, target_lag: { type: "USER_DEFINED", seconds: 30 } });
  expect([quick.status, JSON.stringify(quick.body)]).toEqual([400, expect.stringMatching(/minimum is 1 minute/)]);
  const dynamic = await callEmulator(emulator, "POST", "/api/v2/databases/CS_DB/schemas/PUBLIC/dynamic-tables", { name: "QUICK", target_lag: { type: "USER_DEFINED", seconds: 30 }, warehouse: "CS_WH", query: "SELECT id FROM docs" });
  expect([dynamic.status, JSON.stringify(dynamic.body)]).toEqual([400, expect.stringMatching(/\[30 seconds\].*minimum is 1 minute/)]);
});

test("warehouse and lag change in place, a new query recreates, indexing and serving are suspended apart", async () => {
  const search = engineAgainst(emulator, "CortexSearchService");
  const { outs } = await search.create(declared);
  expect(outs).toMatchObject({ indexingState: "ACTIVE", servingState: "ACTIVE" });
  // Snowflake reports the returned columns when none are declared: not drift.
  const refreshed = (await search.read("CS_DB.PUBLIC.DOC_SEARCH", outs)).props!;
  expect((await search.diff("", refreshed, declared)).changes).toBe(false);
  emulator.clearRequestLog();
  const lagged = (await search.update("", refreshed, { ...declared, targetLag: "2 hours", servingSuspended: true })).outs;
  expect(emulator.requestLog.filter((entry) => entry.method === "POST" && entry.path === SERVICES)).toEqual([]);
  expect((await callEmulator(emulator, "GET", `${SERVICES}/DOC_SEARCH`)).body).toMatchObject({ target_lag: { seconds: 7200 }, indexing_state: "ACTIVE", serving_state: "SUSPENDED" });
  // Resumed by hand: drift of the declared state, which the next update puts back.
  await callEmulator(emulator, "POST", "/api/v2/statements", { statement: "ALTER CORTEX SEARCH SERVICE CS_DB.PUBLIC.DOC_SEARCH RESUME SERVING" });
  const drifted = (await search.read("CS_DB.PUBLIC.DOC_SEARCH", lagged)).props!;
  expect(drifted.servingSuspended).toBe(false);
  await search.update("", drifted, { ...declared, targetLag: "2 hours", servingSuspended: true });
  expect((await callEmulator(emulator, "GET", `${SERVICES}/DOC_SEARCH`)).body.serving_state).toBe("SUSPENDED");
  const requery = { ...declared, definition: "SELECT id, body FROM docs", attributeColumns: undefined, targetLag: "2 hours", servingSuspended: true };
  expect((await search.diff("", drifted, requery)).replaces).toEqual([]);
  emulator.clearRequestLog();
  await search.update("", drifted, requery);
  expect(emulator.requestLog.some((entry) => entry.method === "POST" && entry.path === SERVICES && entry.query.createMode === "orReplace")).toBe(true);
  expect((await callEmulator(emulator, "GET", `${SERVICES}/DOC_SEARCH`)).body).toMatchObject({ columns: ["ID", "BODY"], serving_state: "SUSPENDED" });
});

describe("notebooks", () => {
  const NOTEBOOK = "/api/v2/databases/CS_DB/schemas/PUBLIC/notebooks";
  const declared = { database: "CS_DB", schema: "PUBLIC", name: "ANALYSIS", fromLocation: "@CS_DB.PUBLIC.NOTEBOOKS/nb", mainFile: "analysis.ipynb", queryWarehouse: "cs_wh" };
  beforeAll(async () => {
    await callEmulator(emulator, "POST", "/api/v2/databases/CS_DB/schemas/PUBLIC/stages", { name: "NOTEBOOKS" });
    await putByHand(emulator, path.resolve(__dirname, "fixtures", "stage-files", "analysis.ipynb"), "@CS_DB.PUBLIC.NOTEBOOKS/nb");
  });

  test("a notebook needs its file on the stage; the location is never reported, so it is compared as declared", async () => {
    const notebook = engineAgainst(emulator, "Notebook");
    await expect(notebook.create({ ...declared, name: "MISSING", mainFile: "other.ipynb" })).rejects.toThrow(/other\.ipynb/);
    const { outs } = await notebook.create(declared);
    const live = (await callEmulator(emulator, "GET", `${NOTEBOOK}/ANALYSIS`)).body;
    expect(live).toMatchObject({ main_file: "analysis.ipynb", query_warehouse: "CS_WH", default_version: "VERSION$1" });
    expect(live).not.toHaveProperty("fromLocation");
    const refreshed = (await notebook.read("CS_DB.PUBLIC.ANALYSIS", outs)).props!;
    expect((await notebook.diff("", refreshed, declared)).changes).toBe(false);
  });

  test("a new notebook gets its LIVE version (the one that runs) from its last version, as Snowflake's CLI does", async () => {
    const notebook = engineAgainst(emulator, "Notebook");
    emulator.clearRequestLog();
    const { outs } = await notebook.create({ ...declared, name: "RUNNABLE" });
    const writes = emulator.requestLog.filter((entry) => entry.method !== "GET").map((entry) => [entry.path, entry.query]);
    expect(writes).toEqual([[NOTEBOOK, { createMode: "errorIfExists" }], [`${NOTEBOOK}/RUNNABLE:add-live-version`, { fromLast: "true" }]]);
    expect(outs.liveVersionLocationUri).toBe("snow://notebook/CS_DB.PUBLIC.RUNNABLE/versions/live/");
    // The emulator: CREATE alone makes no live version, and a notebook has one at most.
    await callEmulator(emulator, "POST", NOTEBOOK, { name: "BARE", fromLocation: "@CS_DB.PUBLIC.NOTEBOOKS/nb", main_file: "analysis.ipynb" });
    expect((await callEmulator(emulator, "GET", `${NOTEBOOK}/BARE`)).body).not.toHaveProperty("live_version_location_uri");
    const second = await callEmulator(emulator, "POST", `${NOTEBOOK}/RUNNABLE:add-live-version?fromLast=true`);
    expect([second.status, JSON.stringify(second.body)]).toEqual([400, expect.stringMatching(/already has a live version/)]);
  });

  test("new source files would replace the notebook and its versions: refused at preview unless allowReplace", async () => {
    const notebook = engineAgainst(emulator, "Notebook");
    const olds = (await notebook.read("CS_DB.PUBLIC.ANALYSIS", { ...declared, fullyQualifiedName: "CS_DB.PUBLIC.ANALYSIS" })).props!;
    await expect(notebook.diff("", olds, { ...declared, fromLocation: "@CS_DB.PUBLIC.NOTEBOOKS/v2" })).rejects.toThrow(/allowReplace/);
    expect((await notebook.diff("", olds, { ...declared, fromLocation: "@CS_DB.PUBLIC.NOTEBOOKS/v2", allowReplace: true })).replaces).toEqual(["fromLocation"]);
  });
});
