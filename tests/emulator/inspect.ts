// Test hooks reach objects by their REST path, e.g. /api/v2/databases/DB/schemas/S/tables/T.
import type { CatalogObject, Container } from "./catalog/catalog";
import { collectionOf } from "./catalog/catalog";
import { parsePathIdentifier } from "./identifiers";
import type { AccountState } from "./state";

export function objectAtPath(account: AccountState, apiPath: string): CatalogObject {
  const segments = apiPath.replace(/^\/api\/v2\//, "").split("/");
  let container: Container = account.catalog;
  let object: CatalogObject | undefined;
  for (let index = 0; index + 1 < segments.length; index += 2) {
    object = collectionOf(container, segments[index]).get(parsePathIdentifier(segments[index + 1], segments[index]));
    if (!object) throw new Error(`no object at ${apiPath}`);
    container = object;
  }
  if (!object) throw new Error(`no object at ${apiPath}`);
  return object;
}
