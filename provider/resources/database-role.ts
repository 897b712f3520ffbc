// database-role.yaml components/schemas/DatabaseRole: a role that lives in a database. The spec has no GET of one
// database role and its list offers only fromName and showLimit, so it is read as its row of
// GET .../database-roles?fromName=<name>&showLimit=<a few> (readByList). ALTER DATABASE ROLE docs: the only changes
// are RENAME TO (within the same database) and SET / UNSET COMMENT (and tags); another database is another role.
import { defineResource } from "../engine/define";
import * as wire from "../wire/database-role";
import { commentField, databaseField, nameField, ownershipOutputs } from "./common";

export const databaseRole = defineResource({
  typeName: "DatabaseRole",
  noun: "database role",
  doc: "A database role: privileges on one database's objects, granted to account roles or other database roles (REST: .../databases/{database}/database-roles).",
  collectionPath: "/api/v2/databases/{database}/database-roles",
  changes: "sql",
  sqlObjectType: "DATABASE ROLE",
  rename: "sql",
  readByList: { nameQuery: "fromName" },
  tags: true,
  fields: {
    database: databaseField("database role"),
    name: nameField("database role"),
    comment: commentField("database role"),
  },
  // The grant counts change with every GRANT made anywhere: not kept in state.
  outputs: ownershipOutputs("database role"),
  wire: { schema: wire.DatabaseRole, properties: wire.DatabaseRole_PROPERTIES, readOnly: wire.DatabaseRole_READ_ONLY },
});
