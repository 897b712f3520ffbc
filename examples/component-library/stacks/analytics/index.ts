// The analytics data product: one DataProduct from Acme's component library, shaped by stack config.
import * as pulumi from "@pulumi/pulumi";
import type { WarehouseSize } from "pulumi-snowflake-dynamic";
// Published, this is `import { DataProduct } from "@acme/snowflake-data-products"`; here the stack uses the
// library's source next door, so a fresh clone runs it without a build.
import { DataProduct } from "../../lib/src";

const config = new pulumi.Config();

const analytics = new DataProduct("analytics", {
  name: "ANALYTICS",
  schemas: config.requireObject<string[]>("schemas"),
  warehouseSize: config.get<WarehouseSize>("warehouseSize"),
  autoSuspendSeconds: config.getNumber("autoSuspendSeconds"),
  readers: config.getObject<string[]>("readers") ?? [],
  serviceUserPublicKey: config.require("serviceUserPublicKey"),
  adminRoleGrantedTo: "SYSADMIN",
});

export const database = analytics.databaseName;
export const warehouse = analytics.warehouseName;
export const readerRole = analytics.readerRole;
export const writerRole = analytics.writerRole;
export const adminRole = analytics.adminRole;
export const serviceUser = analytics.serviceUserName;
export const schemas = analytics.schemaNames;
