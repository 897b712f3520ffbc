import * as fs from "fs";
import * as path from "path";

const PACKAGE_NAME = "pulumi-snowflake-dynamic";

// Read at run time rather than imported: importing package.json would make tsc copy it into bin/, where it would
// shadow the real one for Node's package-scope lookups. Searched upward, as this file runs from bin/ or sources.
function packageVersion(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
      if (manifest.name === PACKAGE_NAME) return `${PACKAGE_NAME}/${manifest.version}`;
    } catch {
      // no package.json here; keep looking
    }
  }
  return `${PACKAGE_NAME}/unknown`;
}

export const USER_AGENT = `${packageVersion()} (node ${process.versions.node}; ${process.platform})`;
