// role.yaml components/schemas/Role: an account role. role.yaml has no GET of one role, so it is read as its row of
// GET /api/v2/roles?like=<name> (readByList). ALTER ROLE docs: the only changes are RENAME TO and SET / UNSET
// COMMENT (and tags), so the comment changes over the SQL API and a new name renames the role in place, keeping
// its grants. Nothing else is settable, so a role is never replaced.
import { defineResource } from "../engine/define";
import * as wire from "../wire/role";
import { commentField, nameField, ownershipOutputs } from "./common";

export const role = defineResource({
  typeName: "Role",
  noun: "role",
  doc: "An account role: privileges are granted to it, and it is granted to users and other roles (REST: /api/v2/roles).",
  collectionPath: "/api/v2/roles",
  changes: "sql",
  sqlObjectType: "ROLE",
  rename: "sql",
  readByList: { nameQuery: "like" },
  tags: true,
  fields: {
    name: nameField("role"),
    comment: commentField("role"),
  },
  // Only what describes the role itself: is_default / is_current / is_inherited describe the session reading it,
  // and the grant counts change with every GRANT made anywhere, so neither is kept in state.
  outputs: ownershipOutputs("role"),
  wire: { schema: wire.Role, properties: wire.Role_PROPERTIES, readOnly: wire.Role_READ_ONLY },
});
