// OWNERSHIP of an object moved to a role or database role: GRANT OWNERSHIP over the SQL API, because the choice
// Snowflake requires when the object has grants -- COPY or REVOKE CURRENT GRANTS (GRANT OWNERSHIP docs; the
// "Dependent grant exists" failures other tools hit) -- has no place in role.yaml's Grant. The owner before the
// transfer is recorded at create and given the object back on delete (with COPY CURRENT GRANTS, so deleting the
// resource loses no one's privileges). Read as the object's `owner`, from the GET of the resource type with that
// SQL object type.
import { z } from "zod";
import { executeSql } from "../../client/sql-api";
import { outcomeUnknown } from "../lost-answers";
import { identifier, keyword, qualifiedIdentifier, sql, SqlText } from "../../sql/sql-text";
import { ObjectAccess, Properties, ResourceDefinition } from "../definition";
import { storedName } from "../identifiers";
import { formatSecurableName, parseSecurableName } from "../kinds/grants";
import { canonicalTypeName } from "../kinds/securables";
import { identityFromParts } from "../mapper";
import { ObjectApi } from "../object-api";
import { AlreadyGrantedError, describeGrantee, forgetGranteeLists, granteeOf } from "./grantees";

export const OwnershipSnapshot = z.strictObject({
  securable_type: z.string(), securable_name: z.string(), to_role: z.string().optional(), to_database_role: z.string().optional(),
  current_grants: z.string().optional(), previous_owner: z.string().optional(),
});

/** The resource type whose objects a securable type names (DYNAMIC TABLE -> DynamicTable), where it has a GET. */
export type OwnedTypeLookup = (securableType: string) => ResourceDefinition | undefined;

const parts = (properties: Properties) => parseSecurableName(String(properties.securableName)) ?? [];
const words = (properties: Properties) => `${canonicalTypeName(String(properties.securableType))} ${formatSecurableName(parts(properties))}`;

/**
 * Whether Snowflake's `owner` names the grantee: `R` or `"my role"`, and a database role as `DB.R` (how a database
 * role owner is printed is not confirmed; owner_role_type says DATABASE_ROLE).
 */
const ownedBy = (owner: string, properties: Properties) => (parseSecurableName(owner) ?? [owner]).join(".") === granteeOf(properties).parts.join(".");

/** Previous owners recorded by creates in this process, until their read back puts them in state. */
const recordedOwners = new Map<string, string>();

export function ownershipAccess(lookup: OwnedTypeLookup): ObjectAccess {
  const definitionOf = (properties: Properties) => {
    const definition = lookup(String(properties.securableType));
    if (!definition) throw new Error(`ownership of ${words(properties)} cannot be read: no resource type reads ${String(properties.securableType)} objects`);
    return definition;
  };
  const qualifiedName = (properties: Properties) => `ownership of ${words(properties)} to ${describeGrantee(granteeOf(properties))}`;

  /** The object's `owner`, read by its own type's GET (checked against that type's wire model). */
  async function ownerOf(api: ObjectApi, properties: Properties): Promise<string | undefined> {
    const definition = definitionOf(properties);
    const live = await new ObjectApi(definition, api.client).fetch(identityFromParts(definition, parts(properties)), false);
    const owner = live?.snapshot.owner;
    return typeof owner === "string" ? owner : undefined;
  }

  async function transfer(api: ObjectApi, properties: Properties, to: { type: string; parts: string[] }, currentGrants: "COPY" | "REVOKE"): Promise<void> {
    const target: SqlText = to.type === "DATABASE ROLE" ? sql`DATABASE ROLE ${qualifiedIdentifier(to.parts)}` : sql`ROLE ${identifier(to.parts[0])}`;
    await executeSql(api.client, sql`GRANT OWNERSHIP ON ${keyword(canonicalTypeName(String(properties.securableType)))} ${qualifiedIdentifier(parts(properties))} TO ${target} ${keyword(currentGrants)} CURRENT GRANTS`);
    // REVOKE CURRENT GRANTS changed the lists of every role that held a privilege on the object.
    forgetGranteeLists();
  }

  /** Moves the object to the grantee, recording who owned it before. */
  async function take(api: ObjectApi, properties: Properties): Promise<void> {
    const owner = await ownerOf(api, properties);
    if (owner === undefined) throw new Error(`cannot transfer ownership of ${words(properties)}: it does not exist`);
    recordedOwners.set(qualifiedName(properties), owner);
    try {
      await transfer(api, properties, granteeOf(properties), properties.currentGrants === "REVOKE" ? "REVOKE" : "COPY");
    } catch (error) {
      // The answer was lost: owned by the grantee now (and not a moment ago, when it was read) means it went through.
      const now = outcomeUnknown(error) ? await ownerOf(api, properties) : undefined;
      if (now === undefined || !ownedBy(now, properties)) throw error;
    }
  }

  /** Gives the object back to the owner recorded at the transfer, unless it is gone or someone moved it on since. */
  async function giveBack(api: ObjectApi, properties: Properties): Promise<void> {
    const previous = properties.previousOwner as string | undefined;
    const owner = await ownerOf(api, properties);
    if (!previous || owner === undefined || !ownedBy(owner, properties)) return;
    const back = parseSecurableName(previous) ?? [storedName(previous)];
    await transfer(api, properties, { type: back.length === 2 ? "DATABASE ROLE" : "ROLE", parts: back }, "COPY");
  }

  return {
    apis: ["REST", "SQL API"],
    qualifiedName,
    async fetch(api, properties) {
      const owner = await ownerOf(api, properties);
      // Owned by someone else now (or gone): the transfer this resource made no longer holds.
      if (owner === undefined || !ownedBy(owner, properties)) return undefined;
      const snapshot: Record<string, unknown> = { securable_type: properties.securableType, securable_name: properties.securableName, current_grants: properties.currentGrants };
      for (const [key, wireName] of [["toRole", "to_role"], ["toDatabaseRole", "to_database_role"]]) if (typeof properties[key] === "string") snapshot[wireName] = properties[key];
      const previous = recordedOwners.get(qualifiedName(properties)) ?? (properties.previousOwner as string | undefined);
      if (previous !== undefined) snapshot.previous_owner = previous;
      return { snapshot: OwnershipSnapshot.parse(snapshot) };
    },
    async create(api, properties) {
      const owner = await ownerOf(api, properties);
      if (owner !== undefined && ownedBy(owner, properties) && properties.adoptExisting !== true) {
        throw new AlreadyGrantedError(`${words(properties)} is owned by ${owner} already, outside this stack`);
      }
      await take(api, properties);
    },
    async delete(api, properties) {
      await giveBack(api, properties);
    },
    async update(api, olds, news) {
      const owner = await ownerOf(api, news);
      // The object or the role was renamed: the ownership followed it, and so does the owner to give it back to.
      if (owner !== undefined && ownedBy(owner, news)) {
        if (olds.previousOwner !== undefined) recordedOwners.set(qualifiedName(news), olds.previousOwner as string);
        return;
      }
      await giveBack(api, olds);
      await take(api, news);
    },
  };
}
