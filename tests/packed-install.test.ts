// The package as users get it: `npm pack`, installed from the tarball into a project outside the repository that
// already has @pulumi/pulumi (and jest, as a user's project would). What the install adds is measured there; the
// project's own jest test deploys its program offline through the shipped emulator and driver; serialized
// providers `require` the installed package through its exports map, which in-repo runs cannot show.
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runDriverProcess } from "./driver";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { addedWeight, npmInstall, packRepository, repoVersionOf, weighNodeModules } from "./support/consumer-project";
import { connectionEnv, opOf } from "./support/test-stack";

const REPO = path.resolve(__dirname, "..");
const CONSUMER_FIXTURE = path.join(__dirname, "fixtures", "consumer-project");
const PACKAGE = "pulumi-snowflake-dynamic";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
// The target for a project that already has @pulumi/pulumi.
const MAX_ADDED_BYTES = 15_000_000;
const MAX_ADDED_PACKAGES = 30;
const PASSWORD = "pw-3f9a-packed-install";

let emulator: Emulator;
let project: string;
let footprint: { bytes: number; packages: string[] };

beforeAll(async () => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), "sf-consumer-"));
  fs.cpSync(CONSUMER_FIXTURE, project, { recursive: true });
  const devDependencies = Object.fromEntries(["jest", "ts-jest", "typescript", "@types/jest", "@types/node"].map((name) => [name, repoVersionOf(name)]));
  fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({
    name: "consumer", private: true, dependencies: { "@pulumi/pulumi": repoVersionOf("@pulumi/pulumi") }, devDependencies,
  }));
  npmInstall(project);
  const before = weighNodeModules(project);
  npmInstall(project, `./${packRepository(project)}`);
  footprint = addedWeight(before, weighNodeModules(project));
  console.log(`installing the packed ${PACKAGE} into a project with @pulumi/pulumi added ${footprint.bytes} bytes ` +
    `(${(footprint.bytes / 1e6).toFixed(1)} MB) in ${footprint.packages.length} packages: ${footprint.packages.join(", ")}`);
  emulator = await startEmulator({ users: [{ name: "PW_USER", password: PASSWORD }] });
}, 240_000);

afterAll(async () => {
  await emulator?.close();
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

const stateFile = () => path.join(project, "state.json");
const run = (mode: "up" | "refresh" | "destroy") =>
  runDriverProcess({ mode, programDir: project, stateFile: stateFile(), env: connectionEnv(emulator) });

test("into a project that has @pulumi/pulumi, the install adds < 15 MB and < 30 packages, sharing its @pulumi/pulumi", () => {
  expect(footprint.bytes).toBeLessThan(MAX_ADDED_BYTES);
  expect(footprint.packages.length).toBeLessThan(MAX_ADDED_PACKAGES);
  expect(footprint.packages).toContain(`node_modules/${PACKAGE}`);
  // snowflake-sdk is an optional peer (connector logins only), and the project's @pulumi/pulumi is the one used.
  expect(footprint.packages.filter((name) => /snowflake-sdk|@pulumi\/pulumi/.test(name))).toEqual([]);
});

test("the installed package lives outside the repository", () => {
  const installed = fs.realpathSync(path.join(project, "node_modules", PACKAGE));
  expect(installed.startsWith(REPO)).toBe(false);
  expect(fs.existsSync(path.join(installed, "bin", "provider", "runtime.js"))).toBe(true);
});

test("a program in that project deploys, refreshes clean and destroys", async () => {
  const up = await run("up");
  expect(up.error).toBeUndefined();
  expect(["reporting", "sales", "orders"].map((name) => opOf(up, name))).toEqual(["create", "create", "create"]);
  expect(String(up.outputs.warehouseName)).toMatch(/^REPORTING_[0-9A-F]{7}$/);
  expect((await fetchJson(`/api/v2/warehouses/${up.outputs.warehouseName}`)).comment).toBe("from a packed install");

  const refresh = await run("refresh");
  expect(refresh.ok).toBe(true);
  expect(refresh.changes.filter((change) => change.op !== "same")).toEqual([]);

  checkState();

  const destroy = await run("destroy");
  expect(destroy.ok).toBe(true);
  expect(await fetchJson("/api/v2/warehouses")).toEqual([]);
  expect((await fetchJson("/api/v2/databases")).map((db: { name: string }) => db.name)).toEqual([]);
}, 120_000);

test("the project's own jest test deploys its program offline through pulumi-snowflake-dynamic/testing", async () => {
  const jest = await runCommand(npx, ["jest", "--ci"], { cwd: project });
  expect({ code: jest.code, output: jest.stderr }).toMatchObject({ code: 0 });
  expect(jest.stderr).toMatch(/^Tests:\s+1 passed, 1 total$/m);
  expect(jest.stderr).toContain("✓ the stack deploys offline, and destroy removes it");
}, 120_000);

test("`npx snowflake-emulator --port 0` starts on a free port, prints how to reach it, and answers", async () => {
  const child = spawn(npx, ["snowflake-emulator", "--port", "0"], { cwd: project, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const exited = new Promise((resolve) => child.once("close", resolve));
  try {
    const banner = await readUntil(child.stdout!, /Press Ctrl\+C to stop\./);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1];
    const token = /export SNOWFLAKE_TOKEN=(\S+)/.exec(banner)?.[1];
    expect(banner).toMatch(/export SNOWFLAKE_HOST=127\.0\.0\.1\n\s+export SNOWFLAKE_PORT=\d+\n\s+export SNOWFLAKE_PROTOCOL=http/);
    const answer = await fetch(`${url}/api/v2/databases`, {
      headers: { Authorization: `Bearer ${token}`, "X-Snowflake-Authorization-Token-Type": "PROGRAMMATIC_ACCESS_TOKEN" },
    });
    expect(answer.status).toBe(200);
  } finally {
    // npx runs the command in a child of its own: signal the whole group.
    process.kill(-child.pid!, "SIGTERM");
    await exited;
  }
});

test("without snowflake-sdk installed, a connector login fails saying what to install", async () => {
  expect(fs.existsSync(path.join(project, "node_modules", "snowflake-sdk"))).toBe(false);
  const { SNOWFLAKE_TOKEN: _token, ...endpoint } = connectionEnv(emulator);
  const up = await runDriverProcess({
    mode: "up", programDir: project, stateFile: path.join(project, "password-login.json"),
    env: { ...endpoint, SNOWFLAKE_AUTHENTICATOR: "SNOWFLAKE", SNOWFLAKE_USER: "PW_USER", SNOWFLAKE_PASSWORD: PASSWORD },
  });
  expect(up.ok).toBe(false);
  expect(up.error).toContain("the SNOWFLAKE login needs the snowflake-sdk package, which is not installed");
  expect(up.error).toContain("npm install snowflake-sdk");
  expect(up.error).not.toContain(PASSWORD);
  expect(await fetchJson("/api/v2/warehouses")).toEqual([]);
});

function checkState() {
  const text = fs.readFileSync(stateFile(), "utf8");
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

function runCommand(command: string, args: string[], options: { cwd: string }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function readUntil(stream: NodeJS.ReadableStream, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      text += chunk;
      if (pattern.test(text)) resolve(text);
    });
    stream.on("end", () => reject(new Error(`the command ended before printing ${pattern}:\n${text}`)));
  });
}
