// Loads snowflake-sdk on first use only: it is large (AWS/Azure/GCP SDKs) and has side effects at require time,
// so providers that never log in through the connector never pay for it, and nothing here is captured when
// Pulumi serializes a dynamic provider's closures.
import type SnowflakeSdk from "snowflake-sdk";

export type Snowflake = typeof SnowflakeSdk;

let loaded: Snowflake | undefined;

export function loadSnowflakeSdk(): Snowflake {
  if (loaded) return loaded;
  // Requiring the sdk otherwise probes cloud metadata endpoints (169.254.169.254, metadata.google.internal, AWS STS)
  // to fill in CLIENT_ENVIRONMENT (dist/lib/telemetry/platform_detection.js). A user may still opt back in.
  process.env.SNOWFLAKE_DISABLE_PLATFORM_DETECTION ??= "true";
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const snowflake = require("snowflake-sdk") as Snowflake;
  // The default logger writes INFO lines to stdout, where the Pulumi provider host expects only its port
  // handshake, and to ./snowflake.log (dist/lib/logger/node.js). Its winston transports are created on the first
  // log line, so switching logging off before any connection means neither is ever opened.
  snowflake.configure({ logLevel: "OFF" });
  loaded = snowflake;
  return snowflake;
}
