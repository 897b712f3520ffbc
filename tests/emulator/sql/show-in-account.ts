// SHOW <schema objects> [ LIKE '<pattern>' ] IN ACCOUNT, for the listings the provider reads to find the objects
// that use an integration or volume (a task's error_integration, an Iceberg table's external_volume_name). Rows
// carry names as stored, unquoted (SHOW output prints `my table`, not `"my table"`), sorted by database, schema and
// name. Other scopes (IN DATABASE / SCHEMA, STARTS WITH, LIMIT) are not emulated and are refused, not guessed.
import type { CatalogObject } from "../catalog/catalog";
import { ErrorCodes } from "../errors";
import { likePatternToRegExp } from "../listing";
import { schemaObjectsOf } from "../rest/lookup";
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
export function showInAccount(words: string, collection: string, columns: ShowColumn[]) {
  const [, ...rest] = words.split(" ");
  return (stream: TokenStream, session: SessionFacts): ResultSet => {
    for (const word of rest) stream.expect(word);
    const like = stream.accept("LIKE") ? likePatternToRegExp(stream.string()) : undefined;
    if (!stream.accept("IN", "ACCOUNT")) throw new SqlError(ErrorCodes.sqlCompilation, "0A000", `SQL compilation error:\nthe emulator answers SHOW ${words} only IN ACCOUNT.`);
    stream.expectEnd();
    const key = (object: CatalogObject) => [databaseOf(object).name, schemaOf(object).name, object.name].join("\u0000");
    const objects = schemaObjectsOf(session.account, collection)
      .filter((object) => !like || like.test(object.name))
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    return { columns: columns.map(({ column }) => column), rows: objects.map((object) => columns.map(({ value }) => value(object))), statementTypeId: SHOW_TYPE_ID };
  };
}
