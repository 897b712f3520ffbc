// Database roles (database-role.yaml; CREATE / ALTER / DROP / SHOW DATABASE ROLES docs). The spec has no GET of
// one database role, and its list takes only `fromName` and `showLimit` (SHOW DATABASE ROLES IN DATABASE <db>
// LIMIT <rows> FROM '<name>': names from the first one >= the string, in order; listing.ts). ALTER DATABASE ROLE
// docs: RENAME TO, SET / UNSET COMMENT and tags; a rename keeps the role in its database.
import * as wire from "../../../provider/wire/database-role";
import { CatalogObject, displayName } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { grantOperations } from "../grants/operations";
import { grantsOf } from "../grants/store";
import { renameObject } from "../rest/actions";
import { ErrorCodes } from "../errors";
import { formatIdentifier } from "../identifiers";
import { SqlError } from "../sql/tokens";

const DATABASE_ROLES = "database-roles";

export const databaseRoleKind: ObjectKind = {
  spec: "database-role",
  model: "DatabaseRole",
  objectType: "Database role",
  sqlType: "DATABASE ROLE",
  parameterLevel: "DATABASE ROLE",
  collection: DATABASE_ROLES,
  scope: "database",
  wire: { strict: wire.DatabaseRoleStrict, properties: wire.DatabaseRole_PROPERTIES, readOnly: wire.DatabaseRole_READ_ONLY },
  sqlProperties: {
    // ALTER DATABASE ROLE docs: SET COMMENT = '<string_literal>' / UNSET COMMENT.
    COMMENT: { wire: "comment", value: "string", unset: true },
  },
  sqlClauses: [
    {
      // ALTER DATABASE ROLE docs, RENAME TO: "you cannot specify a different database"; only the role's name
      // changes. (The generic RENAME TO would move a db.name target to that database.) The error text is not
      // confirmed against a live account.
      read(stream) {
        if (!stream.accept("RENAME", "TO")) return undefined;
        const parts = stream.qualifiedName();
        return (object: CatalogObject, context) => {
          const database = (object.parent as CatalogObject).name;
          if (parts.length > 2 || (parts.length === 2 && parts[0] !== database)) {
            throw new SqlError(ErrorCodes.sqlCompilation, "42601", `SQL compilation error:\nDatabase role ${displayName(object)} cannot be renamed into another database (${parts.map(formatIdentifier).join(".")}).`);
          }
          renameObject(object, parts[parts.length - 1], context.account);
        };
      },
    },
  ],
  operations: grantOperations("DATABASE ROLE"),
  render(object, { account }) {
    const roleGrants = grantsOf(account).filter((record) => record.kind === "role");
    return {
      granted_to_roles: roleGrants.filter((record) => record.kind === "role" && record.role === object && record.grantee.type === "ROLE").length,
      granted_to_database_roles: roleGrants.filter((record) => record.kind === "role" && record.role === object && record.grantee.type === "DATABASE ROLE").length,
      granted_database_roles: roleGrants.filter((record) => record.grantee.object === object).length,
    };
  },
};
