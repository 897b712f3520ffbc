// A lookup's arguments checked before any request: each error names the function and the argument. Identity
// arguments are judged by the definition's own field kinds, so a name is refused exactly as a resource's would be.
import { RESOURCE_CONNECTION_KEYS } from "../connection/resource-connection";
import { Properties, ResourceDefinition } from "./definition";
import { canonicalIdentifier } from "./identifiers";
import { LookupArgumentError } from "./lookup-errors";
import { LookupShape, pluralOf } from "./lookup-shape";

/** The most rows one SHOW answers (common.yaml showLimit: 1..10000). */
export const MAX_LIST_LIMIT = 10_000;

export interface ListFilter {
  like?: string;
  startsWith?: string;
  limit?: number;
}

/** The text of an argument for messages: short, never a credential (connection settings hold none). */
const shown = (value: unknown) => (typeof value === "string" ? JSON.stringify(value.slice(0, 80)) : JSON.stringify(value) ?? String(value));

function argumentsObject(functionName: string, args: unknown): Record<string, unknown> {
  if (args === null || typeof args !== "object" || Array.isArray(args)) throw new LookupArgumentError(functionName, "args", `must be an object, not ${shown(args)}`);
  return args as Record<string, unknown>;
}

function refuseStrangers(functionName: string, args: Record<string, unknown>, allowed: string[]): void {
  const strangers = Object.keys(args).filter((key) => !allowed.includes(key) && args[key] !== undefined);
  if (strangers.length) throw new LookupArgumentError(functionName, strangers.join(", "), `is not an argument of ${functionName}; it takes ${allowed.join(", ")}`);
}

function checkedConnection(functionName: string, connection: unknown): Properties | undefined {
  if (connection === undefined) return undefined;
  if (connection === null || typeof connection !== "object" || Array.isArray(connection)) throw new LookupArgumentError(functionName, "connection", "must be an object such as { profile: \"dr\" }");
  for (const [key, value] of Object.entries(connection)) {
    if (!(RESOURCE_CONNECTION_KEYS as readonly string[]).includes(key)) throw new LookupArgumentError(functionName, `connection.${key}`, `is not a connection setting; allowed: ${RESOURCE_CONNECTION_KEYS.join(", ")} (credentials come from stack config, SNOWFLAKE_* variables or connections.toml)`);
    if (value !== undefined && typeof value !== "string" && typeof value !== "number") throw new LookupArgumentError(functionName, `connection.${key}`, `must be a string, not ${shown(value)}`);
  }
  return connection as Properties;
}

/** One identity argument (a container or the name), checked by the definition's own field kind. */
function identityValue(functionName: string, definition: ResourceDefinition, key: string, value: unknown, identifier: boolean): string {
  const field = definition.fields[key];
  const what = field.identity === "parent" ? `the ${key} the ${definition.noun} is in` : `the ${definition.noun}'s ${key}`;
  if (value === undefined || value === null || value === "") throw new LookupArgumentError(functionName, key, `is required: ${what}`);
  if (typeof value !== "string") throw new LookupArgumentError(functionName, key, `must be a string, not ${shown(value)}`);
  const problem = field.kind.problem(value);
  if (problem) throw new LookupArgumentError(functionName, key, `${shown(value)} is not allowed: ${problem}`);
  return identifier ? canonicalIdentifier(value) : value;
}

function containerOf(functionName: string, definition: ResourceDefinition, shape: LookupShape, args: Record<string, unknown>): Properties {
  const container: Properties = {};
  for (const key of shape.parents) container[key] = identityValue(functionName, definition, key, args[key], true);
  const connection = checkedConnection(functionName, args.connection);
  if (connection) container.connection = connection;
  return container;
}

/** The properties that identify the object (and its connection); `signature` for types that overload names. */
export function checkedGetArgs(functionName: string, definition: ResourceDefinition, shape: LookupShape, input: unknown): { identity: Properties; signature?: string } {
  const args = argumentsObject(functionName, input);
  const allowed = [...shape.parents, shape.nameKey, ...(shape.signature ? ["signature"] : []), "connection"];
  refuseStrangers(functionName, args, allowed);
  const identity = containerOf(functionName, definition, shape, args);
  identity[shape.nameKey] = identityValue(functionName, definition, shape.nameKey, args[shape.nameKey], shape.nameIsIdentifier);
  if (!shape.signature) return { identity };
  const signature = args.signature;
  if (typeof signature !== "string" || !/^\(.*\)$/s.test(signature.trim())) {
    throw new LookupArgumentError(functionName, "signature", `is required: the argument types in parentheses, e.g. "(NUMBER, VARCHAR)" or "()" (${pluralOf(definition.noun)} overload names), not ${shown(signature)}`);
  }
  return { identity, signature: signature.trim() };
}

function optionalText(functionName: string, key: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value === "") throw new LookupArgumentError(functionName, key, `must be a non-empty string, not ${shown(value)}`);
  return value;
}

/** The container to list in (and its connection), and the filters. */
export function checkedListArgs(functionName: string, definition: ResourceDefinition, shape: LookupShape, input: unknown): { container: Properties; filter: ListFilter } {
  const args = argumentsObject(functionName, input ?? {});
  refuseStrangers(functionName, args, [...shape.parents, "like", "startsWith", "limit", "connection"]);
  const container = containerOf(functionName, definition, shape, args);
  const filter: ListFilter = { like: optionalText(functionName, "like", args.like), startsWith: optionalText(functionName, "startsWith", args.startsWith) };
  if (args.limit !== undefined) {
    const limit = args.limit;
    if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) throw new LookupArgumentError(functionName, "limit", `must be an integer from 1 to ${MAX_LIST_LIMIT}, not ${shown(limit)}`);
    filter.limit = limit;
  }
  return { container, filter };
}
