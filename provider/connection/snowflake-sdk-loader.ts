// Loads snowflake-sdk on first use only: it is large (AWS/Azure/GCP SDKs) and has side effects at require time,
// so providers that never log in through the connector never pay for it, and nothing here is captured when
// Pulumi serializes a dynamic provider's closures. A project without it installed gets a message saying what
// needs it and how to add it, instead of a bare "Cannot find module".
import type SnowflakeSdk from "snowflake-sdk";

export type Snowflake = typeof SnowflakeSdk;

let loaded: Snowflake | undefined;

/** Whether snowflake-sdk can be loaded from this package (resolves the module only; nothing is run). */
export function isSnowflakeSdkInstalled(): boolean {
  try {
    require.resolve("snowflake-sdk");
    return true;
  } catch {
    return false;
  }
}

/** What a user without snowflake-sdk is told: `purpose` says what needed it ("uploading a stage file (PUT)"). */
export function snowflakeSdkMissingMessage(purpose: string): string {
  return `${purpose} needs the snowflake-sdk package, which is not installed where pulumi-snowflake-dynamic runs; add it to the project (npm install snowflake-sdk) and run again`;
}

export function loadSnowflakeSdk(purpose = "this connection's login method"): Snowflake {
  if (loaded) return loaded;
  // Requiring the sdk otherwise probes cloud metadata endpoints (169.254.169.254, metadata.google.internal, AWS STS)
  // to fill in CLIENT_ENVIRONMENT (dist/lib/telemetry/platform_detection.js). A user may still opt back in.
  process.env.SNOWFLAKE_DISABLE_PLATFORM_DETECTION ??= "true";
  let snowflake: Snowflake;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    snowflake = require("snowflake-sdk") as Snowflake;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND" && /snowflake-sdk/.test((error as Error).message);
    if (missing) throw new Error(snowflakeSdkMissingMessage(purpose));
    throw error;
  }
  // The default logger writes INFO lines to stdout, where the Pulumi provider host expects only its port
  // handshake, and to ./snowflake.log (dist/lib/logger/node.js). Its winston transports are created on the first
  // log line, so switching logging off before any connection means neither is ever opened.
  snowflake.configure({ logLevel: "OFF" });
  loaded = snowflake;
  return snowflake;
}
