// Offline Snowflake emulator: REST API v2 for every object kind in kinds/ (routes from the specs' operations),
// the SQL API, result polling, and the connector endpoints snowflake-sdk logs in and queries through, for one or
// several accounts.
import { AccountRegistry, createAccount, DEFAULT_USER } from "./accounts";
import { restApiVerifiers } from "./auth";
import { connectorRoutes } from "./connector/routes";
import { createConnectorServices } from "./connector/services";
import { SessionStore } from "./connector/sessions";
import { SessionDefaults } from "./defaults";
import { Knobs, type EmulatorKnobs, type InjectedFailure, type ServiceKnobs } from "./knobs";
import { listen } from "./listener";
import type { EmulatorAccountOptions, EmulatorUserOptions } from "./options";
import { OBJECT_KINDS } from "./kinds";
import { kindRoutes } from "./rest/routes";
import { resultRoutes } from "./rest/results";
import { Router } from "./router";
import { StatementKinds } from "./sql/execute";
import { sqlApiRoutes } from "./sql/sql-api";
import { objectAtPath } from "./inspect";
import { createRequestHandler, type RequestLogEntry } from "./server";
import type { AccountState } from "./state";
import { removeAllStageFiles } from "./stage-files";
import { createSelfSignedCertificate } from "./tls-certificate";

export type { EmulatorAccountOptions, EmulatorKnobs, EmulatorUserOptions, InjectedFailure, RequestLogEntry, ServiceKnobs };
export { DEFAULT_USER };

export interface EmulatorOptions {
  /** 0 / undefined = a free port. */
  port?: number;
  /** Account name; default "EMULATOR". (One-account shorthand; not together with `accounts`.) */
  account?: string;
  /** Accepted PATs (the first user's); default (or empty): one random token generated at start. */
  programmaticAccessTokens?: string[];
  /** Accepted OAuth bearer tokens (default none). */
  oauthTokens?: string[];
  /** Users; the first one is the user unbound PATs and OAuth tokens act as. */
  users?: EmulatorUserOptions[];
  /** Several accounts, each with its own objects, users and credentials; the first is the default account. */
  accounts?: EmulatorAccountOptions[];
  /** Connector session token lifetime; default 3600. Short values let tests see renewal. */
  sessionTokenLifetimeSeconds?: number;
  /** Connector master token lifetime; default 14400. */
  masterTokenLifetimeSeconds?: number;
  /** Latency injected before each response. */
  latencyMs?: number;
}

export interface EmulatorCredentials {
  user: string;
  programmaticAccessToken: string;
  /** The user's password, when the options gave one. */
  password?: string;
}

export interface EmulatorAccountHandle {
  name: string;
  /** The account's first user and first PAT. */
  credentials: EmulatorCredentials;
  registerUser(name: string, rsaPublicKeyPem?: string): void;
  addProgrammaticAccessToken(token: string, user?: string): void;
  /** Registers an integration (storage, notification, ...), which REST v2 cannot create, so stages and pipes can name it. */
  addIntegration(name: string, type?: string): void;
  /** Sets a parameter at account level (ALTER ACCOUNT SET), e.g. data_retention_time_in_days. */
  setAccountParameter(wire: string, value: unknown): void;
  /** Sets the row count of the table at a REST path, as if rows were loaded. */
  setRowCount(apiPath: string, rows: number): void;
  /** What Snowflake keeps about the object at a REST path besides its properties (run state, a stream's offset). */
  factsOf(apiPath: string): Record<string, unknown>;
  /** Makes an object look older: its created_on (as if someone had made it at that moment). */
  backdate(apiPath: string, createdOn: Date): void;
}

export interface Emulator {
  /** e.g. http://127.0.0.1:43211; the same port also speaks TLS (see tlsCertificatePem). */
  url: string;
  host: string;
  port: number;
  protocol: "http";
  /** The default account's name. */
  account: string;
  /** A user and PAT that work in the default account. */
  credentials: EmulatorCredentials;
  /** All hosted accounts, the default first. */
  accountNames: string[];
  /** A hosted account by name (case-insensitive); throws for an unknown one. */
  accountHandle(name: string): EmulatorAccountHandle;
  /** Connector sessions across all accounts. */
  sessions: {
    /** Sessions neither logged out nor past their master token. */
    active(): number;
    /** Every current session token expires now; master tokens stay valid, so clients renew. */
    expireAll(): void;
  };
  /**
   * The self-signed certificate the emulator presents to TLS clients on its port (for `https://127.0.0.1:<port>`,
   * which snowflake-sdk uses for EXTERNALBROWSER's /session/authenticator-request). Trust it to connect.
   */
  tlsCertificatePem: string;
  requestLog: RequestLogEntry[];
  clearRequestLog(): void;
  /** Adds a user to the default account (or gives an existing one a key). */
  registerUser(name: string, rsaPublicKeyPem?: string): void;
  /** Adds a PAT for the default account's first user. */
  addProgrammaticAccessToken(token: string): void;
  /** The default account's test hooks (integrations, account parameters, row counts, facts). */
  defaultAccount: EmulatorAccountHandle;
  knobs: EmulatorKnobs;
  close(): Promise<void>;
}

export const DEFAULT_ACCOUNT = "EMULATOR";
const HOST = "127.0.0.1";

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const handles = accountOptions(options).map(createAccount);
  const accounts = new AccountRegistry(handles.map(({ account }) => account));
  accounts.seeds = OBJECT_KINDS;
  for (const account of accounts.all()) for (const kind of OBJECT_KINDS) kind.seed?.({ account });
  const firstTokens = new Map(handles.map(({ account, firstToken }) => [account, firstToken]));
  const sessions = new SessionStore({
    sessionTokenSeconds: options.sessionTokenLifetimeSeconds ?? SessionDefaults.sessionTokenLifetimeSeconds,
    masterTokenSeconds: options.masterTokenLifetimeSeconds ?? SessionDefaults.masterTokenLifetimeSeconds,
  });

  let url = "";
  const knobs = new Knobs(options.latencyMs ?? 0);
  for (const account of accounts.all()) account.serviceBehaviour = knobs.services;
  for (const account of accounts.all()) accounts.adopt(account, false);
  const requestLog: RequestLogEntry[] = [];
  const statementKinds = new StatementKinds(OBJECT_KINDS);
  const router = new Router().add(
    // Kinds reached only through SQL (sqlObject) have no REST routes.
    ...OBJECT_KINDS.filter((kind) => !kind.sqlObject).flatMap(kindRoutes),
    ...sqlApiRoutes(knobs, statementKinds),
    ...resultRoutes,
    ...connectorRoutes(createConnectorServices(accounts, sessions, () => url), statementKinds)
  );
  const tls = createSelfSignedCertificate();
  const listener = await listen(
    createRequestHandler({ router, verifiers: restApiVerifiers, knobs, requestLog, accounts, sessions }),
    HOST,
    options.port ?? 0,
    tls
  );
  url = `http://${HOST}:${listener.port}`;

  const handle = (account: AccountState): EmulatorAccountHandle => ({
    name: account.name,
    // Accounts made at run time (CREATE ACCOUNT) have no configured token: tests add one (addProgrammaticAccessToken).
    credentials: credentialsOf(account, firstTokens.get(account) ?? ""),
    registerUser: (name, rsaPublicKeyPem) => void account.registerUser({ name, rsaPublicKeyPem }),
    addProgrammaticAccessToken: (token, user) => account.addProgrammaticAccessToken(token, user),
    addIntegration: (name, type = "STORAGE") => void account.integrations.set(name.toUpperCase(), type),
    setAccountParameter: (wire, value) => void (account.catalog.parameters[wire] = value),
    setRowCount: (apiPath, rows) => void (objectAtPath(account, apiPath).facts.rows = rows),
    factsOf: (apiPath) => ({ ...objectAtPath(account, apiPath).facts }),
    backdate: (apiPath, createdOn) => void (objectAtPath(account, apiPath).createdOn = createdOn),
  });
  const defaultAccount = handle(accounts.defaultAccount);
  const accountNames = accounts.all().map((account) => account.name);

  return {
    url,
    host: HOST,
    port: listener.port,
    protocol: "http",
    account: defaultAccount.name,
    credentials: defaultAccount.credentials,
    accountNames,
    accountHandle(name) {
      const account = accounts.find(name);
      if (!account) throw new Error(`The emulator hosts no account ${name} (accounts: ${accountNames.join(", ")}).`);
      return handle(account);
    },
    sessions: { active: () => sessions.active(), expireAll: () => sessions.expireAll() },
    tlsCertificatePem: tls.certificatePem,
    requestLog,
    clearRequestLog: () => void requestLog.splice(0),
    registerUser: defaultAccount.registerUser,
    addProgrammaticAccessToken: (token) => defaultAccount.addProgrammaticAccessToken(token),
    defaultAccount,
    knobs,
    close: async () => {
      await listener.close();
      // Internal stages keep their files on disk (stage-files.ts).
      for (const account of accounts.all()) removeAllStageFiles(account.catalog);
    },
  };
}

/** `accounts`, or the one-account shorthand options as one account. */
function accountOptions(options: EmulatorOptions): EmulatorAccountOptions[] {
  const shorthand = ["account", "users", "programmaticAccessTokens", "oauthTokens"] as const;
  if (!options.accounts) {
    return [
      {
        name: options.account ?? DEFAULT_ACCOUNT,
        users: options.users,
        programmaticAccessTokens: options.programmaticAccessTokens,
        oauthTokens: options.oauthTokens,
      },
    ];
  }
  const mixed = shorthand.filter((key) => options[key] !== undefined);
  if (mixed.length) throw new Error(`Give ${mixed.join(", ")} inside \`accounts\`, not beside it.`);
  return options.accounts;
}

function credentialsOf(account: AccountState, programmaticAccessToken: string): EmulatorCredentials {
  const user = account.findUser(account.defaultUser)!;
  return {
    user: user.name,
    programmaticAccessToken,
    ...(user.password !== undefined && { password: user.password }),
  };
}
