// The accounts one emulator hosts. In Snowflake the host name says which account a request is for; the emulator
// listens on 127.0.0.1, so a request names its account by Host header or by the credential it carries.
import { randomBytes } from "node:crypto";
import type { EmulatorAccountOptions } from "./options";
import { AccountState, type OAuthClientRecord, type TokenGrant } from "./state";

export const DEFAULT_USER = "EMULATOR_USER";

/**
 * Account identifiers compare upper-case and without a region/cloud suffix: "acme.us-east-2.aws" is ACME, as in
 * key-pair JWT claims (Authenticating REST APIs docs) and the driver's ACCOUNT_NAME (connection_config.js
 * consolidateHostAndAccount cuts the region off).
 */
export function accountKey(name: string): string {
  return name.split(".")[0].toUpperCase();
}

const SNOWFLAKE_HOST = /^([^.:]+)(?:\.[^:]*)?\.snowflakecomputing\.(?:com|cn)(?::\d+)?$/i;

/** The account a Host header names (`<account>[.<region>...].snowflakecomputing.com[:port]`), if it names one. */
export function accountNameFromHost(host: string | undefined): string | undefined {
  const match = host ? SNOWFLAKE_HOST.exec(host.trim()) : null;
  return match ? accountKey(match[1]) : undefined;
}

export class AccountRegistry {
  private readonly byKey = new Map<string, AccountState>();

  /** @param accounts the first one is the default account */
  constructor(accounts: AccountState[]) {
    if (accounts.length === 0) throw new Error("The emulator needs at least one account.");
    for (const account of accounts) {
      const key = accountKey(account.name);
      if (this.byKey.has(key)) throw new Error(`Account ${account.name} is configured twice.`);
      this.byKey.set(key, account);
    }
  }

  /**
   * An account made at run time (CREATE ACCOUNT, CREATE MANAGED ACCOUNT over REST): from then on it is served like
   * the configured ones, with the system roles every account starts with and the organization's behaviour.
   */
  add(account: AccountState): void {
    const key = accountKey(account.name);
    if (this.byKey.has(key)) throw new Error(`Account ${account.name} exists.`);
    this.adopt(account);
    this.byKey.set(key, account);
  }

  /** Dropping an account stops serving it (its grace period is not emulated: it cannot be undropped). */
  remove(name: string): void {
    this.byKey.delete(accountKey(name));
  }

  /** What every hosted account shares: this registry as its organization, its seeds and the service behaviour. */
  adopt(account: AccountState, seed = true): void {
    account.organization = this;
    if (seed) for (const kind of this.seeds) kind.seed?.({ account });
    account.serviceBehaviour = this.defaultAccount.serviceBehaviour;
  }

  /** The object kinds whose seeds a new account gets (set once the kinds are known: emulator/index.ts). */
  seeds: readonly { seed?(context: { account: AccountState }): void }[] = [];

  get defaultAccount(): AccountState {
    return this.all()[0];
  }

  all(): AccountState[] {
    return [...this.byKey.values()];
  }

  /** Case-insensitive; a region suffix is ignored. */
  find(name: string | undefined): AccountState | undefined {
    return name === undefined ? undefined : this.byKey.get(accountKey(name));
  }

  ownerOfProgrammaticAccessToken(token: string): { account: AccountState; user: string } | undefined {
    for (const account of this.all()) {
      const user = account.programmaticAccessTokens.get(token);
      if (user) return { account, user };
    }
    return undefined;
  }

  ownerOfOAuthToken(token: string): { account: AccountState; grant: TokenGrant } | undefined {
    for (const account of this.all()) {
      const grant = account.oauthTokens.get(token);
      if (grant) return { account, grant };
    }
    return undefined;
  }

  ownerOfOAuthClient(clientId: string): { account: AccountState; client: OAuthClientRecord } | undefined {
    for (const account of this.all()) {
      const client = account.oauthClients.get(clientId);
      if (client) return { account, client };
    }
    return undefined;
  }
}

/** Builds one account from its options; returns it with the PAT `credentials` advertise. */
export function createAccount(options: EmulatorAccountOptions): { account: AccountState; firstToken: string } {
  const users = options.users?.length ? options.users : [{ name: DEFAULT_USER }];
  const account = new AccountState(options.name, users[0].name.toUpperCase());
  for (const user of users) account.registerUser(user);

  const tokens = options.programmaticAccessTokens?.length ? options.programmaticAccessTokens : [generateSecret("pat")];
  for (const entry of tokens) {
    if (typeof entry === "string") account.addProgrammaticAccessToken(entry);
    else account.addProgrammaticAccessToken(entry.token, entry.user);
  }
  for (const token of options.oauthTokens ?? []) account.oauthTokens.set(token, { user: account.defaultUser });
  for (const client of options.oauthClients ?? []) {
    const user = account.requireUser(client.user, `OAuth client ${client.clientId}`).name;
    account.oauthClients.set(client.clientId, { ...client, user });
  }
  const first = tokens[0];
  return { account, firstToken: typeof first === "string" ? first : first.token };
}

/** Tokens are opaque secrets to clients; these only have to be unguessable and header- and URL-safe. */
export function generateSecret(kind: string): string {
  return `emulator-${kind}-${randomBytes(24).toString("base64url")}`;
}
