// A list lookup of a type reached through SQL: SHOW <show> [ LIKE '<pattern>' ] [ IN DATABASE | SCHEMA <container> ],
// then each row read as get reads the object (completedSqlObject: DESCRIBE, a system function, another SHOW where
// the type needs them). SHOW prints names as stored, unquoted.
//
// Only LIKE and the IN scope are sent: every one of these SHOW commands takes them (SHOW RESOURCE MONITORS, FILE
// FORMATS, MASKING POLICIES, ROW ACCESS POLICIES, SHARES and SHOW { STORAGE | EXTERNAL ACCESS | SECURITY }
// INTEGRATIONS docs: `[ LIKE '<pattern>' ]`, `[ IN ... ]` for schema objects). STARTS WITH and LIMIT are not on all
// of them (SHOW INTEGRATIONS and SHOW FILE FORMATS take neither), so startsWith and limit are applied after the list.
// A type word before INTEGRATIONS lists integrations of that type only (SHOW INTEGRATIONS docs), which is how a
// storage integration's list leaves out the account's other integrations; SHOW SHARES's inbound rows are left out by
// the definition's isOwnRow. Not confirmed against a live account: where SHOW sorts a quoted mixed-case name among
// unquoted ones (the docs say only "by name"), so results keep SHOW's order and no test relies on it.
import { NotFoundError } from "../../client/errors";
import type { Properties } from "../definition";
import { identifierFor } from "../identifiers";
import { narrowedRows, sentFilter } from "../list-filter";
import type { ListFilter } from "../lookup-args";
import type { ListShape, LookupShape } from "../lookup-shape";
import type { LiveObject } from "../mapper";
import type { ObjectApi } from "../object-api";
import { completedSqlObject, isDoesNotExist, showRows, ShownRow } from "./sql-object";

/** The identity of a SHOW row's object in the container: its stored name as an identifier. */
export const identityOfShownRow = (shape: LookupShape, container: Properties, row: ShownRow): Properties => ({ ...container, [shape.nameKey]: identifierFor(String(row.name)) });

/**
 * The container's rows that pass the filter, by name. A container that does not exist rejects with NotFoundError,
 * as a REST list's 404 does (the caller names it).
 */
export async function listShownRows(api: ObjectApi, shape: LookupShape, container: Properties, filter: ListFilter): Promise<ShownRow[]> {
  const list: ListShape = shape.list!;
  let rows: ShownRow[];
  try {
    rows = await showRows(api, shape.parents.map((key) => String(container[key])), sentFilter(list, filter).like);
  } catch (error) {
    if (!isDoesNotExist(error)) throw error;
    throw new NotFoundError({ status: 404, code: error.code, message: error.serverMessage, method: error.method, path: error.path, requestId: error.requestId });
  }
  return narrowedRows(rows, list, filter, (row) => String(row.name));
}

/** A listed object as get reads it; undefined when it was dropped between the list and its DESCRIBE. */
export async function readShownRow(api: ObjectApi, identity: Properties, row: ShownRow): Promise<LiveObject | undefined> {
  try {
    return await completedSqlObject(api, identity, row);
  } catch (error) {
    if (isDoesNotExist(error)) return undefined;
    throw error;
  }
}
