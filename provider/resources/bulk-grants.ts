// Privileges on every object of a type in a database or schema: now (GrantOnAll: grantPrivileges with a
// `containing_scope`) or as they are created (FutureGrant: grantFuturePrivileges, listed by listFutureGrants).
// Snowflake keeps no record of an ON ALL grant, only the privileges it put on each object, so a GrantOnAll is read
// as the privileges every object of the type in the scope holds now: a new object without them shows as a diff
// that up grants again (pair it with a FutureGrant so new objects get them by themselves). Objects of a type this
// package has no resource for (file formats, ...) cannot be listed, so such a GrantOnAll is not drift-checked.
import { ObjectLister, privilegeGrantAccess, PRIVILEGE_GRANT_PROPERTIES, PrivilegeGrantSnapshot } from "../engine/access/privilege-grants";
import { defineResource } from "../engine/define";
import { Properties } from "../engine/definition";
import { isSet } from "../engine/field-kind";
import { securableTypeKind } from "../engine/kinds/grants";
import { qualifiedNameKind } from "../engine/kinds/names";
import { bulkTypes, canonicalTypeName } from "../engine/kinds/securables";
import { field } from "./common";
import { databaseRoleScopeProblems, expandedPrivileges, granteeFields, granteeProblems, privilegeProblems, privilegesField, withGrantOptionField } from "./grant-fields";
import { scopeObjectLister } from "./scope-objects";

const GRANTEES = ["toRole", "toDatabaseRole"] as const;

function scopeProblems(properties: Properties): { property: string; reason: string }[] {
  const both = isSet(properties.inDatabase) && isSet(properties.inSchema);
  if (both || (!isSet(properties.inDatabase) && !isSet(properties.inSchema))) return [{ property: "inSchema", reason: both ? "declare inDatabase or inSchema, not both" : "required but not given, and no inDatabase either; declare where: a schema (DB.SCHEMA), or inDatabase (DB)" }];
  if (canonicalTypeName(String(properties.objectType)) === "SCHEMA" && isSet(properties.inSchema)) return [{ property: "inSchema", reason: "schemas are in a database: use inDatabase" }];
  return [];
}

function bulkGrant(typeName: string, scope: "all" | "future", lister: ObjectLister | undefined, words: { doc: string; when: string }) {
  return defineResource({
    typeName,
    noun: scope === "all" ? "grant on all objects" : "future grant",
    doc: words.doc,
    collectionPath: scope === "all" ? "/api/v2/roles/{role}/grants" : "/api/v2/roles/{role}/future-grants",
    changes: "replace",
    access: privilegeGrantAccess(scope, lister),
    fields: {
      ...granteeFields([...GRANTEES], "the privileges"),
      objectType: field("securable_type", securableTypeKind(bulkTypes(), "BulkGrantObjectType"), `The type of the objects ${words.when}: SCHEMA (in a database) or a schema object type such as TABLE, VIEW, DYNAMIC TABLE, STAGE (singular SQL spelling). A change is another grant.`, { required: true, immutable: true }),
      inDatabase: field("in_database", qualifiedNameKind(1, { exactly: true, what: "a database" }), "The database whose objects of the type (in every schema) get the privileges. Give this or inSchema. A change moves the grant; a database renamed keeps it.", { change: "access" }),
      inSchema: field("in_schema", qualifiedNameKind(2, { exactly: true, what: "a schema" }), "The schema, as `DB.SCHEMA`, whose objects of the type get the privileges. Give this or inDatabase. A change moves the grant; a schema renamed keeps it.", { change: "access" }),
      privileges: privilegesField(`the objects ${words.when}`),
      withGrantOption: withGrantOptionField,
    },
    outputs: {},
    comparable: expandedPrivileges("objectType"),
    crossChecks: (properties) => [
      ...granteeProblems(properties, [...GRANTEES]), ...scopeProblems(properties),
      ...databaseRoleScopeProblems(properties, "schema", (properties.inSchema ?? properties.inDatabase) as string | undefined), ...privilegeProblems(properties, "objectType"),
    ],
    wire: { schema: PrivilegeGrantSnapshot, properties: PRIVILEGE_GRANT_PROPERTIES.filter((wire) => wire !== "securable_name"), readOnly: [] },
  });
}

export const grantOnAll = bulkGrant("GrantOnAll", "all", scopeObjectLister, {
  doc: "Privileges on every object of a type that exists now in a database or schema (GRANT ... ON ALL <type>S IN ...). Read as what every such object holds now, so an object created later without them shows as a diff that up grants again; deleting revokes them from all of them -- Snowflake's REVOKE ... ON ALL also takes them where another grant gave them, so do not declare the same privilege on those objects twice (REST: /api/v2/roles/{role}/grants with containing_scope).",
  when: "that exist now",
});

export const futureGrant = bulkGrant("FutureGrant", "future", undefined, {
  doc: "Privileges every object of a type created from now on in a database or schema gets (GRANT ... ON FUTURE <type>S IN ...). Schema-level future grants take precedence over database-level ones (Snowflake docs). Deleting revokes the future grant, not the privileges objects already got (REST: /api/v2/roles/{role}/future-grants).",
  when: "created from now on",
});
