// Value types shared by the resource classes.
import * as pulumi from "@pulumi/pulumi";

/** Warehouse sizes; Snowflake's other spellings (`X-SMALL`, `2X-LARGE`, any case) are accepted too. */
export type WarehouseSize = "XSMALL" | "SMALL" | "MEDIUM" | "LARGE" | "XLARGE" | "XXLARGE" | "XXXLARGE" | "X4LARGE" | "X5LARGE" | "X6LARGE" | (string & {});
export type WarehouseType = "STANDARD" | "SNOWPARK-OPTIMIZED" | (string & {});
export type ScalingPolicy = "STANDARD" | "ECONOMY" | (string & {});
/** PERMANENT (default) or TRANSIENT (no Fail-safe); fixed at creation, so a change replaces the object. */
export type ContainerKind = "PERMANENT" | "TRANSIENT" | (string & {});
export type LogLevel = "TRACE" | "DEBUG" | "INFO" | "WARN" | "ERROR" | "FATAL" | "OFF" | (string & {});
export type TraceLevel = "ALWAYS" | "ON_EVENT" | "OFF" | (string & {});

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

/** Inputs every resource takes. */
export interface CommonArgs {
  /** Per-resource connection, e.g. `{ profile: "dr" }` to manage this object in a second account. */
  connection?: pulumi.Input<ConnectionArgs>;
  /**
   * Take an object that already exists under management and converge it to the declared settings. Pulumi cannot
   * `import` dynamic resources (pulumi/pulumi#3550), so this is how existing objects are adopted. Default false:
   * creating an object that already exists fails instead of silently taking it over.
   */
  adoptExisting?: boolean;
}
