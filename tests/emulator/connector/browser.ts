// Endpoints a browser (or the OAuth client library) talks to: they answer OAuth-style errors
// (RFC 6749 §5.2 `{error, error_description}`) with HTTP statuses, and redirects, not the connector envelope.
import type { Outcome } from "../http";
import type { Route } from "../router";
import { unauthenticatedRoute, type UnauthenticatedRouteSpec } from "./envelope";

export class OAuthError extends Error {
  constructor(readonly error: string, description: string, readonly status = 400) {
    super(description);
  }
}

export function oauthErrorOutcome(error: OAuthError): Outcome {
  return { status: error.status, body: { error: error.error, error_description: error.message } };
}

/** 302 to where the driver's local callback server listens (authentication_util.js createServer). */
export function redirect(location: string): Outcome {
  return { status: 302, body: { location }, headers: { Location: location, "Cache-Control": "no-store" } };
}

export function browserRoute(spec: UnauthenticatedRouteSpec): Route {
  return unauthenticatedRoute(spec, (error) => (error instanceof OAuthError ? oauthErrorOutcome(error) : undefined));
}
