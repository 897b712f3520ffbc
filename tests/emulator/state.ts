// In-memory state of one emulated Snowflake account. Settings objects use the wire (snake_case) field names.
import { createPublicKey, KeyObject } from "node:crypto";
import type { Outcome } from "./http";
import type { EmulatorUserOptions } from "./options";
import { publicKeyFingerprint } from "./keypair-jwt";
import { AccountRoot } from "./catalog/catalog";
import { ServiceBehaviour } from "./knobs";

export interface WorkloadIdentityRecord {
  issuer: string;
  subject: string;
  publicKey: KeyObject;
  audiences: string[];
}

export interface UserRecord {
  name: string;
  password?: string;
  mfaPasscode?: string;
  rsaPublicKey?: KeyObject;
  rsaPublicKeyFingerprint?: string;
  workloadIdentity?: WorkloadIdentityRecord;
}

/** Who a bearer-style token (OAuth access token, MFA token, ID token) acts as, and until when. */
export interface TokenGrant {
  user: string;
  /** Epoch milliseconds; undefined = never expires (configured tokens). */
  expiresAt?: number;
}

export interface OAuthClientRecord {
  clientId: string;
  clientSecret: string;
  user: string;
}

/** A request answered 202 by the acceptNext knob, waiting to be polled at /api/v2/results/{handle}. */
export interface PendingResult {
  pollsBeforeDone: number;
  outcome: Outcome;
}

// Snowflake docs (Workload identity federation): with no OIDC_AUDIENCE_LIST the token's audience must be this.
const DEFAULT_OIDC_AUDIENCE = "snowflakecomputing.com";

export class AccountState {
  readonly users = new Map<string, UserRecord>();
  /** PAT secret → the user it belongs to. */
  readonly programmaticAccessTokens = new Map<string, string>();
  /** OAuth access tokens: configured ones and those the emulated OAuth server issued. */
  readonly oauthTokens = new Map<string, TokenGrant>();
  readonly oauthClients = new Map<string, OAuthClientRecord>();
  /** MFA tokens handed out on logins that asked for one (CLIENT_REQUEST_MFA_TOKEN). */
  readonly mfaTokens = new Map<string, TokenGrant>();
  /** ID tokens handed out on EXTERNALBROWSER logins that asked for one (CLIENT_STORE_TEMPORARY_CREDENTIAL). */
  readonly idTokens = new Map<string, TokenGrant>();
  /** The account's objects: warehouses and databases, their schemas, and everything in those. */
  readonly catalog = new AccountRoot();
  /**
   * Integrations that exist (storage, notification, ...): REST v2 has no endpoints for them, so tests register
   * them here; stages and pipes that name a missing one are refused as Snowflake refuses them.
   */
  readonly integrations = new Map<string, string>();
  readonly pendingResults = new Map<string, PendingResult>();
  /** The accounts of the organization this account belongs to (the emulator's registry), set when it is hosted. */
  organization?: { add(account: AccountState): void; remove(name: string): void; find(name: string): AccountState | undefined; all(): AccountState[] };
  /** How services progress (the emulator's knobs.services, shared by its accounts; kinds/service-states.ts). */
  serviceBehaviour = new ServiceBehaviour();

  /**
   * @param name account name, as in SNOWFLAKE_ACCOUNT
   * @param defaultUser the user that tokens not bound to a user (plain PATs, configured OAuth tokens) act as
   */
  constructor(readonly name: string, readonly defaultUser: string) {}

  /**
   * Adds a user, or updates the given properties of an existing one. Login names are case-insensitive
   * (CREATE USER docs), so users are keyed upper-case.
   */
  registerUser(options: EmulatorUserOptions): UserRecord {
    const name = options.name.toUpperCase();
    const user: UserRecord = this.users.get(name) ?? { name };
    if (options.password !== undefined) user.password = options.password;
    if (options.mfaPasscode !== undefined) user.mfaPasscode = options.mfaPasscode;
    if (options.rsaPublicKeyPem !== undefined) {
      const key = createPublicKey(options.rsaPublicKeyPem);
      if (key.asymmetricKeyType !== "rsa") {
        throw new Error(
          `User ${options.name}: key-pair authentication needs an RSA public key, got ${key.asymmetricKeyType}.`
        );
      }
      user.rsaPublicKey = key;
      user.rsaPublicKeyFingerprint = publicKeyFingerprint(key);
    }
    if (options.workloadIdentity !== undefined) {
      const { issuer, subject, publicKeyPem, audiences } = options.workloadIdentity;
      user.workloadIdentity = {
        issuer,
        subject,
        publicKey: createPublicKey(publicKeyPem),
        audiences: audiences?.length ? audiences : [DEFAULT_OIDC_AUDIENCE],
      };
    }
    this.users.set(name, user);
    return user;
  }

  findUser(name: string): UserRecord | undefined {
    return this.users.get(name.toUpperCase());
  }

  /** A user that must exist, for options that name one. */
  requireUser(name: string, what: string): UserRecord {
    const user = this.findUser(name);
    if (!user) throw new Error(`${what} names user ${name}, which account ${this.name} does not have.`);
    return user;
  }

  addProgrammaticAccessToken(token: string, user = this.defaultUser): void {
    this.programmaticAccessTokens.set(token, this.requireUser(user, "A programmatic access token").name);
  }
}
