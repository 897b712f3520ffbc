// Authentication of /api/v2 requests: the spec's bearer schemes (common.yaml securitySchemes) plus connector
// session tokens (`Authorization: Snowflake Token="..."`, what Snowflake's Python tools send). The credential also
// says which account the request is for; a Host header naming another account is refused.
import type { IncomingHttpHeaders } from "node:http";
import { accountNameFromHost, type AccountRegistry } from "./accounts";
import { parseSnowflakeToken } from "./connector/session-auth";
import type { SessionStore } from "./connector/sessions";
import { ErrorCodes, unauthorized } from "./errors";
import { keypairJwtAccount, verifyKeypairJwt } from "./keypair-jwt";
import type { AccountState } from "./state";

export interface Principal {
  account: AccountState;
  user: string;
  /** How the caller authenticated, e.g. PROGRAMMATIC_ACCESS_TOKEN or SESSION_TOKEN. */
  method: string;
}

/** What verifiers look credentials up in. */
export interface AuthenticationScope {
  accounts: AccountRegistry;
  sessions: SessionStore;
}

export interface CredentialVerifier {
  /** Whether this verifier handles the request's Authorization scheme. */
  handles(authorization: string): boolean;
  /** Resolves the caller or throws a 401 ApiError. */
  verify(authorization: string, headers: IncomingHttpHeaders, scope: AuthenticationScope): Promise<Principal>;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * `Authorization: Bearer <token>` + `X-Snowflake-Authorization-Token-Type` (common.yaml securitySchemes:
 * KeyPair → KEYPAIR_JWT, ExternalOAuth/SnowflakeOAuth → OAUTH,
 * ProgrammaticAccessToken → PROGRAMMATIC_ACCESS_TOKEN).
 */
export const bearerTokenVerifier: CredentialVerifier = {
  handles: (authorization) => /^Bearer\s/i.test(authorization),
  async verify(authorization, headers, { accounts }) {
    const token = BEARER.exec(authorization)?.[1];
    if (!token) throw unauthorized(ErrorCodes.authMissing, "Authorization header has an empty Bearer token.");
    const tokenType = headerValue(headers, "x-snowflake-authorization-token-type")?.toUpperCase();
    switch (tokenType) {
      case "PROGRAMMATIC_ACCESS_TOKEN": {
        const owner = accounts.ownerOfProgrammaticAccessToken(token);
        if (!owner) throw unauthorized(ErrorCodes.patInvalid, "Programmatic access token is invalid.");
        return { account: owner.account, user: owner.user, method: tokenType };
      }
      case "OAUTH": {
        const owner = accounts.ownerOfOAuthToken(token);
        if (!owner) throw unauthorized(ErrorCodes.oauthInvalid, "Invalid OAuth access token.");
        if (owner.grant.expiresAt !== undefined && owner.grant.expiresAt <= Date.now()) {
          throw unauthorized(ErrorCodes.oauthExpired, "OAuth access token expired.");
        }
        return { account: owner.account, user: owner.grant.user, method: tokenType };
      }
      case "KEYPAIR_JWT": {
        // The claims name "your Snowflake account identifier" (Authenticating Snowflake REST APIs), and the account
        // a request is for is the one whose URL was called; so a JWT naming another account is invalid there (390144,
        // "JWT token is invalid.") like any other bad claim (inferred: the docs do not describe this case). Without
        // an account in the Host header the claims pick it; an unknown one is checked against the default account,
        // which reports the mismatch.
        const hosted = accounts.find(accountNameFromHost(headerValue(headers, "host")));
        const account = hosted ?? accounts.find(keypairJwtAccount(token)) ?? accounts.defaultAccount;
        const user = await verifyKeypairJwt(token, account);
        return { account, user: user.name, method: tokenType };
      }
      case undefined:
        throw unauthorized(
          ErrorCodes.authMissing,
          "Missing X-Snowflake-Authorization-Token-Type header (KEYPAIR_JWT, OAUTH or PROGRAMMATIC_ACCESS_TOKEN)."
        );
      default:
        throw unauthorized(ErrorCodes.authMissing, `Unsupported X-Snowflake-Authorization-Token-Type '${tokenType}'.`);
    }
  },
};

/** `Authorization: Snowflake Token="<session token>"`, no token-type header: a connector login's session. */
export const sessionTokenVerifier: CredentialVerifier = {
  handles: (authorization) => /^Snowflake\s/i.test(authorization),
  async verify(authorization, _headers, { sessions }) {
    const token = parseSnowflakeToken(authorization);
    const check = token === undefined ? { status: "unknown" as const } : sessions.checkSessionToken(token);
    switch (check.status) {
      case "valid":
        return { account: check.session.account, user: check.session.user, method: "SESSION_TOKEN" };
      case "expired":
        throw unauthorized(ErrorCodes.sessionExpired, "Your session has expired. Please login again.");
      default:
        throw unauthorized(ErrorCodes.sessionTokenInvalid, "Invalid session token. Please login again.");
    }
  },
};

export const restApiVerifiers: CredentialVerifier[] = [bearerTokenVerifier, sessionTokenVerifier];

/**
 * Authenticates the request; `hostAccountName` is the account the Host header names, if any. The credential
 * decides the account, and must agree with the Host header when both name one.
 */
export async function authenticate(
  headers: IncomingHttpHeaders,
  scope: AuthenticationScope,
  verifiers: readonly CredentialVerifier[],
  hostAccountName: string | undefined
): Promise<Principal> {
  if (hostAccountName !== undefined && !scope.accounts.find(hostAccountName)) {
    throw unauthorized(
      ErrorCodes.accountNotFound,
      `Account ${hostAccountName} (named by the Host header) does not exist.`
    );
  }
  const authorization = headerValue(headers, "authorization");
  if (!authorization) throw unauthorized(ErrorCodes.authMissing, "Authorization header is missing.");
  const verifier = verifiers.find((candidate) => candidate.handles(authorization));
  if (!verifier) throw unauthorized(ErrorCodes.authMissing, "Unsupported Authorization scheme.");
  const principal = await verifier.verify(authorization, headers, scope);
  if (hostAccountName !== undefined && scope.accounts.find(hostAccountName) !== principal.account) {
    throw unauthorized(
      ErrorCodes.accountMismatch,
      `The credential belongs to account ${principal.account.name}, but the Host header names ${hostAccountName}.`
    );
  }
  return principal;
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
