// The marketing data product, and the team role that reads it: the role is created here and handed to the
// component as an Output, so the grant waits for the role.
import * as pulumi from "@pulumi/pulumi";
import * as snowflake from "pulumi-snowflake-dynamic";
// Published, this is `import { DataProduct } from "@acme/snowflake-data-products"` (see ../analytics/index.ts).
import { DataProduct } from "../../lib/src";

const config = new pulumi.Config();

const team = new snowflake.Role("marketing-team", { name: "MARKETING_TEAM", comment: "Marketing analysts" });

const marketing = new DataProduct("marketing", {
  name: "MARKETING",
  schemas: config.requireObject<string[]>("schemas"),
  readers: [team.name, ...(config.getObject<string[]>("extraReaders") ?? [])],
  serviceUserPublicKey: config.require("serviceUserPublicKey"),
  adminRoleGrantedTo: "SYSADMIN",
});

export const database = marketing.databaseName;
export const warehouse = marketing.warehouseName;
export const readerRole = marketing.readerRole;
export const writerRole = marketing.writerRole;
export const adminRole = marketing.adminRole;
export const serviceUser = marketing.serviceUserName;
export const teamRole = team.name;
