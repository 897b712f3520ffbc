// Reads of many objects of one collection are answered by one list call (provider/engine/coalesced-reads.ts):
// 40 reads of schemas are one call, and a write forgets what was listed, so a read after it sees the write. (A
// refresh runs in a fresh provider host, so its listing is taken during that refresh.)
import { closeAllPools } from "../provider/client/rest-client";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { engineAgainst } from "./support/engine-harness";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
  await callEmulator(emulator, "POST", "/api/v2/databases", { name: "MANY" });
  for (let i = 0; i < 40; i++) await callEmulator(emulator, "POST", "/api/v2/databases/MANY/schemas", { name: `S${i}`, comment: `c${i}` });
});
afterAll(async () => {
  await closeAllPools();
  await emulator.close();
});
beforeEach(() => { emulator.requestLog.length = 0; });

const calls = () => emulator.requestLog.map((entry) => `${entry.method} ${entry.path}`);
const readAll = (schemas: ReturnType<typeof engineAgainst>, names: string[]) =>
  Promise.all(names.map((name) => schemas.read(`MANY.${name}`, { database: "MANY", name, comment: "declared", account: emulator.account })));

test("40 reads arriving together are one list call, each picking its own row", async () => {
  const schemas = engineAgainst(emulator, "Schema");
  const names = Array.from({ length: 40 }, (_, i) => `S${i}`);
  const reads = await readAll(schemas, names);
  expect(reads.map((read) => read.props?.comment)).toEqual(names.map((_, i) => `c${i}`));
  expect(calls()).toEqual(["GET /api/v2/databases/MANY/schemas"]);
});

test("a name the listing lacks is gone; one read alone is a plain GET", async () => {
  const schemas = engineAgainst(emulator, "Schema");
  const [kept, gone] = await readAll(schemas, ["S1", "NEVER_MADE"]);
  expect(kept.props?.comment).toBe("c1");
  expect(gone).toEqual({ id: "" });
  emulator.requestLog.length = 0;
  const lone = engineAgainst(emulator, "Warehouse");
  await lone.read("NONE", { name: "NO_SUCH_WH", account: emulator.account });
  expect(calls()).toEqual(["GET /api/v2/warehouses/NO_SUCH_WH"]);
});

test("a write through the provider forgets the listing: the next reads see the change", async () => {
  const schemas = engineAgainst(emulator, "Schema");
  await readAll(schemas, ["S2", "S3"]);
  const { outs } = await schemas.read("MANY.S2", { database: "MANY", name: "S2", account: emulator.account }).then((read) => ({ outs: read.props! }));
  await schemas.update("MANY.S2", outs, { database: "MANY", name: "S2", comment: "changed by pulumi" });
  emulator.requestLog.length = 0;
  const [after] = await readAll(schemas, ["S2", "S3"]);
  expect(after.props?.comment).toBe("changed by pulumi");
  expect(calls()).toEqual(["GET /api/v2/databases/MANY/schemas"]);
});

test("warehouses, whose list takes no page parameters, are listed whole in one call", async () => {
  for (const name of ["CO_W1", "CO_W2", "CO_W3"]) await callEmulator(emulator, "POST", "/api/v2/warehouses", { name, comment: name });
  emulator.requestLog.length = 0;
  const warehouses = engineAgainst(emulator, "Warehouse");
  const reads = await Promise.all(["CO_W1", "CO_W2", "CO_W3"].map((name) => warehouses.read(name, { name, comment: "declared", account: emulator.account })));
  expect(reads.map((read) => read.props?.comment)).toEqual(["CO_W1", "CO_W2", "CO_W3"]);
  expect(emulator.requestLog.map((entry) => [entry.method, entry.path, entry.query, entry.status])).toEqual([["GET", "/api/v2/warehouses", {}, 200]]);
});

test("names that need quotes, read together, are found in the listing (it prints them quoted)", async () => {
  for (const name of ["my schema", "Mixed"]) await callEmulator(emulator, "POST", "/api/v2/databases/MANY/schemas", { name: `"${name}"`, comment: `quoted ${name}` });
  emulator.requestLog.length = 0;
  const schemas = engineAgainst(emulator, "Schema");
  const reads = await readAll(schemas, ['"my schema"', '"Mixed"', "S39"]);
  expect(reads.map((read) => [read.id, read.props?.comment])).toEqual([["MANY.\"my schema\"", "quoted my schema"], ["MANY.\"Mixed\"", "quoted Mixed"], ["MANY.S39", "c39"]]);
  expect(calls()).toEqual(["GET /api/v2/databases/MANY/schemas"]);
});
