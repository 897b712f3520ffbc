// Routes for an object kind, from the generated operations table (provider/wire/operations.ts): the spec's paths,
// methods and query parameters, with typed checks of every parameter. Operations the emulator does not implement
// answer 501 instead of pretending.
import { OPERATIONS, type Operation, type QueryParameter } from "../../../provider/wire/operations";
import type { ObjectKind } from "../catalog/object-kind";
import { badRequest } from "../errors";
import type { Outcome } from "../http";
import type { QueryParams } from "../query";
import type { HttpMethod, RequestContext, Route } from "../router";
import { notImplemented, renameAction, runStateAction } from "./actions";
import { createFromBody, createOrAlter, dropObject, fetchObject, listObjects } from "./handlers";
import { getTags, setTags, unsetTags } from "./tags";

type Handler = (kind: ObjectKind, context: RequestContext) => Outcome;

const ITEM_HANDLERS: Record<string, Handler> = { GET: fetchObject, PUT: createOrAlter, DELETE: dropObject };
const COLLECTION_HANDLERS: Record<string, Handler> = { GET: listObjects, POST: createFromBody };
const ACTIONS: Record<string, Handler> = {
  "GET get-tags": getTags,
  "POST set-tags": setTags,
  "POST unset-tags": unsetTags,
  "POST rename": renameAction,
};

function handlerFor(kind: ObjectKind, operation: Operation, collectionPath: string): Handler | undefined {
  // The item segment is {name}, or {nameWithArgs} where Snowflake identifies objects by name and argument types.
  const itemPath = `${collectionPath}/${operation.path.startsWith(`${collectionPath}/{nameWithArgs}`) ? "{nameWithArgs}" : "{name}"}`;
  if (operation.path === collectionPath) return COLLECTION_HANDLERS[operation.method];
  if (operation.path === itemPath) return ITEM_HANDLERS[operation.method];
  if (!operation.path.startsWith(itemPath)) return kind.collectionOperations?.[`${operation.method} ${operation.path.slice(collectionPath.length)}`];
  const own = operation.path.startsWith(itemPath) ? kind.operations?.[`${operation.method} ${operation.path.slice(itemPath.length)}`] : undefined;
  if (own) return own;
  if (!operation.path.startsWith(`${itemPath}:`)) return undefined;
  const action = operation.path.slice(itemPath.length + 1);
  if (kind.runState && operation.method === "POST" && (action === "resume" || action === "suspend")) return (k, c) => runStateAction(k, c, action);
  return ACTIONS[`${operation.method} ${action}`];
}

/** Checks every query parameter against its declaration (type, enum, range); unknown ones are 400s. */
function checkQuery(operation: Operation, query: QueryParams): void {
  query.assertOnly(operation.query.map((parameter) => parameter.name));
  for (const parameter of operation.query) {
    if (!query.has(parameter.name)) {
      if (parameter.required) throw badRequest(`Missing required query parameter '${parameter.name}'.`);
      continue;
    }
    checkParameter(parameter, query);
  }
}

function checkParameter(parameter: QueryParameter, query: QueryParams): void {
  if (parameter.type === "boolean") query.boolean(parameter.name);
  else if (parameter.type === "integer") query.integer(parameter.name, parameter.minimum ?? Number.MIN_SAFE_INTEGER, parameter.maximum ?? Number.MAX_SAFE_INTEGER);
  else if (parameter.enum && !parameter.enum.includes(query.string(parameter.name)!)) {
    throw badRequest(`Invalid value '${query.string(parameter.name)}' for query parameter '${parameter.name}': expected one of ${parameter.enum.join(", ")}.`);
  }
}

export function collectionPathOf(kind: ObjectKind): string {
  const base = kind.scope === "account" ? "/api/v2" : kind.scope === "database" ? "/api/v2/databases/{database}" : "/api/v2/databases/{database}/schemas/{schema}";
  return `${base}/${kind.collection}`;
}

export function kindRoutes(kind: ObjectKind): Route[] {
  const collectionPath = collectionPathOf(kind);
  // Literal paths under the collection first (compute-pools/instance-families), so `{name}` does not take them.
  const templated = (operation: Operation) => (operation.path.slice(collectionPath.length).includes("{") ? 1 : 0);
  const operations = OPERATIONS.filter((operation) => operation.spec === kind.spec).sort((a, b) => templated(a) - templated(b));
  if (!operations.some((operation) => operation.path === collectionPath)) throw new Error(`emulator bug: ${kind.spec}.yaml has no ${collectionPath}`);
  return operations.map((operation) => {
    const handler = handlerFor(kind, operation, collectionPath);
    return {
      method: operation.method as HttpMethod,
      path: operation.path,
      query: "any",
      body: operation.body !== undefined,
      optionalBody: !operation.bodyRequired,
      handler: (context: RequestContext) => {
        checkQuery(operation, context.query);
        return handler ? handler(kind, context) : notImplemented(operation.operationId);
      },
    } as Route;
  });
}
