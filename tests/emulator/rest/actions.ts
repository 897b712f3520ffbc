// The object actions the emulator implements for every kind that has them in its spec: :rename, :resume,
// :suspend, and the tag actions (rest/tags.ts). Other actions of the specs answer 501.
import { CatalogObject, catalogKey, collectionOf, namesakeOfOtherKind, shownKey } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { alreadyExists, ApiError, ErrorCodes } from "../errors";
import type { Outcome } from "../http";
import { parseIdentifier } from "../identifiers";
import type { RequestContext } from "../router";
import type { AccountState } from "../state";
import { readObjectBody } from "./body";
import { findDatabase, findSchema, missingObject, parentFromPath } from "./lookup";
import { pathName } from "./handlers";
import { Status } from "./status";

/** Runs an action on an existing object; with ifExists a missing one is a successful no-op. */
export function withObject(kind: ObjectKind, context: RequestContext, action: (object: CatalogObject) => void): Outcome {
  const parent = parentFromPath(kind, context.account, context.params);
  const name = pathName(kind, context);
  const object = collectionOf(parent, kind.collection).get(name);
  if (!object) {
    if (context.query.has("ifExists") && context.query.boolean("ifExists")) return Status.executed();
    throw missingObject(kind, parent, name);
  }
  kind.beforeChange?.(object);
  action(object);
  object.updatedOn = new Date();
  return Status.executed();
}

/** Moves an object to a new name (and, where the spec offers targetDatabase/targetSchema, another schema). */
export function renameObject(object: CatalogObject, newName: string, account: AccountState, target?: { database?: string; schema?: string }): void {
  const { kind } = object;
  let parent = object.parent;
  if (target?.database || target?.schema) {
    const [database, schema] = [target.database ?? storedParentNames(object)[0], target.schema ?? storedParentNames(object)[1]];
    parent = schema ? findSchema(account, database, schema) : findDatabase(account, database);
  }
  const destination = collectionOf(parent, kind.collection);
  // Kinds that overload names keep their signature under the new name (renameUserDefinedFunction).
  const [oldKey, newKey] = [object.name, newName].map((name) => catalogKey(kind, name, object.values, { account }));
  if ((destination.has(newKey) && destination.get(newKey) !== object) || namesakeOfOtherKind(kind, parent, newKey)) throw alreadyExists(shownKey(kind, newKey));
  collectionOf(object.parent, kind.collection).delete(oldKey);
  object.name = newName;
  object.parent = parent;
  destination.set(newKey, object);
}

function storedParentNames(object: CatalogObject): string[] {
  const names: string[] = [];
  for (let current = object.parent; "kind" in current; current = (current as CatalogObject).parent) names.unshift((current as CatalogObject).name);
  return names;
}

export function renameAction(kind: ObjectKind, context: RequestContext): Outcome {
  return withObject(kind, context, (object) => {
    // warehouse.yaml renameWarehouse takes the object's body under its new name; the others take query parameters.
    const newName = context.query.has("targetName")
      ? parseIdentifier(context.query.string("targetName"), "targetName")
      : (readObjectBody(kind, context.body).name as string);
    const target = { database: optionalIdentifier(context, "targetDatabase"), schema: optionalIdentifier(context, "targetSchema") };
    renameObject(object, newName, context.account, target);
  });
}

function optionalIdentifier(context: RequestContext, parameter: string): string | undefined {
  const value = context.query.string(parameter);
  return value === undefined ? undefined : parseIdentifier(value, parameter);
}

export function runStateAction(kind: ObjectKind, context: RequestContext, verb: "resume" | "suspend"): Outcome {
  const runState = kind.runState!;
  return withObject(kind, context, (object) => {
    const wanted = verb === "resume" ? "running" : "suspended";
    const refusal = object.facts.state === wanted ? runState.refusesNoop?.(object, verb === "resume" ? "resumed" : "suspended") : undefined;
    if (refusal) throw refusal;
    runState.beforeTransition?.(object, wanted, { account: context.account });
    object.facts.state = wanted;
    object.facts.resumedOn = wanted === "running" ? new Date() : object.facts.resumedOn;
  });
}

export function notImplemented(operationId: string): never {
  throw new ApiError(501, ErrorCodes.notImplemented, `The Snowflake emulator does not implement ${operationId}.`);
}
