// Session upkeep (snowflake-sdk services/sf.js, connection/connection.js): token renewal, logout, heartbeat,
// and the driver's fire-and-forget telemetry.
import type { Outcome } from "../http";
import type { RequestContext } from "../router";
import { badConnectorRequest, ConnectorError, connectorRoute, connectorSuccess, readJsonBody } from "./envelope";
import { ErrorCodes } from "../errors";
import type { ConnectorServices } from "./services";
import { knownSession, requireMasterSession, requireSession } from "./session-auth";

/**
 * sf.js StateRenewing: after a 390112 the driver posts {requestType: "RENEW", oldSessionToken} with the master
 * token, updates TokenInfo from the answer (both tokens: so masterToken must be repeated) and replays the request.
 */
function renewSessionToken(services: ConnectorServices, context: RequestContext): Outcome {
  const session = requireMasterSession(context, services);
  const { requestType, oldSessionToken } = readJsonBody(context.rawBody);
  if (requestType !== "RENEW")
    throw badConnectorRequest(`Unsupported requestType '${String(requestType)}' (RENEW only).`);
  const old = typeof oldSessionToken === "string" ? services.sessions.checkSessionToken(oldSessionToken) : undefined;
  if (!old || old.status === "unknown" || old.session !== session) {
    throw new ConnectorError(
      ErrorCodes.sessionTokenInvalid,
      "oldSessionToken does not belong to this master token's session."
    );
  }
  const sessionToken = services.sessions.renew(session, oldSessionToken as string);
  return connectorSuccess({
    sessionToken,
    validityInSeconds: services.sessions.lifetimes.sessionTokenSeconds,
    masterToken: session.masterToken,
    masterValidityInSeconds: services.sessions.masterSecondsLeft(session),
    sessionId: session.id,
  });
}

/** sf.js StateConnected.destroy: POST /session?delete=true. An expired token still ends its session. */
function deleteSession(services: ConnectorServices, context: RequestContext): Outcome {
  if (context.query.string("delete") !== "true") throw badConnectorRequest("POST /session needs delete=true.");
  services.sessions.end(knownSession(context, services));
  return connectorSuccess(null);
}

/** connection.js heartbeat (isValidAsync, clientSessionKeepAlive): a valid session token answers success. */
function heartbeat(services: ConnectorServices, context: RequestContext): Outcome {
  requireSession(context, services);
  return connectorSuccess(null);
}

/** sf.js sends client telemetry right after login and ignores failures; the emulator accepts and drops it. */
function telemetry(services: ConnectorServices, context: RequestContext): Outcome {
  knownSession(context, services);
  return connectorSuccess(null);
}

export function sessionRoutes(services: ConnectorServices) {
  const route = (path: string, handler: (services: ConnectorServices, context: RequestContext) => Outcome) =>
    connectorRoute({ method: "POST", path, handler: (context) => handler(services, context) });
  return [
    route("/session/token-request", renewSessionToken),
    route("/session", deleteSession),
    route("/session/heartbeat", heartbeat),
    route("/telemetry/send", telemetry),
  ];
}
