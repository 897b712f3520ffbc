import * as pulumi from "@pulumi/pulumi";
import { CONTAINER_PARAMETER_OUTPUTS, ContainerParameterArgs } from "./container-args";
import { ContainerResource } from "./container-resource";
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
export class Database extends ContainerResource {
  constructor(name: string, args: DatabaseArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(providerFor("Database"), name,
      resourceProps("Database", name, args, ["name", "kind", ...CONTAINER_PARAMETER_OUTPUTS, "owner", "createdOn"]),
      opts, "snowflake", "Database");
  }
}
