// Value types shared by the resource classes.

/** Warehouse sizes; Snowflake's other spellings (`X-SMALL`, `2X-LARGE`, any case) are accepted too. */
export type WarehouseSize = "XSMALL" | "SMALL" | "MEDIUM" | "LARGE" | "XLARGE" | "XXLARGE" | "XXXLARGE" | "X4LARGE" | "X5LARGE" | "X6LARGE" | (string & {});
export type WarehouseType = "STANDARD" | "SNOWPARK-OPTIMIZED" | (string & {});
export type ScalingPolicy = "STANDARD" | "ECONOMY" | (string & {});
/** PERMANENT (default) or TRANSIENT (no Fail-safe); fixed at creation, so a change replaces the object. */
export type ContainerKind = "PERMANENT" | "TRANSIENT" | (string & {});
export type LogLevel = "TRACE" | "DEBUG" | "INFO" | "WARN" | "ERROR" | "FATAL" | "OFF" | (string & {});
export type TraceLevel = "ALWAYS" | "ON_EVENT" | "OFF" | (string & {});

/** Inputs every resource takes. */
export interface CommonArgs {
  /**
   * Take an object that already exists under management and converge it to the declared settings. Pulumi cannot
   * `import` dynamic resources (pulumi/pulumi#3550), so this is how existing objects are adopted. Default false:
   * creating an object that already exists fails instead of silently taking it over.
   */
  adoptExisting?: boolean;
}
