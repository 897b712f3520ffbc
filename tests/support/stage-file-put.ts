// A person uploading a file by hand: PUT through snowflake-sdk (the SQL API does not run PUT), logged in with the
// emulator's programmatic access token. Used to change a staged file outside Pulumi.
import type * as SnowflakeSdk from "snowflake-sdk";
import type { Emulator } from "../emulator";

// Before the driver loads: no cloud metadata probes and no native telemetry addon (a handle jest would report).
process.env.SNOWFLAKE_DISABLE_PLATFORM_DETECTION = "true";
process.env.SNOWFLAKE_DISABLE_MINICORE = "1";

export async function putByHand(emulator: Emulator, localFile: string, stageDirectory: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const snowflake: typeof SnowflakeSdk = require("snowflake-sdk");
  snowflake.configure({ logLevel: "OFF" });
  const connection = snowflake.createConnection({
    account: emulator.account,
    accessUrl: emulator.url,
    authenticator: "PROGRAMMATIC_ACCESS_TOKEN",
    token: emulator.credentials.programmaticAccessToken,
    username: emulator.credentials.user,
  });
  await new Promise<void>((resolve, reject) => connection.connect((error) => (error ? reject(error) : resolve())));
  // For LOCAL_FS stages the driver sets the process umask to 0 (file_transfer_agent.js); other tests in this worker
  // create files whose permissions they check.
  const umask = process.umask();
  try {
    await new Promise<void>((resolve, reject) => connection.execute({
      sqlText: `PUT 'file://${localFile}' '${stageDirectory}' AUTO_COMPRESS = FALSE OVERWRITE = TRUE`,
      complete: (error) => (error ? reject(error) : resolve()),
    }));
  } finally {
    process.umask(umask);
    await new Promise<void>((resolve) => connection.destroy(() => resolve()));
  }
}
