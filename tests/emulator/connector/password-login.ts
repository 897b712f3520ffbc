// SNOWFLAKE and USERNAME_PASSWORD_MFA logins (snowflake-sdk authentication/auth_default.js, one class for both).
// MFA is the user's enrollment, not the authenticator's name: a user with an mfaPasscode always needs a second
// factor; the emulator's "authenticator app" shows a fixed passcode and cannot answer Duo pushes.
import { generateSecret } from "../accounts";
import { SessionDefaults } from "../defaults";
import { ErrorCodes } from "../errors";
import type { AccountState, UserRecord } from "../state";
import { ConnectorError, optionalString } from "./envelope";
import type { LoginIdentity, LoginRequest } from "./login";

// Duo passcodes are 6 digits; used to split passcodeInPassword for users the emulator has no passcode for.
const DUO_PASSCODE_LENGTH = 6;

function incorrectCredentials(): ConnectorError {
  return new ConnectorError(ErrorCodes.incorrectCredentials, "Incorrect username or password was specified.");
}

export function passwordLogin({ account, data, sessionParameters }: LoginRequest): LoginIdentity {
  const loginName = optionalString(data, "LOGIN_NAME");
  const user = loginName === undefined ? undefined : account.findUser(loginName);
  let password = typeof data.PASSWORD === "string" ? data.PASSWORD : undefined;
  let passcode = optionalString(data, "PASSCODE");
  // auth_default.js: passcodeInPassword sends PASSWORD = password + passcode and the flag `passcodeInPassword: true`.
  if (password !== undefined && data.passcodeInPassword === true) {
    const cut = password.length - (user?.mfaPasscode?.length ?? DUO_PASSCODE_LENGTH);
    passcode = password.slice(Math.max(0, cut));
    password = password.slice(0, Math.max(0, cut));
  }
  if (!user || password === undefined || !passwordMatches(account, user, password)) throw incorrectCredentials();
  if (!user.mfaPasscode) return { user };

  // auth_default.js sends a cached MFA token as TOKEN (connection.js read it from the credential manager).
  if (validMfaToken(account, user, optionalString(data, "TOKEN"))) return { user };
  if (passcode === undefined) {
    throw new ConnectorError(
      ErrorCodes.mfaFailed,
      "Failed to authenticate: MFA is required for this user; provide a passcode (passcode or passcodeInPassword) — the emulator cannot answer Duo pushes."
    );
  }
  if (passcode !== user.mfaPasscode) {
    throw new ConnectorError(ErrorCodes.mfaFailed, "Failed to authenticate: incorrect passcode was specified.");
  }
  // sf.js requestCallback caches data.mfaToken when the connection set clientRequestMFAToken.
  if (sessionParameters.CLIENT_REQUEST_MFA_TOKEN !== true) return { user };
  const mfaToken = generateSecret("mfa");
  account.mfaTokens.set(mfaToken, {
    user: user.name,
    expiresAt: Date.now() + SessionDefaults.mfaTokenLifetimeSeconds * 1000,
  });
  return { user, extras: { mfaToken, mfaTokenValidityInSeconds: SessionDefaults.mfaTokenLifetimeSeconds } };
}

/** The user's password, or one of their PATs (Snowflake accepts a PAT wherever a password goes). */
function passwordMatches(account: AccountState, user: UserRecord, password: string): boolean {
  if (user.password !== undefined && password === user.password) return true;
  return account.programmaticAccessTokens.get(password) === user.name;
}

function validMfaToken(account: AccountState, user: UserRecord, token: string | undefined): boolean {
  const grant = token === undefined ? undefined : account.mfaTokens.get(token);
  return grant !== undefined && grant.user === user.name && (grant.expiresAt ?? Infinity) > Date.now();
}
