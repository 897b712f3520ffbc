// The database inventory that proves schemas empty before their deletes (provider/resources/database-inventory.ts),
// called as a schema delete calls it, against the emulator, with the clock moved by hand: while deletes keep asking,
// the next inventory is taken before the current one expires, and takes over once answered, so no delete waits for
// one mid-destroy; anything but a delete on the connection makes every inventory stale.
import { programmaticAccessTokenAuth } from "../provider/client/auth";
import { closeAllPools, RestClient } from "../provider/client/rest-client";
import { ObjectApi } from "../provider/engine/object-api";
import { INVENTORY_RENEWAL_MS, INVENTORY_TTL_MS, provedEmpty } from "../provider/resources/database-inventory";
import { resourceDefinitions } from "../provider/resources";
import { Emulator, startEmulator } from "./emulator";
import { statementOf } from "./emulator/server";
import { callEmulator } from "./support/emulator-api";

let emulator: Emulator;
let now = Date.now();
beforeAll(async () => {
  emulator = await startEmulator();
  await callEmulator(emulator, "POST", "/api/v2/databases", { name: "INV_DB" });
  for (const schema of ["A", "B", "C", "D"]) await callEmulator(emulator, "POST", "/api/v2/databases/INV_DB/schemas", { name: schema });
  await callEmulator(emulator, "POST", "/api/v2/databases/INV_DB/schemas/D/tables", { name: "T", columns: [{ name: "ID", datatype: "INT" }] });
  jest.spyOn(Date, "now").mockImplementation(() => now);
});
afterAll(async () => {
  jest.restoreAllMocks();
  await closeAllPools();
  await emulator.close();
});

const definitions = () => Object.values(resourceDefinitions);
const client = () => new RestClient(emulator.url, programmaticAccessTokenAuth(emulator.credentials.programmaticAccessToken), { baseDelayMs: 10, pollIntervalMs: 10 });
const statements = () => emulator.requestLog.filter((entry) => entry.path === "/api/v2/statements").length;
const settled = () => new Promise((resolve) => setTimeout(resolve, 200));

test("an inventory is renewed before it expires and the renewal takes over: no fresh inventory mid-destroy", async () => {
  const connection = client();
  emulator.clearRequestLog();
  expect(await provedEmpty(connection, definitions(), "INV_DB", "A")).toBe(true);
  const perInventory = statements();
  expect(perInventory).toBeGreaterThan(10);

  // Young: answered from the first inventory, nothing sent.
  now += INVENTORY_RENEWAL_MS - 1;
  expect(await provedEmpty(connection, definitions(), "INV_DB", "B")).toBe(true);
  expect(statements()).toBe(perInventory);

  // Old enough: still answered from the first, while the renewal is taken beside it.
  now += 2;
  expect(await provedEmpty(connection, definitions(), "INV_DB", "B")).toBe(true);
  await settled();
  expect(statements()).toBe(2 * perInventory);

  // Past the first one's lifetime: the renewal answers; no third inventory.
  now += INVENTORY_TTL_MS - INVENTORY_RENEWAL_MS;
  expect(await provedEmpty(connection, definitions(), "INV_DB", "C")).toBe(true);
  await settled();
  expect(statements()).toBe(2 * perInventory);
});

test("a schema the inventory shows something in is not proved empty until that object's delete is done", async () => {
  const connection = client();
  expect(await provedEmpty(connection, definitions(), "INV_DB", "D")).toBe(false);
  const taken = statements();
  await new ObjectApi(resourceDefinitions.Table, connection).delete({ database: "INV_DB", schema: "D", name: "T" });
  expect(await provedEmpty(connection, definitions(), "INV_DB", "D")).toBe(true);
  expect(statements()).toBe(taken);
});

test("any write but a delete makes the inventory stale, renewal included: the next proof takes a fresh one", async () => {
  const connection = client();
  const before = statements();
  expect(await provedEmpty(connection, definitions(), "INV_DB", "A")).toBe(true);
  const perInventory = statements() - before;
  now += INVENTORY_RENEWAL_MS;
  expect(await provedEmpty(connection, definitions(), "INV_DB", "A")).toBe(true);
  await settled();
  const beforeWrite = statements();
  await connection.request({ method: "POST", path: "/api/v2/databases/INV_DB/schemas/B/tables", body: { name: "NEW", columns: [{ name: "ID", datatype: "INT" }] } });
  expect(await provedEmpty(connection, definitions(), "INV_DB", "B")).toBe(false);
  expect(statements()).toBe(beforeWrite + perInventory);
});

test("a delete that ends while the inventory is being taken counts as gone, though the inventory shows it", async () => {
  // Every request is held 200 ms before it is carried out, and the DELETE is sent once SHOW TABLES has arrived: the
  // SHOW is carried out first (it shows the table) and answered before the DELETE is done.
  const slow = await startEmulator({ latencyMs: 200 });
  try {
    await callEmulator(slow, "POST", "/api/v2/databases", { name: "OVERLAP_DB" });
    await callEmulator(slow, "POST", "/api/v2/databases/OVERLAP_DB/schemas", { name: "S" });
    await callEmulator(slow, "POST", "/api/v2/databases/OVERLAP_DB/schemas/S/tables", { name: "T", columns: [{ name: "ID", datatype: "INT" }] });
    const connection = new RestClient(slow.url, programmaticAccessTokenAuth(slow.credentials.programmaticAccessToken), { baseDelayMs: 10, pollIntervalMs: 10 });
    const arrived = (statement: string) => slow.requestLog.some((entry) => statementOf(entry) === statement);
    const proof = provedEmpty(connection, definitions(), "OVERLAP_DB", "S");
    while (!arrived("SHOW TABLES IN DATABASE \"OVERLAP_DB\"")) await new Promise((resolve) => setTimeout(resolve, 5));
    await new ObjectApi(resourceDefinitions.Table, connection).delete({ database: "OVERLAP_DB", schema: "S", name: "T" });
    expect(await proof).toBe(true);
  } finally {
    await slow.close();
  }
});
