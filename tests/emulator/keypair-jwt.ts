// Key-pair JWT verification as documented in "Authenticating Snowflake REST APIs" (Snowflake docs).
import { createHash, KeyObject } from "node:crypto";
import { decodeJwt, jwtVerify, type JWTPayload } from "jose";
import { ErrorCodes, unauthorized } from "./errors";
import type { AccountState, UserRecord } from "./state";

// Snowflake docs (key-pair auth troubleshooting): clocks may drift; the emulator allows 60 s either way.
const CLOCK_SKEW_SECONDS = 60;

/** Authenticating REST APIs docs: fingerprint = "SHA256:" + base64(sha256(DER SubjectPublicKeyInfo)). */
export function publicKeyFingerprint(key: KeyObject): string {
  const der = key.export({ type: "spki", format: "der" });
  return `SHA256:${createHash("sha256").update(der).digest("base64")}`;
}

/** Authenticating REST APIs docs: the account part is upper-case and drops any region suffix after a '.'. */
export function jwtAccountName(account: string): string {
  return account.split(".")[0].toUpperCase();
}

function jwtInvalid(reason: string) {
  // The real service answers only "JWT token is invalid."; the reason helps whoever debugs a failing test.
  return unauthorized(ErrorCodes.jwtInvalid, `JWT token is invalid. (${reason})`);
}

/** The account a key-pair JWT's sub claim names (upper-case, without region), or undefined when it is no such JWT. */
export function keypairJwtAccount(token: string): string | undefined {
  try {
    const { sub } = decodeJwt(token);
    return typeof sub === "string" ? jwtAccountName(sub) : undefined;
  } catch {
    return undefined;
  }
}

export interface KeypairJwtOptions {
  /**
   * snowflake-sdk's auth_keypair.js puts iat/exp in milliseconds (Date.now()), and Snowflake accepts its logins;
   * the REST API docs say seconds. With this set, values too large to be seconds are read as milliseconds.
   */
  acceptMilliseconds?: boolean;
}

/** Verifies a key-pair JWT (KEYPAIR_JWT bearer token or SNOWFLAKE_JWT login token) and returns the user. */
export async function verifyKeypairJwt(
  token: string,
  account: AccountState,
  options: KeypairJwtOptions = {}
): Promise<UserRecord> {
  let claims: JWTPayload;
  try {
    claims = decodeJwt(token);
  } catch {
    throw jwtInvalid("not a JWT");
  }
  const { iss, sub } = claims;
  if (typeof iss !== "string" || typeof sub !== "string") throw jwtInvalid("iss and sub claims are required");

  // sub = <ACCOUNT>.<USER>; iss = <ACCOUNT>.<USER>.SHA256:<fingerprint>.
  const subject = sub.toUpperCase();
  const accountPart = subject.split(".")[0];
  if (accountPart !== jwtAccountName(account.name))
    throw jwtInvalid(`sub names account ${accountPart}, not ${jwtAccountName(account.name)}`);
  const user = [...account.users.values()]
    .filter((candidate) => subject.endsWith(`.${candidate.name}`))
    .sort((a, b) => b.name.length - a.name.length)[0];
  if (!user) throw jwtInvalid(`unknown user in sub '${sub}'`);
  if (!user.rsaPublicKey || !user.rsaPublicKeyFingerprint) throw jwtInvalid(`user ${user.name} has no RSA public key`);

  const fingerprintAt = iss.indexOf(".SHA256:");
  if (fingerprintAt < 0 || iss.slice(0, fingerprintAt).toUpperCase() !== subject) {
    throw jwtInvalid("iss must be <sub>.SHA256:<public key fingerprint>");
  }
  if (iss.slice(fingerprintAt + 1) !== user.rsaPublicKeyFingerprint)
    throw jwtInvalid("public key fingerprint mismatch");

  try {
    // jose checks exp in seconds; a millisecond exp passes it and is checked below instead.
    await jwtVerify(token, user.rsaPublicKey, {
      algorithms: ["RS256"],
      clockTolerance: CLOCK_SKEW_SECONDS,
      requiredClaims: ["iss", "sub", "iat", "exp"],
    });
  } catch (error) {
    throw jwtInvalid(error instanceof Error ? error.message : "signature check failed");
  }
  const now = Math.floor(Date.now() / 1000);
  const issuedAt = claimSeconds(claims.iat, options);
  const expiresAt = claimSeconds(claims.exp, options);
  if (issuedAt > now + CLOCK_SKEW_SECONDS) throw jwtInvalid("iat is in the future");
  if (expiresAt <= now - CLOCK_SKEW_SECONDS) throw jwtInvalid("exp is in the past");
  return user;
}

// Epoch seconds stay below 1e11 until the year 5138; Date.now() has been above it since 1973.
const MILLISECONDS_THRESHOLD = 1e11;

function claimSeconds(value: unknown, options: KeypairJwtOptions): number {
  const number = typeof value === "number" ? value : NaN;
  return options.acceptMilliseconds && number > MILLISECONDS_THRESHOLD ? number / 1000 : number;
}
