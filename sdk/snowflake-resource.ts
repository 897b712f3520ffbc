import * as pulumi from "@pulumi/pulumi";

/** Outputs every Snowflake resource has. */
export abstract class SnowflakeResource extends pulumi.dynamic.Resource {
  /** e.g. `ANALYTICS.RAW`; quoted parts where the name needs quotes. Also the resource id. */
  declare readonly fullyQualifiedName: pulumi.Output<string>;
  /** The account the object lives in (upper case). Moving a resource to another account replaces it. */
  declare readonly account: pulumi.Output<string>;
}
