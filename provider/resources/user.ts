// user.yaml components/schemas/User: an account object, changed by PUT create-or-alter (the full property set; the
// body starts from the live user, so settings made elsewhere are kept). user.yaml's PUT "does not currently alter"
// a password, so a password is sent only when the user is created and changed with ALTER USER ... SET PASSWORD
// over the SQL API. The spec has no :rename: a new name is ALTER USER ... RENAME TO. The password policy is not a
// property of the REST model: ALTER USER ... SET / UNSET PASSWORD POLICY (ALTER USER docs).
import { FieldDefinition, Properties } from "../engine/definition";
import { defineResource } from "../engine/define";
import { isSet } from "../engine/field-kind";
import { caseInsensitiveTextKind, rsaPublicKeyKind } from "../engine/kinds/credentials";
import { identifierKind, qualifiedNameKind } from "../engine/kinds/names";
import { booleanKind, choiceKind, enumType, integerKind, textKind } from "../engine/kinds/scalars";
import { secretLiteral, sql } from "../sql/sql-text";
import * as wire from "../wire/user";
import { commentField, field, nameField, output, ownershipOutputs } from "./common";

// CREATE USER docs: TYPE = PERSON | SERVICE | LEGACY_SERVICE | NULL; NULL (unset) behaves as PERSON.
const USER_TYPE = enumType("UserType", "PERSON (a human), SERVICE (a program: key pair or OAuth only, no password) or LEGACY_SERVICE (a program that still logs in with a password).", ["PERSON", "SERVICE", "LEGACY_SERVICE"]);
// user.yaml default_secondary_roles: ALL or NONE, default ALL.
const SECONDARY_ROLES = enumType("DefaultSecondaryRoles", "ALL (every role granted to the user is active as a secondary role) or NONE.", ["ALL", "NONE"]);

/**
 * A count Snowflake reports as what is left of it (DESCRIBE USER: days to expiry, minutes to unlock, minutes MFA is
 * still bypassed), so a read would show drift as time passes: compared with the declaration only, sent on
 * create, changed with ALTER USER ... SET / UNSET; a PUT for other changes carries Snowflake's remaining value.
 */
function countdownField(wireName: string, doc: string): FieldDefinition {
  return field(wireName, integerKind({ min: 0 }), `${doc} Compared with the declaration only (Snowflake reports what is left of it).`, { writeOnly: true, body: "create", change: "sql" });
}

// Snowflake docs (user TYPE property; ALTER USER): a SERVICE user cannot log in with a password and cannot have
// FIRST_NAME, MIDDLE_NAME, LAST_NAME, PASSWORD, MUST_CHANGE_PASSWORD or MINS_TO_BYPASS_MFA. The list is from the
// docs as summarized by third-party pages; Snowflake's own error text is not confirmed.
const NOT_FOR_SERVICE_USERS = ["password", "firstName", "middleName", "lastName", "mustChangePassword", "minsToBypassMfa"];

function serviceUserProblems(properties: Properties): { property: string; reason: string }[] {
  if (String(properties.type ?? "").trim().toUpperCase() !== "SERVICE") return [];
  return NOT_FOR_SERVICE_USERS.filter((key) => isSet(properties[key]) && !(key === "mustChangePassword" && properties[key] === false)).map((key) => ({
    property: key,
    reason: key === "password"
      ? "a SERVICE user cannot have a password (Snowflake refuses password logins for type SERVICE); give it rsaPublicKey, or use type LEGACY_SERVICE"
      : `not allowed for a user of type SERVICE (Snowflake keeps ${key} for PERSON and LEGACY_SERVICE users)`,
  }));
}

const policyName = qualifiedNameKind(3, { exactly: true, what: "a password policy" });

export const user = defineResource({
  typeName: "User",
  noun: "user",
  doc: "A user: who logs in and how (password, key pair), and their session defaults (REST: /api/v2/users). Changed in place; a new name renames the user, keeping its grants.",
  collectionPath: "/api/v2/users",
  changes: "put",
  sqlObjectType: "USER",
  rename: "sql",
  tags: true,
  fields: {
    name: nameField("user"),
    loginName: field("login_name", caseInsensitiveTextKind(), "Name to log in with (case-insensitive). Default: the user's name."),
    displayName: field("display_name", textKind(), "Name shown in Snowsight. Default: the user's name."),
    firstName: field("first_name", textKind(), "First name (not for SERVICE users)."),
    middleName: field("middle_name", textKind(), "Middle name (not for SERVICE users)."),
    lastName: field("last_name", textKind(), "Last name (not for SERVICE users)."),
    email: field("email", textKind(), "Email address."),
    comment: commentField("user"),
    // Before the password: a password set in the same update must meet the policy it is moving to.
    passwordPolicy: field("password_policy", policyName, "Password policy of the user, as DB.SCHEMA.POLICY (a PasswordPolicy's fullyQualifiedName). Set with ALTER USER ... SET PASSWORD POLICY; Snowflake's user snapshot does not report it, so it is compared with the declaration only.", {
      writeOnly: true, body: "never", change: "sql",
      sql: { set: (value) => sql`SET PASSWORD POLICY ${policyName.toSql(value)}`, unset: sql`UNSET PASSWORD POLICY`, unsetFirst: true },
    }),
    password: field("password", textKind(), "Password (not for SERVICE users). Secret: stored only encrypted in state, never returned by Snowflake, so a change is seen from the declared value only (a password changed elsewhere is not drift); a change is ALTER USER ... SET PASSWORD, removing it UNSET PASSWORD.", {
      secret: true, writeOnly: true, body: "create", change: "sql",
      sql: { set: (value) => sql`SET PASSWORD = ${secretLiteral(String(value))}`, unset: sql`UNSET PASSWORD` },
    }),
    mustChangePassword: field("must_change_password", booleanKind(), "Ask for a new password at the next login. Default false.", { serverDefault: false }),
    disabled: field("disabled", booleanKind(), "Refuse the user's logins and abort its queries. Default false.", { serverDefault: false }),
    daysToExpiry: countdownField("days_to_expiry", "Days until the user expires and can no longer log in."),
    minsToUnlock: countdownField("mins_to_unlock", "Minutes until a user locked out by failed logins is unlocked."),
    minsToBypassMfa: countdownField("mins_to_bypass_mfa", "Minutes the user may log in without MFA (not for SERVICE users)."),
    defaultWarehouse: field("default_warehouse", identifierKind(), "Warehouse a session starts with (Snowflake does not check that it exists)."),
    defaultNamespace: field("default_namespace", qualifiedNameKind(2, { what: "a database or database.schema" }), "Database, or DB.SCHEMA, a session starts in."),
    defaultRole: field("default_role", identifierKind(), "Role a session starts with (it must also be granted to the user)."),
    defaultSecondaryRoles: field("default_secondary_roles", choiceKind(SECONDARY_ROLES), "ALL (default) or NONE.", { serverDefault: "ALL" }),
    rsaPublicKey: field("rsa_public_key", rsaPublicKeyKind(), "RSA public key for key-pair logins (PEM or its base64 body). Changed independently of rsaPublicKey2, so keys rotate without a gap: set the new key as rsaPublicKey2, move clients to it, then remove rsaPublicKey."),
    rsaPublicKey2: field("rsa_public_key_2", rsaPublicKeyKind(), "Second RSA public key, for rotation (see rsaPublicKey)."),
    type: field("type", choiceKind(USER_TYPE), "PERSON (default), SERVICE or LEGACY_SERVICE.", { serverDefault: "PERSON" }),
    enableUnredactedQuerySyntaxError: field("enable_unredacted_query_syntax_error", booleanKind(), "Show the user's failed queries unredacted in query history. Default false.", { serverDefault: false }),
    networkPolicy: field("network_policy", identifierKind(), "Network policy for the user's logins (e.g. a NetworkPolicy's name); unset: the account's."),
  },
  outputs: {
    hasPassword: output("has_password", booleanKind(), "Whether the user has a password."),
    hasRsaPublicKey: output("has_rsa_public_key", booleanKind(), "Whether the user has an RSA public key."),
    rsaPublicKeyFp: output("rsa_public_key_fp", textKind(), "Fingerprint (SHA256:...) of rsaPublicKey."),
    rsaPublicKey2Fp: output("rsa_public_key_2_fp", textKind(), "Fingerprint (SHA256:...) of rsaPublicKey2."),
    ...ownershipOutputs("user"),
  },
  crossChecks: serviceUserProblems,
  wire: { schema: wire.User, properties: wire.User_PROPERTIES, readOnly: wire.User_READ_ONLY },
});
