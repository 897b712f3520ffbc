// Reading a whole REST collection (or as much as a caller needs) page by page: `showLimit` rows per request,
// continued with `fromName` from the last name seen (rows come sorted by name). Used by coalesced reads and by
// lookups, so both page the same way.
import { RestClient } from "../client/rest-client";

export type Row = Record<string, unknown>;

export interface PagedListOptions {
  /** Filters the list operation takes (like, startsWith). */
  query?: Record<string, string>;
  /** Rows per request (sent as showLimit); undefined: one request without showLimit. */
  pageRows?: number;
  /** Whether to continue with fromName after a full page. */
  continues: boolean;
  maxPages: number;
  /** What identifies a row, so a page that starts at the last row seen does not repeat it. */
  keyOf(row: Row): string;
  /** Stop once this many rows are enough. */
  enough?(rows: number): boolean;
  /** The list answers many operations at once (coalesced reads): RestRequest.shared. */
  shared?: boolean;
}

export async function listPages(client: RestClient, path: string, options: PagedListOptions): Promise<Map<string, Row>> {
  const rows = new Map<string, Row>();
  let fromName: string | undefined;
  for (let page = 0; page < options.maxPages; page++) {
    const query = { ...options.query, ...(options.pageRows !== undefined ? { showLimit: String(options.pageRows) } : {}), ...(fromName ? { fromName } : {}) };
    const body = (await client.request<unknown>({ method: "GET", path, query, shared: options.shared })).body;
    if (!Array.isArray(body)) throw new Error(`Snowflake answered GET ${path} with ${JSON.stringify(body)?.slice(0, 200)}, not a list`);
    const before = rows.size;
    for (const row of body as Row[]) if (typeof row?.name === "string") rows.set(options.keyOf(row), row);
    // A short page is the last; so is one that adds nothing (FROM may or may not repeat the row it starts at).
    if (!options.continues || body.length < (options.pageRows ?? Infinity) || rows.size === before || options.enough?.(rows.size)) break;
    fromName = String(body[body.length - 1].name);
  }
  return rows;
}
