// Public option shapes for users and accounts (re-exported from index.ts).

export interface EmulatorUserOptions {
  name: string;
  /** SNOWFLAKE / USERNAME_PASSWORD_MFA logins check it. */
  password?: string;
  /** USERNAME_PASSWORD_MFA: the passcode the "authenticator app" shows (fixed, for tests). Users without one need no MFA. */
  mfaPasscode?: string;
  /** Key-pair (SNOWFLAKE_JWT / KEYPAIR_JWT) logins check signatures against it. */
  rsaPublicKeyPem?: string;
  /** WORKLOAD_IDENTITY with provider OIDC: tokens signed by this key with this issuer/subject log in as the user. */
  workloadIdentity?: {
    issuer: string;
    subject: string;
    publicKeyPem: string;
    /** OIDC_AUDIENCE_LIST; Snowflake's default (none set) is the single audience "snowflakecomputing.com". */
    audiences?: string[];
  };
}

export interface EmulatorAccountOptions {
  name: string;
  /** Default: one user, EMULATOR_USER. The first user is the one unbound PATs and OAuth tokens act as. */
  users?: EmulatorUserOptions[];
  /** Default (or empty): one random token for the first user. A plain string belongs to the first user. */
  programmaticAccessTokens?: (string | { token: string; user: string })[];
  /** Accepted OAuth access tokens (an external IdP's, say); they act as the first user. */
  oauthTokens?: string[];
  /** OAuth clients for OAUTH_CLIENT_CREDENTIALS / OAUTH_AUTHORIZATION_CODE (the emulator plays Snowflake's own OAuth server). */
  oauthClients?: { clientId: string; clientSecret: string; user: string }[];
}
