// POST /session/v1/login-request: the driver's login (snowflake-sdk services/sf.js StateConnecting.continue).
// The body's data names the account (ACCOUNT_NAME), the authenticator and its credentials; the query names the
// session's warehouse/databaseName/schemaName/roleName (sf.js buildLoginUrl).
import { SessionDefaults, SYSTEM_ROLES, OWNER_ROLE } from "../defaults";
import { ErrorCodes } from "../errors";
import type { Outcome } from "../http";
import type { RequestContext } from "../router";
import type { AccountState, UserRecord } from "../state";
import { keypairLogin, oauthLogin, programmaticAccessTokenLogin } from "./credential-logins";
import {
  badConnectorRequest,
  ConnectorError,
  connectorRoute,
  connectorSuccess,
  optionalString,
  readLoginData,
} from "./envelope";
import { passwordLogin } from "./password-login";
import type { ConnectorServices } from "./services";
import { externalBrowserLogin, idTokenLogin } from "./sso";
import { workloadIdentityLogin } from "./workload-identity";
import { collectionOf } from "../catalog/catalog";
import { DATABASES, SCHEMAS } from "../rest/lookup";

export interface LoginRequest {
  account: AccountState;
  /** The login body's `data`. */
  data: Record<string, unknown>;
  /** data.SESSION_PARAMETERS, e.g. CLIENT_REQUEST_MFA_TOKEN (sf.js StateConnecting.continue). */
  sessionParameters: Record<string, unknown>;
}

export interface LoginIdentity {
  user: UserRecord;
  /** More fields for the answer's data, e.g. mfaToken or idToken. */
  extras?: Record<string, unknown>;
}

type Authenticator = (request: LoginRequest, services: ConnectorServices) => LoginIdentity | Promise<LoginIdentity>;

// authentication_types.js names; the driver sends AUTHENTICATOR=OAUTH for OAUTH_AUTHORIZATION_CODE and
// OAUTH_CLIENT_CREDENTIALS too (auth_oauth_*.js updateBody), after getting the token itself.
const AUTHENTICATORS: Record<string, Authenticator> = {
  SNOWFLAKE: passwordLogin,
  USERNAME_PASSWORD_MFA: passwordLogin,
  SNOWFLAKE_JWT: keypairLogin,
  OAUTH: oauthLogin,
  PROGRAMMATIC_ACCESS_TOKEN: programmaticAccessTokenLogin,
  EXTERNALBROWSER: externalBrowserLogin,
  ID_TOKEN: idTokenLogin,
  WORKLOAD_IDENTITY: workloadIdentityLogin,
};

/**
 * The account a login-style request is for: data.ACCOUNT_NAME (the driver always sends it), else the Host
 * header's. Both must name the same hosted account.
 */
export function loginAccount(
  services: ConnectorServices,
  data: Record<string, unknown>,
  hostAccountName: string | undefined
): AccountState {
  const name = optionalString(data, "ACCOUNT_NAME") ?? hostAccountName;
  if (name === undefined) throw badConnectorRequest("ACCOUNT_NAME is required.");
  const account = services.accounts.find(name);
  if (!account) throw new ConnectorError(ErrorCodes.accountNotFound, `Account ${name} does not exist.`);
  if (hostAccountName !== undefined && services.accounts.find(hostAccountName) !== account) {
    throw new ConnectorError(
      ErrorCodes.accountMismatch,
      `ACCOUNT_NAME ${name} and the Host header's account ${hostAccountName} differ.`
    );
  }
  return account;
}

/** LOGIN_NAME is optional for token logins, but when sent it must be the token's user. */
export function checkLoginName(
  data: Record<string, unknown>,
  user: UserRecord,
  code: string = ErrorCodes.usernamesMismatch
): void {
  const loginName = optionalString(data, "LOGIN_NAME");
  if (loginName !== undefined && loginName.toUpperCase() !== user.name) {
    throw new ConnectorError(
      code,
      `The user you were trying to authenticate as (${loginName}) differs from the user the credential belongs to.`
    );
  }
}

async function login(services: ConnectorServices, context: RequestContext): Promise<Outcome> {
  const data = readLoginData(context.rawBody);
  const account = loginAccount(services, data, context.hostAccountName);
  const authenticatorName = (optionalString(data, "AUTHENTICATOR") ?? "SNOWFLAKE").toUpperCase();
  const authenticator = AUTHENTICATORS[authenticatorName];
  if (!authenticator) {
    throw new ConnectorError(
      ErrorCodes.authenticatorNotSupported,
      `The specified authenticator is not accepted by your Snowflake account configuration: ${authenticatorName}.`
    );
  }
  const sessionParameters = isRecord(data.SESSION_PARAMETERS) ? data.SESSION_PARAMETERS : {};
  const identity = await authenticator({ account, data, sessionParameters }, services);

  const role = requestedRole(context.query.string("roleName"));
  const warehouse = existing(context.query.string("warehouse"), (name) => collectionOf(account.catalog, "warehouses").has(name));
  const databases = collectionOf(account.catalog, DATABASES);
  const database = existing(context.query.string("databaseName"), (name) => databases.has(name));
  const schema =
    database === null
      ? null
      : existing(context.query.string("schemaName"), (name) => collectionOf(databases.get(database)!, SCHEMAS).has(name));
  const { session, sessionToken } = services.sessions.open({
    account,
    user: identity.user.name,
    role,
    warehouse,
    database,
    schema,
    authenticator: authenticatorName,
  });
  // sf.js requestCallback: token/masterToken + validities feed TokenInfo; parameters go to the driver's
  // Parameters; mfaToken/idToken are cached when asked for.
  return connectorSuccess({
    token: sessionToken,
    masterToken: session.masterToken,
    validityInSeconds: services.sessions.lifetimes.sessionTokenSeconds,
    masterValidityInSeconds: services.sessions.lifetimes.masterTokenSeconds,
    sessionId: session.id,
    displayUserName: identity.user.name,
    serverVersion: "emulator",
    firstLogin: false,
    healthCheckInterval: 45,
    parameters: sessionParametersAnswer(),
    sessionInfo: { databaseName: database, schemaName: schema, warehouseName: warehouse, roleName: role },
    ...identity.extras,
  });
}

export function sessionParametersAnswer(): { name: string; value: unknown }[] {
  return [
    { name: "TIMEZONE", value: SessionDefaults.timezone },
    { name: "AUTOCOMMIT", value: true },
    { name: "CLIENT_SESSION_KEEP_ALIVE", value: false },
    { name: "CLIENT_SESSION_KEEP_ALIVE_HEARTBEAT_FREQUENCY", value: 3600 },
    { name: "QUERY_CONTEXT_CACHE_SIZE", value: 5 },
  ];
}

function requestedRole(roleName: string | undefined): string {
  if (roleName === undefined) return OWNER_ROLE;
  const role = roleName.toUpperCase();
  if (!(SYSTEM_ROLES as readonly string[]).includes(role)) {
    throw new ConnectorError(
      ErrorCodes.roleNotGranted,
      `Role '${role}' specified in the connect string does not exist or not authorized. Contact your local system administrator, or attempt to login with another role, e.g. PUBLIC.`
    );
  }
  return role;
}

/** Snowflake logs in even when the connect string's warehouse/database/schema is missing; the session just has none. */
function existing(requested: string | undefined, exists: (name: string) => boolean): string | null {
  if (requested === undefined) return null;
  const name = /^".*"$/.test(requested) ? requested.slice(1, -1).replace(/""/g, '"') : requested.toUpperCase();
  return exists(name) ? name : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function loginRoutes(services: ConnectorServices) {
  return [
    connectorRoute({
      method: "POST",
      path: "/session/v1/login-request",
      handler: (context) => login(services, context),
    }),
  ];
}
