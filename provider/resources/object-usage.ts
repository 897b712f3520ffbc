// Which objects use an account object (ResourceDefinition.usedBy): a replacement drops the object and makes a new
// one, which breaks every object that names it (Snowflake refuses to drop an external volume or catalog
// integration Iceberg tables use; a task, pipe or artifact repository is left pointing at nothing, or at an
// integration with a new identity that the cloud side no longer trusts). So a replacement is refused at preview
// naming them, unless the resource says allowReplace. Each user is found in one SHOW ... IN ACCOUNT, whose rows
// carry the names of what the object uses (the SHOW docs cited below), compared with the stored name.
import { executeSql, rowObjects } from "../client/sql-api";
import { Properties } from "../engine/definition";
import { identifierFor, storedName } from "../engine/identifiers";
import { ObjectApi } from "../engine/object-api";
import { sql, SqlText } from "../sql/sql-text";

/** One kind of user: the SHOW that lists them account-wide and the columns that name what they use. */
export interface ObjectUsers { noun: string; show: SqlText; columns: string[] }

/** The usedBy of a definition whose objects these users may name. */
export function objectsUsing(...users: ObjectUsers[]) {
  return async (api: ObjectApi, properties: Properties): Promise<string[]> => {
    const name = storedName(String(properties.name));
    const found = await Promise.all(users.map(async ({ noun, show, columns }) =>
      rowObjects(await executeSql(api.client, show))
        .filter((row) => columns.some((column) => row[column] === name))
        .map((row) => `${noun} ${[row.database_name, row.schema_name, row.name].map((part) => identifierFor(String(part))).join(".")}`)));
    return found.flat();
  };
}

// The users Snowflake lists with the names they use, each column cited from its SHOW docs.
/** SHOW ICEBERG TABLES: external_volume_name, catalog_name. */
export const icebergTablesNaming = (...columns: ("external_volume_name" | "catalog_name")[]): ObjectUsers => ({ noun: "Iceberg table", show: sql`SHOW ICEBERG TABLES IN ACCOUNT`, columns });
/** SHOW TASKS: error_integration, and success_integration (2024_08 bundle, "SHOW TASKS/DESC TASK commands: New columns"). */
export const tasksNaming = (...columns: ("error_integration" | "success_integration")[]): ObjectUsers => ({ noun: "task", show: sql`SHOW TASKS IN ACCOUNT`, columns });
/** SHOW PIPES: integration (auto-ingest from GCS or Azure), error_integration. */
export const pipesNaming = (...columns: ("integration" | "error_integration")[]): ObjectUsers => ({ noun: "pipe", show: sql`SHOW PIPES IN ACCOUNT`, columns });
/** SHOW ARTIFACT REPOSITORIES: api_integration (PyPI repositories). */
export const artifactRepositoriesNaming = (...columns: "api_integration"[]): ObjectUsers => ({ noun: "artifact repository", show: sql`SHOW ARTIFACT REPOSITORIES IN ACCOUNT`, columns });
/** SHOW STAGES: storage_integration (SHOW STAGES docs). */
export const stagesNaming = (...columns: "storage_integration"[]): ObjectUsers => ({ noun: "stage", show: sql`SHOW STAGES IN ACCOUNT`, columns });
