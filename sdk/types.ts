// Connection settings a resource may carry; the value types of properties are generated (sdk/generated/types.ts).

/**
 * Where a resource lives, when not where the stack's connection points: a connections.toml connection name
 * (`profile`) and/or settings. Never secrets (resource inputs are stored in state): credentials come from stack
 * config secrets, SNOWFLAKE_* variables or connections.toml.
 */
export interface ConnectionArgs {
  /** A connection (section) of connections.toml; used on its own, with the fields below on top. */
  profile?: string;
  account?: string;
  user?: string;
  role?: string;
  warehouse?: string;
  host?: string;
  port?: string | number;
  protocol?: string;
}
