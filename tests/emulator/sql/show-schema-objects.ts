// SHOW <schema objects> for the types whose kinds have no SHOW of their own (tasks, pipes, Iceberg tables,
// artifact repositories and services do): the provider lists a database's schema objects with them, IN DATABASE,
// to learn what its schemas still hold before dropping them. Each answers the columns its SHOW command's docs list
// first (created_on, name, database_name, schema_name, owner); the type-specific columns that follow are not
// emulated, since nothing reads them (but functions' external access integrations, below). Scopes and refusals
// are those of showInAccount.
import type { CatalogObject } from "../catalog/catalog";
import type { ResultSet, SessionFacts } from "./select";
import { text, timestamp } from "./select";
import { CREATED_ON, DATABASE_NAME, NAME, OWNER, SCHEMA_NAME, type ShowColumn, showInAccount } from "./show-in-account";
import { epochSeconds } from "./show";
import type { TokenStream } from "./token-stream";

const LEADING = [CREATED_ON, NAME, DATABASE_NAME, SCHEMA_NAME, OWNER];

// SHOW USER FUNCTIONS / SHOW USER PROCEDURES docs, Output: created_on, name, schema_name, ... catalog_name (the
// database); these outputs have no database_name or owner column.
const schemaOf = (object: CatalogObject) => object.parent as CatalogObject;
const CALLABLE: ShowColumn[] = [
  { column: timestamp("created_on"), value: (object) => epochSeconds(object.createdOn) },
  NAME,
  { column: text("schema_name"), value: (object) => schemaOf(object).name },
  { column: text("catalog_name"), value: (object) => (schemaOf(object).parent as CatalogObject).name },
];
// external_access_integrations, the one type-specific column read (to find the code an external access
// integration's replacement would break). Its place in SHOW FUNCTIONS output is from Snowflake's Terraform
// provider (its row model has it after `secrets`), not from the docs page read; it is printed as SHOW SERVICES
// prints its list (`[A,B]`, NULL for none), which is not confirmed for functions. SHOW USER PROCEDURES has the
// column too but Snowflake leaves it NULL (the Terraform provider's tests, SNOW-1850370), so procedures answer NULL.
function accessIntegrationsOf(object: CatalogObject): string | null {
  const names = (object.values.language_config as { external_access_integrations?: string[] } | undefined)?.external_access_integrations;
  return names?.length ? `[${names.join(",")}]` : null;
}
const FUNCTION_COLUMNS: ShowColumn[] = [...CALLABLE, { column: text("external_access_integrations", true), value: accessIntegrationsOf }];
const PROCEDURE_COLUMNS: ShowColumn[] = [...CALLABLE, { column: text("external_access_integrations", true), value: () => null }];

/** The SHOW words, the emulator collections whose objects they list, and their columns. */
const LISTINGS: [words: string, collections: string[], columns: ShowColumn[]][] = [
  // SHOW TABLES docs; its output lists dynamic tables (2024_03 bundle, is_dynamic) and event tables (2023_05 bundle,
  // is_event) too. Iceberg tables are listed here as well (the output has is_iceberg; not confirmed for every kind).
  ["TABLES", ["tables", "dynamic-tables", "event-tables", "iceberg-tables"], LEADING],
  ["DYNAMIC TABLES", ["dynamic-tables"], LEADING],
  ["EVENT TABLES", ["event-tables"], LEADING],
  ["VIEWS", ["views"], LEADING],
  ["STAGES", ["stages"], LEADING],
  ["STREAMS", ["streams"], LEADING],
  ["ALERTS", ["alerts"], LEADING],
  ["SEQUENCES", ["sequences"], LEADING],
  ["TAGS", ["tags"], LEADING],
  ["SECRETS", ["secrets"], LEADING],
  ["NOTEBOOKS", ["notebooks"], LEADING],
  ["STREAMLITS", ["streamlits"], LEADING],
  ["NETWORK RULES", ["network-rules"], LEADING],
  ["PASSWORD POLICIES", ["password-policies"], LEADING],
  ["IMAGE REPOSITORIES", ["image-repositories"], LEADING],
  ["CORTEX SEARCH SERVICES", ["cortex-search-services"], LEADING],
  // Service functions are user-defined functions bound to a service (CREATE FUNCTION ... SERVICE = ...).
  ["USER FUNCTIONS", ["user-defined-functions", "functions"], FUNCTION_COLUMNS],
  ["USER PROCEDURES", ["procedures"], PROCEDURE_COLUMNS],
];

const HANDLERS = LISTINGS.map(([words, collections, columns]) => ({ words: words.split(" "), run: showInAccount(words, collections, columns) }));

/** SHOW <words> ... when the stream (past SHOW) starts with one of the listings' words; undefined otherwise. */
export function showSchemaObjects(stream: TokenStream, session: SessionFacts): ResultSet | undefined {
  const handler = HANDLERS.find(({ words }) => words.every((word, index) => {
    const token = stream.peek(index);
    return token?.type === "word" && token.value.toUpperCase() === word;
  }));
  if (!handler) return undefined;
  stream.next();
  return handler.run(stream, session);
}
