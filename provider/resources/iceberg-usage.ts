// Which Iceberg tables use an external volume or a catalog integration: Snowflake cannot drop or replace either
// while tables use them (DROP EXTERNAL VOLUME, DROP CATALOG INTEGRATION docs), so a replacement is refused at
// preview naming the tables (ResourceDefinition.usedBy). Read from SHOW ICEBERG TABLES IN ACCOUNT, whose rows carry
// external_volume_name and catalog_name (SHOW ICEBERG TABLES docs).
import { executeSql, rowObjects } from "../client/sql-api";
import { Properties } from "../engine/definition";
import { identifierFor, storedName } from "../engine/identifiers";
import { ObjectApi } from "../engine/object-api";
import { sql } from "../sql/sql-text";

export function icebergTablesUsing(column: "external_volume_name" | "catalog_name") {
  return async (api: ObjectApi, properties: Properties): Promise<string[]> => {
    const name = storedName(String(properties.name));
    const rows = rowObjects(await executeSql(api.client, sql`SHOW ICEBERG TABLES IN ACCOUNT`));
    return rows
      .filter((row) => String(row[column]) === name)
      .map((row) => `Iceberg table ${[row.database_name, row.schema_name, row.name].map((part) => identifierFor(String(part))).join(".")}`);
  };
}
