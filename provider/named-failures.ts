// Every error a provider method reports names what failed, once, in front: the operation and the resource (its
// type as the program declares it, and its fully qualified name), e.g. "create Database ANALYTICS: ...". What
// follows is what the engine, the REST client or the SQL API said: the request (method and path), Snowflake's
// code and request id, or the network cause. A message that already names the resource (the engine's
// "database ANALYTICS already exists") gets only the operation, and one that names both is left as it is.
import { NetworkError, RetryTimeoutError, SnowflakeApiError } from "./client/errors";
import { ResourceDefinition, Properties } from "./engine/definition";
import type { ResourceEngine } from "./engine/engine";
import { fullyQualifiedName } from "./engine/mapper";
import { UNKNOWN } from "./engine/unknowns";

export type ProviderOperation = "check" | "diff" | "create" | "read" | "update" | "delete";

export interface FailureTarget {
  /** The resource class, e.g. "Database". */
  resourceType: string;
  definition: ResourceDefinition;
  /** Pulumi's id of the resource (its fully qualified name), when it has one. */
  id?: string;
  /** The properties that name the object: the new inputs for check, diff, create and update, else the state. */
  properties: Properties;
}

/** Runs one provider method; its failure is rethrown as an error naming the operation and the resource. */
export async function withNamedFailures<T>(operation: ProviderOperation, target: FailureTarget, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw namedFailure(operation, target, error);
  }
}

/** The engine's methods as the dynamic provider calls them, each failure naming its operation and resource. */
export function namedMethods(resourceType: string, engine: ResourceEngine) {
  const target = (properties: Properties | undefined, id?: string): FailureTarget => ({ resourceType, definition: engine.definition, id, properties: properties ?? {} });
  return {
    check: (olds: Properties, news: Properties) => withNamedFailures("check", target(news), () => engine.check(olds, news)),
    diff: (id: string, olds: Properties, news: Properties) => withNamedFailures("diff", target(news, id), () => engine.diff(id, olds, news)),
    create: (inputs: Properties) => withNamedFailures("create", target(inputs), () => engine.create(inputs)),
    read: (id: string, props: Properties) => withNamedFailures("read", target(props, id), () => engine.read(id, props)),
    update: (id: string, olds: Properties, news: Properties) => withNamedFailures("update", target(news, id), () => engine.update(id, olds, news)),
    delete: (id: string, props: Properties) => withNamedFailures("delete", target(props, id), () => engine.delete(id, props)),
  };
}

/** A new error (the original stays its cause, unchanged: a failed login's error is shared by many resources). */
export function namedFailure(operation: ProviderOperation, target: FailureTarget, error: unknown): Error {
  const fqn = knownName(target);
  const message = describeCause(error);
  const lower = message.toLowerCase();
  const namesResource = fqn !== undefined && lower.includes(`${target.definition.noun} ${fqn}`.toLowerCase());
  let text: string;
  // "cannot update database X: ..." and "database X cannot be deleted: ..." already say both.
  if (namesResource && (lower.startsWith(`cannot ${operation} `) || lower.includes(`cannot be ${operation}d`))) text = message;
  // The engine's own words name the resource ("warehouse WH already exists; ..."): only the operation is added.
  else if (namesResource) text = `${operation}: ${message}`;
  else text = `${[operation, target.resourceType, fqn].filter(Boolean).join(" ")}: ${message}`;
  return new Error(text, { cause: error });
}

/** The fully qualified name when every part of it is known (at preview a computed name is not), else the id. */
function knownName(target: FailureTarget): string | undefined {
  try {
    const name = fullyQualifiedName(target.definition, target.properties);
    if (!name.includes(UNKNOWN) && !/\bundefined\b/.test(name)) return name;
  } catch {
    // Properties too incomplete to name the object (a check failure's): the id, if any, names it.
  }
  return target.id || undefined;
}

// Low-level codes of sockets, DNS and TLS (undici, node:net, node:tls): a failure before any answer.
const NETWORK_CODE = /^(E[A-Z]+|UND_ERR_[A-Z_]+|ERR_(SSL|TLS)_[A-Z_]+|[A-Z_]*CERT[A-Z_]*)$/;

function describeCause(error: unknown): string {
  if (error instanceof SnowflakeApiError || error instanceof NetworkError || error instanceof RetryTimeoutError) return error.message;
  // Not `instanceof Error`: errors made by Node's own TLS and socket code come from another realm under test runners.
  const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown };
  if (typeof message !== "string") return String(error);
  // A socket or TLS failure the HTTP layer passed on as it came: never just the socket's words.
  if (typeof code === "string" && NETWORK_CODE.test(code) && !message.includes("no answer from Snowflake")) {
    return `no answer from Snowflake (${code}: ${message})`;
  }
  return message;
}
