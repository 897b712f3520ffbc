// pulumi-snowflake-dynamic: Snowflake objects as Pulumi resources, managed through Snowflake's REST API v2.
export { Warehouse, WarehouseArgs } from "./warehouse";
export { Database, DatabaseArgs } from "./database";
export { Schema, SchemaArgs } from "./schema";
export * from "./types";
export { SnowflakeResource } from "./snowflake-resource";
