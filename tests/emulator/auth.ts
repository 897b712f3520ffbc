// Authentication of /api/v2 requests (common.yaml securitySchemes). Verifiers are a list so that other
// schemes (e.g. connector session tokens, `Authorization: Snowflake Token="..."`) can be added later.
import type { IncomingHttpHeaders } from "node:http";
import { ErrorCodes, unauthorized } from "./errors";
import { verifyKeypairJwt } from "./keypair-jwt";
import type { AccountState } from "./state";

export interface Principal {
  user: string;
  /** How the caller authenticated, e.g. PROGRAMMATIC_ACCESS_TOKEN. */
  method: string;
}

export interface CredentialVerifier {
  /** Whether this verifier handles the request's Authorization scheme. */
  handles(authorization: string): boolean;
  /** Resolves the caller or throws a 401 ApiError. */
  verify(authorization: string, headers: IncomingHttpHeaders, account: AccountState): Promise<Principal>;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * `Authorization: Bearer <token>` + `X-Snowflake-Authorization-Token-Type` (common.yaml securitySchemes:
 * KeyPair → KEYPAIR_JWT, ExternalOAuth/SnowflakeOAuth → OAUTH,
 * ProgrammaticAccessToken → PROGRAMMATIC_ACCESS_TOKEN).
 */
export const bearerTokenVerifier: CredentialVerifier = {
  handles: (authorization) => /^Bearer\s/i.test(authorization),
  async verify(authorization, headers, account) {
    const token = BEARER.exec(authorization)?.[1];
    if (!token) throw unauthorized(ErrorCodes.authMissing, "Authorization header has an empty Bearer token.");
    const tokenType = headerValue(headers, "x-snowflake-authorization-token-type")?.toUpperCase();
    switch (tokenType) {
      case "PROGRAMMATIC_ACCESS_TOKEN":
        if (!account.programmaticAccessTokens.has(token)) {
          throw unauthorized(ErrorCodes.patInvalid, "Programmatic access token is invalid.");
        }
        return { user: account.defaultUser, method: tokenType };
      case "OAUTH":
        if (!account.oauthTokens.has(token)) throw unauthorized(ErrorCodes.oauthInvalid, "Invalid OAuth access token.");
        return { user: account.defaultUser, method: tokenType };
      case "KEYPAIR_JWT": {
        const user = await verifyKeypairJwt(token, account);
        return { user: user.name, method: tokenType };
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

export const restApiVerifiers: CredentialVerifier[] = [bearerTokenVerifier];

export async function authenticate(
  headers: IncomingHttpHeaders,
  account: AccountState,
  verifiers: readonly CredentialVerifier[]
): Promise<Principal> {
  const authorization = headerValue(headers, "authorization");
  if (!authorization) throw unauthorized(ErrorCodes.authMissing, "Authorization header is missing.");
  const verifier = verifiers.find((candidate) => candidate.handles(authorization));
  if (!verifier) throw unauthorized(ErrorCodes.authMissing, "Unsupported Authorization scheme.");
  return verifier.verify(authorization, headers, account);
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
