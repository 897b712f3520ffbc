// Reads of several objects of one collection answered by one list call (issue: a refresh of 1000 schemas was 1000
// GETs). Only for types whose list returns the same model as the GET of one object (schema.yaml listSchemas
// returns Schema). Reads that arrive within a short window are gathered: one of them alone is a plain GET; two or
// more list the collection once, and later reads of it are answered from that listing until any request through
// the same client that may change something (RestClient.writeCount: every method but GET, SQL statements
// included), or until it is a minute old. A write can change any listing (a dropped database takes its schemas),
// so every write outdates them all.
import { RestClient } from "../client/rest-client";
import { storedName } from "./identifiers";
import { listPages, Row } from "./paged-list";

/** How long reads are gathered before deciding between a GET and a list. */
export const GATHER_MS = 5;
/** A listing older than this is not used: a refresh sees the collection as it is while the refresh runs. */
export const LISTING_TTL_MS = 60_000;
/** The largest page Snowflake returns (common.yaml showLimit: 1..10000). */
const PAGE_ROWS = 10_000;
const MAX_PAGES = 20;


/** What a gathered read learns: the object's row, "absent" (the full listing has no such name), or "get" (read it alone). */
export type GatheredRead = { row: Row } | "absent" | "get";

interface Listing {
  startedAt: number;
  rows: Promise<Map<string, Row>>;
}

interface Gathering {
  names: Map<string, ((read: GatheredRead) => void)[]>;
  failures: ((error: unknown) => void)[];
}

class ClientListings {
  readonly listings = new Map<string, Listing & { generation: number }>();
  readonly gathering = new Map<string, Gathering>();
}

const byClient = new WeakMap<RestClient, ClientListings>();

function listingsOf(client: RestClient): ClientListings {
  let listings = byClient.get(client);
  if (!listings) byClient.set(client, (listings = new ClientListings()));
  return listings;
}

/** The row of `storedName` in the collection at `collectionPath`, gathered with other reads of it (see above). */
export function gatheredRead(client: RestClient, collectionPath: string, storedName: string, paged: boolean): Promise<GatheredRead> {
  const state = listingsOf(client);
  const key = collectionPath;
  const listing = state.listings.get(key);
  if (listing && listing.generation === client.writeCount && Date.now() - listing.startedAt < LISTING_TTL_MS) return pick(listing.rows, storedName);
  return new Promise<GatheredRead>((resolve, reject) => {
    let gathering = state.gathering.get(key);
    if (!gathering) {
      const fresh: Gathering = (gathering = { names: new Map(), failures: [] });
      state.gathering.set(key, fresh);
      setTimeout(() => decide(client, state, key, paged, fresh), GATHER_MS);
    }
    const waiting = gathering.names.get(storedName) ?? [];
    waiting.push(resolve);
    gathering.names.set(storedName, waiting);
    gathering.failures.push(reject);
  });
}

function decide(client: RestClient, state: ClientListings, collectionPath: string, paged: boolean, gathering: Gathering): void {
  const key = collectionPath;
  state.gathering.delete(key);
  const waiters = [...gathering.names.values()].flat();
  if (waiters.length === 1) return waiters[0]("get");
  const generation = client.writeCount;
  const rows = listAll(client, collectionPath, paged);
  const listing = { startedAt: Date.now(), rows, generation };
  state.listings.set(key, listing);
  rows.catch(() => { if (state.listings.get(key) === listing) state.listings.delete(key); });
  for (const [name, resolvers] of gathering.names) {
    pick(rows, name).then((read) => resolvers.forEach((resolve) => resolve(read)), (error) => gathering.failures.forEach((reject) => reject(error)));
  }
}

async function pick(rows: Promise<Map<string, Row>>, storedName: string): Promise<GatheredRead> {
  const listed = await rows;
  const row = listed.get(storedName);
  if (row) return { row };
  // A listing cut short (more pages than we read) cannot say a name is absent.
  return listed.size >= PAGE_ROWS * MAX_PAGES ? "get" : "absent";
}

/**
 * Every row of the collection: page by page where the list is paged (`fromName` continues from the last name seen;
 * rows are sorted by name), else in one answer.
 */
async function listAll(client: RestClient, collectionPath: string, paged: boolean): Promise<Map<string, Row>> {
  // Lists print a name that needs quotes with them ("my schema"); reads look rows up by the name as stored.
  return listPages(client, collectionPath, { pageRows: paged ? PAGE_ROWS : undefined, continues: paged, maxPages: MAX_PAGES, keyOf: (row) => storedName(String(row.name)), shared: true });
}
