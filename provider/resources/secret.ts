// secret.yaml components/schemas/Secret: a schema object holding a credential for external access integrations,
// Git repositories and handler code. The model is one of PasswordSecret / Oauth2Secret / GenericStringSecret /
// SymmetricKeySecret / CloudProviderTokenSecret / JwtKeyPairSecret, chosen by `type`; each type's inputs are
// checked before anything is sent.
// - No PUT: ALTER SECRET (docs) sets USERNAME and PASSWORD, SECRET_STRING, OAUTH_REFRESH_TOKEN,
//   OAUTH_REFRESH_TOKEN_EXPIRY_TIME, OAUTH_SCOPES and COMMENT, and unsets COMMENT (scopes are removed by SET OAUTH_SCOPES = (), as for other ALTER lists; not confirmed). The type, the security
//   integration (API_AUTHENTICATION) and a key's algorithm are fixed at creation; the spec has no :rename.
// - The values (password, secret string, refresh token) are never returned (DESCRIBE SECRET shows the username,
//   expiry times, integration and scopes only): secret inputs, kept from the declaration.
// - A value ALTER cannot remove (a refresh token, its expiry; the values a type requires, which go only with the
//   type) can only go with a new secret.
import { defineResource } from "../engine/define";
import { secretTextKind } from "../engine/kinds/credentials";
import { identifierKind } from "../engine/kinds/names";
import { stringSetKind } from "../engine/kinds/network";
import { choiceKind, enumType, integerKind, textKind } from "../engine/kinds/scalars";
import { variantChecks, variantRequiredRemoved } from "../engine/variants";
import { sql } from "../sql/sql-text";
import * as wire from "../wire/secret";
import { commentField, field, ownershipOutputs, schemaObjectIdentity, schemaObjectPath } from "./common";

const SECRET_TYPE = enumType("SecretType", "What the secret holds.", ["PASSWORD", "OAUTH2", "GENERIC_STRING", "SYMMETRIC_KEY", "CLOUD_PROVIDER_TOKEN", "JWT_KEY_PAIR"]);

// secret.yaml's variants: their required and optional properties.
const VARIANTS = {
  PASSWORD: { required: ["username", "password"] },
  OAUTH2: { required: ["apiAuthentication"], optional: ["oauthRefreshToken", "oauthRefreshTokenExpiryTime", "oauthScopes"] },
  GENERIC_STRING: { required: ["secretString"] },
  SYMMETRIC_KEY: { required: ["algorithm"] },
  CLOUD_PROVIDER_TOKEN: { required: ["apiAuthentication"] },
  JWT_KEY_PAIR: { optional: ["algorithm", "keyLength"] },
};

const credential = (wireName: string, doc: string) =>
  field(wireName, secretTextKind(), `${doc} Secret: stored only encrypted in state and never returned by Snowflake, so only a declared change is applied (ALTER SECRET ... SET).`, { writeOnly: true, secret: true });

export const secret = defineResource({
  typeName: "Secret",
  noun: "secret",
  doc: "A secret: a username and password, an OAuth refresh token or client-credentials grant, a generic string or a key, for external access integrations and handler code (REST: .../schemas/{schema}/secrets). Values are write-only secrets; changed in place by ALTER SECRET.",
  collectionPath: schemaObjectPath("secrets"),
  changes: "sql",
  sqlObjectType: "SECRET",
  fields: {
    ...schemaObjectIdentity("secret"),
    type: field("type", choiceKind(SECRET_TYPE), "PASSWORD, OAUTH2, GENERIC_STRING, SYMMETRIC_KEY, CLOUD_PROVIDER_TOKEN or JWT_KEY_PAIR: which inputs apply. A change means a new secret.", { required: true, immutable: true }),
    username: field("username", textKind(), "PASSWORD: the user name (Snowflake reports it).", { sql: { property: "USERNAME" } }),
    password: credential("password", "PASSWORD: the password."),
    secretString: credential("secret_string", "GENERIC_STRING: the string, e.g. an API token."),
    oauthRefreshToken: credential("oauth_refresh_token", "OAUTH2 (authorization code grant): the refresh token."),
    oauthRefreshTokenExpiryTime: field("oauth_refresh_token_expiry_time", textKind(), "OAUTH2: when the refresh token expires, `YYYY-MM-DD` or `YYYY-MM-DD HH24:MI:SS`. Compared with the declaration only (Snowflake reports it as a timestamp).", { writeOnly: true }),
    oauthScopes: field("oauth_scopes", stringSetKind(textKind(), "OAuth scopes"), "OAUTH2 (client credentials grant): the scopes to request; a set.", { sql: { property: "OAUTH_SCOPES", unset: sql`SET OAUTH_SCOPES = ()` } }),
    apiAuthentication: field("api_authentication", identifierKind(), "OAUTH2 and CLOUD_PROVIDER_TOKEN: the API authentication security integration that issues the tokens. A change means a new secret.", { immutable: true }),
    algorithm: field("algorithm", textKind(), "SYMMETRIC_KEY and JWT_KEY_PAIR: the key's algorithm, e.g. GENERIC. A change means a new secret.", { immutable: true }),
    keyLength: field("key_length", integerKind({ min: 1, max: 65536 }), "JWT_KEY_PAIR: the key length in bits. A change means a new secret.", { immutable: true }),
    comment: commentField("secret"),
  },
  outputs: ownershipOutputs("secret"),
  crossChecks: variantChecks("type", VARIANTS),
  replacedBy: variantRequiredRemoved(VARIANTS, ["oauthRefreshToken", "oauthRefreshTokenExpiryTime"]),
  // A secret an integration or function names cannot be dropped while in use (not confirmed how Snowflake words it).
  deleteRefusal: { pattern: /in use|referenced by|associated with/i, advice: "Remove it from the integrations and functions that use it first." },
  wire: { schema: wire.Secret, properties: wire.Secret_PROPERTIES, readOnly: wire.Secret_READ_ONLY },
});
