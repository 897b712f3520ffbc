// GRANT OWNERSHIP ON <type> <name> TO [ROLE | DATABASE ROLE] <role> [COPY | REVOKE CURRENT GRANTS], over the SQL
// API (role.yaml's Grant has no room for the COPY / REVOKE choice). GRANT OWNERSHIP docs: the new owner gets the
// object; REVOKE CURRENT GRANTS removes the privileges granted on it, COPY CURRENT GRANTS keeps them, and with
// neither the statement fails while such grants exist (the "Dependent grant ... exists" error users of other tools
// report, e.g. terraform-provider-snowflake #152 and #1942; its code is not confirmed).
import { SECURABLE_TYPES } from "../../../provider/engine/kinds/securables";
import { CatalogObject, collectionOf, displayName } from "../catalog/catalog";
import { doesNotExist, ErrorCodes } from "../errors";
import { formatIdentifier } from "../identifiers";
import { findDatabase } from "../rest/lookup";
import { DDL_TYPE_ID, ResultSet, SessionFacts, text } from "../sql/select";
import { TokenStream } from "../sql/token-stream";
import { SqlError } from "../sql/tokens";
import { findSecurable } from "./securables";
import { grantsOf, removeGrants } from "./store";

/** The longest securable type the next words name (DYNAMIC TABLE before TABLE). */
function readType(stream: TokenStream): string {
  for (const words of [3, 2, 1]) {
    const tokens = Array.from({ length: words }, (_, index) => stream.peek(index));
    if (tokens.some((token) => token?.type !== "word")) continue;
    const name = tokens.map((token) => token!.value.toUpperCase()).join(" ");
    if (SECURABLE_TYPES.has(name) && name !== "ACCOUNT") {
      tokens.forEach(() => stream.next());
      return name;
    }
  }
  throw stream.unexpected(stream.next());
}

function readNewOwner(stream: TokenStream, session: SessionFacts): { role: CatalogObject } {
  const databaseRole = stream.accept("DATABASE", "ROLE");
  if (!databaseRole) stream.accept("ROLE");
  const parts = stream.qualifiedName();
  if (databaseRole || parts.length === 2) {
    const role = collectionOf(findDatabase(session.account, parts[0]), "database-roles").get(parts[1]);
    if (!role) throw doesNotExist("Database role", parts.map(formatIdentifier).join("."));
    return { role };
  }
  const role = collectionOf(session.account.catalog, "roles").get(parts[0]);
  if (!role) throw doesNotExist("Role", formatIdentifier(parts[0]));
  return { role };
}

export function grantOwnershipStatement(sqlText: string, session: SessionFacts): ResultSet {
  const stream = new TokenStream(sqlText);
  stream.expect("GRANT");
  stream.expect("OWNERSHIP");
  stream.expect("ON");
  const type = SECURABLE_TYPES.get(readType(stream))!;
  // findSecurable reads names as the REST bodies give them: formatted identifiers.
  const [name, schema, database] = stream.qualifiedName().map(formatIdentifier).reverse();
  const object = findSecurable(session.account, type, { database: database ?? (type.level === "database" ? schema : undefined), schema: type.level === "schema" ? schema : undefined, name });
  stream.expect("TO");
  const owner = readNewOwner(stream, session);
  const copy = stream.accept("COPY", "CURRENT", "GRANTS");
  const revoke = !copy && stream.accept("REVOKE", "CURRENT", "GRANTS");
  stream.expectEnd();
  const onObject = grantsOf(session.account).filter((record) => record.kind === "privilege" && record.object === object);
  if (onObject.length && !copy && !revoke) {
    const [first] = onObject;
    throw new SqlError(ErrorCodes.sqlCompilation, "42501", `SQL execution error:\nDependent grant of privilege '${first.kind === "privilege" ? first.privilege : ""}' on securable '${displayName(object)}' to role '${displayName(first.grantee.object)}' exists. It must be revoked first. To revoke all dependent grants while transferring object ownership, use convenience command 'GRANT OWNERSHIP ON <target_objects> TO <target_role> REVOKE CURRENT GRANTS'.`);
  }
  if (revoke) removeGrants(session.account, (record) => record.kind === "privilege" && record.object === object);
  // The owner is the role itself, so a renamed owner shows its new name (rest/render.ts).
  object.facts.owner = owner.role;
  return { columns: [text("status")], rows: [["Statement executed successfully."]], statementTypeId: DDL_TYPE_ID };
}
