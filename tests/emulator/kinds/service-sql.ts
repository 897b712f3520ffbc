// Services over SQL: the ALTER SERVICE clauses of their own (FROM SPECIFICATION / FROM @stage SPECIFICATION_FILE,
// no RENAME) and SHOW SERVICES. SET / UNSET and SUSPEND / RESUME are the generic ones (service.ts lists the
// properties).
import { type CatalogObject, collectionOf, type WireValues } from "../catalog/catalog";
import { ErrorCodes } from "../errors";
import { formatIdentifier } from "../identifiers";
import { likePatternToRegExp } from "../listing";
import { findDatabase, findSchema, SCHEMAS } from "../rest/lookup";
import { renderObject } from "../rest/render";
import { applyValues, type AlterClause } from "../sql/alter";
import { fixed, type ResultSet, type SessionFacts, SHOW_TYPE_ID, text, timestamp } from "../sql/select";
import { epochSeconds } from "../sql/show";
import type { TokenStream } from "../sql/token-stream";
import { SqlError } from "../sql/tokens";
import type { AccountState } from "../state";
import { allServices, requirePool, SERVICES, servicesOnPool } from "./service-pool";
import { DEPLOYED_SPEC } from "./service-states";

/** ALTER SERVICE ... FROM: the values re-checked with the new specification (read afresh), then the kind's alter. */
function respecify(service: CatalogObject, spec: WireValues, account: AccountState): void {
  const { [DEPLOYED_SPEC]: _before, ...rest } = service.values;
  applyValues(service, { ...rest, spec }, { account }, { asAlter: true });
}

export const serviceClauses: AlterClause[] = [
  {
    // ALTER SERVICE docs list SUSPEND / RESUME, FROM ..., RESTORE VOLUME, SET / UNSET: there is no RENAME TO.
    read(stream) {
      if (!stream.accept("RENAME")) return undefined;
      throw new SqlError(ErrorCodes.syntaxError, "42000", "SQL compilation error:\nsyntax error: ALTER SERVICE has no RENAME TO.");
    },
  },
  {
    // ALTER SERVICE docs: FROM SPECIFICATION <specification_text> ('...' or $$...$$) and
    // FROM @<stage> SPECIFICATION_FILE = '<yaml_file_stage_path>'.
    read(stream) {
      if (!stream.accept("FROM")) return undefined;
      let spec: WireValues;
      if (stream.accept("SPECIFICATION")) spec = { spec_type: "from_inline", spec_text: stream.string() };
      else {
        stream.expectSymbol("@");
        const stage = stream.qualifiedName().map(formatIdentifier).join(".");
        stream.expect("SPECIFICATION_FILE");
        stream.expectSymbol("=");
        spec = { spec_type: "from_file", stage: `@${stage}`, spec_file: stream.string() };
      }
      return (service, context) => respecify(service, spec, context.account);
    },
  },
];

// SHOW SERVICES docs: the output columns, in the order we read them there and in service.yaml's Service model
// (not confirmed column by column).
const COLUMNS = [
  text("name"), text("status"), text("database_name"), text("schema_name"), text("owner"), text("compute_pool"), text("dns_name"),
  fixed("current_instances"), fixed("target_instances"), fixed("min_ready_instances"), fixed("min_instances"), fixed("max_instances"),
  text("auto_resume"), text("external_access_integrations", true), timestamp("created_on"), timestamp("updated_on"), timestamp("resumed_on"),
  timestamp("suspended_on"), fixed("auto_suspend_secs"), text("comment", true), text("owner_role_type"), text("query_warehouse", true),
  text("is_job"), text("is_async_job"), text("spec_digest"), text("is_upgrading"),
];

function row(service: CatalogObject, account: AccountState): (string | null)[] {
  // A SHOW row is a read of the service, as a list row is (service-states.ts).
  const shown = renderObject(service, { account });
  const time = (value: unknown) => (typeof value === "string" ? epochSeconds(new Date(value)) : null);
  const textOf = (value: unknown) => (value === undefined ? null : String(value));
  const eais = shown.external_access_integrations as string[] | undefined;
  return [
    String(shown.name), String(shown.status), String(shown.database_name), String(shown.schema_name), String(shown.owner), String(shown.compute_pool),
    String(shown.dns_name), String(shown.current_instances), String(shown.target_instances), String(shown.min_ready_instances), String(shown.min_instances),
    String(shown.max_instances), String(shown.auto_resume), eais ? `[${eais.join(",")}]` : null, time(shown.created_on), time(shown.updated_on),
    time(shown.resumed_on), time(shown.suspended_on), String(shown.auto_suspend_secs), textOf(shown.comment), String(shown.owner_role_type),
    textOf(shown.query_warehouse), String(shown.is_job), String(shown.is_async_job), String(shown.spec_digest), String(shown.is_upgrading),
  ];
}

const noCurrent = (what: string) => new SqlError("090105", "22000", `Cannot perform SHOW SERVICES. This session does not have a current ${what}. Call 'USE ${what.toUpperCase()}', or use a qualified name.`);

/**
 * The services SHOW SERVICES looks at (SHOW SERVICES docs: IN ACCOUNT | DATABASE [<db>] | SCHEMA [<schema>] |
 * COMPUTE POOL <pool>). Without IN the docs' default is the current schema; the SQL API's sessions may have none,
 * and then the account is searched (not confirmed).
 */
function scope(stream: TokenStream, session: SessionFacts): CatalogObject[] {
  const { account } = session;
  const inSchema = (database: string, schema: string) => [...collectionOf(findSchema(account, database, schema), SERVICES).values()];
  if (!stream.accept("IN")) return session.database && session.schema ? inSchema(session.database, session.schema) : allServices(account);
  if (stream.accept("ACCOUNT")) return allServices(account);
  if (stream.accept("COMPUTE", "POOL")) return servicesOnPool(account, requirePool(account, stream.identifier()).name);
  if (stream.accept("DATABASE")) {
    const next = stream.peek();
    const named = next !== undefined && (next.type === "quoted" || (next.type === "word" && !["STARTS", "LIMIT"].includes(next.value.toUpperCase())));
    const name = named ? stream.identifier() : session.database;
    if (!name) throw noCurrent("database");
    return [...collectionOf(findDatabase(account, name), SCHEMAS).values()].flatMap((schema) => [...collectionOf(schema, SERVICES).values()]);
  }
  stream.expect("SCHEMA");
  const next = stream.peek();
  const named = next !== undefined && (next.type === "quoted" || (next.type === "word" && !["STARTS", "LIMIT"].includes(next.value.toUpperCase())));
  const parts = named ? stream.qualifiedName() : [];
  const [database, schema] = parts.length === 2 ? parts : [session.database, parts[0] ?? session.schema];
  if (!database || !schema) throw noCurrent(database ? "schema" : "database");
  return inSchema(database, schema);
}

/** SHOW SERVICES [ LIKE '<pattern>' ] [ IN ... ] [ STARTS WITH '<name>' ] [ LIMIT <rows> ], sorted by database, schema, name. */
function showServices(stream: TokenStream, session: SessionFacts): ResultSet {
  const like = stream.accept("LIKE") ? likePatternToRegExp(stream.string()) : undefined;
  const services = scope(stream, session);
  const startsWith = stream.accept("STARTS", "WITH") ? stream.string() : undefined;
  let limit = Number.MAX_SAFE_INTEGER;
  if (stream.accept("LIMIT")) {
    const token = stream.next();
    if (token.type !== "number" || !/^\d+$/.test(token.value)) throw stream.unexpected(token);
    limit = Number(token.value);
  }
  stream.expectEnd();
  const key = (service: CatalogObject) => [(service.parent as CatalogObject).parent, service.parent, service].map((part) => (part as CatalogObject).name).join("\u0000");
  const chosen = services
    .filter((service) => (!like || like.test(service.name)) && (startsWith === undefined || service.name.startsWith(startsWith)))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    .slice(0, limit);
  return { columns: COLUMNS, rows: chosen.map((service) => row(service, session.account)), statementTypeId: SHOW_TYPE_ID };
}

export const serviceShows: Record<string, (stream: TokenStream, session: SessionFacts) => ResultSet> = { SERVICES: showServices };
