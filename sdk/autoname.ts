// Names for resources declared without one: a valid unquoted Snowflake identifier (never Pulumi's usual hyphen),
// e.g. ANALYTICS_3F9A2C1. The suffix is derived from project, stack, type and logical name, so it is stable from
// run to run (check never sees the URN to keep a random one) and differs between stacks sharing an account.
import * as crypto from "crypto";
import * as pulumi from "@pulumi/pulumi";

const MAX_PREFIX = 200;

export function autoName(resourceType: string, logicalName: string): string {
  let prefix = logicalName.toUpperCase().replace(/[^A-Z0-9_$]/g, "_").slice(0, MAX_PREFIX);
  if (!/^[A-Z_]/.test(prefix)) prefix = `_${prefix}`;
  const seed = `${pulumi.getProject()}/${pulumi.getStack()}/${resourceType}/${logicalName}`;
  const suffix = crypto.createHash("sha256").update(seed).digest("hex").slice(0, 7).toUpperCase();
  return `${prefix}_${suffix}`;
}
