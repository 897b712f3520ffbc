// Kinds of a user's login properties: a login name Snowflake matches case-insensitively, and RSA public keys given
// as a PEM or its bare body, compared as the body (so a refresh after sending one never shows the other form).
import { createPublicKey } from "node:crypto";
import { FieldKind } from "../field-kind";
import { secretLiteral } from "../../sql/sql-text";
import { textKind } from "./scalars";

/** Free text Snowflake matches case-insensitively (CREATE USER docs: login names are case-insensitive). */
export function caseInsensitiveTextKind(): FieldKind {
  const base = textKind();
  return { ...base, canonical: (value) => (typeof value === "string" ? value.toUpperCase() : base.canonical(value)) };
}

/** The base64 body of a PEM public key (CREATE USER docs: the key is given without its BEGIN / END lines). */
const keyBody = (value: string) => value.replace(/-----(BEGIN|END) [A-Z ]+-----/g, "").replace(/\s+/g, "");

/** An RSA public key, as a PEM or its base64 body; sent and compared as the body. */
export function rsaPublicKeyKind(): FieldKind {
  const base = textKind();
  return {
    ...base,
    expected: "an RSA public key: a PEM (-----BEGIN PUBLIC KEY-----) or its base64 body",
    problem: (value) => {
      if (typeof value !== "string") return "not a string";
      try {
        const key = createPublicKey({ key: Buffer.from(keyBody(value), "base64"), format: "der", type: "spki" });
        return key.asymmetricKeyType === "rsa" ? undefined : `a ${key.asymmetricKeyType} key, not RSA`;
      } catch {
        return "not a public key";
      }
    },
    canonical: (value) => (typeof value === "string" ? keyBody(value) : base.canonical(value)),
    toWire: (value) => (typeof value === "string" ? keyBody(value) : value),
  };
}

/** A credential (a password, token or API key) as free text; in SQL a secret literal, so no error report shows it. */
export function secretTextKind(): FieldKind {
  const base = textKind();
  return { ...base, toSql: (value) => secretLiteral(String(value)) };
}
