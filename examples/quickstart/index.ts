// Snowflake's Python API quickstart ("Getting Started with the Snowflake Python API"), declared with Pulumi: a
// warehouse, the PYTHON_API_DB database, its PYTHON_API_SCHEMA schema and the PYTHON_API_TABLE table -- and the
// walkthrough's "update a table" step: set `snowflake-quickstart:addElevation true` and run `pulumi up` again, and
// the ELEVATION column is added in place (PUT create-or-alter), with its primary key.
import * as pulumi from "@pulumi/pulumi";
import * as snowflake from "pulumi-snowflake-dynamic";

const config = new pulumi.Config();

const warehouse = new snowflake.Warehouse("warehouse", {
  name: "PYTHON_API_WH",
  warehouseSize: config.get<snowflake.WarehouseSize>("warehouseSize") ?? "XSMALL",
  autoSuspend: 60,
  autoResume: true,
  initiallySuspended: true,
  comment: "Quickstart warehouse, managed by Pulumi",
});

const database = new snowflake.Database("database", {
  name: "PYTHON_API_DB",
  comment: "Quickstart database, managed by Pulumi",
  dataRetentionTimeInDays: 1,
});

const schema = new snowflake.Schema("schema", { database: database.name, name: "PYTHON_API_SCHEMA" });

const columns: snowflake.TableColumnArgs[] = [
  { name: "TEMPERATURE", datatype: "int", nullable: false },
  { name: "LOCATION", datatype: "string" },
];
if (config.getBoolean("addElevation")) {
  columns.push({ name: "ELEVATION", datatype: "int", nullable: false, constraints: [{ type: "PRIMARY KEY" }] });
}

const table = new snowflake.Table("table", {
  database: database.name,
  schema: schema.name,
  name: "PYTHON_API_TABLE",
  columns,
  comment: "The quickstart's table",
});

export const warehouseName = warehouse.name;
export const warehouseState = warehouse.state;
export const tableName = table.fullyQualifiedName;
export const tableColumns = table.columns.apply((list) => list.map((column) => column.name).join(", "));
