// The generic REST handlers every object kind gets: list, create (createMode), fetch, create-or-alter, drop.
// Whatever differs between kinds is in the kind (catalog/object-kind.ts), never here.
import { CatalogObject, catalogKey, collectionOf, Container, namesakeOfOtherKind, newObject, shownKey, WireValues } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { alreadyExists, badRequest, wrongObjectType } from "../errors";
import { ok, type Outcome } from "../http";
import { formatIdentifier, parsePathIdentifier } from "../identifiers";
import { filterByName } from "../listing";
import type { RequestContext } from "../router";
import { applyFutureGrants } from "../grants/operations";
import { copyGrants } from "../grants/store";
import { readObjectBody } from "./body";
import { findIn, missingObject, parentFromPath } from "./lookup";
import { renderObject } from "./render";
import { checkCreateMode, Status } from "./status";

/** The collection key a request path names: its {name}, or the {nameWithArgs} of kinds that overload names. */
export function pathName(kind: ObjectKind, context: RequestContext): string {
  if (kind.signature && context.params.nameWithArgs !== undefined) return kind.signature.keyFromPath(context.params.nameWithArgs, { account: context.account });
  return parsePathIdentifier(context.params.name, `${kind.objectType.toLowerCase()} name`);
}

export function targetOf(kind: ObjectKind, context: RequestContext): { parent: Container; object: CatalogObject } {
  const parent = parentFromPath(kind, context.account, context.params);
  return { parent, object: findIn(kind, parent, pathName(kind, context)) };
}

/** Creates (or, replacing `existing`, recreates) an object from checked values. */
export function createObject(kind: ObjectKind, context: RequestContext, parent: Container, values: WireValues, existing?: CatalogObject): CatalogObject {
  const accepted = kind.accept ? kind.accept(values, { account: context.account, parent, query: context.query }) : values;
  const { name, ...settings } = accepted;
  const object = newObject(kind, name as string, parent, settings);
  if (kind.runState) object.facts.state = kind.runState.initial(accepted, context.query);
  collectionOf(parent, kind.collection).set(catalogKey(kind, object.name, settings, { account: context.account }), object);
  kind.created?.(object, { account: context.account }, existing);
  // CREATE OR REPLACE ... COPY GRANTS keeps the replaced object's grants, and the future grants of its schema are
  // then not applied (CREATE TABLE docs, COPY GRANTS; BCR 2026_08 for views). Otherwise it is a new object.
  if (existing && context.query.has("copyGrants") && context.query.boolean("copyGrants")) copyGrants(context.account, existing, object);
  else applyFutureGrants(object, context.account);
  return object;
}

export function listObjects(kind: ObjectKind, context: RequestContext): Outcome {
  const parent = parentFromPath(kind, context.account, context.params);
  // `deep` (tables, views, dynamic tables) adds the column lists; `history` would add dropped objects, none kept.
  const deep = context.query.has("deep") && context.query.boolean("deep");
  const members = [...collectionOf(parent, kind.collection).values()].filter((object) => kind.listFilter?.(object, context.query) ?? true);
  const rows = filterByName(members, (object) => object.name, context.query);
  return ok(rows.map((object) => renderObject(object, { account: context.account }, { omit: deep ? [] : kind.listOmits })));
}

export function createFromBody(kind: ObjectKind, context: RequestContext): Outcome {
  const parent = parentFromPath(kind, context.account, context.params);
  const values = readObjectBody(kind, context.body);
  const name = values.name as string;
  const key = catalogKey(kind, name, values, { account: context.account });
  const existing = collectionOf(parent, kind.collection).get(key);
  refuseNamesake(kind, parent, key, context.query.createMode());
  const skip = checkCreateMode(context.query.createMode(), existing !== undefined, kind.signature ? key : name);
  if (skip) return skip;
  if (existing) kind.beforeChange?.(existing);
  createObject(kind, context, parent, values, existing);
  return Status.created(kind.objectType, name);
}

/**
 * A create over a name another kind holds in the same namespace: plain CREATE fails as for an object of its own
 * kind (002002); OR REPLACE and CREATE OR ALTER do not replace an object of another type (002203). IF NOT EXISTS
 * is treated like plain CREATE -- not confirmed against a live account whether Snowflake skips it instead.
 */
function refuseNamesake(kind: ObjectKind, parent: Container, name: string, mode: string): void {
  const namesake = namesakeOfOtherKind(kind, parent, name);
  if (!namesake) return;
  if (mode === "orReplace") throw wrongObjectType(namesake.kind.sqlType, kind.sqlType);
  throw alreadyExists(shownKey(kind, name));
}

export function fetchObject(kind: ObjectKind, context: RequestContext): Outcome {
  return ok(renderObject(targetOf(kind, context).object, { account: context.account }));
}

/** PUT create-or-alter: the body is the full desired state; properties it leaves out are unset. */
export function createOrAlter(kind: ObjectKind, context: RequestContext): Outcome {
  const parent = parentFromPath(kind, context.account, context.params);
  const name = pathName(kind, context);
  const values = readObjectBody(kind, context.body);
  if (values.name !== name) {
    throw badRequest(`${kind.objectType} name in the body ('${formatIdentifier(String(values.name))}') must match the path ('${formatIdentifier(name)}').`);
  }
  const existing = collectionOf(parent, kind.collection).get(name);
  refuseNamesake(kind, parent, name, "orReplace");
  if (!existing) {
    createObject(kind, context, parent, values);
    return Status.created(kind.objectType, name);
  }
  kind.beforeChange?.(existing);
  for (const wire of kind.keptOnAlter ?? []) if (values[wire] === undefined && existing.values[wire] !== undefined) values[wire] = existing.values[wire];
  const accepted = kind.accept ? kind.accept(values, { account: context.account, parent, existing, query: context.query }) : values;
  for (const [wire, reason] of Object.entries(kind.fixedOnAlter ?? {})) {
    const before = existing.values[wire] ?? kind.defaults?.[wire];
    const after = accepted[wire] ?? kind.defaults?.[wire];
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      throw badRequest(`Cannot change ${wire} of ${kind.objectType} ${formatIdentifier(name)} from ${JSON.stringify(before ?? null)} to ${JSON.stringify(after ?? null)}: ${reason}.`);
    }
  }
  const { name: _name, ...settings } = accepted;
  kind.alter?.(existing, settings, { account: context.account });
  existing.values = settings;
  existing.updatedOn = new Date();
  return Status.executed();
}

export function dropObject(kind: ObjectKind, context: RequestContext): Outcome {
  const parent = parentFromPath(kind, context.account, context.params);
  const name = pathName(kind, context);
  // `restrict` refuses the drop when foreign keys elsewhere reference it; the emulator keeps no such references.
  if (context.query.has("restrict")) context.query.boolean("restrict");
  const members = collectionOf(parent, kind.collection);
  const object = members.get(name);
  if (!object) {
    if (context.query.boolean("ifExists")) return Status.alreadyDropped(name);
    throw missingObject(kind, parent, name);
  }
  kind.beforeDrop?.(object, { account: context.account });
  members.delete(name);
  kind.dropped?.(object, { account: context.account });
  return Status.dropped(name);
}
