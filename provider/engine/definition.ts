// A resource type is data: this declaration is everything the generic engine needs to check, diff, create, read,
// update and delete objects of that type, and everything the SDK, the docs and the coverage table are made from
// (npm run codegen). A property is written once, here.
import { z } from "zod";
import { FieldKind } from "./field-kind";
import type { LiveObject } from "./mapper";
import type { ObjectApi } from "./object-api";
import type { OptIn } from "./common-inputs";
import type { FieldRule } from "./field-rules";
import type { SqlObjectDefinition } from "./sql-object/sql-object";
import type { ShownValue } from "./sql-object/shown";
import type { SqlChange } from "./sql-change";

export type { SqlChange };

export type Properties = Record<string, unknown>;
export type WireSnapshot = Record<string, unknown>;

/** How a change of a property reaches Snowflake. */
export type ChangeMethod =
  /** PUT create-or-alter with the full property set. */
  | "put"
  /** An ALTER statement over the SQL API (see FieldDefinition.sql). */
  | "sql"
  /** POST createMode=orReplace (with copyGrants where offered): only for objects holding no data or history. */
  | "orReplace"
  /** Snowflake cannot change it: a new object replaces the old one. */
  | "replace"
  /** The `tags` input: :set-tags / :unset-tags. */
  | "tags"
  /** The `suspended` input: resume / suspend actions. */
  | "runState"
  /** The type's own access applies it (ObjectAccess.update): a grant's privileges, granted and revoked one by one. */
  | "access"
  /** A REST action on the object (FieldDefinition.action): a Streamlit app's new source files, :add-version. */
  | "action";

/** An in-place change made by POST {name}:<name> with a body built from the new value. */
export interface ActionChange {
  name: string;
  body(value: unknown): unknown;
}


export interface FieldDefinition {
  /** Property name on the wire (snake_case); "a.b" reaches into a nested wire object. */
  wire: string;
  kind: FieldKind;
  /** One line for the SDK's doc comment: what it is, units, default, what a change does. */
  doc: string;
  /** Must be declared (check fails otherwise). */
  required?: boolean;
  /** What Snowflake uses when the property is not set; removing a declared value equal to it changes nothing. */
  serverDefault?: unknown;
  /** Snowflake fills it in when it is left out (a dynamic table column's type): compared only where declared. */
  filledBySnowflake?: boolean;
  /** A change replaces the object. */
  immutable?: boolean;
  /** Only acts at creation (initially_suspended): sent on create, never compared afterwards. */
  createOnly?: boolean;
  /** Never returned by Snowflake (credentials, specifications): state keeps the declared value. */
  writeOnly?: boolean;
  /**
   * Sent as this query parameter of the POST that creates the object, in no body (compute-pool.yaml
   * createComputePool's `initiallySuspended`); needs createOnly. `wire` is then only the property's name in messages.
   */
  createQuery?: string;
  /** Stored only encrypted in state (the SDK marks it an additional secret output). */
  secret?: boolean;
  /**
   * Which REST bodies carry it (default: every body). "create": only the POST that creates the object (user.yaml:
   * PUT does not alter a password); PUT bodies keep what Snowflake reports, and a change goes through the field's
   * `sql`. "never": not a property of the REST model (a user's password policy): set by the field's `sql` right
   * after creation and changed the same way; needs writeOnly, since no snapshot reports it.
   */
  body?: "create" | "never";
  /**
   * A parameter the object inherits from its container (account -> database -> schema -> object) when not set on
   * itself. Snowflake reports the inherited value, so create-or-alter bodies keep only values set on the object.
   */
  inherited?: boolean;
  /** Part of the object's identity: its own name, or a container's name (goes into the path, not the body). */
  identity?: "name" | "parent";
  /** How a change applies when it differs from the type's `changes`. */
  change?: ChangeMethod;
  /** ALTER clauses when changes go through SQL (default: SET <WIRE> = <value> / UNSET <WIRE>). */
  sql?: SqlChange;
  /** The action a change of this field runs (change: "action"). */
  action?: ActionChange;
  /**
   * Computed at check by the definition's `derive` (a stage file's content hash), never declared: an output of the
   * SDK that the diff compares like a declared property, so a change of what it is computed from shows at preview.
   */
  derived?: boolean;
  /**
   * For a writeOnly field: the output (a read-only digest such as service.yaml's spec_digest) that changes whenever
   * Snowflake's copy of the value changes. A refresh that finds another digest than the one read after the last
   * write reports the field as changed outside Pulumi, so the next up puts the declared value back.
   */
  digest?: string;
  /** For SQL objects: where SHOW / DESCRIBE print it, and how (default: SHOW's column of the wire name). */
  shown?: ShownValue;
}

/** An input of the provider's own behaviour (how long to wait): validated at check, never sent, never read back. */
export interface SettingDefinition {
  kind: FieldKind;
  doc: string;
}

/** What one poll of a readiness check found. */
export type ReadinessVerdict = { ready: true } | { ready: false; waitingFor: string } | { failed: string };

/**
 * Waiting until a new or changed object is usable (a service's containers READY, its public endpoints provisioned),
 * after create, in-place changes and resume, unless it is declared suspended. Each check polls GET <object>/<path>,
 * in order, with growing pauses, until it says ready, fails, or the time the `timeoutSetting` input allows is up;
 * the error then says what was still awaited.
 */
export interface ReadinessDefinition {
  /** The setting (see ResourceDefinition.settings) holding the limit in seconds; `defaultTimeoutSecs` when unset. */
  timeoutSetting: string;
  defaultTimeoutSecs: number;
  checks: {
    path: string;
    /** Whether the check applies to these inputs (a `waitForEndpoints: false` skips the endpoint check). */
    applies?(properties: Properties): boolean;
    verdict(answer: unknown, properties: Properties): ReadinessVerdict;
  }[];
}

/**
 * A sub-resource read with the object (GET <object>/<path>) and folded into its snapshot under `wire`, so an output
 * can report it (a service's public endpoints).
 */
export interface AttachedRead {
  path: string;
  wire: string;
  pick(answer: unknown): unknown;
}

export interface OutputDefinition {
  wire: string;
  kind: FieldKind;
  doc: string;
  shown?: ShownValue;
  /** Only encrypted in state (an additional secret output of the SDK). */
  secret?: boolean;
}

/** Desired run state: the `suspended` input, applied through actions, read back from a state property. */
export interface RunStateDefinition {
  /** Wire property Snowflake reports the state in (also the read-only `state` output). */
  wire: string;
  /** Reported values that mean suspended (anything else means running). */
  suspendedValues: readonly string[];
  /** How to resume and suspend: REST actions on the object, or ALTER <type> ... RESUME / SUSPEND. */
  via: "rest" | "sql";
  /**
   * Snowflake suspends the object by itself (a warehouse's auto_suspend): then a suspended object is what
   * `suspended: false` expects too, and only a declared `suspended: true` is compared.
   */
  suspendsItself?: boolean;
  /** The state a new object starts in when the create body does not say (alerts start suspended). */
  createdSuspended: boolean;
  /**
   * What makes the new object start suspended: a create-body property (warehouse initially_suspended) or a query
   * parameter of the creating POST (compute-pool.yaml initiallySuspended).
   */
  createSuspendedWith?: { wire: string; value: unknown } | { query: string; value: unknown };
}

/**
 * Objects linked into graphs that Snowflake changes only while the graph's root is suspended (tasks): every create,
 * update and delete of a member suspends the root around the change (engine/graph-roots.ts).
 */
export interface GraphDefinition {
  /** The field listing the members this one runs after (in the same schema). */
  predecessors: string;
  /** The field naming the root this member finalizes. */
  finalizes?: string;
}

/** How the object is renamed in place (keeping data, grants and history) when `name` changes. */
export type RenameMethod =
  /** POST {name}:rename?targetName=<new name> (event-table.yaml, sequence.yaml, tag.yaml). */
  | "restQuery"
  /** POST {name}:rename with the object's body under its new name (warehouse.yaml renameWarehouse). */
  | "restBody"
  /** ALTER <type> <name> RENAME TO <new name>, over the SQL API. */
  | "sql";

export interface DataBearing {
  /** What a replacement loses, for the refusal message: "its rows", "its files and directory table". */
  loses: string;
  /** Whether this object holds it (an external stage holds no files); default always. */
  when?(properties: Properties): boolean;
}

export interface WireModel {
  /** Generated zod model of the snapshot; answers that do not fit are reported, not guessed at. */
  schema: z.ZodType;
  /** Every wire property the spec declares. */
  properties: readonly string[];
  /** Wire properties only Snowflake sets (never sent). */
  readOnly: readonly string[];
}

export interface ResourceDefinition {
  /** Pulumi type name, e.g. "Warehouse" (token pulumi-nodejs:dynamic/snowflake:Warehouse). */
  typeName: string;
  /** Words for messages, e.g. "warehouse". */
  noun: string;
  /** One paragraph for the SDK class's doc comment. */
  doc: string;
  /**
   * Collection path with `{property}` placeholders for the parent identity properties, e.g.
   * "/api/v2/databases/{database}/schemas". The object path is the collection path plus "/{name}".
   */
  collectionPath: string;
  /**
   * For objects Snowflake identifies by name AND argument types (functions and procedures overload a name): the
   * signature, e.g. `(NUMBER, VARCHAR)`, appended to the name in the object path (the specs' `{nameWithArgs}`) and
   * in the fully qualified name, which is also the resource id (`DB.S.ADD_ONE(NUMBER)`). A change of it is a new
   * object (declare it in `replacedBy`). Not used in SQL: such types change by CREATE OR REPLACE, not ALTER.
   */
  signature?(properties: Properties): string;
  /** How changes reach Snowflake unless a field says otherwise. */
  changes: ChangeMethod;
  /** The object type in SQL statements (ALTER <objectType>, SHOW PARAMETERS IN <objectType>). */
  sqlObjectType?: string;
  /** The words of the SHOW command that lists these objects (SHOW <words> IN DATABASE); default sqlObjectType, plural. */
  sqlListing?: string;
  /** No REST endpoints: made, read and dropped by SQL statements (engine/sql-object/); `collectionPath` only names it. */
  sqlObject?: SqlObjectDefinition;
  /** Whether POST offers copyGrants (kept when CREATE OR REPLACE recreates the object). */
  copyGrants?: boolean;
  /** Rename in place; without it a new name means a new object. */
  rename?: RenameMethod;
  runState?: RunStateDefinition;
  /** Members of graphs whose root must be suspended while a member changes (needs runState). */
  graph?: GraphDefinition;
  /**
   * An invocation, not an object: creating the resource runs `action` on an existing object (POST {name}:<action>),
   * and a change of any input replaces it, so it runs again (Pulumi's `triggers` idiom). Reading keeps its state
   * while the object exists; deleting runs nothing.
   */
  invokes?: {
    action: string;
    query?(properties: Properties): Record<string, string>;
    /**
     * What the invocation started, read once right after it (GET {name}/<path> for each path, in order) and kept
     * as the outputs: `pick` chooses the row from the answers; never read again, so a refresh changes nothing.
     */
    record?: { paths: string[]; pick(answers: unknown[]): WireSnapshot | undefined };
  };
  /** The type has :set-tags / :unset-tags / :get-tags: a `tags` input. */
  tags?: boolean;
  /** Replacing an object of this type loses data or history, so it needs `allowReplace: true`. */
  dataBearing?: DataBearing;
  /**
   * Query parameters every other type's create and delete take but this type's do not (managed-account.yaml's POST
   * has no createMode and its DELETE no ifExists): left out, and a DELETE answered 404 counts as done.
   */
  lacksQuery?: readonly ("createMode" | "ifExists")[];
  /** Query parameters of the DELETE, from the resource's inputs (account.yaml deleteAccount's gracePeriodInDays). */
  deleteQuery?(properties: Properties): Record<string, string | number | boolean>;
  /** Query parameters for the GET of one object. */
  readQuery?: Record<string, string | boolean>;
  /**
   * For types whose spec has no GET of one object (role.yaml, database-role.yaml): the object is read as its row
   * of the collection's list, narrowed by its name through the list's `like` pattern or its `fromName` cursor, and
   * then picked by exact name (engine/list-read.ts). Absent means GET of the object path.
   */
  readByList?: ListRead;
  /**
   * The collection's list returns the same model as the GET of one object (schema.yaml listSchemas: Schema), so
   * reads of several objects that arrive together are answered by one list call (engine/coalesced-reads.ts).
   * "paged": the list takes showLimit / fromName; "whole": it takes neither and answers every row at once
   * (warehouse.yaml listWarehouses has only `like`).
   */
  listCarriesSnapshot?: "paged" | "whole";
  /** Declared properties keyed by their Pulumi (camelCase) name. */
  fields: Record<string, FieldDefinition>;
  /** Read-only properties reported as outputs, keyed by Pulumi name. */
  outputs: Record<string, OutputDefinition>;
  wire: WireModel;
  /** The opt-in inputs this type takes (see OPT_IN_INPUTS); filled in by defineResource. */
  optIns: readonly OptIn[];
  /**
   * A whole-object normal form for comparisons where one meaning has two places (a column's inline primary key
   * is reported as a table constraint). Applied to both sides before properties are compared.
   */
  comparable?(properties: Properties): Properties;
  /** Rules across properties as data (a minimum at most its maximum, fields that rule each other out). */
  rules?: readonly FieldRule[];
  /** Rules across properties ("minutes or cron", "min <= max"), checked before anything is sent. */
  crossChecks?(properties: Properties): { property: string; reason: string }[];
  /**
   * Changes Snowflake cannot apply in place, found at preview (a column type change, a dropped column), each with
   * the opt-in that allows it: allowReplace makes it a replacement, allowDropColumns lets the column go.
   */
  changeProblems?(olds: Properties, news: Properties): ChangeProblem[];
  /** Properties whose change needs a new object given these values (a stage switching between internal and external). */
  replacedBy?(olds: Properties, news: Properties): string[];
  /** Wire properties the spec requires that a declaration may leave out (view.yaml requires `columns`). */
  bodyDefaults?: WireSnapshot;
  /** Spec properties deliberately not offered, each with the reason (checked by the coverage test). */
  notOffered?: Record<string, string>;
  /** The body of a POST createMode=orReplace that changes the object in place (a stream keeping its offset). */
  orReplaceBody?(body: WireSnapshot, properties: Properties): WireSnapshot;
  /** A DELETE Snowflake refuses while the object is in use (a network policy attached to a user, a pool running services). */
  deleteRefusal?: DeleteRefusal;
  /**
   * The objects that use this one (the Iceberg tables on an external volume, the tasks and pipes of a notification
   * integration), found at preview when a change would replace it: a replacement drops it under them (or Snowflake
   * refuses the drop), so such a change is refused before anything happens, naming them, unless the resource says
   * allowReplace (which the type then takes).
   */
  usedBy?(api: ObjectApi, properties: Properties): Promise<string[]>;
  /**
   * What the object still holds (a database's schemas, a schema's tables): its delete drops them all, so a delete
   * while it holds anything is refused, naming them, unless the resource says forceDestroy.
   */
  contents?(api: ObjectApi, properties: Properties): Promise<string[]>;
  /** Inputs of the provider's own behaviour (a readiness timeout), keyed by Pulumi name. */
  settings?: Record<string, SettingDefinition>;
  /**
   * REST actions that make a new object usable, run right after it is created (a notebook's LIVE version, the one
   * that runs: :add-live-version?fromLast=true, as Snowflake's CLI does after CREATE NOTEBOOK ... FROM).
   */
  afterCreate?: { action: string; query?: Record<string, string> }[];
  /** Waiting until a new or changed object is usable. */
  readiness?: ReadinessDefinition;
  /** Sub-resources read with the object for its outputs. */
  attachedReads?: AttachedRead[];
  /** For objects that are not REST resources of their own: how they are read, made and removed (see ObjectAccess). */
  access?: ObjectAccess;
  /**
   * Values computed at check from the declared inputs (`olds`: the previous inputs, {} for a new resource), before
   * anything is sent: the `derived` fields, and defaults that depend on other inputs. Failures stop the check.
   */
  derive?(news: Properties, olds: Properties): { values: Properties; failures: { property: string; reason: string }[] };
}

/**
 * How the engine reaches objects that are not REST resources with GET / POST / DELETE of their own (a file in a
 * stage: REST only lists stage files). When a definition names one, ObjectApi hands fetch, create and delete to it;
 * everything else (check, diff, state) stays the engine's. Implementations live in engine/access/.
 */
export interface ObjectAccess {
  /** What it reaches Snowflake through, for the README's resource table (default: REST only). */
  apis?: readonly ("REST" | "SQL API" | "snowflake-sdk")[];
  /** The object's address: the resource id and `fullyQualifiedName` (a stage file: `@DB.S.STAGE/procs/trunc.py`). */
  qualifiedName(properties: Properties): string;
  /** The object as a snapshot of the definition's wire model; undefined when it does not exist. */
  fetch(api: ObjectApi, properties: Properties): Promise<LiveObject | undefined>;
  /** Makes the object; throws ConflictError when it exists and the resource does not say adoptExisting. */
  create(api: ObjectApi, properties: Properties): Promise<void>;
  /** Removes the object; one already gone is not an error. */
  delete(api: ObjectApi, properties: Properties): Promise<void>;
  /** Applies the in-place changes of the fields whose change method is "access". */
  update?(api: ObjectApi, olds: Properties, news: Properties): Promise<void>;
}

/**
 * A DELETE Snowflake refuses while the object is in use. An error whose message matches `pattern` is reported as
 * "<noun> <name> cannot be deleted: <Snowflake's message>", then what `explain` finds (the services on a compute
 * pool), then `advice`. With `override`, a resource that says `override.optIn: true` runs `override.action`
 * (POST <object>:<action>) and deletes again: it asked for what stands in the way to be removed.
 */
export interface DeleteRefusal {
  pattern: RegExp;
  advice: string;
  explain?(api: ObjectApi, properties: Properties): Promise<string | undefined>;
  override?: { optIn: OptIn; action: string };
}

/** How a list narrows to one name (common.yaml parameters `like` and `fromName`). */
export interface ListRead {
  /**
   * "like": `like=<name as a LIKE pattern>` (SHOW ... LIKE: case-insensitive, `_` and `%` escaped);
   * "fromName": `fromName=<name>&showLimit=<a few>` (SHOW ... LIMIT n FROM '<name>': rows from the name on, in order).
   */
  nameQuery: "like" | "fromName";
}

export interface ChangeProblem {
  /** The property whose change it is. */
  property: string;
  message: string;
  allowedBy: OptIn;
}
