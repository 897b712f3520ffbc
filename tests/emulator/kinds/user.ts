// Users (user.yaml; CREATE / ALTER / DESCRIBE / DROP USER docs): an account object. Its password is never returned
// (has_password says whether there is one), PUT does not alter it (user.yaml createOrAlterUser: "password is not
// currently altered by this operation"), and ALTER USER ... SET PASSWORD / UNSET PASSWORD does. ALTER USER ... SET /
// UNSET PASSWORD POLICY attaches a password policy, which no user snapshot reports. A user with a password or an
// RSA key can log in to the emulator (its login record in AccountState.users follows the user).
import { createPublicKey } from "node:crypto";
import * as wire from "../../../provider/wire/user";
import { CatalogObject, collectionOf, WireValues } from "../catalog/catalog";
import type { AcceptContext, ObjectKind, SqlProperty } from "../catalog/object-kind";
import { badRequest, doesNotExist } from "../errors";
import { grantOperations } from "../grants/operations";
import { formatIdentifier } from "../identifiers";
import { publicKeyFingerprint } from "../keypair-jwt";
import { checkEnum, checkRange } from "../rest/body";
import type { AlterClause } from "../sql/alter";
import type { AccountState } from "../state";
import { effectiveLimits, findPasswordPolicy } from "./password-policy";

// CREATE USER docs: TYPE = PERSON | SERVICE | LEGACY_SERVICE | NULL (NULL: unset, behaves as PERSON).
const USER_TYPES = ["PERSON", "SERVICE", "LEGACY_SERVICE"];
// Snowflake docs (user TYPE property): a SERVICE user cannot have these (its logins are key pair or OAuth only).
// The list is the docs' as third-party pages quote it; Snowflake's error text for it is not confirmed.
const NOT_FOR_SERVICE = ["password", "first_name", "middle_name", "last_name", "must_change_password", "mins_to_bypass_mfa"];
// Not documented as a range; the counts are non-negative integers (INT32 upper bound assumed).
const MAX_COUNT = 2 ** 31 - 1;
const RSA_KEYS = ["rsa_public_key", "rsa_public_key_2"];

const string = (wireName: string): SqlProperty => ({ wire: wireName, value: "string", unset: true });
const integer = (wireName: string): SqlProperty => ({ wire: wireName, value: "integer", unset: true });
const boolean = (wireName: string): SqlProperty => ({ wire: wireName, value: "boolean", unset: true });
const identifier = (wireName: string): SqlProperty => ({ wire: wireName, value: "identifier", unset: true });

/** Key-pair auth docs: the key is the base64 DER SubjectPublicKeyInfo, without the PEM delimiters. */
export function rsaKey(text: string) {
  try {
    const key = createPublicKey({ key: Buffer.from(text.replace(/\s+/g, ""), "base64"), format: "der", type: "spki" });
    if (key.asymmetricKeyType === "rsa") return key;
  } catch {
    // refused below
  }
  // As users report Snowflake's answer to a malformed key (not in the docs).
  throw badRequest("New public key rejected by current policy. reason: Invalid public key");
}

/**
 * Using password policies docs: a new password must meet the user's password policy, else the built-in one (whose
 * limits are those of a policy with every default). The message never repeats the password; its text is not
 * confirmed.
 */
function checkPassword(password: string, policy: CatalogObject | undefined): void {
  const limits = effectiveLimits(policy);
  const counts = {
    password_min_upper_case_chars: (password.match(/[A-Z]/g) ?? []).length,
    password_min_lower_case_chars: (password.match(/[a-z]/g) ?? []).length,
    password_min_numeric_chars: (password.match(/[0-9]/g) ?? []).length,
    password_min_special_chars: (password.match(/[^A-Za-z0-9]/g) ?? []).length,
  };
  const unmet = [
    ...(password.length < limits.password_min_length ? [`at least ${limits.password_min_length} characters`] : []),
    ...(password.length > limits.password_max_length ? [`at most ${limits.password_max_length} characters`] : []),
    ...Object.entries(counts).filter(([key, count]) => count < limits[key]).map(([key]) => `at least ${limits[key]} ${key.replace(/^password_min_|_chars$/g, "").replace(/_/g, " ")} characters`),
  ];
  if (unmet.length) throw badRequest(`SQL execution error:\nPassword does not meet the password policy requirements: it needs ${unmet.join(", ")}.`);
}

/** The login record (state.ts) follows the user: its login name, password and first RSA key (the record holds one). */
function syncLogin(account: AccountState, user: { name: string; facts: Record<string, unknown> }, values: WireValues): void {
  const loginName = String(values.login_name ?? user.name).toUpperCase();
  const previous = user.facts.loginName as string | undefined;
  if (previous !== undefined && previous !== loginName && user.facts.ownsLogin) account.users.delete(previous);
  const key = (values.rsa_public_key ?? values.rsa_public_key_2) as string | undefined;
  let record = account.findUser(loginName);
  if (!record && values.password === undefined && key === undefined) return void Object.assign(user.facts, { loginName, ownsLogin: false });
  // A record the emulator's options made (the seeded user) is only ever given credentials, never stripped of them.
  const owns = previous === loginName ? user.facts.ownsLogin === true : !record;
  record ??= account.registerUser({ name: loginName });
  if (owns || values.password !== undefined) record.password = values.password as string | undefined;
  if (key !== undefined) {
    record.rsaPublicKey = rsaKey(key);
    record.rsaPublicKeyFingerprint = publicKeyFingerprint(record.rsaPublicKey);
  } else if (owns) {
    record.rsaPublicKey = record.rsaPublicKeyFingerprint = undefined;
  }
  Object.assign(user.facts, { loginName, ownsLogin: owns });
}

function acceptUser(values: WireValues, { account, existing }: AcceptContext): WireValues {
  const accepted = { ...values };
  accepted.type = checkEnum(userKind, "type", values.type === "NULL" ? undefined : values.type, USER_TYPES);
  if (accepted.type === undefined) delete accepted.type;
  if (accepted.type === "SERVICE") {
    for (const property of NOT_FOR_SERVICE) {
      if (accepted[property] !== undefined && !(property === "must_change_password" && accepted[property] === false)) {
        throw badRequest(`SQL compilation error:\nProperty '${property.toUpperCase()}' is not supported for a user of type SERVICE.`);
      }
    }
  }
  // CREATE USER docs: LOGIN_NAME defaults to the user's name; login names are case-insensitive (kept upper-cased
  // here, as SHOW USERS shows them -- not confirmed for names given in lower case).
  accepted.login_name = String(values.login_name ?? values.name).toUpperCase();
  for (const count of ["days_to_expiry", "mins_to_unlock", "mins_to_bypass_mfa"]) checkRange(userKind, count, values[count], 0, MAX_COUNT);
  for (const key of RSA_KEYS) if (typeof values[key] === "string") rsaKey(values[key] as string);
  // ALTER USER docs: NETWORK_POLICY names an existing network policy. (Default warehouse, namespace and role are
  // not checked: CREATE USER docs say Snowflake does not verify they exist.)
  if (typeof values.network_policy === "string" && !collectionOf(account.catalog, "network-policies").has(values.network_policy)) {
    throw doesNotExist("Network policy", formatIdentifier(values.network_policy));
  }
  if (typeof values.password === "string" && values.password !== existing?.values.password) checkPassword(values.password, existing?.facts.passwordPolicy as CatalogObject | undefined);
  if (existing) syncLogin(account, existing, accepted);
  return accepted;
}

/** ALTER USER docs: SET PASSWORD POLICY <name> / UNSET PASSWORD POLICY (before the generic SET / UNSET). */
const passwordPolicyClauses: AlterClause[] = [
  {
    read(stream) {
      if (!stream.accept("SET", "PASSWORD", "POLICY")) return undefined;
      const parts = stream.qualifiedName();
      return (user, { account }) => {
        const policy = findPasswordPolicy(account, parts);
        if (!policy) throw doesNotExist("Password policy", parts.map(formatIdentifier).join("."));
        // Using password policies docs: a user has at most one password policy; replacing it means unsetting it
        // first. The error text is not confirmed.
        if (user.facts.passwordPolicy && user.facts.passwordPolicy !== policy) {
          throw badRequest(`SQL execution error:\nA password policy is already attached to user ${formatIdentifier(user.name)}; unset it first.`);
        }
        user.facts.passwordPolicy = policy;
      };
    },
  },
  {
    read(stream) {
      if (!stream.accept("UNSET", "PASSWORD", "POLICY")) return undefined;
      return (user) => void delete user.facts.passwordPolicy;
    },
  },
];

export const userKind: ObjectKind = {
  spec: "user",
  model: "User",
  objectType: "User",
  sqlType: "USER",
  parameterLevel: "USER",
  collection: "users",
  scope: "account",
  wire: { strict: wire.UserStrict, properties: wire.User_PROPERTIES, readOnly: wire.User_READ_ONLY, writeOnly: wire.User_WRITE_ONLY },
  // DESCRIBE USER never shows the password (user.yaml marks it `format: password`, not writeOnly).
  hidden: ["password"],
  identifiers: ["default_warehouse", "default_role", "network_policy"],
  // CREATE USER docs defaults; user.yaml defaults of the read-only flags.
  defaults: {
    must_change_password: false, disabled: false, default_secondary_roles: "ALL", enable_unredacted_query_syntax_error: false,
    snowflake_lock: false, snowflake_support: false, ext_authn_duo: false, custom_landing_page_url_flush_next_ui_load: false,
  },
  accept: acceptUser,
  created(user, { account }) {
    syncLogin(account, user, user.values);
  },
  // user.yaml createOrAlterUser: PUT keeps the password whatever the body says.
  alter(user, next, { account }) {
    if (user.values.password === undefined) delete next.password;
    else next.password = user.values.password;
    syncLogin(account, user, next);
  },
  dropped(user, { account }) {
    if (user.facts.ownsLogin && typeof user.facts.loginName === "string") account.users.delete(user.facts.loginName);
  },
  // user.yaml grant / listGrants / revokeGrants: roles granted to the user.
  operations: grantOperations("USER"),
  render(user) {
    const keys = RSA_KEYS.map((key) => user.values[key] as string | undefined);
    const fingerprint = (key: string | undefined) => (key === undefined ? undefined : publicKeyFingerprint(rsaKey(key)));
    return {
      // CREATE USER docs: DISPLAY_NAME defaults to the user's name (as it reads back not confirmed).
      display_name: user.values.display_name ?? formatIdentifier(user.name),
      has_password: user.values.password !== undefined,
      has_rsa_public_key: keys.some((key) => key !== undefined),
      rsa_public_key_fp: fingerprint(keys[0]),
      rsa_public_key_2_fp: fingerprint(keys[1]),
    };
  },
  sqlClauses: passwordPolicyClauses,
  // ALTER USER docs: SET / UNSET of the object properties and parameters (DEFAULT_SECONDARY_ROLES' list syntax is
  // left to PUT).
  sqlProperties: {
    PASSWORD: string("password"), LOGIN_NAME: string("login_name"), DISPLAY_NAME: string("display_name"), FIRST_NAME: string("first_name"),
    MIDDLE_NAME: string("middle_name"), LAST_NAME: string("last_name"), EMAIL: string("email"), COMMENT: string("comment"),
    DEFAULT_NAMESPACE: string("default_namespace"), RSA_PUBLIC_KEY: string("rsa_public_key"), RSA_PUBLIC_KEY_2: string("rsa_public_key_2"),
    MUST_CHANGE_PASSWORD: boolean("must_change_password"), DISABLED: boolean("disabled"), ENABLE_UNREDACTED_QUERY_SYNTAX_ERROR: boolean("enable_unredacted_query_syntax_error"),
    DAYS_TO_EXPIRY: integer("days_to_expiry"), MINS_TO_UNLOCK: integer("mins_to_unlock"), MINS_TO_BYPASS_MFA: integer("mins_to_bypass_mfa"),
    DEFAULT_WAREHOUSE: identifier("default_warehouse"), DEFAULT_ROLE: identifier("default_role"), NETWORK_POLICY: identifier("network_policy"), TYPE: identifier("type"),
  },
};
