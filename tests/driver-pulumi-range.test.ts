// The driver plays the engine with @pulumi/pulumi's runtime internals, so it names the versions it supports and
// stops before running anything in a project that has another one, or none. A project here holds only the
// installed SDK's package.json: the check reads nothing else, and a run that got past it would fail loudly.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runDriverProcess, SUPPORTED_PULUMI_RANGE } from "./driver";

let root: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "sf-driver-range-"));
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function projectWith(pulumiVersion: string | undefined): string {
  const dir = fs.mkdtempSync(path.join(root, "project-"));
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: ranged\nruntime: nodejs\n");
  fs.writeFileSync(path.join(dir, "index.js"), 'throw new Error("the program ran");\n');
  if (pulumiVersion) {
    const sdkDir = path.join(dir, "node_modules", "@pulumi", "pulumi");
    fs.mkdirSync(sdkDir, { recursive: true });
    fs.writeFileSync(path.join(sdkDir, "package.json"), JSON.stringify({ name: "@pulumi/pulumi", version: pulumiVersion }));
  }
  return dir;
}

test("the supported range is the package's own dependency range, and holds the version the tests run with", () => {
  expect(require("../package.json").dependencies["@pulumi/pulumi"]).toBe(SUPPORTED_PULUMI_RANGE);
  const [major, minor] = require("@pulumi/pulumi/package.json").version.split(".").map(Number);
  expect(major).toBe(3);
  expect(minor).toBeGreaterThanOrEqual(270);
});

test.each(["3.200.0", "4.0.0", "3.271.0-alpha.1"])("a project with @pulumi/pulumi %s is refused, naming both versions", async (version) => {
  const dir = projectWith(version);
  const result = await runDriverProcess({ mode: "up", programDir: dir, stateFile: path.join(dir, "state.json") });
  expect(result.ok).toBe(false);
  expect(result.error).toContain(`the driver supports @pulumi/pulumi ^3.270.0, but the project in ${dir} has ${version}`);
  expect(result.error).toContain("npm install @pulumi/pulumi@^3.270.0");
  expect(result.error).not.toContain("the program ran");
});

test("a project without @pulumi/pulumi is told to install it", async () => {
  const dir = projectWith(undefined);
  const result = await runDriverProcess({ mode: "preview", programDir: dir, stateFile: path.join(dir, "state.json") });
  expect(result.ok).toBe(false);
  expect(result.error).toContain(`the project in ${dir} has no @pulumi/pulumi installed; the driver needs @pulumi/pulumi ^3.270.0 there`);
});
