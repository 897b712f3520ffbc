// Logins whose TOKEN is a credential the account already knows: a key-pair JWT (auth_keypair.js), a programmatic
// access token (auth_oauth_pat.js) or an OAuth access token (auth_oauth.js, and the end of both OAuth flows).
import { ApiError, ErrorCodes } from "../errors";
import { verifyKeypairJwt } from "../keypair-jwt";
import { ConnectorError, optionalString } from "./envelope";
import { checkLoginName, type LoginIdentity, type LoginRequest } from "./login";

export async function keypairLogin({ account, data }: LoginRequest): Promise<LoginIdentity> {
  const token = optionalString(data, "TOKEN");
  if (token === undefined) throw new ConnectorError(ErrorCodes.jwtInvalid, "JWT token is invalid. (TOKEN is missing)");
  try {
    // auth_keypair.js signs iat/exp in milliseconds.
    const user = await verifyKeypairJwt(token, account, { acceptMilliseconds: true });
    checkLoginName(data, user, ErrorCodes.jwtInvalid);
    return { user };
  } catch (error) {
    if (error instanceof ApiError) throw new ConnectorError(error.code, error.message);
    throw error;
  }
}

/** auth_oauth_pat.js sends the PAT (option `token`, or `password`) as TOKEN; a wrong one is a wrong password. */
export function programmaticAccessTokenLogin({ account, data }: LoginRequest): LoginIdentity {
  const token = optionalString(data, "TOKEN");
  const owner = token === undefined ? undefined : account.programmaticAccessTokens.get(token);
  const user = owner === undefined ? undefined : account.findUser(owner);
  if (!user) throw new ConnectorError(ErrorCodes.incorrectCredentials, "Incorrect username or password was specified.");
  checkLoginName(data, user, ErrorCodes.incorrectCredentials);
  return { user };
}

export function oauthLogin({ account, data }: LoginRequest): LoginIdentity {
  const token = optionalString(data, "TOKEN");
  const grant = token === undefined ? undefined : account.oauthTokens.get(token);
  const user = grant === undefined ? undefined : account.findUser(grant.user);
  if (!grant || !user) throw new ConnectorError(ErrorCodes.oauthInvalid, "Invalid OAuth access token.");
  if (grant.expiresAt !== undefined && grant.expiresAt <= Date.now()) {
    // gs_errors.js OAUTH_TOKEN_EXPIRED: with OAUTH_AUTHORIZATION_CODE the driver then refreshes or re-authorizes.
    throw new ConnectorError(ErrorCodes.oauthExpired, "OAuth access token expired.");
  }
  checkLoginName(data, user);
  return { user };
}
