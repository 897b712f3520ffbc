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
  user?: pulumi.Input<string>;
  role?: pulumi.Input<string>;
  warehouse?: pulumi.Input<string>;
  host?: pulumi.Input<string>;
  port?: pulumi.Input<string | number>;
  protocol?: pulumi.Input<string>;
}
