// password-policy.yaml components/schemas/PasswordPolicy: a schema object. The spec has no PUT, so changes are
// ALTER PASSWORD POLICY ... SET <property> = <n> / UNSET <property> (ALTER PASSWORD POLICY docs: every property and
// COMMENT can be unset, which returns it to its default); renamed in place with :rename?targetName=.
// Defaults and ranges: CREATE PASSWORD POLICY docs, "Optional parameters".
import { FieldDefinition, Properties } from "../engine/definition";
import { defineResource } from "../engine/define";
import { isSet } from "../engine/field-kind";
import { integerKind } from "../engine/kinds/scalars";
import * as wire from "../wire/password-policy";
import { commentField, field, ownershipOutputs, schemaObjectIdentity, schemaObjectPath } from "./common";

interface Limit { wire: string; min: number; max: number; default: number; doc: string }

/**
 * CREATE PASSWORD POLICY docs. Confirmed in the docs' text: MIN_LENGTH 8..256 (default 14 in the current docs;
 * older versions of the page say 8), MAX_LENGTH 8..256 (256), the four character counts 0..256 (upper, lower and
 * numeric 1, special 0), MIN_AGE_DAYS 0..999 (0), MAX_AGE_DAYS 0..999 (90, 0 = never expires). Not confirmed in the
 * pages at hand, taken from the same page as remembered: MAX_RETRIES 1..10 (5), LOCKOUT_TIME_MINS 1..999 (15),
 * HISTORY 0..24 (0).
 */
export const PASSWORD_POLICY_LIMITS: Record<string, Limit> = {
  minLength: { wire: "password_min_length", min: 8, max: 256, default: 14, doc: "Fewest characters a password may have" },
  maxLength: { wire: "password_max_length", min: 8, max: 256, default: 256, doc: "Most characters a password may have" },
  minUpperCaseChars: { wire: "password_min_upper_case_chars", min: 0, max: 256, default: 1, doc: "Fewest upper-case letters" },
  minLowerCaseChars: { wire: "password_min_lower_case_chars", min: 0, max: 256, default: 1, doc: "Fewest lower-case letters" },
  minNumericChars: { wire: "password_min_numeric_chars", min: 0, max: 256, default: 1, doc: "Fewest digits" },
  minSpecialChars: { wire: "password_min_special_chars", min: 0, max: 256, default: 0, doc: "Fewest special characters" },
  minAgeDays: { wire: "password_min_age_days", min: 0, max: 999, default: 0, doc: "Days before a new password may be changed again" },
  maxAgeDays: { wire: "password_max_age_days", min: 0, max: 999, default: 90, doc: "Days before a password must be changed (0: never)" },
  maxRetries: { wire: "password_max_retries", min: 1, max: 10, default: 5, doc: "Failed logins before the user is locked out" },
  lockoutTimeMins: { wire: "password_lockout_time_mins", min: 1, max: 999, default: 15, doc: "Minutes a locked-out user stays locked" },
  history: { wire: "password_history", min: 0, max: 24, default: 0, doc: "Most recent passwords a new one may not repeat" },
};

function limitField(limit: Limit): FieldDefinition {
  return field(limit.wire, integerKind({ min: limit.min, max: limit.max }), `${limit.doc}, ${limit.min}-${limit.max}. Default ${limit.default}.`, { serverDefault: limit.default });
}

const valueOf = (properties: Properties, key: string): number => (isSet(properties[key]) ? Number(properties[key]) : PASSWORD_POLICY_LIMITS[key].default);

/**
 * CREATE PASSWORD POLICY docs: PASSWORD_MAX_LENGTH must be at least PASSWORD_MIN_LENGTH (the docs also ask it to
 * cover the sum of the minimum character counts; checked here as the four counts, which a password must fit).
 * Undeclared values count as their defaults.
 */
function lengthProblems(properties: Properties): { property: string; reason: string }[] {
  const max = valueOf(properties, "maxLength");
  const min = valueOf(properties, "minLength");
  const counts = ["minUpperCaseChars", "minLowerCaseChars", "minNumericChars", "minSpecialChars"];
  const needed = counts.reduce((sum, key) => sum + valueOf(properties, key), 0);
  const problems = [];
  if (max < min) {
    problems.push(isSet(properties.maxLength)
      ? { property: "maxLength", reason: `${max} is less than minLength (${min}); expected at least ${min}` }
      : { property: "minLength", reason: `${min} is more than maxLength (${max}); expected at most ${max}` });
  } else if (max < needed) {
    problems.push({ property: "maxLength", reason: `${max} is less than the ${needed} characters the minimum counts (${counts.join(", ")}) ask for; expected at least ${needed}` });
  }
  return problems;
}

export const passwordPolicy = defineResource({
  typeName: "PasswordPolicy",
  noun: "password policy",
  doc: "A password policy: what passwords must look like, how long they last and how failed logins lock a user out (REST: .../schemas/{schema}/password-policies). Attach it with a User's passwordPolicy; deleting one still attached fails with where it is attached.",
  collectionPath: schemaObjectPath("password-policies"),
  changes: "sql",
  sqlObjectType: "PASSWORD POLICY",
  rename: "restQuery",
  tags: true,
  fields: {
    ...schemaObjectIdentity("password policy"),
    ...Object.fromEntries(Object.entries(PASSWORD_POLICY_LIMITS).map(([key, limit]) => [key, limitField(limit)])),
    comment: commentField("password policy"),
  },
  outputs: ownershipOutputs("password policy"),
  crossChecks: lengthProblems,
  // Snowflake docs (Using password policies; DROP PASSWORD POLICY): a policy set on the account or a user cannot be
  // dropped; it must be unset there first. The exact message is not confirmed (the emulator's names the user).
  deleteRefusal: {
    pattern: /attached to|associated with|is set on|currently (assigned|attached)/i,
    advice: "Unset it where it is attached first (remove passwordPolicy from the User, or ALTER USER <name> UNSET PASSWORD POLICY), or keep the resource.",
  },
  wire: { schema: wire.PasswordPolicy, properties: wire.PasswordPolicy_PROPERTIES, readOnly: wire.PasswordPolicy_READ_ONLY },
});
