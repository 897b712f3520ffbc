// Snowflake as OAuth authorization server (Snowflake OAuth docs; snowflake-sdk connection_config.js defaults
// <accessUrl>/oauth/authorize and <accessUrl>/oauth/token-request). The driver's OAUTH_AUTHORIZATION_CODE
// (auth_oauth_authorization_code.js) and OAUTH_CLIENT_CREDENTIALS (auth_oauth_client_credentials.js) flows use
// oauth4webapi against these, then log in with AUTHENTICATOR=OAUTH and the access token. Issued access tokens
// also work as REST API bearer tokens (X-Snowflake-Authorization-Token-Type: OAUTH).
import { createHash } from "node:crypto";
import { generateSecret } from "../accounts";
import { SessionDefaults } from "../defaults";
import type { Outcome } from "../http";
import type { RequestContext } from "../router";
import type { AccountState, OAuthClientRecord } from "../state";
import { browserRoute, OAuthError, redirect } from "./browser";
import { bodyText } from "./envelope";
import type { ConnectorServices } from "./services";

// RFC 7636 §4.3: a code_challenge without a method is "plain".
const PKCE_METHODS = ["S256", "plain"];

/** GET /oauth/authorize: auto-approves (or denies with `deny=true`) and redirects with a one-time code. */
function authorize(services: ConnectorServices, context: RequestContext): Outcome {
  const { query } = context;
  const owner = findClient(services, query.string("client_id"), context.hostAccountName);
  if (!owner) throw new OAuthError("invalid_client", "Unknown client_id.");
  const redirectUri = query.string("redirect_uri");
  let target: URL;
  try {
    target = new URL(redirectUri ?? "");
  } catch {
    throw new OAuthError("invalid_request", "redirect_uri must be an absolute URL.");
  }
  const state = query.string("state");
  // RFC 6749 §4.1.2.1: once the client and redirect URI are known, errors go back by redirect.
  const fail = (error: string, description: string) =>
    redirect(withParameters(target, { error, error_description: description, state }));

  if (query.string("response_type") !== "code") return fail("unsupported_response_type", "response_type must be code.");
  if (query.boolean("deny")) return fail("access_denied", "The user denied access.");
  const codeChallenge = query.string("code_challenge");
  const codeChallengeMethod =
    codeChallenge === undefined ? undefined : query.string("code_challenge_method") ?? "plain";
  if (codeChallengeMethod !== undefined && !PKCE_METHODS.includes(codeChallengeMethod)) {
    return fail("invalid_request", `Unsupported code_challenge_method ${codeChallengeMethod}.`);
  }
  const requestedUser = query.string("user");
  const user = requestedUser === undefined ? owner.client.user : owner.account.findUser(requestedUser)?.name;
  if (user === undefined) return fail("access_denied", `User ${requestedUser} does not exist.`);

  const code = services.authorizationCodes.issue({
    account: owner.account,
    clientId: owner.client.clientId,
    user,
    redirectUri: target.href,
    scope: query.string("scope"),
    codeChallenge,
    codeChallengeMethod,
  });
  // auth_oauth_authorization_code.js parses the callback's request line and strips " HTTP/1.1" from `state`
  // only, so state must come last (after code), as Snowflake sends it.
  return redirect(withParameters(target, { code, state }));
}

/** POST /oauth/token-request (form-encoded): authorization_code (with PKCE), client_credentials, refresh_token. */
function tokenRequest(services: ConnectorServices, context: RequestContext): Outcome {
  const form = new URLSearchParams(bodyText(context.rawBody));
  const { account, client } = authenticateClient(services, context, form);
  const grantType = form.get("grant_type");
  switch (grantType) {
    case "authorization_code": {
      const grant = services.authorizationCodes.redeem(form.get("code") ?? undefined);
      if (!grant || grant.account !== account || grant.clientId !== client.clientId) {
        throw new OAuthError("invalid_grant", "Authorization code is invalid, expired or already used.");
      }
      if (!sameRedirectUri(form.get("redirect_uri"), grant.redirectUri)) {
        throw new OAuthError("invalid_grant", "redirect_uri does not match the authorization request.");
      }
      if (grant.codeChallenge !== undefined) {
        const verifier = form.get("code_verifier");
        if (!verifier || pkceChallenge(verifier, grant.codeChallengeMethod) !== grant.codeChallenge) {
          throw new OAuthError("invalid_grant", "PKCE verification failed (code_verifier).");
        }
      }
      return tokenAnswer(services, account, client, grant.user, grant.scope, true);
    }
    case "client_credentials":
      return tokenAnswer(services, account, client, client.user, form.get("scope") ?? undefined, false);
    case "refresh_token": {
      const token = form.get("refresh_token") ?? "";
      const refresh = services.refreshTokens.get(token);
      if (
        !refresh ||
        refresh.account !== account ||
        refresh.clientId !== client.clientId ||
        refresh.expiresAt <= Date.now()
      ) {
        throw new OAuthError("invalid_grant", "Refresh token is invalid or expired.");
      }
      return tokenAnswer(services, account, client, refresh.user, refresh.scope, false);
    }
    default:
      throw new OAuthError("unsupported_grant_type", `Unsupported grant_type '${grantType}'.`);
  }
}

function tokenAnswer(
  services: ConnectorServices,
  account: AccountState,
  client: OAuthClientRecord,
  user: string,
  scope: string | undefined,
  withRefreshToken: boolean
): Outcome {
  const accessToken = generateSecret("oauth");
  const lifetime = SessionDefaults.oauthAccessTokenLifetimeSeconds;
  account.oauthTokens.set(accessToken, { user, expiresAt: Date.now() + lifetime * 1000 });
  const body: Record<string, unknown> = {
    access_token: accessToken,
    token_type: "Bearer",
    expires_in: lifetime,
    username: user,
    ...(scope !== undefined && { scope }),
  };
  if (withRefreshToken) {
    const refreshLifetime = SessionDefaults.oauthRefreshTokenLifetimeSeconds;
    const refreshToken = generateSecret("refresh");
    services.refreshTokens.set(refreshToken, {
      account,
      clientId: client.clientId,
      user,
      scope,
      expiresAt: Date.now() + refreshLifetime * 1000,
    });
    Object.assign(body, { refresh_token: refreshToken, refresh_token_expires_in: refreshLifetime });
  }
  // RFC 6749 §5.1: token answers are not cached.
  return { status: 200, body, headers: { "Cache-Control": "no-store" } };
}

/**
 * RFC 6749 §2.3.1: client_secret_basic (Authorization: Basic, form-encoded id and secret) or client_secret_post
 * (client_id/client_secret in the form; oauth4webapi ClientSecretPost, which the driver uses).
 */
function authenticateClient(
  services: ConnectorServices,
  context: RequestContext,
  form: URLSearchParams
): { account: AccountState; client: OAuthClientRecord } {
  let clientId = form.get("client_id") ?? undefined;
  let clientSecret = form.get("client_secret") ?? undefined;
  const authorization = context.headers.authorization;
  const basic = authorization ? /^Basic\s+(\S+)\s*$/i.exec(authorization) : null;
  if (basic) {
    const decoded = Buffer.from(basic[1], "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    clientId = decodeFormComponent(decoded.slice(0, Math.max(0, colon)));
    clientSecret = decodeFormComponent(decoded.slice(colon + 1));
  }
  const owner = findClient(services, clientId, context.hostAccountName);
  if (!owner || clientSecret !== owner.client.clientSecret) {
    throw new OAuthError("invalid_client", "Client authentication failed.", 401);
  }
  return owner;
}

function findClient(services: ConnectorServices, clientId: string | undefined, hostAccountName: string | undefined) {
  if (clientId === undefined) return undefined;
  if (hostAccountName === undefined) return services.accounts.ownerOfOAuthClient(clientId);
  const account = services.accounts.find(hostAccountName);
  const client = account?.oauthClients.get(clientId);
  return account && client ? { account, client } : undefined;
}

function pkceChallenge(verifier: string, method: string | undefined): string {
  return method === "S256" ? createHash("sha256").update(verifier).digest("base64url") : verifier;
}

/** RFC 6749 §4.1.3: the token request repeats the authorization request's redirect_uri. */
function sameRedirectUri(sent: string | null, expected: string): boolean {
  if (sent === null) return false;
  try {
    return new URL(sent).href === expected;
  } catch {
    return false;
  }
}

function withParameters(target: URL, parameters: Record<string, string | undefined>): string {
  const url = new URL(target.href);
  for (const [name, value] of Object.entries(parameters)) if (value !== undefined) url.searchParams.set(name, value);
  return url.href;
}

function decodeFormComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

export function oauthRoutes(services: ConnectorServices) {
  return [
    browserRoute({ method: "GET", path: "/oauth/authorize", handler: (context) => authorize(services, context) }),
    browserRoute({
      method: "POST",
      path: "/oauth/token-request",
      handler: (context) => tokenRequest(services, context),
    }),
  ];
}
