// npm run bench: the REST and SQL API calls each operation of each resource type costs (from the emulator's
// request log), and wall time for many objects at once, through the same engine the provider host runs.
import { closeAllPools } from "../../provider/client/rest-client";
import { startEmulator } from "../emulator";
import { connectionEnv } from "../support/test-stack";

const OBJECTS = Number(process.env.BENCH_OBJECTS ?? 200);
const IN = { database: "BENCH_DB", schema: "BENCH" };
const SOURCE = "BENCH_DB.BENCH.BENCH_SOURCE";

/** Per type: inputs to create, the in-place change to update with. Created in this order, deleted in reverse. */
const CASES: [string, Record<string, unknown>, Record<string, unknown>][] = [
  ["Warehouse", { name: "BENCH_WH", warehouseSize: "XSMALL", initiallySuspended: true }, { warehouseSize: "SMALL" }],
  ["Database", { name: "BENCH_DB" }, { comment: "changed" }],
  ["Schema", { database: "BENCH_DB", name: "BENCH" }, { comment: "changed" }],
  ["Table", { ...IN, name: "BENCH_SOURCE", columns: [{ name: "ID", datatype: "int" }] }, { columns: [{ name: "ID", datatype: "int" }, { name: "NOTE", datatype: "string" }] }],
  ["EventTable", { ...IN, name: "BENCH_EVENTS" }, { comment: "changed" }],
  ["DynamicTable", { ...IN, name: "BENCH_DYNAMIC", query: `SELECT ID FROM ${SOURCE}`, targetLag: "1 hour", warehouse: "BENCH_WH" }, { targetLag: "2 hours" }],
  ["View", { ...IN, name: "BENCH_VIEW", query: `SELECT ID FROM ${SOURCE}` }, { comment: "changed" }],
  ["Stream", { ...IN, name: "BENCH_STREAM", onTable: SOURCE }, { comment: "changed" }],
  ["Stage", { ...IN, name: "BENCH_STAGE" }, { comment: "changed" }],
  ["Pipe", { ...IN, name: "BENCH_PIPE", copyStatement: `COPY INTO ${SOURCE} FROM @BENCH_DB.BENCH.BENCH_STAGE` }, { comment: "changed" }],
  ["Alert", { ...IN, name: "BENCH_ALERT", schedule: { minutes: 5 }, condition: "SELECT 1", action: "SELECT 2" }, { comment: "changed" }],
  ["Sequence", { ...IN, name: "BENCH_SEQUENCE" }, { increment: 2 }],
  ["Tag", { ...IN, name: "BENCH_TAG" }, { comment: "changed" }],
  ["Role", { name: "BENCH_ROLE" }, { comment: "changed" }],
  ["Grant", { toRole: "BENCH_ROLE", securableType: "TABLE", securableName: SOURCE, privileges: ["SELECT"] }, { privileges: ["SELECT", "INSERT"] }],
  ["FutureGrant", { toRole: "BENCH_ROLE", objectType: "TABLE", inSchema: "BENCH_DB.BENCH", privileges: ["SELECT"] }, { privileges: ["SELECT", "INSERT"] }],
  ["PasswordPolicy", { ...IN, name: "BENCH_POLICY" }, { minLength: 12 }],
  ["User", { name: "BENCH_USER", comment: "v1" }, { comment: "changed" }],
  ["ComputePool", { name: "BENCH_POOL", instanceFamily: "CPU_X64_XS", minNodes: 1, maxNodes: 1, initiallySuspended: true }, { maxNodes: 2 }],
  ["ImageRepository", { ...IN, name: "BENCH_REPO" }, { comment: "changed" }],
  // The quickstart's nginx: create waits until READY with the endpoint provisioned (the emulator's default polls).
  ["Service", { ...IN, name: "BENCH_SERVICE", computePool: "BENCH_POOL", specification: { spec: { containers: [{ name: "web", image: "/bench_db/bench/bench_repo/nginx:latest" }], endpoints: [{ name: "ui", port: 80, public: true }] } } }, { maxInstances: 2 }],
];

async function main() {
  const emulator = await startEmulator({ latencyMs: Number(process.env.BENCH_LATENCY_MS ?? 0) });
  Object.assign(process.env, connectionEnv(emulator));
  const { engineFor } = await import("../../provider/runtime");
  const rows: string[][] = [["type", "create", "read", "update", "delete"]];
  const created: { type: string; row: string[]; outs: Record<string, unknown> }[] = [];

  // REST calls as their methods in order; SQL API statements as "SQL".
  const count = async (action: () => Promise<unknown>) => {
    emulator.clearRequestLog();
    await action();
    return emulator.requestLog.map((entry) => (entry.path === "/api/v2/statements" ? "SQL" : entry.method)).join("+") || "none";
  };

  for (const [type, inputs, change] of CASES) {
    const engine = engineFor(type);
    let outs: Record<string, unknown> = {};
    const create = await count(async () => { outs = (await engine.create({ ...inputs })).outs; });
    const read = await count(() => engine.read(String(outs.fullyQualifiedName), outs));
    const update = await count(async () => { outs = (await engine.update("", outs, { ...inputs, ...change })).outs; });
    const row = [type, create, read, update, ""];
    rows.push(row);
    created.push({ type, row, outs });
  }
  for (const { type, row, outs } of created.reverse()) row[4] = await count(() => engineFor(type).delete("", outs));
  console.log("Calls per operation (REST methods in order; SQL = one SQL API statement):");
  console.log(`| ${rows[0].join(" | ")} |\n|${rows[0].map(() => "---").join("|")}|`);
  for (const row of rows.slice(1)) console.log(`| ${row.join(" | ")} |`);
  console.log("(Grant reads cost nothing here: the grantee's list read back after the create serves them; a new deployment reads it once per grantee.)");

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
