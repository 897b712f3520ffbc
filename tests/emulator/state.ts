// In-memory state of one emulated Snowflake account. Settings objects use the wire (snake_case) field names.
import { createPublicKey, KeyObject } from "node:crypto";
import type { ObjectKind } from "./defaults";
import type { Outcome } from "./http";
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

export interface UserRecord {
  name: string;
  rsaPublicKey?: KeyObject;
  rsaPublicKeyFingerprint?: string;
}

/** A request answered 202 by the acceptNext knob, waiting to be polled at /api/v2/results/{handle}. */
export interface PendingResult {
  pollsBeforeDone: number;
  outcome: Outcome;
}

export class AccountState {
  readonly users = new Map<string, UserRecord>();
  readonly programmaticAccessTokens = new Set<string>();
  readonly oauthTokens = new Set<string>();
  readonly warehouses = new Map<string, WarehouseRecord>();
  readonly databases = new Map<string, DatabaseRecord>();
  readonly pendingResults = new Map<string, PendingResult>();

  /**
   * @param name account name, as in SNOWFLAKE_ACCOUNT
   * @param defaultUser the user that PAT and OAuth callers act as (tokens are not tied to users here)
   */
  constructor(readonly name: string, readonly defaultUser: string) {}

  /** Login names are case-insensitive (CREATE USER docs), so users are keyed upper-case. */
  registerUser(name: string, rsaPublicKeyPem?: string): UserRecord {
    const user: UserRecord = { name: name.toUpperCase() };
    if (rsaPublicKeyPem !== undefined) {
      const key = createPublicKey(rsaPublicKeyPem);
      if (key.asymmetricKeyType !== "rsa") {
        throw new Error(`User ${name}: key-pair authentication needs an RSA public key, got ${key.asymmetricKeyType}.`);
      }
      user.rsaPublicKey = key;
      user.rsaPublicKeyFingerprint = publicKeyFingerprint(key);
    }
    this.users.set(user.name, user);
    return user;
  }

  findUser(name: string): UserRecord | undefined {
    return this.users.get(name.toUpperCase());
  }
}
