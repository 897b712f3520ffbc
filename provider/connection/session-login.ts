// Logins through snowflake-sdk (password, MFA, SSO, OAuth flows, workload identity) whose session token then
// authorizes the REST API calls. One connector session per REST client -- and client-factory shares one client per
// account + user + role + login method -- so all resources of a provider process share one login.
//
// Renewal: a session token lives about an hour, the master token about four. When the REST API rejects the token
// (401), or the token is past its expiry time, the driver's own heartbeat runs; if the server says the session
// token expired (code 390112) the driver renews it with the master token (/session/token-request,
// dist/lib/services/sf.js StateRenewing) and the new one is read back. If the session is gone -- master token
// expired too -- the provider logs in again; browser logins then use the credential cache rather than a browser.
import type { Connection } from "snowflake-sdk";
import { Authenticator, sessionTokenHeaders } from "../client/auth";
import { ConnectionError } from "./connection-error";
import { ConnectorLoginMethod, connectorOptionsFor } from "./connector-options";
import { describeDriverError, scrubSecrets } from "./driver-error";
import { ResolvedConnection, SECRET_CONNECTION_KEYS } from "./settings";
import { loadSnowflakeSdk } from "./snowflake-sdk-loader";

interface SessionTokens {
  sessionToken: string;
  masterToken?: string;
  /** Epoch milliseconds; undefined when the server did not say. */
  sessionExpiresAt?: number;
  masterExpiresAt?: number;
}

// Renew this long before the session token expires (or a tenth of its lifetime, if shorter), so none expires in flight.
const RENEW_MARGIN_MS = 60_000;
// When a heartbeat left the token as it was although the clock said it had expired (clock skew), trust it this long.
const RECHECK_AFTER_MS = 30_000;

const openSessions = new Set<ConnectorSession>();

/** A login whose snowflake-sdk connection can also run statements (PUT) for the same session. */
export interface DriverConnectionSource {
  driverConnection(): Promise<Connection>;
}

export function connectorSessionAuth(resolved: ResolvedConnection, method: ConnectorLoginMethod): Authenticator & DriverConnectionSource {
  // Check the settings now, so a missing one is reported before any login is attempted.
  connectorOptionsFor(resolved, method);
  return new ConnectorSession(resolved, method);
}

/** Logs out of every connector session (tests and short-lived tools; a provider process simply exits). */
export async function closeConnectorSessions(): Promise<void> {
  const sessions = [...openSessions];
  openSessions.clear();
  await Promise.all(sessions.map((session) => session.close()));
}

class ConnectorSession implements Authenticator, DriverConnectionSource {
  readonly description: string;
  private connection?: Connection;
  private tokens?: SessionTokens;
  private renewAt = 0;
  private stale = false;
  private pending?: Promise<string>;
  /** A failed login is not retried: repeating a wrong password or passcode could lock the user out. */
  private failure?: Error;

  constructor(private readonly resolved: ResolvedConnection, private readonly method: ConnectorLoginMethod) {
    const user = resolved.settings.user ? ` for user ${resolved.settings.user.toUpperCase()}` : "";
    this.description = `connector session (${method} login)${user}`;
  }

  async headers(): Promise<Record<string, string>> {
    return sessionTokenHeaders(await this.sessionToken());
  }

  /** The logged-in connection (logging in first if needed), for statements the REST API cannot run. */
  async driverConnection(): Promise<Connection> {
    await this.sessionToken();
    if (!this.connection) throw this.loginError("the connector session closed while a statement was waiting for it");
    return this.connection;
  }

  invalidate(): void {
    // A 401 for a token older than a renewal in flight says nothing about the token that renewal brings.
    if (!this.pending) this.stale = true;
  }

  async close(): Promise<void> {
    openSessions.delete(this);
    const connection = this.connection;
    this.connection = undefined;
    this.tokens = undefined;
    if (connection) await logOut(connection);
  }

  private sessionToken(): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.tokens && !this.stale && Date.now() < this.renewAt) return Promise.resolve(this.tokens.sessionToken);
    // Concurrent callers -- every resource of a `pulumi up` -- wait for the same login or renewal.
    this.pending ??= this.renew().finally(() => { this.pending = undefined; });
    return this.pending;
  }

  private async renew(): Promise<string> {
    this.stale = false;
    const previous = this.tokens;
    if (this.connection && previous && !isPast(previous.masterExpiresAt) && (await this.connection.isValidAsync())) {
      // isValidAsync is the driver's heartbeat (connection.js heartbeatAsync); when the server answers 390112 the
      // driver renews the session token and repeats it (sf.js StateConnected.request, StateRenewing).
      const tokens = readTokens(this.connection);
      if (tokens) return this.adopt(tokens, tokens.sessionToken === previous.sessionToken);
    }
    if (this.connection) void logOut(this.connection);
    this.connection = undefined;
    try {
      this.connection = await this.logIn();
    } catch (error) {
      this.failure = error as Error;
      throw error;
    }
    openSessions.add(this);
    const tokens = readTokens(this.connection);
    if (!tokens) throw this.loginError("the server's login answer held no session token");
    return this.adopt(tokens, false);
  }

  private adopt(tokens: SessionTokens, unchanged: boolean): string {
    this.tokens = tokens;
    const now = Date.now();
    if (tokens.sessionExpiresAt === undefined) {
      this.renewAt = Infinity; // no expiry given: renew when the REST API says 401
    } else {
      const margin = Math.min(RENEW_MARGIN_MS, (tokens.sessionExpiresAt - now) / 10);
      this.renewAt = tokens.sessionExpiresAt - Math.max(margin, 0);
      if (unchanged) this.renewAt = Math.max(this.renewAt, now + RECHECK_AFTER_MS);
    }
    return tokens.sessionToken;
  }

  private async logIn(): Promise<Connection> {
    const options = connectorOptionsFor(this.resolved, this.method);
    const snowflake = loadSnowflakeSdk(`the ${this.method} login`);
    try {
      const connection = snowflake.createConnection(options);
      await new Promise<void>((resolve, reject) => {
        connection.connect((error) => (error ? reject(error) : resolve()));
      });
      return connection;
    } catch (error) {
      throw this.loginError(describeDriverError(error));
    }
  }

  private loginError(problem: string): ConnectionError {
    return new ConnectionError(`the ${this.method} login through snowflake-sdk failed: ${scrubSecrets(problem, this.secrets())}`, this.resolved);
  }

  /** Every secret the driver might echo: the configured ones and the tokens of this session. */
  private secrets(): string[] {
    const { settings } = this.resolved;
    const configured = [...SECRET_CONNECTION_KEYS].map((key) => settings[key]);
    return [...configured, this.tokens?.sessionToken, this.tokens?.masterToken].filter((value): value is string => !!value);
  }
}

function readTokens(connection: Connection): SessionTokens | undefined {
  const snowflake = loadSnowflakeSdk();
  // serializeConnection is the public way to the tokens (index.d.ts; connection.getTokens() is QA-mode only):
  // {"services":{"sf":{"tokenInfo":{sessionToken, sessionTokenExpirationTime, masterToken, masterTokenExpirationTime}}}}.
  const info = JSON.parse(snowflake.serializeConnection(connection))?.services?.sf?.tokenInfo ?? {};
  if (typeof info.sessionToken !== "string" || !info.sessionToken) return undefined;
  return {
    sessionToken: info.sessionToken,
    masterToken: typeof info.masterToken === "string" ? info.masterToken : undefined,
    // Without a validity in the login answer the driver computes NaN, which serializes as null.
    sessionExpiresAt: finiteOrUndefined(info.sessionTokenExpirationTime),
    masterExpiresAt: finiteOrUndefined(info.masterTokenExpirationTime),
  };
}

function logOut(connection: Connection): Promise<void> {
  // POST /session?delete=true; a session that is already gone answers with an error, which changes nothing.
  return new Promise((resolve) => connection.destroy(() => resolve()));
}

const isPast = (time: number | undefined) => time !== undefined && Date.now() >= time;
const finiteOrUndefined = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : undefined);
