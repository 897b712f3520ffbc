// What every integration kind shares (API, catalog, notification, and later storage, security and external access
// integrations). DROP INTEGRATION docs: `DROP [ { API | CATALOG | EXTERNAL ACCESS | NOTIFICATION | SECURITY |
// STORAGE } ] INTEGRATION <name>` -- the type word is optional, so a name names one integration of any type: they
// share one namespace in the account (SHOW INTEGRATIONS lists them all), and the messages say "Integration".
import { createHash } from "node:crypto";
import type { ObjectKind, SqlProperty } from "../catalog/object-kind";
import { badRequest } from "../errors";
import type { AccountState } from "../state";

export const INTEGRATION_OBJECT_TYPE = "Integration";

/** ALTER ... INTEGRATION SET COMMENT / UNSET COMMENT and SET ENABLED (every ALTER <type> INTEGRATION page lists them). */
export const INTEGRATION_SQL_PROPERTIES: Record<string, SqlProperty> = {
  COMMENT: { wire: "comment", value: "string", unset: true },
  ENABLED: { wire: "enabled", value: "boolean" },
};

export const integrationBasics = {
  objectType: INTEGRATION_OBJECT_TYPE,
  scope: "account",
  namespace: "integrations",
} as const satisfies Partial<ObjectKind>;

/**
 * The prefix lists of API and external access integrations name HTTPS endpoints (CREATE API INTEGRATION docs:
 * "API_ALLOWED_PREFIXES = ('<...>') ... HTTPS proxy service endpoints", e.g. 'https://xyz.execute-api...'; for Git,
 * 'https://github.com/my-account'). What Snowflake answers for another scheme is not confirmed: a 400 naming it.
 */
export function checkHttpsPrefixes(property: string, prefixes: unknown): void {
  for (const prefix of (prefixes as string[] | undefined) ?? []) {
    if (!/^https:\/\/\S+$/i.test(prefix)) throw badRequest(`SQL compilation error:\nInvalid value '${prefix}' for property '${property.toUpperCase()}': it must be an https:// URL prefix.`);
  }
}

/**
 * The external id Snowflake makes for an AWS trust relationship when none is given (DESC EXTERNAL VOLUME /
 * DESC NOTIFICATION INTEGRATION show it): `<account>_SFCRole=<n>_<base64>`, here derived from `seed`.
 */
export function awsExternalId(account: AccountState, seed: string): string {
  return `${account.name}_SFCRole=2_${createHash("sha256").update(`${account.name}/${seed}`).digest("base64").slice(0, 28)}`;
}
