// What the connector endpoints share: accounts, sessions, the SSO and OAuth flows in progress.
import type { AccountRegistry } from "../accounts";
import type { SessionStore } from "./sessions";
import { OneTimeTokens } from "./one-time-tokens";
import type { AccountState, UserRecord } from "../state";

/** An authorization code the emulated OAuth server issued, waiting for /oauth/token-request. */
export interface AuthorizationCodeGrant {
  account: AccountState;
  clientId: string;
  user: string;
  redirectUri: string;
  scope?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
}

/** An EXTERNALBROWSER login started by /session/authenticator-request, waiting for the browser. */
export interface SsoRequest {
  account: AccountState;
  proofKey: string;
  redirectPort: number;
  loginName?: string;
}

/** The token the browser hands the driver's local callback server, redeemed with its proof key at login. */
export interface SsoToken {
  account: AccountState;
  user: UserRecord;
  proofKey: string;
}

export interface ConnectorServices {
  accounts: AccountRegistry;
  sessions: SessionStore;
  authorizationCodes: OneTimeTokens<AuthorizationCodeGrant>;
  refreshTokens: Map<
    string,
    { account: AccountState; clientId: string; user: string; scope?: string; expiresAt: number }
  >;
  ssoRequests: OneTimeTokens<SsoRequest>;
  ssoTokens: OneTimeTokens<SsoToken>;
  /** The emulator's plain-HTTP base URL (known once it listens), for URLs handed to the "browser". */
  baseUrl(): string;
}

export function createConnectorServices(
  accounts: AccountRegistry,
  sessions: SessionStore,
  baseUrl: () => string
): ConnectorServices {
  return {
    accounts,
    sessions,
    authorizationCodes: new OneTimeTokens("code"),
    refreshTokens: new Map(),
    ssoRequests: new OneTimeTokens("sso-request"),
    ssoTokens: new OneTimeTokens("sso-token"),
    baseUrl,
  };
}
