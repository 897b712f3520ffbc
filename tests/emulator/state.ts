// In-memory state of one emulated Snowflake account. Settings objects use the wire (snake_case) field names.
import { createPublicKey, KeyObject } from "node:crypto";
import type { ObjectKind } from "./defaults";
import type { Outcome } from "./http";
import type { EmulatorUserOptions } from "./options";
import { publicKeyFingerprint } from "./keypair-jwt";

export interface WarehouseSettings {
  warehouse_type: string;
  warehouse_size: string;
  max_cluster_count: number;
  min_cluster_count: number;
  scaling_policy: string;
  auto_suspend: number;
  auto_resume: boolean;
  resource_monitor?: string;
  comment?: string;
  enable_query_acceleration: boolean;
  query_acceleration_max_scale_factor: number;
  max_concurrency_level: number;
  statement_queued_timeout_in_seconds: number;
  statement_timeout_in_seconds: number;
  warehouse_credit_limit?: number;
  target_statement_size?: string;
}

export interface WarehouseRecord {
  name: string;
  settings: WarehouseSettings;
  /** Remembered from creation: PUT ignores it on alter. */
  initiallySuspended: boolean;
  state: "STARTED" | "SUSPENDED";
  createdOn: Date;
  resumedOn?: Date;
  updatedOn: Date;
}

/** Object parameters shared by databases and schemas; only explicitly set ones are stored. */
export interface ObjectParameters {
  default_ddl_collation?: string;
  log_level?: string;
  trace_level?: string;
  suspend_task_after_num_failures?: number;
  user_task_managed_initial_warehouse_size?: string;
  user_task_timeout_ms?: number;
  serverless_task_min_statement_size?: string;
  serverless_task_max_statement_size?: string;
  pipe_execution_paused?: boolean; // schemas only (schema.yaml Schema)
}

export interface DatabaseRecord {
  name: string;
  kind: ObjectKind;
  comment?: string;
  dataRetentionDays: number;
  maxDataExtensionDays: number;
  parameters: ObjectParameters;
  createdOn: Date;
  schemas: Map<string, SchemaRecord>;
}

export interface SchemaRecord {
  name: string;
  kind: ObjectKind;
  comment?: string;
  managedAccess: boolean;
  /** Unset = inherited from the database, as Snowflake object parameters are. */
  dataRetentionDays?: number;
  maxDataExtensionDays?: number;
  parameters: ObjectParameters;
  createdOn: Date;
  /** INFORMATION_SCHEMA: owned by the system, cannot be dropped, replaced or altered. */
  systemOwned: boolean;
}

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
  readonly warehouses = new Map<string, WarehouseRecord>();
  readonly databases = new Map<string, DatabaseRecord>();
  readonly pendingResults = new Map<string, PendingResult>();

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
