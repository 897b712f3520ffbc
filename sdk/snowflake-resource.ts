// The base of every generated resource class: one serialized provider per type, the user's args with an automatic
// name and every output pre-set (a dynamic resource only exposes outputs present in its props), and secret
// properties stored encrypted.
import * as pulumi from "@pulumi/pulumi";
import { providerFor } from "./provider";
import { resourceProps } from "./resource-props";
import { ConnectionArgs } from "./types";

/** Inputs every resource takes. */
export interface CommonArgs {
  /** Per-resource connection, e.g. `{ profile: "dr" }` to manage this object in a second account. */
  connection?: pulumi.Input<ConnectionArgs>;
  /**
   * Take an object that already exists under management and converge it to the declared settings. Pulumi cannot
   * `import` dynamic resources (pulumi/pulumi#3550), so this is how existing objects are adopted. Default false:
   * creating an object that already exists fails instead of silently taking it over.
   */
  adoptExisting?: pulumi.Input<boolean>;
}

/** Outputs every Snowflake resource has. */
export abstract class SnowflakeResource extends pulumi.dynamic.Resource {
  /** e.g. `ANALYTICS.RAW`; quoted parts where the name needs quotes. */
  declare readonly fullyQualifiedName: pulumi.Output<string>;
  /** The account the object lives in (upper case). Moving a resource to another account replaces it. */
  declare readonly account: pulumi.Output<string>;

  protected constructor(type: string, name: string, args: object, outputNames: string[], secretOutputs: string[], opts?: pulumi.CustomResourceOptions) {
    // Secret properties go in as secrets (so state keeps the inputs encrypted too) and come out as secrets.
    const props = resourceProps(type, name, args, outputNames);
    for (const key of secretOutputs) if (props[key] !== undefined) props[key] = pulumi.secret(props[key]);
    const additionalSecretOutputs = [...(opts?.additionalSecretOutputs ?? []), ...secretOutputs];
    super(providerFor(type), name, props, { ...opts, additionalSecretOutputs }, "snowflake", type);
  }
}
