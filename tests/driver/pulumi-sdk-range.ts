// The driver plays the engine with the SDK's runtime internals (runtime/mocks.js, proto/*_pb.js,
// cmd/dynamic-provider), which are not a public API, so it states the @pulumi/pulumi versions it supports and
// refuses others with a message instead of failing somewhere inside the SDK.
import * as path from "path";

/** The versions of @pulumi/pulumi the driver supports: the 3.x line from the one its tests run with. */
export const SUPPORTED_PULUMI_RANGE = "^3.270.0";
const MINIMUM = [3, 270, 0];

export interface PulumiSdk {
  dir: string;
  version: string;
}

/** The program's own copy of @pulumi/pulumi (mocks set on any other copy would not reach the program), checked. */
export function projectPulumiSdk(projectDir: string): PulumiSdk {
  let manifest: string;
  try {
    manifest = require.resolve("@pulumi/pulumi/package.json", { paths: [projectDir] });
  } catch {
    throw new Error(`the project in ${projectDir} has no @pulumi/pulumi installed; the driver needs @pulumi/pulumi ${SUPPORTED_PULUMI_RANGE} there (npm install @pulumi/pulumi)`);
  }
  const version: string = require(manifest).version;
  if (!isSupported(version)) {
    throw new Error(`the driver supports @pulumi/pulumi ${SUPPORTED_PULUMI_RANGE}, but the project in ${projectDir} has ${version} (${path.dirname(manifest)}); install a supported version (npm install @pulumi/pulumi@${SUPPORTED_PULUMI_RANGE})`);
  }
  return { dir: path.dirname(manifest), version };
}

/** Caret semantics for a 3.x.y release: same major, not older than the minimum; prereleases are refused. */
function isSupported(version: string): boolean {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match) return false;
  const [major, minor, patch] = match.slice(1).map(Number);
  if (major !== MINIMUM[0]) return false;
  return minor > MINIMUM[1] || (minor === MINIMUM[1] && patch >= MINIMUM[2]);
}
