// What this process deleted through a client, in order: a listing of what exists, taken before some of those
// deletions and followed by no other write (RestClient.additionCount), is brought up to date by taking away what
// was deleted once it had been asked for: a deletion that ended after the listing was sent may or may not show in
// it, and is gone either way (resources/database-inventory.ts proves schemas empty that way).
import { RestClient } from "../client/rest-client";
import { Properties, ResourceDefinition } from "./definition";
import { identityOf } from "./mapper";
import { storedName } from "./identifiers";

export interface Deletion {
  definition: ResourceDefinition;
  /** Parent names as stored (database, schema, ...). */
  parents: Record<string, string>;
  name: string;
  /** The log's clock once the deletion had succeeded. */
  doneAt: number;
}

class DeletionLog {
  private clock = 0;
  readonly deletions: Deletion[] = [];
  /** A point in the log's order: deletions recorded later were done after it. */
  now(): number {
    return ++this.clock;
  }
}

const logs = new WeakMap<RestClient, DeletionLog>();

export function deletionLog(client: RestClient): DeletionLog {
  let log = logs.get(client);
  if (!log) logs.set(client, (log = new DeletionLog()));
  return log;
}

/** Runs `drop` and, once it succeeded, records the deletion with the time it was done. */
export async function loggedDeletion(client: RestClient, definition: ResourceDefinition, properties: Properties, drop: () => Promise<void>): Promise<void> {
  const log = deletionLog(client);
  await drop();
  const { parents, name } = identityOf(definition, properties);
  log.deletions.push({ definition, parents: Object.fromEntries(Object.entries(parents).map(([key, value]) => [key, storedName(value)])), name: storedName(name), doneAt: log.now() });
}
