// Lookups: one object by name, or a collection's objects, read with the engine's own ObjectApi and mapped by the
// mapper, so a result has the property names and normalized values a resource of the type has after a refresh.
// Generic over definitions (lookup-shape.ts says what each type offers). Only reads -- GETs, and SHOW / DESCRIBE for
// the types reached through SQL (sql-object/sql-list.ts): a lookup never changes anything.
import { NotFoundError } from "../client/errors";
import { RestClient } from "../client/rest-client";
import { Properties, ResourceDefinition } from "./definition";
import type { Connector } from "./engine";
import { identifierFor, qualifiedName, storedName } from "./identifiers";
import { checkedGetArgs, checkedListArgs, ListFilter, MAX_LIST_LIMIT } from "./lookup-args";
import { LookupArgumentError, LookupNotFoundError } from "./lookup-errors";
import { ListShape, lookupAvailability, LookupShape, pluralOf } from "./lookup-shape";
import { narrowedRows, sentFilter } from "./list-filter";
import { listPages, Row } from "./paged-list";
import { fullyQualifiedName, LiveObject, liveProperties, stateFrom, withoutNulls } from "./mapper";
import { ObjectApi } from "./object-api";
import { identityOfShownRow, listShownRows, readShownRow } from "./sql-object/sql-list";
import type { ShownRow } from "./sql-object/sql-object";
import { withAttachedReads } from "./readiness";

/** Listed objects read one by one (types whose list rows are not whole snapshots) this many at a time. */
const READS_AT_ONCE = 4;
const MAX_PAGES = 20;


export const getFunctionName = (typeName: string) => `get${typeName}`;
export const listFunctionName = (typeName: string) => `list${pluralOf(typeName)}`;

function shapeFor(definition: ResourceDefinition, functionName: string): LookupShape {
  const availability = lookupAvailability(definition);
  if ("skipped" in availability) throw new Error(`${functionName}: ${definition.typeName} has no lookups: ${availability.skipped}`);
  return availability.shape;
}

/** The result: the object as a refreshed resource of its type reports it, plus the account it is in. */
function snapshotOf(definition: ResourceDefinition, identity: Properties, live: LiveObject, account: string): Properties {
  const { connection: _connection, ...where } = identity;
  const declared = { ...where, ...liveProperties(definition, live) };
  return { ...stateFrom(definition, declared, live), account };
}

/** One object; rejects with LookupNotFoundError when there is none by that name. */
export async function getObject(definition: ResourceDefinition, connector: Connector, args: unknown): Promise<Properties> {
  const functionName = getFunctionName(definition.typeName);
  const shape = shapeFor(definition, functionName);
  const { identity, signature } = checkedGetArgs(functionName, definition, shape, args);
  // The signature the caller names goes into the object path in place of the one a resource derives from its arguments.
  const addressed = signature === undefined ? definition : { ...definition, signature: () => signature };
  const account = connector.accountOf(identity);
  const api = new ObjectApi(addressed, connector.clientFor(identity));
  // Tags are read too (one more GET) where the type has them: a lookup reports what a resource declaring them would.
  const live = await withAttachedReads(api, identity, await api.fetch(identity, Boolean(definition.tags)));
  if (!live) {
    const name = fullyQualifiedName(addressed, identity);
    throw new LookupNotFoundError(functionName, definition.typeName, name, account, `${definition.noun} ${name}`);
  }
  return snapshotOf(definition, identity, live, account);
}

/** The collection's objects, narrowed by the filter, in Snowflake's order (by name). */
export async function listObjects(definition: ResourceDefinition, connector: Connector, args: unknown): Promise<Properties[]> {
  const functionName = listFunctionName(definition.typeName);
  const shape = shapeFor(definition, functionName);
  if (!shape.list) throw new Error(`${functionName}: ${definition.typeName} has no list: ${shape.noList}`);
  const { container, filter } = checkedListArgs(functionName, definition, shape, args);
  const account = connector.accountOf(container);
  const api = new ObjectApi(definition, connector.clientFor(container));
  let rows: Row[];
  try {
    rows = definition.sqlObject ? await listShownRows(api, shape, container, filter) : await listRows(api.client, api.collectionPath(container), shape.list, filter);
  } catch (error) {
    if (!(error instanceof NotFoundError) || !shape.parents.length) throw error;
    const where = qualifiedName(shape.parents.map((key) => String(container[key])));
    throw new LookupNotFoundError(functionName, definition.typeName, where, account, `${shape.parents.join(" / ")} ${where}`, `list ${pluralOf(definition.noun)} in`);
  }
  if (definition.sqlObject) {
    // SHOW rows: each completed as get completes its row (no request where the row is the whole snapshot).
    const read = async (row: Row): Promise<Properties | undefined> => {
      const identity = identityOfShownRow(shape, container, row as ShownRow);
      const live = await withAttachedReads(api, identity, await readShownRow(api, identity, row as ShownRow));
      return live && snapshotOf(definition, identity, live, account);
    };
    return (await inBatches(rows, read)).filter((result): result is Properties => result !== undefined);
  }
  const path = api.collectionPath(container);
  const identityOfRow = (row: Row): Properties => ({ ...container, [shape.nameKey]: identifierFor(storedName(String(row.name))) });
  if (shape.list.rowsAreSnapshots) {
    const results: Properties[] = [];
    for (const row of rows) {
      const identity = identityOfRow(row);
      const live = await withAttachedReads(api, identity, await api.liveObject(identity, path, row, false));
      results.push(snapshotOf(definition, identity, live!, account));
    }
    return results;
  }
  // The rows are summaries: each object is read as a resource's refresh reads it (one GET each).
  const read = async (row: Row): Promise<Properties | undefined> => {
    const identity = identityOfRow(row);
    const addressed = definition.signature ? { ...definition, signature: () => definition.signature!(liveProperties(definition, { snapshot: row })) } : definition;
    const rowApi = new ObjectApi(addressed, api.client);
    const live = await withAttachedReads(rowApi, identity, await rowApi.fetch(identity, false));
    // Dropped between the list and its read: it is not in the collection any more.
    return live && snapshotOf(definition, identity, live, account);
  };
  return (await inBatches(rows, read)).filter((result): result is Properties => result !== undefined);
}

async function inBatches<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, items.length) }, worker));
  return results;
}

/**
 * The collection's rows that pass the filter. Each filter goes to Snowflake where the list operation takes it
 * (list-filter.ts); the rest is applied here. The limit goes to Snowflake only when every filter did too.
 */
async function listRows(client: RestClient, path: string, list: ListShape, filter: ListFilter): Promise<Row[]> {
  const sent = sentFilter(list, filter);
  const query: Record<string, string> = {};
  if (sent.like !== undefined) query.like = sent.like;
  if (sent.startsWith !== undefined) query.startsWith = sent.startsWith;
  const pageSize = list.showLimit && sent.allSent && filter.limit !== undefined ? filter.limit : MAX_LIST_LIMIT;
  const paged = list.showLimit && list.fromName;
  // Keyed by the whole row, not the name: overloads of a function share their name.
  const rows = await listPages(client, path, {
    query,
    pageRows: list.showLimit && (paged || pageSize < MAX_LIST_LIMIT) ? pageSize : undefined,
    continues: Boolean(paged),
    maxPages: MAX_PAGES,
    keyOf: (row) => JSON.stringify(row),
    enough: (count) => sent.allSent && count >= (filter.limit ?? Infinity),
  });
  return narrowedRows([...rows.values()].map((row) => withoutNulls(row) as Row), list, filter, (row) => storedName(String(row.name)));
}

export { LookupArgumentError, LookupNotFoundError };
