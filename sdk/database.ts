import * as pulumi from "@pulumi/pulumi";
import { CONTAINER_PARAMETER_OUTPUTS, ContainerParameterArgs } from "./container-args";
import { providerFor } from "./provider";
import { resourceProps } from "./resource-props";
import { CommonArgs, ContainerKind } from "./types";

export interface DatabaseArgs extends CommonArgs, ContainerParameterArgs {
  /** Identifier; unquoted names are upper-cased by Snowflake, "quoted" names kept exactly. Default: derived from the resource name. Changing it replaces the database. */
  name?: pulumi.Input<string>;
  /** PERMANENT (default) or TRANSIENT; a change replaces the database. */
  kind?: pulumi.Input<ContainerKind>;
}

/** A database (REST: /api/v2/databases). Snowflake gives it PUBLIC and INFORMATION_SCHEMA schemas. The id is its name. */
export class Database extends pulumi.dynamic.Resource {
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
  declare readonly fullyQualifiedName: pulumi.Output<string>;

  constructor(name: string, args: DatabaseArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(providerFor("Database"), name,
      resourceProps("Database", name, args, ["name", "kind", ...CONTAINER_PARAMETER_OUTPUTS, "owner", "createdOn"]),
      opts, "snowflake", "Database");
  }
}
