// Reading one object through its collection's list, for types whose spec has no GET of one object (role.yaml
// listRoles, database-role.yaml listDatabaseRoles). The list is narrowed by the object's name as far as the list
// allows, and the row is then picked by exact stored name: a LIKE pattern matches case-insensitively and a FROM
// cursor returns the names after it too, so neither filter alone says which row is the object.
import { NotFoundError } from "../client/errors";
import { ListRead, Properties } from "./definition";
import { storedName } from "./identifiers";
import { identityOf, LiveObject } from "./mapper";
import type { ObjectApi } from "./object-api";

/**
 * Rows asked for from the FROM cursor. One would do if the name's own row always came first; a few more cost
 * nothing and tolerate an ordering of quoted mixed-case names we could not confirm against a live account
 * (SHOW DATABASE ROLES docs: "rows following the first row whose object name matches", lexicographic order).
 */
export const FROM_NAME_PAGE = 10;

/** A stored name as a LIKE pattern matching only itself: `\` escapes `_`, `%` and `\` (common.yaml `like`, SQL LIKE). */
export function exactLikePattern(stored: string): string {
  return stored.replace(/[\\_%]/g, (char) => `\\${char}`);
}

/** The list's query parameters that narrow it to the stored name. */
export function listQueryFor(read: ListRead, stored: string): Record<string, string> {
  // fromName compares case-sensitively against the stored name (common.yaml fromName; SHOW ... FROM docs).
  return read.nameQuery === "like" ? { like: exactLikePattern(stored) } : { fromName: stored, showLimit: String(FROM_NAME_PAGE) };
}

/** The object as its list row; undefined when no row has exactly its name (or its container is gone). */
export async function fetchFromList(api: ObjectApi, properties: Properties, withTags: boolean): Promise<LiveObject | undefined> {
  const { definition, client } = api;
  const path = api.collectionPath(properties);
  const stored = storedName(identityOf(definition, properties).name);
  let body: unknown;
  try {
    body = (await client.request({ method: "GET", path, query: listQueryFor(definition.readByList!, stored) })).body;
  } catch (error) {
    // The container (a database role's database) is gone, and the object with it.
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
  if (!Array.isArray(body)) throw new Error(`Snowflake answered GET ${path} with ${JSON.stringify(body)?.slice(0, 200)}, not a list of ${definition.noun}s`);
  // Rows print names as identifiers (quoted where needed): compare them as stored names.
  const row = body.find((candidate) => typeof candidate?.name === "string" && storedName(candidate.name) === stored);
  if (!row) return undefined;
  return api.liveObject(properties, path, row, withTags);
}
