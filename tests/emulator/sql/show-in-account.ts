// SHOW <schema objects> [ LIKE '<pattern>' ] IN { ACCOUNT | DATABASE <db> }, for the listings the provider reads to
// find the objects that use an integration or volume (a task's error_integration, an Iceberg table's
// external_volume_name) and what a database's schemas still hold before they are dropped. Rows carry names as
// stored, unquoted (SHOW output prints `my table`, not `"my table"`), sorted by database, schema and name. Other
// scopes (IN SCHEMA, no IN) and STARTS WITH / LIMIT are not emulated and are refused, not guessed.
import type { CatalogObject } from "../catalog/catalog";
import { ErrorCodes } from "../errors";
import { likePatternToRegExp } from "../listing";
import { collectionOf } from "../catalog/catalog";
import { findDatabase, SCHEMAS, schemaObjectsOf } from "../rest/lookup";
import { ownerOf } from "../rest/render";
import { type Column, type ResultSet, type SessionFacts, SHOW_TYPE_ID, text, timestamp } from "./select";
import { epochSeconds } from "./show";
import type { TokenStream } from "./token-stream";
import { SqlError } from "./tokens";

/** A column of the listing and how an object fills it. */
export interface ShowColumn { column: Column; value(object: CatalogObject): string | null }

const schemaOf = (object: CatalogObject) => object.parent as CatalogObject;
const databaseOf = (object: CatalogObject) => schemaOf(object).parent as CatalogObject;

/** The columns every schema object's SHOW begins with (created_on, name, database_name, schema_name, owner). */
export const CREATED_ON: ShowColumn = { column: timestamp("created_on"), value: (object) => epochSeconds(object.createdOn) };
export const NAME: ShowColumn = { column: text("name"), value: (object) => object.name };
export const DATABASE_NAME: ShowColumn = { column: text("database_name"), value: (object) => databaseOf(object).name };
export const SCHEMA_NAME: ShowColumn = { column: text("schema_name"), value: (object) => schemaOf(object).name };
export const OWNER: ShowColumn = { column: text("owner"), value: (object) => String(ownerOf(object).owner) };

/** A column holding a stored value as it is (a name, unquoted), or null when unset. */
export const storedValue = (wire: string, nullable = true): ShowColumn => ({ column: text(wire, nullable), value: (object) => (object.values[wire] === undefined || object.values[wire] === null ? null : String(object.values[wire])) });

/**
 * The SHOW handler for one collection: `words` are what follows SHOW ("TASKS", or "ARTIFACT REPOSITORIES"), the
 * first of which is the kind's sqlShows key; the stream arrives past it.
 */
export function showInAccount(words: string, collection: string | string[], columns: ShowColumn[]) {
  const [, ...rest] = words.split(" ");
  const collections = typeof collection === "string" ? [collection] : collection;
  return (stream: TokenStream, session: SessionFacts): ResultSet => {
    for (const word of rest) stream.expect(word);
    const like = stream.accept("LIKE") ? likePatternToRegExp(stream.string()) : undefined;
    let objects: CatalogObject[];
    if (stream.accept("IN", "ACCOUNT")) {
      objects = collections.flatMap((name) => schemaObjectsOf(session.account, name));
    } else if (stream.accept("IN", "DATABASE")) {
      // SHOW <objects> docs, IN DATABASE <db_name>: the objects of every schema of that database. A database that
      // does not exist fails like any statement naming it (002003 "... does not exist or not authorized").
      const schemas = [...collectionOf(findDatabase(session.account, stream.identifier()), SCHEMAS).values()];
      objects = collections.flatMap((name) => schemas.flatMap((schema) => [...collectionOf(schema, name).values()]));
    } else {
      throw new SqlError(ErrorCodes.sqlCompilation, "0A000", `SQL compilation error:\nthe emulator answers SHOW ${words} only IN ACCOUNT or IN DATABASE <name>.`);
    }
    stream.expectEnd();
    const key = (object: CatalogObject) => [databaseOf(object).name, schemaOf(object).name, object.name].join("\u0000");
    objects = objects
      .filter((object) => !like || like.test(object.name))
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    return { columns: columns.map(({ column }) => column), rows: objects.map((object) => columns.map(({ value }) => value(object))), statementTypeId: SHOW_TYPE_ID };
  };
}
