// What the emulator knows about one Snowflake object type. Shapes (fields, types, required, read-only) come from the
// generated wire models and routes from the generated operations table; a kind holds only Snowflake's behaviour:
// defaults, inheritance, normalization, refusals, derived values and state machines, each citing its source.
import type { z } from "zod";
import type { ApiError } from "../errors";
import type { Outcome } from "../http";
import type { QueryParams } from "../query";
import type { RequestContext } from "../router";
import type { AccountState } from "../state";
import type { AlterClause } from "../sql/alter";
import type { Column, ResultSet, SessionFacts } from "../sql/select";
import type { TokenStream } from "../sql/token-stream";
import type { CatalogObject, Container, WireValues } from "./catalog";

export interface KindContext {
  account: AccountState;
}

export interface AcceptContext extends KindContext {
  parent: Container;
  /** The request's query (a few creates take options there, e.g. the deprecated `kind`). */
  query?: QueryParams;
  /** The object a PUT or ALTER changes in place, if any (not the one a createMode=orReplace replaces). */
  existing?: CatalogObject;
}

export interface ParameterSpec {
  /** Snowflake's default when set nowhere (Parameters docs). */
  default: unknown;
}

export interface RunStateSpec {
  /** The wire property reporting the state. */
  wire: string;
  running: string;
  suspended: string;
  /** The state a new object starts in, from its values and the create's query (compute-pool.yaml initiallySuspended). */
  initial(values: WireValues, query: QueryParams): "running" | "suspended";
  /** When resuming a running object (or suspending a suspended one) is an error, the error; undefined: a no-op. */
  refusesNoop?(object: CatalogObject, verb: "resumed" | "suspended"): ApiError | undefined;
  /**
   * Called by :resume / :suspend and ALTER ... RESUME | SUSPEND just before the state changes: throws ApiError to
   * refuse (a task graph whose root runs), and may record what the change implies (a task graph's version).
   */
  beforeTransition?(object: CatalogObject, wanted: "running" | "suspended", context: KindContext): void;
}

/**
 * An object type REST v2 has no endpoints for, reached only through SQL (sql/ddl.ts): CREATE, SHOW, DESCRIBE, DROP,
 * and ALTER through the kind's sqlProperties / sqlClauses like any other kind. Such a kind has no REST routes.
 */
export interface SqlObjectSpec {
  /** The words SHOW lists them under ("RESOURCE MONITORS"). */
  show: string;
  /** SHOW's columns in Snowflake's order, and how an object fills each (the SHOW <type> docs' output). */
  columns: readonly { column: Column; value(object: CatalogObject, context: KindContext): string | null }[];
  /** A word CREATE takes between the name and the options (CREATE RESOURCE MONITOR <name> WITH ...). */
  createWith?: string;
  /** CREATE clauses of the kind's own, tried before `<PROPERTY> = <value>` (a policy's AS (...) RETURNS ... -> ...). */
  createClauses?: readonly OptionClause[];
  /** DESCRIBE <type> <name>: its columns and rows. */
  describe?(object: CatalogObject, context: KindContext): ResultSet;
  /**
   * Rows the account's SHOW lists of objects that are not its own, in `columns`' order, with the name each is
   * listed (and matched by LIKE) under: SHOW SHARES lists the inbound shares other accounts share with it.
   */
  listedFromElsewhere?(context: KindContext): { name: string; row: (string | null)[] }[];
}

/** A clause of a statement that sets values: reads itself at the stream's position, or answers undefined. */
export interface OptionClause {
  read(stream: TokenStream): ((values: WireValues) => WireValues) | undefined;
}

export interface SqlProperty {
  /** The wire property an ALTER ... SET <KEYWORD> = value changes ("a.b" reaches into a nested object). */
  wire: string;
  value: "string" | "identifier" | "integer" | "number" | "keyword" | "textOrNone" | "boolean" | "lag" | "schedule" | "stringList" | "stringOrList" | "identifierList" | "qualifiedNameList" | "stringMap" | "objectReference";
  /**
   * What SET <KEYWORD> = NULL (or `()` for a list) does where the statement documents no UNSET (ALTER RESOURCE
   * MONITOR): removes the value, when true.
   */
  nullable?: boolean;
  /** Whether ALTER ... UNSET <KEYWORD> is allowed (the statement's docs list it). */
  unset?: boolean;
}

/**
 * Keys of kinds that overload names: the name with the canonical argument types, `ADD_ONE(NUMBER, VARCHAR)` (also how
 * messages name the object). Both throw ApiError for what is not a valid signature.
 */
export interface SignatureSpec {
  /** The key of an object from its name and (body) values. */
  keyOf(name: string, values: WireValues, context: KindContext): string;
  /** The key a `{nameWithArgs}` path segment (still percent-encoded) names. */
  keyFromPath(rawSegment: string, context: KindContext): string;
}

export interface ObjectKind {
  /** Spec file (without .yaml): its operations are this kind's routes. */
  spec: string;
  /** The body model of POST and PUT, e.g. "Table". */
  model: string;
  /** The type in messages: "Table 'DB.S.T' does not exist or not authorized." */
  objectType: string;
  /** The type in SQL (ALTER <sqlType>, SHOW PARAMETERS IN <sqlType>) and the SHOW PARAMETERS level of its own values. */
  sqlType: string;
  parameterLevel: string;
  /** Path segment of the collection, e.g. "tables". */
  collection: string;
  scope: "account" | "database" | "schema";
  /** Kinds whose names share one namespace in their container (tables, views, dynamic and event tables; UDFs and service functions; integrations). */
  namespace?: "relations" | "functions" | "integrations";
  /** Objects identified by name and argument types (functions, procedures): how they are keyed in their collection. */
  signature?: SignatureSpec;
  wire: { strict: z.ZodType; properties: readonly string[]; readOnly: readonly string[]; writeOnly?: readonly string[] };
  /** Settable properties Snowflake never returns (credentials), besides the spec's write-only ones. */
  hidden?: readonly string[];
  /** Wire properties holding identifiers besides `name` (stored parsed, rendered formatted). */
  identifiers?: readonly string[];
  /** What a property is when the body leaves it out. */
  defaults?: WireValues;
  /** Properties a list answers leave out unless asked with deep=true (table columns: SHOW vs DESCRIBE). */
  listOmits?: readonly string[];
  /** Parameters inherited along account -> database -> schema -> object when not set on the object. */
  parameters?: Record<string, ParameterSpec>;
  /** What PUT create-or-alter may not change, and why. */
  fixedOnAlter?: Record<string, string>;
  /** Properties a PUT that leaves them out keeps (CREATE OR ALTER TABLE: CHANGE_TRACKING is "not unset"). */
  keptOnAlter?: readonly string[];
  runState?: RunStateSpec;
  /** Checks and normalizes the values of a create or PUT body (ranges, enums, references); throws ApiError. */
  accept?(values: WireValues, context: AcceptContext): WireValues;
  /** Rules for PUT create-or-alter of an existing object beyond fixedOnAlter (table columns). */
  alter?(object: CatalogObject, next: WireValues, context: KindContext): void;
  /** After creation; `replaced` is the object a createMode=orReplace replaced. */
  created?(object: CatalogObject, context: KindContext, replaced?: CatalogObject): void;
  /** Values Snowflake derives for the snapshot (rows, state, kind-specific read-only fields). */
  render?(object: CatalogObject, context: KindContext): WireValues;
  /** ALTER <sqlType> ... SET / UNSET properties. */
  sqlProperties?: Record<string, SqlProperty>;
  /** ALTER clauses of their own (MODIFY CONDITION, CLUSTER BY, SET DIRECTORY, RENAME is generic). */
  sqlClauses?: readonly AlterClause[];
  /** Objects every account has from its start, before any request (the system-defined roles). */
  seed?(context: KindContext): void;
  /** Refusals before a DROP (INFORMATION_SCHEMA). */
  beforeDrop?(object: CatalogObject, context: KindContext): void;
  /** Refusals before any change (INFORMATION_SCHEMA is read-only). */
  beforeChange?(object: CatalogObject): void;
  /** After a DROP removed the object: what Snowflake does to the objects that referred to it (a task's children). */
  dropped?(object: CatalogObject, context: KindContext): void;
  /** Rows a list answer keeps besides the name filters (listTasks' rootOnly). */
  listFilter?(object: CatalogObject, query: QueryParams): boolean;
  /**
   * Operations of the kind's own, keyed by method and the spec path after `{name}` ("POST :execute",
   * "GET /dependents"); the generic routes answer the rest (or 501).
   */
  operations?: Record<string, (kind: ObjectKind, context: RequestContext) => Outcome>;
  /**
   * Operations on the collection of the kind's own, keyed by method and the spec path after the collection path
   * ("GET /instance-families" of compute-pool.yaml); the rest answer 501.
   */
  collectionOperations?: Record<string, (kind: ObjectKind, context: RequestContext) => Outcome>;
  /** System functions `SELECT <NAME>('<arg>', ...)` runs (SYSTEM$TASK_DEPENDENTS_ENABLE); the result is the text cell. */
  sqlFunctions?: Record<string, (args: string[], context: KindContext) => string>;
  /** Statements of the kind's own, by their first word (a stage's REMOVE / RM), given the whole statement text. */
  sqlCommands?: Record<string, (sqlText: string, session: SessionFacts) => ResultSet>;
  /** Reached only through SQL: no REST routes (see SqlObjectSpec). */
  sqlObject?: SqlObjectSpec;
  /** SHOW statements of the kind's own, by the word after SHOW (SERVICES), given the stream past that word. */
  sqlShows?: Record<string, (stream: TokenStream, session: SessionFacts) => ResultSet>;
}
