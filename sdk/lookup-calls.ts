// What the generated lookup functions (sdk/generated/lookups.ts) call. The engine is loaded on the first call, not
// at import, so a program that looks nothing up pays nothing for lookups. The stack config is the program's own
// (pulumi.Config("snowflake")): the same settings the provider host hands resources, resolved the same way.
import * as pulumi from "@pulumi/pulumi";
import { LookupArgumentError } from "../provider/engine/lookup-errors";
import type * as runtime from "../provider/lookup-runtime";
import { ConnectionArgs } from "./types";

export { LookupArgumentError, LookupNotFoundError } from "../provider/engine/lookup-errors";

/** Where a lookup reads, when not where the stack's connection points (the same settings a resource's `connection` takes). */
export interface LookupConnection {
  /** A connection (section) of connections.toml; used on its own, with the fields below on top. */
  profile?: string;
  /** Account identifier, e.g. `myorg-myaccount`. */
  account?: string;
  /** User to log in as. */
  user?: string;
  /** Role the lookup reads with (what it can see). */
  role?: string;
  /** Warehouse of the session (lookups need none). */
  warehouse?: string;
  /** Host to send requests to, e.g. the emulator's `127.0.0.1`. */
  host?: string;
  /** Port of the host. */
  port?: string | number;
  /** `https` (default) or `http`. */
  protocol?: string;
}

/** Arguments every get and list takes. */
export interface LookupArgs {
  /** Per-call connection, e.g. `{ profile: "dr" }`; default: the stack's (snowflake:* config, SNOWFLAKE_*, connections.toml). */
  connection?: LookupConnection;
}

/** Arguments every get and list taking Inputs takes. */
export interface LookupOutputArgs {
  /** Per-call connection, e.g. `{ profile: "dr" }`; default: the stack's (snowflake:* config, SNOWFLAKE_*, connections.toml). */
  connection?: pulumi.Input<ConnectionArgs>;
}

/** How a list narrows; filters the list operation lacks are applied by the SDK after it (see each list's doc). */
export interface ListFilterArgs extends LookupArgs {
  /** SQL LIKE pattern on the name, case-insensitive: `%` any run, `_` one character, e.g. "PY%". */
  like?: string;
  /** Names starting with this text, case-sensitive (stored names: unquoted names are upper case). */
  startsWith?: string;
  /** At most this many, 1 to 10000. */
  limit?: number;
}

/** How a list taking Inputs narrows (see ListFilterArgs). */
export interface ListFilterOutputArgs extends LookupOutputArgs {
  /** SQL LIKE pattern on the name, case-insensitive: `%` any run, `_` one character, e.g. "PY%". */
  like?: pulumi.Input<string>;
  /** Names starting with this text, case-sensitive (stored names: unquoted names are upper case). */
  startsWith?: pulumi.Input<string>;
  /** At most this many, 1 to 10000. */
  limit?: pulumi.Input<number>;
}

/** Options of the Output forms, as Pulumi's InvokeOutputOptions have them. */
export interface LookupOutputOptions {
  /** Resources to wait for first (a grant that lets the connection's role see the object); while one is yet to be created, the result is unknown. */
  dependsOn?: pulumi.Resource | pulumi.Resource[];
}

/** What every lookup result has besides its type's properties. */
export interface LookupResult {
  /** e.g. `ANALYTICS.RAW`; quoted parts where the name needs quotes (a resource's `fullyQualifiedName`). */
  fullyQualifiedName: string;
  /** The account the object lives in (upper case). */
  account: string;
}

let loaded: typeof runtime | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const engine = () => (loaded ??= require("../provider/lookup-runtime") as typeof runtime);

function programStackConfig(key: string): string | undefined {
  const colon = key.indexOf(":");
  return new pulumi.Config(key.slice(0, colon)).get(key.slice(colon + 1));
}

/** The plain functions take plain values: an Output passed to one is named, with the function that takes it. */
function refuseOutputs(functionName: string, args: unknown): void {
  if (!args || typeof args !== "object") return;
  for (const [key, value] of Object.entries(args)) {
    if (pulumi.Output.isInstance(value) || value instanceof Promise) throw new LookupArgumentError(functionName, key, `is an Output or a Promise; ${functionName} takes plain values, ${functionName}Output takes Inputs`);
  }
}

export async function lookupObject<T>(functionName: string, typeName: string, args: unknown): Promise<T> {
  refuseOutputs(functionName, args);
  return (await engine().lookupObject(typeName, args, programStackConfig)) as T;
}

export async function lookupObjects<T>(functionName: string, typeName: string, args: unknown): Promise<T[]> {
  refuseOutputs(functionName, args);
  return (await engine().lookupObjects(typeName, args, programStackConfig)) as T[];
}

/**
 * Whether an input comes from a resource this deployment has not created yet (its id unknown: at preview, a
 * resource to be created). Pulumi's own Output-form invokes give an unknown result then, rather than look up what
 * does not exist yet; so do these (the values of such inputs are often known at preview: a resource's declared name).
 */
async function dependsOnUncreated(inputs: pulumi.Output<unknown>): Promise<boolean> {
  for (const resource of await pulumi.getAllResources(inputs)) {
    if (pulumi.CustomResource.isInstance(resource) && !(await (resource.id as unknown as { isKnown: Promise<boolean> }).isKnown)) return true;
  }
  return false;
}

/** Runs once every input is known and every resource they come from exists; else the result is unknown, with no call. */
function whenInputsExist<T>(args: unknown, options: LookupOutputOptions | undefined, lookup: (plain: unknown) => Promise<T>): pulumi.Output<T> {
  const waitedFor = ([] as pulumi.Resource[]).concat(options?.dependsOn ?? []);
  const gate = pulumi.all(waitedFor.map((resource) => (pulumi.CustomResource.isInstance(resource) ? resource.id : resource.urn)));
  const inputs = pulumi.all([pulumi.output(args as object), gate]).apply(([plain]) => plain);
  return inputs.apply(async (plain) => ((await dependsOnUncreated(inputs)) ? (pulumi.unknown as unknown as T) : lookup(plain))) as unknown as pulumi.Output<T>;
}

export function lookupObjectOutput<T>(functionName: string, typeName: string, args: unknown, options?: LookupOutputOptions): pulumi.Output<T> {
  return whenInputsExist(args, options, (plain) => lookupObject<T>(functionName, typeName, plain));
}

export function lookupObjectsOutput<T>(functionName: string, typeName: string, args: unknown, options?: LookupOutputOptions): pulumi.Output<T[]> {
  return whenInputsExist(args, options, (plain) => lookupObjects<T>(functionName, typeName, plain));
}
