// The layout a user's project has: the package under node_modules (copied, not linked), so serialized providers
// and state look as they do after `npm install pulumi-snowflake-dynamic`. @pulumi/pulumi is copied too: its closure
// serializer finds the package's export names from where it is installed itself. Every other dependency is a link
// to this repository's node_modules (only the two copies matter for what is serialized).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..", "..");

/** A temporary project with `program` (a directory holding Pulumi.yaml and index.ts) and the package installed. */
export function installedProject(program: string): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "installed-layout-"));
  for (const file of fs.readdirSync(program)) fs.copyFileSync(path.join(program, file), path.join(dir, file));
  const modules = path.join(dir, "node_modules");
  const installed = path.join(modules, "pulumi-snowflake-dynamic");
  fs.mkdirSync(path.join(installed, "bin"), { recursive: true });
  fs.copyFileSync(path.join(ROOT, "package.json"), path.join(installed, "package.json"));
  for (const part of ["sdk", "provider"]) {
    fs.cpSync(path.join(ROOT, "bin", part), path.join(installed, "bin", part), { recursive: true, filter: (source) => !source.includes(`${path.sep}codegen`) });
  }
  fs.cpSync(path.join(ROOT, "node_modules", "@pulumi"), path.join(modules, "@pulumi"), { recursive: true });
  for (const name of fs.readdirSync(path.join(ROOT, "node_modules"))) {
    if (name === "@pulumi" || name === "pulumi-snowflake-dynamic" || name.startsWith(".")) continue;
    fs.symlinkSync(path.join(ROOT, "node_modules", name), path.join(modules, name), "dir");
  }
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
