// `node bin/tests/driver/cli.js <preview|up|refresh|destroy> <program dir> [options]` (npm run driver -- ...):
// prints the summary, whose Errors section lists each error once (or the DriverResult as one JSON line with
// --json); exit code 0 on success, 1 on failure.
import { SUPPORTED_PULUMI_RANGE } from "./pulumi-sdk-range";
import { runDriver } from "./run";
import { DriverMode, DriverOptions } from "./types";

const USAGE = `usage: driver <preview|up|refresh|destroy> <program dir> [options]
  --stack NAME                 stack name (default "dev"; config from Pulumi.<stack>.yaml)
  --state FILE                 state file (default <program dir>/.pulumi-state/<stack>.json)
  --config ns:key=value        set a config value (repeatable)
  --secret-config ns:key=value set a secret config value (repeatable)
  --secret ns:key              mark a config key as secret (repeatable)
  --show-secrets               print secret outputs in plaintext
  --verbose                    include provider host output in the summary
  --stack-reference NAME=FILE  the state file StackReference NAME reads (repeatable; default <stack>.json beside --state)
  --json                       print the result as JSON (one line, last on stdout)
  --import-pending-creates URN ID  refresh: the interrupted create of URN went through; record it with ID (repeatable)
  --clear-pending-creates      refresh: the interrupted creates did not go through; forget them
environment: PULUMI_CONFIG_PASSPHRASE encrypts secrets in the state file
supports @pulumi/pulumi ${SUPPORTED_PULUMI_RANGE}, installed in the program's project`;

const MODES: DriverMode[] = ["preview", "up", "refresh", "destroy"];

export function parseArguments(argv: string[]): { options: DriverOptions; json: boolean } {
  const [mode, programDir, ...rest] = argv;
  if (!MODES.includes(mode as DriverMode) || !programDir) throw new UsageError(`expected a mode and a program directory`);
  const options: DriverOptions = { mode: mode as DriverMode, programDir, config: {}, secretConfigKeys: [] };
  let json = false;
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    const value = () => {
      const next = rest[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    const setConfig = (assignment: string, secret: boolean) => {
      const separator = assignment.indexOf("=");
      if (separator <= 0) throw new UsageError(`${flag} expects key=value, got '${assignment}'`);
      const key = assignment.slice(0, separator);
      options.config![key] = assignment.slice(separator + 1);
      if (secret) options.secretConfigKeys!.push(key);
    };
    switch (flag) {
      case "--stack": options.stack = value(); break;
      case "--state": options.stateFile = value(); break;
      case "--config": setConfig(value(), false); break;
      case "--secret-config": setConfig(value(), true); break;
      case "--secret": options.secretConfigKeys!.push(value()); break;
      case "--show-secrets": options.showSecrets = true; break;
      case "--verbose": options.verbose = true; break;
      case "--stack-reference": {
        const assignment = value();
        const separator = assignment.lastIndexOf("=");
        if (separator <= 0) throw new UsageError(`${flag} expects NAME=FILE, got '${assignment}'`);
        (options.stackReferences ??= {})[assignment.slice(0, separator)] = assignment.slice(separator + 1);
        break;
      }
      case "--json": json = true; break;
      case "--clear-pending-creates": options.clearPendingCreates = true; break;
      case "--import-pending-creates": {
        const urn = value();
        (options.importPendingCreates ??= []).push({ urn, id: value() });
        break;
      }
      default: throw new UsageError(`unknown option '${flag}'`);
    }
  }
  return { options, json };
}

class UsageError extends Error {}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 2;
  }
  const result = await runDriver(parsed.options);
  if (parsed.json) {
    await write(process.stdout, `\n${JSON.stringify(result)}\n`);
  } else {
    // The summary already ends with the errors; writing them to stderr too showed each one twice on a terminal.
    await write(process.stdout, result.summary + "\n");
  }
  return result.ok ? 0 : 1;
}

function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => stream.write(text, () => resolve()));
}

if (require.main === module) {
  // The program runner records the program's errors while it runs; rejections settling after that are echoes of
  // failed registrations and must not crash the driver before it reports.
  process.on("unhandledRejection", () => undefined);
  // Exit explicitly: a program may leave handles open (timers, servers) that would keep the process alive.
  main().then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`driver crashed: ${error?.stack ?? error}\n`);
      process.exit(1);
    },
  );
}
