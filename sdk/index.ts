// pulumi-snowflake-dynamic: Snowflake objects as Pulumi resources, managed through Snowflake's REST API v2.
// The resource classes are generated from the definitions in provider/resources/ (npm run codegen).
export * from "./generated";
export * from "./generated/lookups";
export { ListFilterArgs, ListFilterOutputArgs, LookupArgs, LookupArgumentError, LookupConnection, LookupNotFoundError, LookupOutputArgs, LookupOutputOptions, LookupResult } from "./lookup-calls";
export { ConnectionArgs } from "./types";
export { CommonArgs, SnowflakeResource } from "./snowflake-resource";
export { GraphTaskArgs, TaskGraph, TaskGraphArgs } from "./task-graph";
