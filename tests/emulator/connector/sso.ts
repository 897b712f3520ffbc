// EXTERNALBROWSER single sign-on (snowflake-sdk authentication/auth_web.js, sso_url_provider.js):
//   1. POST /session/authenticator-request {data: {ACCOUNT_NAME, LOGIN_NAME, AUTHENTICATOR, BROWSER_MODE_REDIRECT_PORT}}
//      → {ssoUrl, proofKey}. sso_url_provider.js always posts to https://<host>/..., so this one arrives over TLS.
//   2. The browser opens ssoUrl; the "IdP" (/sso/authorize) signs a user in and redirects to
//      http://localhost:<port>/?token=<token>, where the driver's callback server reads `/?token` off the request line.
//   3. POST /session/v1/login-request with AUTHENTICATOR=EXTERNALBROWSER, TOKEN and the PROOF_KEY from step 1.
// With disableConsoleLogin=false the driver skips step 1, makes its own proof key and opens /console/login instead.
import { randomBytes } from "node:crypto";
import { generateSecret } from "../accounts";
import { SessionDefaults } from "../defaults";
import { ErrorCodes } from "../errors";
import type { Outcome } from "../http";
import type { RequestContext } from "../router";
import type { AccountState, UserRecord } from "../state";
import { browserRoute, OAuthError, redirect } from "./browser";
import {
  badConnectorRequest,
  ConnectorError,
  connectorRoute,
  connectorSuccess,
  optionalString,
  readLoginData,
} from "./envelope";
import { checkLoginName, loginAccount, type LoginIdentity, type LoginRequest } from "./login";
import type { ConnectorServices } from "./services";

function authenticatorRequest(services: ConnectorServices, context: RequestContext): Outcome {
  const data = readLoginData(context.rawBody);
  const account = loginAccount(services, data, context.hostAccountName);
  const authenticator = optionalString(data, "AUTHENTICATOR")?.toUpperCase();
  if (authenticator !== "EXTERNALBROWSER") {
    // Okta (AUTHENTICATOR=https://<okta>) also starts here; the emulator has no Okta.
    throw new ConnectorError(
      ErrorCodes.authenticatorNotSupported,
      `The specified authenticator is not accepted by your Snowflake account configuration: ${authenticator}.`
    );
  }
  const redirectPort = callbackPort(data.BROWSER_MODE_REDIRECT_PORT, badConnectorRequest);
  const proofKey = randomBytes(32).toString("base64");
  const requestId = services.ssoRequests.issue({
    account,
    proofKey,
    redirectPort,
    loginName: optionalString(data, "LOGIN_NAME"),
  });
  return connectorSuccess({ ssoUrl: `${services.baseUrl()}/sso/authorize?request=${requestId}`, proofKey });
}

/** The "IdP": signs in `user` (default: the login name the driver sent, else the account's first user). */
function ssoAuthorize(services: ConnectorServices, context: RequestContext): Outcome {
  const pending = services.ssoRequests.redeem(context.query.string("request"));
  if (!pending) throw new OAuthError("invalid_request", "Unknown, expired or already used SSO request.");
  return signInAndRedirect(
    services,
    context,
    pending.account,
    pending.redirectPort,
    pending.proofKey,
    pending.loginName
  );
}

/** auth_web.js getLoginUrl (disableConsoleLogin=false): /console/login?login_name&proof_key&browser_mode_redirect_port. */
function consoleLogin(services: ConnectorServices, context: RequestContext): Outcome {
  const proofKey = context.query.string("proof_key");
  if (!proofKey) throw new OAuthError("invalid_request", "proof_key is required.");
  const port = callbackPort(
    context.query.string("browser_mode_redirect_port"),
    (message) => new OAuthError("invalid_request", message)
  );
  const account = services.accounts.find(context.hostAccountName) ?? services.accounts.defaultAccount;
  return signInAndRedirect(services, context, account, port, proofKey, context.query.string("login_name"));
}

function signInAndRedirect(
  services: ConnectorServices,
  context: RequestContext,
  account: AccountState,
  port: number,
  proofKey: string,
  loginName: string | undefined
): Outcome {
  // types.d.ts browserRedirectPort: "The server always redirects to http://localhost:${browserRedirectPort}".
  const callback = `http://localhost:${port}/`;
  if (context.query.boolean("deny")) {
    return redirect(
      `${callback}?error=access_denied&error_description=${encodeURIComponent("The user denied sign-in.")}`
    );
  }
  const user = signedInUser(account, context.query.string("user"), loginName);
  const token = services.ssoTokens.issue({ account, user, proofKey });
  return redirect(`${callback}?token=${token}`);
}

function signedInUser(account: AccountState, requested: string | undefined, loginName: string | undefined): UserRecord {
  if (requested !== undefined) {
    const user = account.findUser(requested);
    if (!user) throw new OAuthError("access_denied", `User ${requested} does not exist in account ${account.name}.`);
    return user;
  }
  return (loginName !== undefined ? account.findUser(loginName) : undefined) ?? account.findUser(account.defaultUser)!;
}

function callbackPort(value: unknown, invalid: (message: string) => Error): number {
  const port = typeof value === "string" ? Number(value) : value;
  if (typeof port !== "number" || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw invalid(`Invalid browser redirect port '${String(value)}'.`);
  }
  return port;
}

export function externalBrowserLogin(
  { account, data, sessionParameters }: LoginRequest,
  services: ConnectorServices
): LoginIdentity {
  const grant = services.ssoTokens.redeem(optionalString(data, "TOKEN"));
  if (!grant || grant.account !== account || grant.proofKey !== optionalString(data, "PROOF_KEY")) {
    throw new ConnectorError(
      ErrorCodes.ssoTokenInvalid,
      "SSO token is invalid, expired or already used, or the proof key does not match."
    );
  }
  checkLoginName(data, grant.user);
  // sf.js requestCallback caches data.idToken when clientStoreTemporaryCredential is set; the next connect
  // then logs in with AUTHENTICATOR=ID_TOKEN instead of opening the browser (auth_idtoken.js).
  if (sessionParameters.CLIENT_STORE_TEMPORARY_CREDENTIAL !== true) return { user: grant.user };
  const idToken = generateSecret("id");
  account.idTokens.set(idToken, {
    user: grant.user.name,
    expiresAt: Date.now() + SessionDefaults.idTokenLifetimeSeconds * 1000,
  });
  return { user: grant.user, extras: { idToken, idTokenValidityInSeconds: SessionDefaults.idTokenLifetimeSeconds } };
}

export function idTokenLogin({ account, data }: LoginRequest): LoginIdentity {
  const token = optionalString(data, "TOKEN");
  const grant = token === undefined ? undefined : account.idTokens.get(token);
  const user = grant === undefined ? undefined : account.findUser(grant.user);
  if (!grant || !user || (grant.expiresAt ?? Infinity) <= Date.now()) {
    // gs_errors.js ID_TOKEN_INVALID: the driver forgets the cached token and runs the browser flow again.
    throw new ConnectorError(ErrorCodes.idTokenInvalid, "ID token is invalid or expired.");
  }
  checkLoginName(data, user, ErrorCodes.idTokenInvalid);
  return { user };
}

export function ssoRoutes(services: ConnectorServices) {
  return [
    connectorRoute({
      method: "POST",
      path: "/session/authenticator-request",
      handler: (context) => authenticatorRequest(services, context),
    }),
    browserRoute({ method: "GET", path: "/sso/authorize", handler: (context) => ssoAuthorize(services, context) }),
    browserRoute({ method: "GET", path: "/console/login", handler: (context) => consoleLogin(services, context) }),
  ];
}
