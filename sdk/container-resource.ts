import * as pulumi from "@pulumi/pulumi";
import { SnowflakeResource } from "./snowflake-resource";

/** Outputs databases and schemas share (their container parameters and read-only fields). */
export abstract class ContainerResource extends SnowflakeResource {
  declare readonly name: pulumi.Output<string>;
  declare readonly kind: pulumi.Output<string | undefined>;
  declare readonly comment: pulumi.Output<string | undefined>;
  declare readonly dataRetentionTimeInDays: pulumi.Output<number | undefined>;
  declare readonly maxDataExtensionTimeInDays: pulumi.Output<number | undefined>;
  declare readonly defaultDdlCollation: pulumi.Output<string | undefined>;
  declare readonly logLevel: pulumi.Output<string | undefined>;
  declare readonly traceLevel: pulumi.Output<string | undefined>;
  declare readonly suspendTaskAfterNumFailures: pulumi.Output<number | undefined>;
  declare readonly userTaskManagedInitialWarehouseSize: pulumi.Output<string | undefined>;
  declare readonly userTaskTimeoutMs: pulumi.Output<number | undefined>;
  declare readonly serverlessTaskMinStatementSize: pulumi.Output<string | undefined>;
  declare readonly serverlessTaskMaxStatementSize: pulumi.Output<string | undefined>;
  declare readonly owner: pulumi.Output<string>;
  declare readonly createdOn: pulumi.Output<string>;
}
