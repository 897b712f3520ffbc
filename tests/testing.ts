// `pulumi-snowflake-dynamic/testing`: test a stack without a Snowflake account. Start the emulator, point a program
// at it (connectionEnv), run the program through the driver the way `pulumi up` / `destroy` would, and look at
// what it made through the emulator's REST API.
import type { Emulator } from "./emulator";

export { DEFAULT_ACCOUNT, DEFAULT_USER, startEmulator } from "./emulator";
export type { Emulator, EmulatorAccountHandle, EmulatorCredentials, EmulatorOptions } from "./emulator";
export { exportState, runDriver, runDriverProcess, startDriverProcess, SUPPORTED_PULUMI_RANGE } from "./driver";
export type { DriverError, DriverMode, DriverOptions, DriverProcess, DriverResult, ResourceChange, ResourceOperation } from "./driver";
export { callEmulator } from "./support/emulator-api";
export type { EmulatorAnswer } from "./support/emulator-api";

/**
 * The environment that points a program (its provider) at the emulator with the emulator's own user and token:
 * pass it as `env` to runDriverProcess, or export it before `pulumi up` (the `snowflake-emulator` command prints it).
 */
export function connectionEnv(emulator: Emulator): Record<string, string> {
  return {
    SNOWFLAKE_ACCOUNT: emulator.account,
    SNOWFLAKE_HOST: emulator.host,
    SNOWFLAKE_PORT: String(emulator.port),
    SNOWFLAKE_PROTOCOL: emulator.protocol,
    SNOWFLAKE_USER: emulator.credentials.user,
    SNOWFLAKE_AUTHENTICATOR: "PROGRAMMATIC_ACCESS_TOKEN",
    SNOWFLAKE_TOKEN: emulator.credentials.programmaticAccessToken,
  };
}
