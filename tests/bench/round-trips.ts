// npm run bench: REST round trips per operation (from the emulator's request log), and wall time for many
// objects at once through the same engine the provider host runs.
import { closeAllPools } from "../../provider/client/rest-client";
import { startEmulator } from "../emulator";

const OBJECTS = Number(process.env.BENCH_OBJECTS ?? 200);

async function main() {
  const emulator = await startEmulator({ latencyMs: Number(process.env.BENCH_LATENCY_MS ?? 0) });
  Object.assign(process.env, {
    SNOWFLAKE_ACCOUNT: emulator.account, SNOWFLAKE_HOST: emulator.host, SNOWFLAKE_PORT: String(emulator.port),
    SNOWFLAKE_PROTOCOL: "http", SNOWFLAKE_USER: emulator.credentials.user,
    SNOWFLAKE_AUTHENTICATOR: "PROGRAMMATIC_ACCESS_TOKEN", SNOWFLAKE_TOKEN: emulator.credentials.programmaticAccessToken,
  });
  const { engineFor } = await import("../../provider/runtime");
  const rows: string[][] = [["type", "create", "read", "update", "delete"]];
  const created: { type: string; row: string[]; outs: Record<string, unknown> }[] = [];

  const count = async (action: () => Promise<unknown>) => {
    emulator.clearRequestLog();
    await action();
    return emulator.requestLog.map((entry) => entry.method).join("+") || "none";
  };

  for (const [type, inputs, change] of [
    ["Warehouse", { name: "BENCH_WH", warehouseSize: "XSMALL" }, { warehouseSize: "SMALL" }],
    ["Database", { name: "BENCH_DB" }, { comment: "changed" }],
    ["Schema", { database: "BENCH_DB", name: "BENCH_SCHEMA" }, { comment: "changed" }],
  ] as const) {
    const engine = engineFor(type);
    let outs: Record<string, unknown> = {};
    const create = await count(async () => { outs = (await engine.create({ ...inputs })).outs; });
    const read = await count(() => engine.read(String(outs.fullyQualifiedName), outs));
    const update = await count(async () => { outs = (await engine.update("", outs, { ...inputs, ...change })).outs; });
    const row = [type, create, read, update, ""];
    rows.push(row);
    created.push({ type, row, outs });
  }
  // Delete in reverse: the schema lives in the database.
  for (const { type, row, outs } of created.reverse()) {
    row[4] = await count(() => engineFor(type).delete("", outs));
  }
  console.log("REST round trips per operation (HTTP methods in order):");
  for (const row of rows) console.log("  " + row.map((cell) => cell.padEnd(16)).join(""));

  const engine = engineFor("Warehouse");
  const names = Array.from({ length: OBJECTS }, (_, i) => `BENCH_MANY_${i}`);
  let started = Date.now();
  const many = await Promise.all(names.map((name) => engine.create({ name, autoSuspend: 60 })));
  const createMs = Date.now() - started;
  started = Date.now();
  await Promise.all(many.map(({ id, outs }) => engine.read(id, outs)));
  const readMs = Date.now() - started;
  started = Date.now();
  await Promise.all(many.map(({ id, outs }) => engine.delete(id, outs)));
  const deleteMs = Date.now() - started;
  console.log(`${OBJECTS} warehouses, all at once, emulator latency ${emulator.knobs.latencyMs} ms: create ${createMs} ms, read ${readMs} ms, delete ${deleteMs} ms`);
  console.log(`peak RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);

  await closeAllPools();
  await emulator.close();
}

main().catch((error) => { console.error(error); process.exit(1); });
