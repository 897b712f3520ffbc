// A user's project outside the repository: packages installed with npm from its cache (the same versions the repo
// uses), and what a node_modules folder weighs, so a test can tell what installing this package adds to it.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const REPO = path.resolve(__dirname, "..", "..");

/** The version of a package installed in this repository, so the consumer gets the same one (from npm's cache). */
export function repoVersionOf(name: string): string {
  return require(require.resolve(`${name}/package.json`, { paths: [REPO] })).version;
}

export function npmInstall(projectDir: string, ...packages: string[]): void {
  execFileSync(npm, ["install", ...packages, "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: projectDir, stdio: "pipe" });
}

/** `npm pack` of this repository into `destination`; returns the tarball's file name. */
export function packRepository(destination: string): string {
  const output = execFileSync(npm, ["pack", "--silent", "--pack-destination", destination], { cwd: REPO, encoding: "utf8" });
  return output.trim().split("\n").pop()!;
}

export interface NodeModulesWeight {
  /** Sum of the sizes of the files under node_modules (symlinks as links, directory entries not counted). */
  bytes: number;
  /** Installed packages by their path under the project, nested copies included (node_modules/a/node_modules/b). */
  packages: Set<string>;
}

export function weighNodeModules(projectDir: string): NodeModulesWeight {
  const weight: NodeModulesWeight = { bytes: 0, packages: new Set() };
  walk(path.join(projectDir, "node_modules"), projectDir, weight);
  return weight;
}

function walk(dir: string, projectDir: string, weight: NodeModulesWeight): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (isPackageDirectory(full)) weight.packages.add(path.relative(projectDir, full));
      walk(full, projectDir, weight);
    } else {
      weight.bytes += fs.lstatSync(full).size;
    }
  }
}

/** node_modules/<name> or node_modules/@scope/<name> holding a package.json (not a package's own subfolders). */
function isPackageDirectory(dir: string): boolean {
  const parent = path.dirname(dir);
  const inNodeModules = path.basename(parent) === "node_modules" && !path.basename(dir).startsWith(".");
  const inScope = path.basename(parent).startsWith("@") && path.basename(path.dirname(parent)) === "node_modules";
  return (inNodeModules || inScope) && !path.basename(dir).startsWith("@") && fs.existsSync(path.join(dir, "package.json"));
}

/** What installing something added between two weighings. */
export function addedWeight(before: NodeModulesWeight, after: NodeModulesWeight): { bytes: number; packages: string[] } {
  return { bytes: after.bytes - before.bytes, packages: [...after.packages].filter((name) => !before.packages.has(name)).sort() };
}
