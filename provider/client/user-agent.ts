import * as fs from "fs";
import * as path from "path";

// Read at run time rather than imported: importing package.json would make tsc copy it into bin/, where it would
// shadow the real one for Node's package-scope lookups.
function packageVersion(): string {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "..", "package.json"), "utf8"));
    return `${manifest.name}/${manifest.version}`;
  } catch {
    return "pulumi-snowflake-dynamic/unknown";
  }
}

export const USER_AGENT = `${packageVersion()} (node ${process.versions.node}; ${process.platform})`;
