// Secrets (secret.yaml; CREATE / ALTER / DESCRIBE SECRET docs): a schema object of one of six types, each with its
// own properties (the strict discriminated model checks them on create, and again here after an ALTER, so SET
// PASSWORD on a GENERIC_STRING secret is refused). The values are credentials: kept, never returned.
import * as wire from "../../../provider/wire/secret";
import type { ObjectKind } from "../catalog/object-kind";
import { badRequest } from "../errors";

const REQUIRED_BY_TYPE: Record<string, readonly string[]> = {
  PASSWORD: wire.PasswordSecret_REQUIRED, OAUTH2: wire.Oauth2Secret_REQUIRED, GENERIC_STRING: wire.GenericStringSecret_REQUIRED,
  SYMMETRIC_KEY: wire.SymmetricKeySecret_REQUIRED, CLOUD_PROVIDER_TOKEN: wire.CloudProviderTokenSecret_REQUIRED, JWT_KEY_PAIR: wire.JwtKeyPairSecret_REQUIRED,
};

export const secretKind: ObjectKind = {
  spec: "secret",
  model: "Secret",
  objectType: "Secret",
  sqlType: "SECRET",
  parameterLevel: "SECRET",
  collection: "secrets",
  scope: "schema",
  wire: { strict: wire.SecretStrict, properties: wire.Secret_PROPERTIES, readOnly: wire.Secret_READ_ONLY, writeOnly: wire.Secret_WRITE_ONLY },
  // DESCRIBE SECRET docs list username, the expiry times, the integration and the scopes -- not the values (the
  // generated model marks those write-only, so they are never rendered).
  identifiers: ["api_authentication"],
  accept(values) {
    // After an ALTER the values must still fit the secret's type (ALTER SECRET docs give one SET form per type).
    const { name: _name, ...settings } = values;
    const parsed = wire.SecretStrict.safeParse({ ...settings, name: "X" });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw badRequest(`SQL compilation error:\ninvalid property '${String(issue.path[0] ?? "").toUpperCase()}' for a secret of type ${values.type}: ${issue.message}.`);
    }
    // The values write-only in the model are still required in requests (secret.yaml <Variant>.required).
    const required = REQUIRED_BY_TYPE[String(values.type)] ?? [];
    const missing = required.find((property) => values[property] === undefined);
    if (missing) throw badRequest(`Missing required field '${missing}' in ${secretKind.model} of type ${values.type}.`);
    // OAUTH2 and CLOUD_PROVIDER_TOKEN secrets name an API authentication security integration. Security
    // integrations are not emulated yet (SQL-API-only objects), so the name is not checked to exist.
    return values;
  },
  // ALTER SECRET docs: SET per type, UNSET COMMENT only.
  sqlProperties: {
    COMMENT: { wire: "comment", value: "string", unset: true },
    USERNAME: { wire: "username", value: "string" },
    PASSWORD: { wire: "password", value: "string" },
    SECRET_STRING: { wire: "secret_string", value: "string" },
    OAUTH_REFRESH_TOKEN: { wire: "oauth_refresh_token", value: "string" },
    OAUTH_REFRESH_TOKEN_EXPIRY_TIME: { wire: "oauth_refresh_token_expiry_time", value: "string" },
    OAUTH_SCOPES: { wire: "oauth_scopes", value: "stringList" },
  },
};
