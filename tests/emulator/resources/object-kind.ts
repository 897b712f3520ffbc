// The `kind` of databases and schemas: body property plus the deprecated `kind` query parameter.
import { checkEnum } from "../body";
import { OBJECT_KINDS, RetentionLimits, type ObjectKind } from "../defaults";
import { badRequest } from "../errors";
import type { QueryParams } from "../query";

/**
 * Returns the requested kind, or undefined when neither the body nor the query names one.
 * database.yaml / schema.yaml `kind` query parameter (deprecated): "transient", "permanent" or "" (= permanent).
 */
export function requestedKind(model: string, bodyKind: string | undefined, query: QueryParams): ObjectKind | undefined {
  const fromBody =
    bodyKind === undefined ? undefined : (checkEnum(model, "kind", bodyKind, OBJECT_KINDS) as ObjectKind);
  const queryText = query.string("kind");
  const fromQuery =
    queryText === undefined ? undefined : queryText === "" ? "PERMANENT" : (checkQueryKind(queryText) as ObjectKind);
  if (fromBody && fromQuery && fromBody !== fromQuery) {
    throw badRequest(`Conflicting kind: body says ${fromBody} but query parameter 'kind' says ${queryText}.`);
  }
  return fromBody ?? fromQuery;
}

function checkQueryKind(value: string): string {
  const upper = value.toUpperCase();
  if (!(OBJECT_KINDS as readonly string[]).includes(upper)) {
    throw badRequest(`Invalid value '${value}' for query parameter 'kind': expected transient, permanent or empty.`);
  }
  return upper;
}

/** Largest DATA_RETENTION_TIME_IN_DAYS allowed for an object of this kind. */
export function maxRetentionDays(kind: ObjectKind): number {
  return kind === "TRANSIENT" ? RetentionLimits.maxTransientRetentionDays : RetentionLimits.maxRetentionDays;
}

/** SHOW DATABASES / SHOW SCHEMAS `options` column: TRANSIENT and/or MANAGED ACCESS, comma-separated. */
export function optionsText(kind: ObjectKind, managedAccess = false): string {
  return [kind === "TRANSIENT" ? "TRANSIENT" : undefined, managedAccess ? "MANAGED ACCESS" : undefined]
    .filter(Boolean)
    .join(", ");
}

export function immutableKindError(model: string, name: string, from: ObjectKind, to: ObjectKind) {
  return badRequest(
    `Cannot change kind of ${model} ${name} from ${from} to ${to}: ` +
      "kind is fixed at creation (recreate the object instead)."
  );
}
