// `Authorization: Snowflake Token="<token>"`: how the driver presents its session token (sf.js
// SessionTokenRequest) and, on renewal, its master token (sf.js MasterTokenRequest).
import type { IncomingHttpHeaders } from "node:http";
import { ErrorCodes } from "../errors";
import type { RequestContext } from "../router";
import { ConnectorError } from "./envelope";
import type { ConnectorServices } from "./services";
import type { Session, TokenCheck } from "./sessions";

const SNOWFLAKE_TOKEN = /^Snowflake\s+Token="([^"]*)"\s*$/i;

export function parseSnowflakeToken(authorization: string | undefined): string | undefined {
  return authorization ? SNOWFLAKE_TOKEN.exec(authorization)?.[1] || undefined : undefined;
}

function authorizationToken(headers: IncomingHttpHeaders): string | undefined {
  const value = headers.authorization;
  return parseSnowflakeToken(Array.isArray(value) ? value[0] : value);
}

/**
 * The valid session behind the request's session token. Failures carry the codes sf.js StateConnected.request
 * acts on: 390112 → renew via /session/token-request and replay; 390104 / 390111 → disconnected.
 */
export function requireSession(context: RequestContext, services: ConnectorServices): Session {
  const token = authorizationToken(context.headers);
  const check = token === undefined ? ({ status: "unknown" } as const) : services.sessions.checkSessionToken(token);
  return inHostAccount(validSession(check), context, services);
}

/** The session behind the request's master token (token renewal). 390114 = master token expired, log in again. */
export function requireMasterSession(context: RequestContext, services: ConnectorServices): Session {
  const token = authorizationToken(context.headers);
  const check = token === undefined ? ({ status: "unknown" } as const) : services.sessions.checkMasterToken(token);
  if (check.status === "expired") {
    throw new ConnectorError(
      ErrorCodes.masterTokenExpired,
      "Authentication token has expired.  The user must authenticate again."
    );
  }
  return inHostAccount(validSession(check), context, services);
}

/** The session behind a session token, expired or not (logout and telemetry need no fresh token). */
export function knownSession(context: RequestContext, services: ConnectorServices): Session {
  const token = authorizationToken(context.headers);
  const check = token === undefined ? ({ status: "unknown" } as const) : services.sessions.checkSessionToken(token);
  return inHostAccount(check.status === "expired" ? check.session : validSession(check), context, services);
}

/** A token is only good for its own account's host. */
function inHostAccount(session: Session, context: RequestContext, services: ConnectorServices): Session {
  const hostAccount = services.accounts.find(context.hostAccountName);
  if (context.hostAccountName !== undefined && hostAccount !== session.account) {
    throw new ConnectorError(
      ErrorCodes.sessionTokenInvalid,
      `Invalid session token: it belongs to account ${session.account.name}, not ${context.hostAccountName}.`
    );
  }
  return session;
}

function validSession(check: TokenCheck): Session {
  switch (check.status) {
    case "valid":
      return check.session;
    case "expired":
      throw new ConnectorError(ErrorCodes.sessionExpired, "Your session has expired. Please login again.");
    case "ended":
      throw new ConnectorError(
        ErrorCodes.sessionGone,
        "Session no longer exists.  New login required to access the service."
      );
    case "unknown":
      throw new ConnectorError(ErrorCodes.sessionTokenInvalid, "Invalid session token. Please login again.");
  }
}
