// OWNERSHIP of an object moved to a role or database role: GRANT OWNERSHIP over the SQL API, because the choice
// Snowflake requires when the object has grants -- COPY or REVOKE CURRENT GRANTS (GRANT OWNERSHIP docs; the
// "Dependent grant exists" failures other tools hit) -- has no place in role.yaml's Grant. The owner before the
// transfer is recorded at create and given the object back on delete (with COPY CURRENT GRANTS, so deleting the
// resource loses no one's privileges). Read as the object's `owner`, from the GET of the resource type with that
// SQL object type.
import { z } from "zod";
import { ConflictError, NotFoundError } from "../../client/errors";
import { executeSql } from "../../client/sql-api";
import { identifier, keyword, qualifiedIdentifier, sql, SqlText } from "../../sql/sql-text";
import { ObjectAccess, Properties, ResourceDefinition } from "../definition";
import { identifierSegment, storedName } from "../identifiers";
import { formatSecurableName, parseSecurableName } from "../kinds/grants";
import type { ObjectApi } from "../object-api";
import { describeGrantee, granteeOf } from "./grantees";

export const OwnershipSnapshot = z.strictObject({
  securable_type: z.string(), securable_name: z.string(), to_role: z.string().optional(), to_database_role: z.string().optional(),
  current_grants: z.string().optional(), previous_owner: z.string().optional(),
});

/** The resource type whose objects a securable type names (DYNAMIC TABLE -> DynamicTable), where it has a GET. */
export type OwnedTypeLookup = (securableType: string) => ResourceDefinition | undefined;

const parts = (properties: Properties) => parseSecurableName(String(properties.securableName)) ?? [];
const words = (properties: Properties) => `${String(properties.securableType).toUpperCase()} ${formatSecurableName(parts(properties))}`;

/** Owners as Snowflake reports them (`R`, `"my role"`, `DB.R`), as stored parts joined by dots. */
const ownerKey = (owner: string) => (parseSecurableName(owner) ?? [owner]).join(".");

function objectPath(definition: ResourceDefinition, properties: Properties): string {
  const names = parts(properties);
  const segment = (stored: string) => identifierSegment(`"${stored.replace(/"/g, '""')}"`);
  const path = definition.collectionPath.replace("{database}", segment(names[0])).replace("{schema}", segment(names[1] ?? ""));
  return `${path}/${segment(names[names.length - 1])}`;
}

/** Previous owners recorded by creates in this process, until their read back puts them in state. */
const recordedOwners = new Map<string, string>();

export function ownershipAccess(lookup: OwnedTypeLookup): ObjectAccess {
  const definitionOf = (properties: Properties) => {
    const definition = lookup(String(properties.securableType));
    if (!definition) throw new Error(`ownership of ${words(properties)} cannot be read: no resource type reads ${String(properties.securableType)} objects`);
    return definition;
  };
  const qualifiedName = (properties: Properties) => `ownership of ${words(properties)} to ${describeGrantee(granteeOf(properties))}`;

  async function ownerOf(api: ObjectApi, properties: Properties): Promise<string | undefined> {
    try {
      const { body } = await api.client.request<{ owner?: string }>({ method: "GET", path: objectPath(definitionOf(properties), properties) });
      return typeof body?.owner === "string" ? body.owner : undefined;
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  function transfer(api: ObjectApi, properties: Properties, to: { type: string; parts: string[] }, currentGrants: "COPY" | "REVOKE"): Promise<unknown> {
    const target: SqlText = to.type === "DATABASE ROLE" ? sql`DATABASE ROLE ${qualifiedIdentifier(to.parts)}` : sql`ROLE ${identifier(to.parts[0])}`;
    return executeSql(api.client, sql`GRANT OWNERSHIP ON ${keyword(String(properties.securableType).toUpperCase())} ${qualifiedIdentifier(parts(properties))} TO ${target} ${keyword(currentGrants)} CURRENT GRANTS`);
  }

  return {
    qualifiedName,
    async fetch(api, properties) {
      const owner = await ownerOf(api, properties);
      // Owned by someone else now (or gone): the transfer this resource made no longer holds.
      if (owner === undefined || ownerKey(owner) !== granteeOf(properties).parts.join(".")) return undefined;
      const snapshot: Record<string, unknown> = { securable_type: properties.securableType, securable_name: properties.securableName, current_grants: properties.currentGrants };
      for (const [key, wireName] of [["toRole", "to_role"], ["toDatabaseRole", "to_database_role"]]) if (typeof properties[key] === "string") snapshot[wireName] = properties[key];
      const previous = (properties.previousOwner as string | undefined) ?? recordedOwners.get(qualifiedName(properties));
      if (previous !== undefined) snapshot.previous_owner = previous;
      return { snapshot: OwnershipSnapshot.parse(snapshot) };
    },
    async create(api, properties) {
      const owner = await ownerOf(api, properties);
      if (owner === undefined) throw new Error(`cannot transfer ownership of ${words(properties)}: it does not exist`);
      const grantee = granteeOf(properties);
      if (ownerKey(owner) === grantee.parts.join(".") && properties.adoptExisting !== true) {
        throw new ConflictError({ status: 409, message: `${words(properties)} is owned by ${owner} already`, method: "GET", path: objectPath(definitionOf(properties), properties) });
      }
      recordedOwners.set(qualifiedName(properties), owner);
      await transfer(api, properties, grantee, properties.currentGrants === "REVOKE" ? "REVOKE" : "COPY");
    },
    async delete(api, properties) {
      const previous = properties.previousOwner as string | undefined;
      const owner = await ownerOf(api, properties);
      // Gone, or moved on by someone else since: not this resource's to give back.
      if (!previous || owner === undefined || ownerKey(owner) !== granteeOf(properties).parts.join(".")) return;
      const back = parseSecurableName(previous) ?? [storedName(previous)];
      await transfer(api, properties, { type: back.length === 2 ? "DATABASE ROLE" : "ROLE", parts: back }, "COPY");
    },
  };
}
