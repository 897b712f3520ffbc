// Connection settings a resource may carry; the value types of properties are generated (sdk/generated/types.ts).
import type * as pulumi from "@pulumi/pulumi";

/**
 * Where a resource lives, when not where the stack's connection points: a connections.toml connection name
 * (`profile`) and/or settings. Never secrets (resource inputs are stored in state): credentials come from stack
 * config secrets, SNOWFLAKE_* variables or connections.toml.
 */
export interface ConnectionArgs {
  /** A connection (section) of connections.toml; used on its own, with the fields below on top. */
  profile?: pulumi.Input<string>;
  /** E.g. an Account's `name` output, to deploy into an account the same program creates. */
  account?: pulumi.Input<string>;
  /** The user to log in as (its key or password comes from config, SNOWFLAKE_* variables or connections.toml). */
  user?: pulumi.Input<string>;
  /** The role the provider's statements run as. */
  role?: pulumi.Input<string>;
  /** The warehouse for statements that need one. */
  warehouse?: pulumi.Input<string>;
  /** The host to reach instead of `<account>.snowflakecomputing.com` (a private link, an emulator). */
  host?: pulumi.Input<string>;
  /** The port on `host`. Default: the protocol's (443 for https). */
  port?: pulumi.Input<string | number>;
  /** `https` (default) or `http` (an emulator on localhost). */
  protocol?: pulumi.Input<string>;
}
