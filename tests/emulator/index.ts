// Offline Snowflake REST API v2 emulator: warehouses, databases, schemas, result polling.
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { restApiVerifiers } from "./auth";
import { Knobs, type EmulatorKnobs, type InjectedFailure } from "./knobs";
import { databaseRoutes } from "./resources/databases";
import { resultRoutes } from "./resources/results";
import { schemaRoutes } from "./resources/schemas";
import { warehouseRoutes } from "./resources/warehouses";
import { Router } from "./router";
import { createRequestHandler, type RequestLogEntry } from "./server";
import { AccountState } from "./state";

export type { EmulatorKnobs, InjectedFailure, RequestLogEntry };

export interface EmulatorOptions {
  /** 0 / undefined = a free port. */
  port?: number;
  /** Account name; default "EMULATOR". */
  account?: string;
  /** Accepted PATs; default (or empty): one random token generated at start. */
  programmaticAccessTokens?: string[];
  /** Accepted OAuth bearer tokens (default none). */
  oauthTokens?: string[];
  /** Users; key-pair JWT login checks the registered key. The first one is the user PAT/OAuth callers act as. */
  users?: { name: string; rsaPublicKeyPem?: string }[];
  /** Latency injected before each response. */
  latencyMs?: number;
}

export interface Emulator {
  /** e.g. http://127.0.0.1:43211 */
  url: string;
  host: string;
  port: number;
  protocol: "http";
  account: string;
  /** A user and PAT that work. */
  credentials: { user: string; programmaticAccessToken: string };
  requestLog: RequestLogEntry[];
  clearRequestLog(): void;
  registerUser(name: string, rsaPublicKeyPem?: string): void;
  addProgrammaticAccessToken(token: string): void;
  knobs: EmulatorKnobs;
  close(): Promise<void>;
}

export const DEFAULT_ACCOUNT = "EMULATOR";
export const DEFAULT_USER = "EMULATOR_USER";
const HOST = "127.0.0.1";

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const users = options.users?.length ? options.users : [{ name: DEFAULT_USER }];
  const account = new AccountState(options.account ?? DEFAULT_ACCOUNT, users[0].name.toUpperCase());
  for (const user of users) account.registerUser(user.name, user.rsaPublicKeyPem);
  const tokens = options.programmaticAccessTokens?.length ? options.programmaticAccessTokens : [generateToken()];
  for (const token of tokens) account.programmaticAccessTokens.add(token);
  for (const token of options.oauthTokens ?? []) account.oauthTokens.add(token);

  const knobs = new Knobs(options.latencyMs ?? 0);
  const requestLog: RequestLogEntry[] = [];
  const router = new Router().add(...warehouseRoutes, ...databaseRoutes, ...schemaRoutes, ...resultRoutes);
  const server = createServer(
    createRequestHandler({
      router,
      verifiers: restApiVerifiers,
      knobs,
      requestLog,
      accounts: new Map([[account.name, account]]),
      defaultAccount: account.name,
    })
  );
  const port = await listen(server, options.port ?? 0);

  return {
    url: `http://${HOST}:${port}`,
    host: HOST,
    port,
    protocol: "http",
    account: account.name,
    credentials: { user: account.defaultUser, programmaticAccessToken: tokens[0] },
    requestLog,
    clearRequestLog: () => void requestLog.splice(0),
    registerUser: (name, rsaPublicKeyPem) => void account.registerUser(name, rsaPublicKeyPem),
    addProgrammaticAccessToken: (token) => void account.programmaticAccessTokens.add(token),
    knobs,
    close: () => closeServer(server),
  };
}

/** PATs are opaque secrets to clients; this one only has to be unguessable and header-safe. */
function generateToken(): string {
  return `emulator-pat-${randomBytes(24).toString("base64url")}`;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    // Loopback only: the emulator accepts well-known test credentials.
    server.listen(port, HOST, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive sockets would otherwise hold close() open until clients hang up.
    server.closeAllConnections();
  });
}
