// Pieces the grant types share: who a grant is to, the privilege set, the grant option, and the rules across them
// checked before anything is sent (one grantee; privileges valid for the securable type; ALL expanded).
import { FieldDefinition, Properties } from "../engine/definition";
import { isSet } from "../engine/field-kind";
import { identifierKind, qualifiedNameKind, storedParts } from "../engine/kinds/names";
import { booleanKind } from "../engine/kinds/scalars";
import { privilegeSetKind } from "../engine/kinds/grants";
import { canonicalTypeName, concretePrivileges, privilegesProblem, securableType } from "../engine/kinds/securables";
import { GRANTEE_FIELDS } from "../engine/access/grantees";
import { field } from "./common";

type GranteeKey = keyof typeof GRANTEE_FIELDS;

const GRANTEE_DOCS: Record<GranteeKey, (what: string) => FieldDefinition> = {
  toRole: (what) => field("to_role", identifierKind(), `The account role receiving ${what} (e.g. \`role.name\`). A change moves the grant (granted there, revoked here); a role renamed keeps it.`, { change: "access" }),
  toDatabaseRole: (what) => field("to_database_role", qualifiedNameKind(2, { exactly: true, what: "a database role" }), `The database role receiving ${what}, as \`DB.ROLE\` (e.g. \`pulumi.interpolate\\\`\${dbRole.database}.\${dbRole.name}\\\`\`). A change moves the grant.`, { change: "access" }),
  toUser: (what) => field("to_user", identifierKind(), `The user receiving ${what} (e.g. \`user.name\`). A change moves the grant.`, { change: "access" }),
};

/** The grantee fields of a grant type: exactly one of them is declared. */
export function granteeFields(keys: GranteeKey[], what: string): Record<string, FieldDefinition> {
  return Object.fromEntries(keys.map((key) => [key, GRANTEE_DOCS[key](what)]));
}

export function granteeProblems(properties: Properties, keys: GranteeKey[]): { property: string; reason: string }[] {
  const declared = keys.filter((key) => isSet(properties[key]));
  if (declared.length === 1) return [];
  return [{ property: keys[0], reason: declared.length ? `declare one grantee, not ${declared.join(" and ")}` : `declare who it is granted to: one of ${keys.join(", ")}` }];
}

export function privilegesField(what: string): FieldDefinition {
  return field("privileges", privilegeSetKind(), `Privileges on ${what}, e.g. ["SELECT"]; any case; \`ALL\` (or \`ALL PRIVILEGES\`) means every privilege of the type except OWNERSHIP, expanded to the list Snowflake reports. Changes grant the added and revoke the removed ones; others granted outside Pulumi are left alone.`, { required: true, change: "access" });
}

export const withGrantOptionField = field("grant_option", booleanKind(), "Whether the grantee may grant these privileges on to others (WITH GRANT OPTION). A change re-grants them. Default false.", { immutable: true, serverDefault: false });

/**
 * GRANT <privileges> docs: a database role takes privileges only on its own database, the database's schemas and
 * their objects -- no global privileges and no other account objects. `names`: the database the grant reaches.
 */
export function databaseRoleScopeProblems(properties: Properties, level: string | undefined, database: string | undefined): { property: string; reason: string }[] {
  if (typeof properties.toDatabaseRole !== "string") return [];
  const own = storedParts(properties.toDatabaseRole)[0];
  if (level === "none" || (level === "account" && canonicalTypeName(String(properties.securableType)) !== "DATABASE")) return [{ property: "toDatabaseRole", reason: `a database role takes privileges only on objects of its own database (${own}), not on ${canonicalTypeName(String(properties.securableType))}` }];
  if (database !== undefined && storedParts(database)[0] !== own) return [{ property: "toDatabaseRole", reason: `a database role takes privileges only on objects of its own database (${own}), not of ${storedParts(database)[0]}` }];
  return [];
}

/** Privileges valid for the type named by `typeKey`; failures name the property, the value and what is allowed. */
export function privilegeProblems(properties: Properties, typeKey: string): { property: string; reason: string }[] {
  const type = securableType(String(properties[typeKey]));
  if (!type || !Array.isArray(properties.privileges)) return [];
  const problem = privilegesProblem(type, properties.privileges as string[]);
  return problem ? [{ property: "privileges", reason: problem }] : [];
}

/** The normal form compared and sent: ALL expanded for the type named by `typeKey`, canonical spelling. */
export function expandedPrivileges(typeKey: string): (properties: Properties) => Properties {
  return (properties) => {
    const type = typeof properties[typeKey] === "string" ? securableType(properties[typeKey] as string) : undefined;
    if (!type || !Array.isArray(properties.privileges) || !properties.privileges.every((item) => typeof item === "string")) return properties;
    return { ...properties, privileges: concretePrivileges(type, properties.privileges as string[]) };
  };
}
