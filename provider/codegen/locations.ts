// Where the generator reads the OpenAPI specs from and writes the wire models to.
import * as fs from "node:fs";
import * as path from "node:path";

const PACKAGE_NAME = "pulumi-snowflake-dynamic";
export const SPECS_ENV_VAR = "SNOWFLAKE_REST_API_SPECS";

export class SpecDirectoryNotFoundError extends Error {
  constructor(readonly specsDir: string) {
    super(
      `spec directory not found: ${specsDir} ` +
        `(pass --specs DIR or set ${SPECS_ENV_VAR} to the snowflake-rest-api-specs "specifications" folder)`
    );
    this.name = "SpecDirectoryNotFoundError";
  }
}

/** The repository root, found from this file whether it runs as TS source (ts-jest) or compiled under bin/. */
export function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, "utf8")).name === PACKAGE_NAME) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no ${PACKAGE_NAME} package.json above ${__dirname}`);
  }
}

export function wireModelsDir(): string {
  return path.join(repoRoot(), "provider", "wire");
}

/** `--specs DIR`, else $SNOWFLAKE_REST_API_SPECS, else the shared checkout beside the repository. */
export function resolveSpecsDir(cliValue?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen =
    cliValue ??
    env[SPECS_ENV_VAR] ??
    path.join(repoRoot(), "..", "shared", "snowflake-rest-api-specs", "specifications");
  return path.resolve(chosen);
}

export function assertSpecsDirExists(specsDir: string): void {
  if (!fs.existsSync(path.join(specsDir, "common.yaml"))) throw new SpecDirectoryNotFoundError(specsDir);
}

/** The upstream commit recorded in the README.txt next to `specifications/` ("Commit : <sha>"), if any. */
export function readSpecsCommit(specsDir: string): string {
  const readme = path.join(specsDir, "..", "README.txt");
  if (!fs.existsSync(readme)) return "unknown";
  const match = /^Commit\s*:\s*([0-9a-f]{7,40})\s*$/m.exec(fs.readFileSync(readme, "utf8"));
  return match ? match[1] : "unknown";
}
