import * as pulumi from "@pulumi/pulumi";
import { CONTAINER_PARAMETER_OUTPUTS, ContainerParameterArgs } from "./container-args";
import { ContainerResource } from "./container-resource";
import { providerFor } from "./provider";
import { resourceProps } from "./resource-props";
import { CommonArgs, ContainerKind } from "./types";

export interface SchemaArgs extends CommonArgs, ContainerParameterArgs {
  /** The database the schema lives in (e.g. `db.name`); changing it replaces the schema. */
  database: pulumi.Input<string>;
  /** Identifier; unquoted names are upper-cased by Snowflake, "quoted" names kept exactly. Default: derived from the resource name. Changing it replaces the schema. */
  name?: pulumi.Input<string>;
  /** PERMANENT (default) or TRANSIENT; a change replaces the schema. */
  kind?: pulumi.Input<ContainerKind>;
  /** Managed access: only the schema owner grants privileges on its objects. Default false. */
  managedAccess?: pulumi.Input<boolean>;
  pipeExecutionPaused?: pulumi.Input<boolean>;
}

/** A schema (REST: /api/v2/databases/{database}/schemas). The id is `DATABASE.SCHEMA`. */
export class Schema extends ContainerResource {
  declare readonly database: pulumi.Output<string>;
  declare readonly managedAccess: pulumi.Output<boolean | undefined>;
  declare readonly pipeExecutionPaused: pulumi.Output<boolean | undefined>;

  constructor(name: string, args: SchemaArgs, opts?: pulumi.CustomResourceOptions) {
    super(providerFor("Schema"), name,
      resourceProps("Schema", name, args, ["database", "name", "kind", "managedAccess", "pipeExecutionPaused", ...CONTAINER_PARAMETER_OUTPUTS, "owner", "createdOn"]),
      opts, "snowflake", "Schema");
  }
}
