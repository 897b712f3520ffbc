// npm run bench, part 2: what a refresh of many grants costs. 2,000 Grant resources (SELECT on 100 tables to each
// of 20 roles) are created through the engine, then read again as a new deployment would (no cached lists), as
// many at once as the driver's default parallelism on this machine. The emulator's request log counts the calls.
import * as os from "os";
import { closeAllPools } from "../../provider/client/rest-client";
import { forgetGranteeLists } from "../../provider/engine/access/grantees";
import { startEmulator } from "../emulator";
import { connectionEnv } from "../support/test-stack";
import { callEmulator } from "../support/emulator-api";

const ROLES = Number(process.env.BENCH_GRANT_ROLES ?? 20);
const TABLES = Number(process.env.BENCH_GRANT_TABLES ?? 100);
// The driver's --parallel default, like Pulumi's: 4 x CPUs.
const PARALLEL = 4 * os.cpus().length;

async function inBatches<T, R>(items: T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: PARALLEL }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]);
    }
  }));
  return results;
}

async function main() {
  const emulator = await startEmulator({ latencyMs: Number(process.env.BENCH_LATENCY_MS ?? 0) });
  Object.assign(process.env, connectionEnv(emulator));
  const rest = (path: string, body: unknown) => callEmulator(emulator, "POST", path, body);
  await rest("/api/v2/databases", { name: "BENCH_GRANTS" });
  await rest("/api/v2/databases/BENCH_GRANTS/schemas", { name: "S" });
  const tables = Array.from({ length: TABLES }, (_, index) => `T_${index}`);
  const roles = Array.from({ length: ROLES }, (_, index) => `BENCH_ROLE_${index}`);
  for (const name of tables) await rest("/api/v2/databases/BENCH_GRANTS/schemas/S/tables", { name, columns: [{ name: "ID", datatype: "NUMBER" }] });
  for (const name of roles) await rest("/api/v2/roles", { name });

  const { engineFor } = await import("../../provider/runtime");
  const engine = engineFor("Grant");
  const declared = roles.flatMap((role) => tables.map((table) => ({ toRole: role, securableType: "TABLE", securableName: `BENCH_GRANTS.S.${table}`, privileges: ["SELECT"] })));
  emulator.clearRequestLog();
  let started = Date.now();
  const created = await inBatches(declared, (inputs) => engine.create(inputs));
  const createMs = Date.now() - started;
  const createCalls = emulator.requestLog.length;

  forgetGranteeLists();
  emulator.clearRequestLog();
  started = Date.now();
  const reads = await inBatches(created, ({ id, outs }) => engine.read(id, outs));
  const refreshMs = Date.now() - started;
  const refreshCalls = emulator.requestLog.length;
  const unchanged = reads.filter((read, index) => JSON.stringify(read.props?.privileges) === JSON.stringify(created[index].outs.privileges)).length;

  console.log(`${declared.length} grants on ${ROLES} roles, ${PARALLEL} at once, emulator latency ${emulator.knobs.latencyMs} ms:`);
  console.log(`  create: ${createCalls} REST calls, ${createMs} ms`);
  console.log(`  refresh: ${refreshCalls} REST calls (${new Set(emulator.requestLog.map((entry) => entry.path)).size} distinct lists), ${refreshMs} ms; ${unchanged} of ${reads.length} read back unchanged`);
  console.log(`peak RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
  await closeAllPools();
  await emulator.close();
  if (refreshCalls > 25 || unchanged !== reads.length) process.exit(1);
}

main().catch((error) => { console.error(error); process.exit(1); });
