// The connector protocol's answers: always HTTP 200 + JSON, `{success, code, message, data}`. snowflake-sdk
// services/sf.js reads `success` and turns `code` into the error it raises; HTTP errors (or 5xx/429, which
// its axios retry middleware replays up to 1000 times) are never what Snowflake sends for a failed login or query.
import { gunzipSync } from "node:zlib";
import { ErrorCodes } from "../errors";
import { ok, type Outcome } from "../http";
import type { RequestContext, Route } from "../router";

export class ConnectorError extends Error {
  constructor(readonly code: string, message: string, readonly data: unknown = null) {
    super(message);
  }
}

export function connectorSuccess(data: unknown): Outcome {
  return ok({ success: true, code: null, message: null, data });
}

export function connectorFailure(error: ConnectorError): Outcome {
  return ok({ success: false, code: error.code, message: error.message, data: error.data });
}

export function badConnectorRequest(message: string): ConnectorError {
  return new ConnectorError(ErrorCodes.badRequest, message);
}

export type UnauthenticatedRouteSpec = Pick<Route, "method" | "path"> & {
  handler(context: RequestContext): Outcome | Promise<Outcome>;
};

/**
 * An endpoint outside /api/v2 (no REST auth or query checks, never answered with 202) whose errors take the
 * shape its protocol uses: `answerError` returns the answer for an error, or undefined to let it propagate.
 */
export function unauthenticatedRoute(spec: UnauthenticatedRouteSpec, answerError: (error: unknown) => Outcome | undefined): Route {
  return {
    method: spec.method,
    path: spec.path,
    query: "any",
    authenticate: false,
    deferrable: false,
    async handler(context) {
      try {
        return await spec.handler(context);
      } catch (error) {
        const answer = answerError(error);
        if (answer) return answer;
        throw error;
      }
    },
  };
}

/** A connector endpoint: any failure becomes a success:false answer. */
export function connectorRoute(spec: UnauthenticatedRouteSpec): Route {
  return unauthenticatedRoute(spec, (error) => {
    if (error instanceof ConnectorError) return connectorFailure(error);
    const message = error instanceof Error ? error.message : String(error);
    return connectorFailure(new ConnectorError(ErrorCodes.internalError, `Emulator internal error: ${message}`));
  });
}

/**
 * The request body as text. snowflake-sdk http/base.js starts an async gzip that usually loses the race, so
 * bodies arrive plain, but other drivers gzip: sniff the gzip magic bytes rather than trust Content-Encoding.
 */
export function bodyText(rawBody: Buffer): string {
  const gzipped = rawBody.length > 2 && rawBody[0] === 0x1f && rawBody[1] === 0x8b;
  return (gzipped ? gunzipSync(rawBody) : rawBody).toString("utf8");
}

/** A JSON object body, e.g. the login request's `{data: {...}}`. */
export function readJsonBody(rawBody: Buffer): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText(rawBody));
  } catch {
    throw badConnectorRequest("Request body is not valid JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw badConnectorRequest("Request body must be a JSON object.");
  }
  return parsed as Record<string, unknown>;
}

/** `body.data` of a login-style request as a string-keyed record. */
export function readLoginData(rawBody: Buffer): Record<string, unknown> {
  const data = readJsonBody(rawBody).data;
  if (typeof data !== "object" || data === null) throw badConnectorRequest("Request body has no 'data' object.");
  return data as Record<string, unknown>;
}

export function optionalString(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}
