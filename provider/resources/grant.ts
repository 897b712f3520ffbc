// Privileges on one object (or on the account) granted to an account role or a database role: role.yaml /
// database-role.yaml grantPrivileges with a `securable`, read from the grantee's listGrants (one list per grantee
// shared by all its grants), revoked with grants:revoke. One resource per grantee + securable + grant option,
// holding a set of privileges changed in place (engine/access/privilege-grants.ts).
import { privilegeGrantAccess, PRIVILEGE_GRANT_PROPERTIES, PrivilegeGrantSnapshot } from "../engine/access/privilege-grants";
import { defineResource } from "../engine/define";
import { securableNameKind, securableNameProblem, securableTypeKind } from "../engine/kinds/grants";
import { securableType } from "../engine/kinds/securables";
import { field } from "./common";
import { databaseRoleScopeProblems, expandedPrivileges, granteeFields, granteeProblems, privilegeProblems, privilegesField, withGrantOptionField } from "./grant-fields";

const GRANTEES = ["toRole", "toDatabaseRole"] as const;

export const grant = defineResource({
  typeName: "Grant",
  noun: "grant",
  doc: "Privileges on one object, or on the account, granted to an account role or a database role (GRANT <privileges> ON <object> TO ...). A change of privileges grants and revokes only the difference; deleting revokes exactly the privileges it holds (REST: /api/v2/roles/{role}/grants).",
  collectionPath: "/api/v2/roles/{role}/grants",
  changes: "replace",
  access: privilegeGrantAccess("object"),
  fields: {
    ...granteeFields([...GRANTEES], "the privileges"),
    securableType: field("securable_type", securableTypeKind(), "What the privileges are on: ACCOUNT, DATABASE, WAREHOUSE, SCHEMA, TABLE, VIEW, STAGE, TASK, ... (SQL spelling; any case, `_` for spaces). A change is another grant.", { required: true, immutable: true }),
    securableName: field("securable_name", securableNameKind(), "The object's name, qualified as its type needs: `NAME` for account objects (databases, warehouses), `DB.SCHEMA` for schemas, `DB.SCHEMA.NAME` for schema objects (e.g. `table.fullyQualifiedName`); left out for ACCOUNT. A change moves the grant to that object; an object renamed keeps it.", { change: "access" }),
    privileges: privilegesField("the object"),
    withGrantOption: withGrantOptionField,
  },
  outputs: {},
  comparable: expandedPrivileges("securableType"),
  crossChecks: (properties) => {
    const type = securableType(String(properties.securableType));
    const nameProblem = type ? securableNameProblem(type, properties.securableName) : undefined;
    const scope = databaseRoleScopeProblems(properties, type?.level, typeof properties.securableName === "string" ? properties.securableName : undefined);
    return [...granteeProblems(properties, [...GRANTEES]), ...(nameProblem ? [{ property: "securableName", reason: nameProblem }] : []), ...scope, ...privilegeProblems(properties, "securableType")];
  },
  wire: { schema: PrivilegeGrantSnapshot, properties: PRIVILEGE_GRANT_PROPERTIES.filter((wire) => !wire.startsWith("in_")), readOnly: [] },
});
