// package.json says Apache-2.0: the LICENSE file is that license's text and ships in the npm tarball.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const root = path.join(__dirname, "..");

test("LICENSE is the Apache License 2.0 that package.json names", () => {
  const license = fs.readFileSync(path.join(root, "LICENSE"), "utf8");
  expect(JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).license).toBe("Apache-2.0");
  expect(license).toContain("Apache License\n                           Version 2.0, January 2004");
  expect(license).toContain("TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION");
  expect(license).toContain("END OF TERMS AND CONDITIONS");
});

test("npm pack puts LICENSE in the tarball", () => {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const report = JSON.parse(execFileSync(npm, ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8" }));
  expect(report[0].files.map((file: { path: string }) => file.path)).toContain("LICENSE");
});
