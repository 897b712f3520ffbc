#!/usr/bin/env node
// Standalone emulator for manual runs, the demo and users' own `pulumi up` or CI (the package's
// `snowflake-emulator` command):
//   npx snowflake-emulator --port 8080 [--account A] [--pat T] [--user U] [--password P] [--public-key-file F] [--latency-ms N]
import { readFileSync } from "node:fs";
import { DEFAULT_USER, startEmulator, type EmulatorOptions } from "./index";

const USAGE =
  "Usage: snowflake-emulator [--port N] [--account NAME] [--pat TOKEN] [--user NAME] [--password PASSWORD]\n" +
  "                          [--public-key-file PEM_PATH] [--latency-ms N]\n" +
  "A free port when --port is 0 or not given.";

interface CliArguments {
  port: number;
  account?: string;
  pat?: string;
  user?: string;
  password?: string;
  publicKeyFile?: string;
  latencyMs?: number;
}

function parseArguments(argv: string[]): CliArguments {
  const parsed: CliArguments = { port: 0 };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    if (flag === "--help" || flag === "-h") {
      console.log(USAGE);
      process.exit(0);
    }
    const value = argv[++index];
    if (value === undefined) fail(`${flag} needs a value.`);
    switch (flag) {
      case "--port":
        parsed.port = integerArgument(flag, value);
        break;
      case "--account":
        parsed.account = value;
        break;
      case "--pat":
        parsed.pat = value;
        break;
      case "--user":
        parsed.user = value;
        break;
      case "--password":
        parsed.password = value;
        break;
      case "--public-key-file":
        parsed.publicKeyFile = value;
        break;
      case "--latency-ms":
        parsed.latencyMs = integerArgument(flag, value);
        break;
      default:
        fail(`Unknown option ${flag}.`);
    }
  }
  return parsed;
}

function integerArgument(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) fail(`${flag} expects a non-negative integer, got '${value}'.`);
  return Number(value);
}

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  const userName = args.user ?? DEFAULT_USER;
  const options: EmulatorOptions = {
    port: args.port,
    account: args.account,
    programmaticAccessTokens: args.pat ? [args.pat] : undefined,
    users: [
      {
        name: userName,
        password: args.password,
        rsaPublicKeyPem: args.publicKeyFile ? readFileSync(args.publicKeyFile, "utf8") : undefined,
      },
    ],
    latencyMs: args.latencyMs,
  };
  const emulator = await startEmulator(options);
  const { user, programmaticAccessToken } = emulator.credentials;
  const keyPair = args.publicKeyFile
    ? `key-pair JWT: public key from ${args.publicKeyFile}`
    : "key-pair JWT: no public key registered";
  console.log(
    [
      `Snowflake emulator (REST API v2 + connector logins) listening on ${emulator.url}`,
      `  account: ${emulator.account}`,
      `  user:    ${user}; ${keyPair}; password login ${args.password ? "enabled" : "disabled (--password)"}`,
      `  PAT:     ${programmaticAccessToken}`,
      "Environment for clients:",
      `  export SNOWFLAKE_ACCOUNT=${emulator.account}`,
      `  export SNOWFLAKE_HOST=${emulator.host}`,
      `  export SNOWFLAKE_PORT=${emulator.port}`,
      `  export SNOWFLAKE_PROTOCOL=${emulator.protocol}`,
      `  export SNOWFLAKE_USER=${user}`,
      "  export SNOWFLAKE_AUTHENTICATOR=PROGRAMMATIC_ACCESS_TOKEN",
      `  export SNOWFLAKE_TOKEN=${programmaticAccessToken}`,
      "Press Ctrl+C to stop.",
    ].join("\n")
  );

  const shutdown = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1)
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
