// Which account a credential that works at the configured host belongs to, where that is known without asking
// Snowflake, and a refusal (before any request) when it is not the configured account: otherwise state would
// record the configured account while every change lands in the host's.
//
// Snowflake serves one account per host name: `<account>[.<region>[.<cloud>]][.privatelink].snowflakecomputing.com`
// (or `.cn`; account identifier docs, and the connectors' host rules), and a credential is accepted only at its own
// account's host. So a host of that form names the credential's account. A key-pair JWT names the configured
// account in its claims (iss/sub) and a connector login sends it as ACCOUNT_NAME (snowflake-sdk sf.js), so neither
// can pass for another account; the login answer names none (sessionInfo holds database, schema, warehouse and role
// only). A PAT or OAuth token sent as a bearer carries nothing the provider can read, so with a host of any other
// form (a proxy, a custom DNS name, 127.0.0.1) the account stays the configured one, unverified.
import { ConnectionError } from "./connection-error";
import { ResolvedConnection } from "./settings";

const SNOWFLAKE_HOST = /^([^.]+)(?:\.[^.]+)*\.snowflakecomputing\.(?:com|cn)\.?$/i;

/** An account identifier as a host spells it: the part before any region, upper case, `_` as `-`. */
function comparable(account: string): string {
  return account.split(".")[0].toUpperCase().replace(/_/g, "-");
}

/** The account a Snowflake host name serves, comparable form; undefined for hosts of other forms. */
export function accountOfHost(host: string | undefined): string | undefined {
  const match = host ? SNOWFLAKE_HOST.exec(host.trim()) : null;
  return match ? comparable(match[1]) : undefined;
}

/**
 * Every account has a locator (XY12345) and an organization name (MYORG-MYACCOUNT); only two identifiers of the
 * same form can be told apart without asking Snowflake.
 */
const isOrganizationForm = (account: string) => account.includes("-");

/** Throws when the host serves an account that is provably not the configured one. */
export function refuseAccountOtherThanHost(resolved: ResolvedConnection): void {
  const { account, host } = resolved.settings;
  const served = accountOfHost(host);
  if (!account || !served) return;
  const configured = comparable(account);
  if (isOrganizationForm(configured) !== isOrganizationForm(served) || configured === served) return;
  const accountSource = resolved.sources.account ?? "the settings";
  throw new ConnectionError(
    `the host ${host} serves account ${served}, but the account is ${account.toUpperCase()} (from ${accountSource}); ` +
    `a credential accepted there belongs to ${served}, so the stack would record objects of ${served} as ${account.toUpperCase()}. ` +
    `Set the account to ${served}, or the host to ${account.toUpperCase()}'s`, resolved);
}
