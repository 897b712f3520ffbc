// Typed errors of the REST API, shaped like snowflake.core's (NotFoundError, ConflictError, ...): every one carries
// the HTTP status, Snowflake's error code, its message and the request id support needs.

export interface ApiErrorDetails {
  status: number;
  code?: string;
  message: string;
  requestId?: string;
  method: string;
  path: string;
}

export class SnowflakeApiError extends Error {
  readonly status: number;
  readonly code?: string;
  readonly requestId?: string;
  readonly method: string;
  readonly path: string;
  readonly serverMessage: string;
  /**
   * An earlier attempt of this request lost its answer (a 504): it may have taken effect, so this answer (a 409 to a
   * create) may be about the request's own doing.
   */
  afterLostAnswer = false;

  constructor(details: ApiErrorDetails) {
    const parts = [`${details.method} ${details.path} failed with HTTP ${details.status}: ${details.message}`];
    if (details.code) parts.push(`code ${details.code}`);
    if (details.requestId) parts.push(`request id ${details.requestId}`);
    super(parts.length > 1 ? `${parts[0]} (${parts.slice(1).join(", ")})` : parts[0]);
    this.name = new.target.name;
    this.status = details.status;
    this.code = details.code;
    this.requestId = details.requestId;
    this.method = details.method;
    this.path = details.path;
    this.serverMessage = details.message;
  }
}

export class InvalidArgumentError extends SnowflakeApiError {}
export class UnauthorizedError extends SnowflakeApiError {}
export class ForbiddenError extends SnowflakeApiError {}
export class NotFoundError extends SnowflakeApiError {}
export class ConflictError extends SnowflakeApiError {}
export class ServerError extends SnowflakeApiError {}

/**
 * The connection failed before an answer arrived (reset, closed, timed out): the request may or may not have taken
 * effect. Names the request and the network cause, never just the socket's message.
 */
export class NetworkError extends Error {
  readonly method: string;
  readonly path: string;
  readonly code?: string;
  constructor(method: string, path: string, cause: unknown) {
    const { code, message } = (cause ?? {}) as { code?: string; message?: string };
    super(`${method} ${path}: no answer from Snowflake (${code ?? "network error"}: ${message ?? String(cause)})`, { cause });
    this.name = "NetworkError";
    this.method = method;
    this.path = path;
    this.code = code;
  }
}

/** Retries or 202 polling ran past the overall deadline. */
export class RetryTimeoutError extends Error {
  readonly lastError?: unknown;
  /** Some attempt lost its answer (a 504, a dropped connection), so the request may have taken effect. */
  afterLostAnswer = false;
  constructor(message: string, lastError?: unknown) {
    super(lastError instanceof Error ? `${message}; last error: ${withoutRequestNamed(lastError, message)}` : message);
    this.name = "RetryTimeoutError";
    this.lastError = lastError;
  }
}

/** The last error's text without the "METHOD PATH" the timeout message already names. */
function withoutRequestNamed(lastError: Error, message: string): string {
  const { method, path } = lastError as { method?: unknown; path?: unknown };
  const request = typeof method === "string" && typeof path === "string" ? `${method} ${path}` : undefined;
  if (!request || !message.includes(request) || !lastError.message.startsWith(request)) return lastError.message;
  return lastError.message.slice(request.length).replace(/^(:\s*|\s+failed with\s+)/, "");
}

export function apiErrorFor(details: ApiErrorDetails): SnowflakeApiError {
  switch (details.status) {
    case 400: return new InvalidArgumentError(details);
    case 401: return new UnauthorizedError(details);
    case 403: return new ForbiddenError(details);
    case 404: return new NotFoundError(details);
    case 409: return new ConflictError(details);
    default: return details.status >= 500 ? new ServerError(details) : new SnowflakeApiError(details);
  }
}
