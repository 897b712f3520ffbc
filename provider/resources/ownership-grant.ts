// OWNERSHIP of an object given to a role or database role (GRANT OWNERSHIP ... COPY | REVOKE CURRENT GRANTS over
// the SQL API; engine/access/ownership-grant.ts). The choice about the object's current grants is explicit, as
// Snowflake requires it whenever the object has grants, and deleting the resource gives the object back to the
// owner recorded at creation. Objects whose resource type reads them by GET can be transferred.
import { ownershipAccess, OwnershipSnapshot } from "../engine/access/ownership-grant";
import { defineResource } from "../engine/define";
import { securableNameKind, securableNameProblem, securableTypeKind } from "../engine/kinds/grants";
import { choiceKind, enumType, textKind } from "../engine/kinds/scalars";
import { SECURABLE_TYPES, securableType } from "../engine/kinds/securables";
import { field, output } from "./common";
import { definitionForSecurableType } from "./definition-lookup";
import { granteeFields, granteeProblems } from "./grant-fields";

const GRANTEES = ["toRole", "toDatabaseRole"] as const;

const ownedType = definitionForSecurableType;

const TRANSFERABLE = [...SECURABLE_TYPES.keys()].filter((type) => type !== "ACCOUNT");
const CURRENT_GRANTS = enumType("CurrentGrants", "What happens to the privileges already granted on the object when its ownership moves.", ["COPY", "REVOKE"]);

export const ownershipGrant = defineResource({
  typeName: "OwnershipGrant",
  noun: "ownership grant",
  doc: "Ownership of an object moved to a role or database role (GRANT OWNERSHIP). The object's current grants are kept (COPY) or revoked (REVOKE), as you choose; with REVOKE, make the object's Grant resources depend on this one (dependsOn), or the transfer revokes them right after they are made. Deleting the resource gives the object back to its owner before, keeping grants. The deploying role must still be able to manage the object afterwards (own the new owner role, or hold MANAGE GRANTS) (SQL API: GRANT OWNERSHIP).",
  collectionPath: "/api/v2/roles/{role}/grants",
  changes: "replace",
  access: ownershipAccess(ownedType),
  fields: {
    ...granteeFields([...GRANTEES], "the ownership"),
    securableType: field("securable_type", securableTypeKind(TRANSFERABLE, "OwnedObjectType"), "The type of the object: DATABASE, SCHEMA, WAREHOUSE, TABLE, VIEW, ... (types this package reads by GET). A change is another transfer.", { required: true, immutable: true }),
    securableName: field("securable_name", securableNameKind(), "The object's name, qualified as its type needs (`NAME`, `DB.SCHEMA`, `DB.SCHEMA.NAME`, e.g. `table.fullyQualifiedName`). A change gives the old object back and takes the new one; an object renamed keeps its owner.", { required: true, change: "access" }),
    currentGrants: field("current_grants", choiceKind(CURRENT_GRANTS), "The privileges already granted on the object: COPY keeps them (now granted by the new owner), REVOKE removes them. Required: Snowflake refuses the transfer of an object with grants without this choice. Acts at the transfer only.", { required: true, createOnly: true }),
  },
  outputs: {
    previousOwner: output("previous_owner", textKind(), "The owner before the transfer, which gets the object back when the resource is deleted."),
  },
  crossChecks: (properties) => {
    const type = securableType(String(properties.securableType));
    const problems = granteeProblems(properties, [...GRANTEES]);
    if (type && !ownedType(type.name)) problems.push({ property: "securableType", reason: `ownership of ${type.name} objects cannot be read back by this package yet; allowed: ${TRANSFERABLE.filter((name) => ownedType(name)).join(", ")}` });
    const nameProblem = type ? securableNameProblem(type, properties.securableName) : undefined;
    if (nameProblem) problems.push({ property: "securableName", reason: nameProblem });
    return problems;
  },
  wire: { schema: OwnershipSnapshot, properties: Object.keys(OwnershipSnapshot.shape), readOnly: ["previous_owner"] },
});
