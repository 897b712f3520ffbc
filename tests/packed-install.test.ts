// The package as users get it: `npm pack`, installed from the tarball into a project outside the repository, and a
// program there deployed through the driver. Serialized providers then `require` the installed package through its
// exports map, which in-repo runs cannot show.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runDriverProcess } from "./driver";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { connectionEnv, opOf } from "./support/test-stack";

const REPO = path.resolve(__dirname, "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

const PROGRAM = `
const snowflake = require("pulumi-snowflake-dynamic");
const wh = new snowflake.Warehouse("reporting", { warehouseSize: "XSMALL", autoSuspend: 60, comment: "from a packed install" });
const db = new snowflake.Database("sales");
const schema = new snowflake.Schema("orders", { database: db.name, managedAccess: true });
exports.warehouse = wh.name;
exports.schema = schema.fullyQualifiedName;
`;

let emulator: Emulator;
let project: string;
let stateFile: string;

beforeAll(async () => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), "sf-consumer-"));
  const tarball = execFileSync(npm, ["pack", "--silent", "--pack-destination", project], { cwd: REPO, encoding: "utf8" }).trim().split("\n").pop()!;
  fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({
    name: "consumer", private: true,
    dependencies: { "pulumi-snowflake-dynamic": `file:./${tarball}`, "@pulumi/pulumi": require("@pulumi/pulumi/package.json").version },
  }));
  execFileSync(npm, ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: project, stdio: "pipe" });
  fs.writeFileSync(path.join(project, "Pulumi.yaml"), "name: consumer\nruntime: nodejs\n");
  fs.writeFileSync(path.join(project, "index.js"), PROGRAM);
  stateFile = path.join(project, "state.json");
  emulator = await startEmulator();
}, 180_000);

afterAll(async () => {
  await emulator?.close();
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

const run = (mode: "up" | "refresh" | "destroy") =>
  runDriverProcess({ mode, programDir: project, stateFile, env: connectionEnv(emulator) });

test("the installed package lives outside the repository", () => {
  const installed = fs.realpathSync(path.join(project, "node_modules", "pulumi-snowflake-dynamic"));
  expect(installed.startsWith(REPO)).toBe(false);
  expect(fs.existsSync(path.join(installed, "bin", "provider", "runtime.js"))).toBe(true);
});

test("a program in that project deploys, refreshes clean and destroys", async () => {
  const up = await run("up");
  expect(up.error).toBeUndefined();
  expect(["reporting", "sales", "orders"].map((name) => opOf(up, name))).toEqual(["create", "create", "create"]);
  expect(String(up.outputs.warehouse)).toMatch(/^REPORTING_[0-9A-F]{7}$/);
  expect((await fetchJson(`/api/v2/warehouses/${up.outputs.warehouse}`)).comment).toBe("from a packed install");

  const refresh = await run("refresh");
  expect(refresh.ok).toBe(true);
  expect(refresh.changes.filter((change) => change.op !== "same")).toEqual([]);

  checkState();

  const destroy = await run("destroy");
  expect(destroy.ok).toBe(true);
  expect(await fetchJson("/api/v2/warehouses")).toEqual([]);
  expect((await fetchJson("/api/v2/databases")).map((db: { name: string }) => db.name)).toEqual([]);
}, 120_000);

function checkState() {
  const text = fs.readFileSync(stateFile, "utf8");
  const resources = JSON.parse(text).checkpoint.latest.resources.filter((r: { type: string }) => r.type.startsWith("pulumi-nodejs:dynamic/"));
  expect(resources).toHaveLength(3);
  for (const resource of resources) {
    const provider: string = resource.outputs.__provider;
    expect(provider.length).toBeLessThanOrEqual(1536);
    expect(provider).toContain('require("pulumi-snowflake-dynamic/provider-methods")');
    expect(provider).toContain(resource.type.split(":").pop());
    expect(provider).not.toContain(emulator.credentials.programmaticAccessToken);
  }
  console.log(`__provider sizes: ${resources.map((r: { type: string; outputs: { __provider: string } }) => `${r.type.split(":").pop()} ${r.outputs.__provider.length} B`).join(", ")}`);
  // No credential anywhere in the checkpoint.
  expect(text).not.toContain(emulator.credentials.programmaticAccessToken);
}

async function fetchJson(apiPath: string) {
  return (await callEmulator(emulator, "GET", apiPath)).body;
}
