// Statements only a Snowflake driver runs: PUT uploads a local file, and the SQL API refuses it ("Introduction to the
// SQL API", Limitations: PUT and GET are not supported). They go through snowflake-sdk, logged in as the REST
// client's user: a connector login's own connection, or else one snowflake-sdk login per REST client with the same
// credential (key pair, OAuth token, programmatic access token), made on first use only.
import type { Connection } from "snowflake-sdk";
import { RestClient } from "../client/rest-client";
import { SqlText } from "../sql/sql-text";
import { ConnectionError } from "./connection-error";
import { connectorOptionsFor, DriverLoginMethod } from "./connector-options";
import { describeDriverError, scrubSecrets } from "./driver-error";
import { ResolvedConnection, SECRET_CONNECTION_KEYS } from "./settings";
import { loadSnowflakeSdk } from "./snowflake-sdk-loader";

/** Opens (or hands out) the logged-in connection; `purpose` names what needs it in a missing-sdk message. */
type ConnectionSource = (purpose: string) => Promise<Connection>;

const sources = new WeakMap<RestClient, ConnectionSource>();
const opened = new Set<Connection>();

/** Called by client-factory for every REST client it makes. */
export function registerDriverLogin(client: RestClient, source: ConnectionSource): void {
  sources.set(client, source);
}

/** A snowflake-sdk login with the credential of a REST login method, made once and shared by the client's statements. */
export function driverLoginFor(resolved: ResolvedConnection, method: DriverLoginMethod): ConnectionSource {
  let pending: Promise<Connection> | undefined;
  return (purpose) => {
    // A failed login is forgotten: these credentials do not lock a user out, and the next statement tries again.
    pending ??= logIn(resolved, method, purpose).catch((error) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

async function logIn(resolved: ResolvedConnection, method: DriverLoginMethod, purpose: string): Promise<Connection> {
  const options = connectorOptionsFor(resolved, method);
  const snowflake = loadSnowflakeSdk(purpose);
  const connection = snowflake.createConnection(options);
  try {
    await new Promise<void>((resolve, reject) => connection.connect((error) => (error ? reject(error) : resolve())));
  } catch (error) {
    const secrets = [...SECRET_CONNECTION_KEYS].map((key) => resolved.settings[key]).filter((value): value is string => !!value);
    throw new ConnectionError(`${purpose} logs in through snowflake-sdk (${method}), and that login failed: ${scrubSecrets(describeDriverError(error), secrets)}`, resolved);
  }
  opened.add(connection);
  return connection;
}

/** Runs one statement through the client's driver login; resolves with its result rows. */
export async function executeThroughDriver(client: RestClient, statement: SqlText, purpose: string): Promise<Record<string, unknown>[]> {
  const source = sources.get(client);
  if (!source) throw new Error(`${purpose} needs a snowflake-sdk login, and this client has none (it was not made by client-factory)`);
  const connection = await source(purpose);
  // For a LOCAL_FS stage location the driver sets the process umask to 0 (file_transfer_agent.js execute): put it back.
  const umask = process.umask();
  try {
    return await new Promise((resolve, reject) => {
      connection.execute({
        sqlText: statement.text,
        complete: (error, _statement, rows) => (error ? reject(new Error(`${purpose} failed: ${describeDriverError(error)}`)) : resolve((rows ?? []) as Record<string, unknown>[])),
      });
    });
  } finally {
    process.umask(umask);
  }
}

/** Logs out of the driver logins made here (tests and short-lived tools; a provider process simply exits). */
export async function closeDriverLogins(): Promise<void> {
  const connections = [...opened];
  opened.clear();
  await Promise.all(connections.map((connection) => new Promise<void>((resolve) => connection.destroy(() => resolve()))));
}
