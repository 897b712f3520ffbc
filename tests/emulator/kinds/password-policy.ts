// Password policies (password-policy.yaml; CREATE / ALTER / DROP PASSWORD POLICY docs): a schema object of integer
// limits and a comment. The spec has no PUT: ALTER PASSWORD POLICY ... SET / UNSET every property (UNSET returns it
// to its default) and RENAME TO; REST renames with :rename. A policy set on a user cannot be dropped.
import * as wire from "../../../provider/wire/password-policy";
import { CatalogObject, collectionOf, displayName, WireValues } from "../catalog/catalog";
import type { ObjectKind, SqlProperty } from "../catalog/object-kind";
import { ApiError, badRequest } from "../errors";
import { formatIdentifier } from "../identifiers";
import { checkRange } from "../rest/body";
import type { AccountState } from "../state";

const COLLECTION = "password-policies";

/**
 * CREATE PASSWORD POLICY docs, "Optional parameters": [min, max, default]. Confirmed in the docs' text: the lengths,
 * the four character counts and the age days (PASSWORD_MIN_LENGTH defaults to 14 in the current page, 8 in older
 * versions). MAX_RETRIES, LOCKOUT_TIME_MINS and HISTORY are from the same page as remembered, not confirmed.
 */
export const PASSWORD_POLICY_LIMITS: Record<string, [number, number, number]> = {
  password_min_length: [8, 256, 14],
  password_max_length: [8, 256, 256],
  password_min_upper_case_chars: [0, 256, 1],
  password_min_lower_case_chars: [0, 256, 1],
  password_min_numeric_chars: [0, 256, 1],
  password_min_special_chars: [0, 256, 0],
  password_min_age_days: [0, 999, 0],
  password_max_age_days: [0, 999, 90],
  password_max_retries: [1, 10, 5],
  password_lockout_time_mins: [1, 999, 15],
  password_history: [0, 24, 0],
};

/** A policy's effective limits: its own values, the defaults for the rest. */
export function effectiveLimits(policy: CatalogObject | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(PASSWORD_POLICY_LIMITS).map(([key, [, , fallback]]) => [key, Number(policy?.values[key] ?? fallback)]));
}

/** The policy DB.SCHEMA.NAME (stored parts) names, or undefined. */
export function findPasswordPolicy(account: AccountState, parts: string[]): CatalogObject | undefined {
  if (parts.length !== 3) return undefined;
  const database = collectionOf(account.catalog, "databases").get(parts[0]);
  const schema = database && collectionOf(database, "schemas").get(parts[1]);
  return schema && collectionOf(schema, COLLECTION).get(parts[2]);
}

/** Users whose password policy is this object (kinds/user.ts keeps the policy object itself, so renames follow). */
function usersOf(account: AccountState, policy: CatalogObject): string[] {
  return [...collectionOf(account.catalog, "users").values()].filter((user) => user.facts.passwordPolicy === policy).map((user) => `user ${formatIdentifier(user.name)}`);
}

export const passwordPolicyKind: ObjectKind = {
  spec: "password-policy",
  model: "PasswordPolicy",
  objectType: "Password policy",
  sqlType: "PASSWORD POLICY",
  parameterLevel: "PASSWORD POLICY",
  collection: COLLECTION,
  scope: "schema",
  wire: { strict: wire.PasswordPolicyStrict, properties: wire.PasswordPolicy_PROPERTIES, readOnly: wire.PasswordPolicy_READ_ONLY, writeOnly: wire.PasswordPolicy_WRITE_ONLY },
  // DESCRIBE PASSWORD POLICY lists every property with its value or default.
  defaults: Object.fromEntries(Object.entries(PASSWORD_POLICY_LIMITS).map(([key, [, , fallback]]) => [key, fallback])),
  accept(values: WireValues) {
    for (const [key, [min, max]] of Object.entries(PASSWORD_POLICY_LIMITS)) checkRange(passwordPolicyKind, key, values[key], min, max);
    const limits = effectiveLimits({ values } as CatalogObject);
    // CREATE PASSWORD POLICY docs: PASSWORD_MAX_LENGTH must be at least PASSWORD_MIN_LENGTH (the error text is not confirmed).
    if (limits.password_max_length < limits.password_min_length) {
      throw badRequest(`SQL compilation error:\nPASSWORD_MAX_LENGTH (${limits.password_max_length}) must be greater than or equal to PASSWORD_MIN_LENGTH (${limits.password_min_length}).`);
    }
    return values;
  },
  // ALTER PASSWORD POLICY docs: SET and UNSET of every property and COMMENT.
  sqlProperties: {
    ...Object.fromEntries(Object.keys(PASSWORD_POLICY_LIMITS).map((key): [string, SqlProperty] => [key.toUpperCase(), { wire: key, value: "integer", unset: true }])),
    COMMENT: { wire: "comment", value: "string", unset: true },
  },
  // Using password policies docs: a policy set on the account or a user must be unset before it is dropped. The
  // error code and text are not documented; this one names where it is attached.
  beforeDrop(policy, { account }) {
    const attached = usersOf(account, policy);
    if (attached.length) {
      throw new ApiError(400, "003160", `SQL execution error:\nPassword policy ${displayName(policy)} cannot be dropped because it is attached to ${attached.join(", ")}.`);
    }
  },
};
