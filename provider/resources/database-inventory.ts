// Proving a schema empty before it is dropped without listing each of its collections (issue: a destroy of 1000
// schemas sent 24 GETs per schema and spent its time queueing for connections). One SHOW <objects> IN DATABASE
// per listed type answers for every schema of the database at once; the inventory is shared by the schema deletes
// of a destroy: it stays true while this client only deletes (RestClient.additionCount), what was deleted once it
// had been asked for is taken away (engine/deletion-log.ts), and it is at most INVENTORY_TTL_MS old, which bounds how
// long an object someone else creates in the meantime goes unseen. While deletes keep asking, the next inventory is
// taken before the current one expires (on the shared-read connections), so no delete waits for one mid-destroy.
// It only ever proves emptiness: a schema it shows anything in is listed exactly (container-contents.ts), so a
// refusal names what is really there.
import { connectionsPerOrigin, RestClient } from "../client/rest-client";
import { executeSql, rowObjects } from "../client/sql-api";
import { deletionLog } from "../engine/deletion-log";
import { ResourceDefinition } from "../engine/definition";
import { identifier, keyword, sql } from "../sql/sql-text";

/** How long one inventory proves schemas empty (the window in which others' new objects go unseen). */
export const INVENTORY_TTL_MS = 5_000;
/** Age at which the next inventory is taken while the current one still answers (an inventory takes ~2 round trips). */
export const INVENTORY_RENEWAL_MS = 3_000;
/** SHOW outputs stop at 10,000 rows (SHOW <objects> docs, LIMIT): a full answer cannot prove an absence. */
const SHOW_ROW_CAP = 10_000;

/** A schema-level collection path; its group is the collection (`tables`). Also read by container-contents.ts. */
export const SCHEMA_COLLECTION = /^\/api\/v2\/databases\/\{database\}\/schemas\/\{schema\}\/([a-z-]+)$/;
/** Types that share the table namespace (a name is one object among them), and SHOW TABLES lists them all. */
const TABLE_LISTINGS = new Set(["TABLES", "DYNAMIC TABLES", "EVENT TABLES", "ICEBERG TABLES"]);
const namespaceOf = (listing: string) => (TABLE_LISTINGS.has(listing) ? "TABLES" : listing);

const plural = (words: string) => words.replace(/Y$/, "IE") + "S";
export const listingOf = (definition: ResourceDefinition): string | undefined => definition.sqlListing ?? (definition.sqlObjectType && plural(definition.sqlObjectType));

/** The SHOW words that list every schema-level type, or undefined when some type has none (no proof possible). */
function listings(definitions: ResourceDefinition[]): string[] | undefined {
  const byCollection = new Map<string, Set<string>>();
  for (const definition of definitions) {
    const collection = SCHEMA_COLLECTION.exec(definition.collectionPath)?.[1];
    if (!collection) continue;
    const words = listingOf(definition);
    const known = byCollection.get(collection) ?? new Set<string>();
    if (words) known.add(words);
    byCollection.set(collection, known);
  }
  if ([...byCollection.values()].some((words) => words.size === 0)) return undefined;
  return [...new Set([...byCollection.values()].flatMap((words) => [...words]))].sort();
}

interface Inventory {
  /** Per namespace, per schema: how many objects of each name. */
  counts: Map<string, Map<string, Map<string, number>>>;
  /** The deletion log's clock before the SHOWs were sent. */
  askedAt: number;
}

interface Pending {
  startedMs: number;
  additionsAtStart: number;
  inventory: Promise<Inventory | undefined>;
  /** Settled: the inventory can answer without waiting. */
  answered: boolean;
  /** The renewal taken while this one still answers. */
  next?: Pending;
}

const byClient = new WeakMap<RestClient, Map<string, Pending>>();

/**
 * `renewal`: taken while another still answers, on the shared-read connections. Otherwise every delete waits for
 * it, so it takes every connection there is: the operations' first (they are idle), the shared-read ones beside.
 */
async function takeInventory(client: RestClient, database: string, words: string[], renewal: boolean): Promise<Inventory | undefined> {
  const counts = new Map<string, Map<string, Map<string, number>>>();
  const askedAt = deletionLog(client).now();
  const results = await Promise.all(words.map((listing, index) => executeSql(client, sql`SHOW ${keyword(listing)} IN DATABASE ${identifier(database)}`, { shared: renewal || index >= connectionsPerOrigin() })));
  for (const [index, result] of results.entries()) {
    if (result.rows.length >= SHOW_ROW_CAP) return undefined;
    const namespace = namespaceOf(words[index]);
    const schemas = counts.get(namespace) ?? new Map<string, Map<string, number>>();
    counts.set(namespace, schemas);
    for (const row of rowObjects(result)) {
      const schema = String(row.schema_name);
      const names = schemas.get(schema) ?? new Map<string, number>();
      schemas.set(schema, names);
      names.set(String(row.name), (names.get(String(row.name)) ?? 0) + 1);
    }
  }
  return { counts, askedAt };
}

function taken(client: RestClient, database: string, words: string[], renewal: boolean): Pending {
  const pending: Pending = { startedMs: Date.now(), additionsAtStart: client.additionCount, answered: false, inventory: Promise.resolve(undefined) };
  pending.inventory = takeInventory(client, database, words, renewal).catch(() => undefined).finally(() => { pending.answered = true; });
  return pending;
}

function inventoryOf(client: RestClient, database: string, words: string[]): Promise<Inventory | undefined> {
  const pending = byClient.get(client) ?? new Map<string, Pending>();
  byClient.set(client, pending);
  const valid = (candidate: Pending | undefined): candidate is Pending =>
    candidate !== undefined && candidate.additionsAtStart === client.additionCount && Date.now() - candidate.startedMs < INVENTORY_TTL_MS;
  let current = pending.get(database);
  // A renewal that has answered (or the only one still valid) takes over.
  if (valid(current?.next) && (current!.next!.answered || !valid(current))) pending.set(database, (current = current!.next!));
  if (!valid(current)) {
    const fresh = taken(client, database, words, false);
    pending.set(database, fresh);
    return fresh.inventory;
  }
  if (current.answered && !valid(current.next) && Date.now() - current.startedMs >= INVENTORY_RENEWAL_MS) current.next = taken(client, database, words, true);
  return current.inventory;
}

/**
 * True when the schema (names as stored) is shown to hold nothing; false when it may hold something (then list it
 * exactly). Deletions are taken away only where a name is one object (not overloaded functions and procedures).
 */
export async function provedEmpty(client: RestClient, definitions: ResourceDefinition[], database: string, schema: string): Promise<boolean> {
  const words = listings(definitions);
  if (!words) return false;
  const inventory = await inventoryOf(client, database, words);
  if (!inventory) return false;
  const deleted = new Map<string, Set<string>>();
  for (const deletion of deletionLog(client).deletions) {
    const words = listingOf(deletion.definition);
    // Done before the SHOWs were sent: anything by that name they show was made since (by someone else).
    if (deletion.doneAt < inventory.askedAt || !words || deletion.definition.signature) continue;
    if (deletion.parents.database !== database || deletion.parents.schema !== schema) continue;
    const names = deleted.get(namespaceOf(words)) ?? new Set<string>();
    deleted.set(namespaceOf(words), names.add(deletion.name));
  }
  for (const [namespace, schemas] of inventory.counts) {
    const names = schemas.get(schema);
    if (!names) continue;
    for (const name of names.keys()) if (!deleted.get(namespace)?.has(name)) return false;
  }
  return true;
}
