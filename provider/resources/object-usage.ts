// Which objects use another one (ResourceDefinition.usedBy): a replacement drops the object and makes a new one,
// which breaks every object that names it (Snowflake refuses to drop an external volume or catalog integration
// Iceberg tables use; a task, pipe or artifact repository is left pointing at nothing, or at an integration with a
// new identity that the cloud side no longer trusts; a pipe's COPY falls back to format defaults). So a replacement
// is refused at preview naming them, unless the resource says allowReplace. Each user is found in one SHOW ... IN
// ACCOUNT, whose rows carry the names of what the object uses (the SHOW docs cited below).
import { executeSql, rowObjects } from "../client/sql-api";
import { Properties } from "../engine/definition";
import { identifierFor, storedName } from "../engine/identifiers";
import { ObjectApi } from "../engine/object-api";
import { readPrinted } from "../engine/sql-object/shown";
import { sql, SqlText } from "../sql/sql-text";
import { formatsNamedIn } from "./copy-format-names";

type Row = Record<string, string | null>;
/** The used object's stored names: an account object has only a name, a schema object its database and schema too. */
export interface UsedObject { name: string; database?: string; schema?: string }

/** One kind of user: the SHOW that lists them account-wide, and whether a row names the object. */
export interface ObjectUsers { noun: string; show: SqlText; names(row: Row, used: UsedObject): boolean }

const usedObjectOf = (properties: Properties): UsedObject => ({
  name: storedName(String(properties.name)),
  ...(properties.database === undefined ? {} : { database: storedName(String(properties.database)), schema: storedName(String(properties.schema)) }),
});

/** The usedBy of a definition whose objects these users may name. */
export function objectsUsing(...users: ObjectUsers[]) {
  return async (api: ObjectApi, properties: Properties): Promise<string[]> => {
    const used = usedObjectOf(properties);
    const found = await Promise.all(users.map(async ({ noun, show, names }) =>
      rowObjects(await executeSql(api.client, show))
        .filter((row) => names(row, used))
        // SHOW USER FUNCTIONS names the database catalog_name (SHOW USER FUNCTIONS docs, Output).
        .map((row) => `${noun} ${[row.database_name ?? row.catalog_name, row.schema_name, row.name].map((part) => identifierFor(String(part))).join(".")}`)));
    // Overloads of one function share a name: each user is named once.
    return [...new Set(found.flat())];
  };
}

/** Rows whose columns hold the account object's stored name, unquoted, as SHOW prints names. */
const columnsNaming = (columns: string[]) => (row: Row, used: UsedObject) => columns.some((column) => row[column] === used.name);

/**
 * Rows whose column is a printed list of names (`[A,B]`) holding the account object's. An item is taken both as
 * printed stored text (`my eai`) and as an identifier (`"my eai"`, `MY_EAI`): which one Snowflake prints for a
 * quoted name is not confirmed, and taking both errs toward a refusal, never a silent drop.
 */
const listNaming = (column: string) => (row: Row, used: UsedObject) =>
  ((readPrinted(row[column], "qualifiedNames") as string[] | undefined) ?? []).some((item) => item === used.name || storedName(item) === used.name);

// The users Snowflake lists with the names they use, each column cited from its SHOW docs.
/** SHOW ICEBERG TABLES: external_volume_name, catalog_name. */
export const icebergTablesNaming = (...columns: ("external_volume_name" | "catalog_name")[]): ObjectUsers => ({ noun: "Iceberg table", show: sql`SHOW ICEBERG TABLES IN ACCOUNT`, names: columnsNaming(columns) });
/** SHOW TASKS: error_integration, and success_integration (2024_08 bundle, "SHOW TASKS/DESC TASK commands: New columns"). */
export const tasksNaming = (...columns: ("error_integration" | "success_integration")[]): ObjectUsers => ({ noun: "task", show: sql`SHOW TASKS IN ACCOUNT`, names: columnsNaming(columns) });
/** SHOW PIPES: integration (auto-ingest from GCS or Azure), error_integration. */
export const pipesNaming = (...columns: ("integration" | "error_integration")[]): ObjectUsers => ({ noun: "pipe", show: sql`SHOW PIPES IN ACCOUNT`, names: columnsNaming(columns) });
/** SHOW ARTIFACT REPOSITORIES: api_integration (PyPI repositories). */
export const artifactRepositoriesNaming = (...columns: "api_integration"[]): ObjectUsers => ({ noun: "artifact repository", show: sql`SHOW ARTIFACT REPOSITORIES IN ACCOUNT`, names: columnsNaming(columns) });
/** SHOW STAGES: storage_integration (SHOW STAGES docs). */
export const stagesNaming = (...columns: "storage_integration"[]): ObjectUsers => ({ noun: "stage", show: sql`SHOW STAGES IN ACCOUNT`, names: columnsNaming(columns) });

/**
 * SHOW PIPES: definition, the pipe's COPY INTO statement, whose FILE_FORMAT = ( FORMAT_NAME = ... ) names a file
 * format; an unqualified name is the pipe's database and schema's.
 */
export const pipesCopyingWithFormat: ObjectUsers = {
  noun: "pipe",
  show: sql`SHOW PIPES IN ACCOUNT`,
  names: (row, used) => formatsNamedIn(String(row.definition ?? ""), { database: String(row.database_name), schema: String(row.schema_name) })
    .some(([database, schema, name]) => database === used.database && schema === used.schema && name === used.name),
};

/** SHOW SERVICES: external_access_integrations, a printed list (SHOW SERVICES docs, Output). */
export const servicesWithAccess: ObjectUsers = { noun: "service", show: sql`SHOW SERVICES IN ACCOUNT`, names: listNaming("external_access_integrations") };
/**
 * SHOW USER FUNCTIONS: external_access_integrations, a printed list. Read from Snowflake's Terraform provider, whose
 * SHOW FUNCTIONS row has the column (after `secrets`); not found on the SHOW USER FUNCTIONS docs page read.
 */
export const functionsWithAccess: ObjectUsers = { noun: "function", show: sql`SHOW USER FUNCTIONS IN ACCOUNT`, names: listNaming("external_access_integrations") };
