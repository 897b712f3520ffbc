// WORKLOAD_IDENTITY logins (snowflake-sdk authentication/auth_workload_identity/auth_workload_identity.js): the
// body carries PROVIDER and TOKEN (the attestation) and LOGIN_NAME only if the connection set `username`. The
// emulator knows OIDC: TOKEN is the workload's ID token, accepted for the user whose workload identity names its
// issuer and subject (ALTER USER ... WORKLOAD_IDENTITY = (TYPE = OIDC ISSUER = ... SUBJECT = ...)).
import { decodeJwt, jwtVerify } from "jose";
import { ErrorCodes } from "../errors";
import type { UserRecord } from "../state";
import { ConnectorError, optionalString } from "./envelope";
import { checkLoginName, type LoginIdentity, type LoginRequest } from "./login";

// Same tolerance as key-pair JWTs (keypair-jwt.ts).
const CLOCK_SKEW_SECONDS = 60;

function invalid(reason: string): ConnectorError {
  return new ConnectorError(
    ErrorCodes.workloadIdentityInvalid,
    `Workload identity attestation is invalid. (${reason})`
  );
}

export async function workloadIdentityLogin({ account, data }: LoginRequest): Promise<LoginIdentity> {
  const provider = optionalString(data, "PROVIDER")?.toUpperCase();
  if (provider !== "OIDC") {
    // AWS/AZURE/GCP attestations need the cloud providers' signatures, which an offline emulator cannot check.
    throw new ConnectorError(
      ErrorCodes.authenticatorNotSupported,
      `Workload identity provider ${provider} is not supported by the emulator (only OIDC).`
    );
  }
  const token = optionalString(data, "TOKEN");
  if (token === undefined) throw invalid("TOKEN is missing");
  let issuer: unknown;
  let subject: unknown;
  try {
    ({ iss: issuer, sub: subject } = decodeJwt(token));
  } catch {
    throw invalid("TOKEN is not a JWT");
  }
  const user = [...account.users.values()].find(
    (candidate: UserRecord) =>
      candidate.workloadIdentity?.issuer === issuer && candidate.workloadIdentity?.subject === subject
  );
  if (!user?.workloadIdentity)
    throw invalid(`no user of account ${account.name} trusts issuer ${String(issuer)} with subject ${String(subject)}`);
  try {
    await jwtVerify(token, user.workloadIdentity.publicKey, {
      issuer: user.workloadIdentity.issuer,
      subject: user.workloadIdentity.subject,
      audience: user.workloadIdentity.audiences,
      clockTolerance: CLOCK_SKEW_SECONDS,
      requiredClaims: ["exp"],
    });
  } catch (error) {
    throw invalid(error instanceof Error ? error.message : "signature check failed");
  }
  checkLoginName(data, user);
  return { user };
}
