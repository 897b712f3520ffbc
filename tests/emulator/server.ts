// The request pipeline: log → latency → injected failure → auth → route → (maybe defer as 202) → respond.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { accountNameFromHost, type AccountRegistry } from "./accounts";
import { authenticate, type CredentialVerifier, type Principal } from "./auth";
import type { SessionStore } from "./connector/sessions";
import { ApiError, badRequest, ErrorCodes } from "./errors";
import { errorOutcome, type Outcome } from "./http";
import type { Knobs, PlannedFailure } from "./knobs";
import { QueryParams } from "./query";
import { deferOutcome } from "./rest/results";
import type { RequestContext, Route, Router } from "./router";
import type { AccountState } from "./state";

export interface RequestLogEntry {
  method: string;
  /** The path as sent (still percent-encoded). */
  path: string;
  query: Record<string, string>;
  /** HTTP status answered; 0 when the knobs dropped the connection. */
  status: number;
  /** The client's User-Agent header, so tests can check clients identify themselves. */
  userAgent?: string;
}

/** When a logged request arrived (Date.now()) and the Retry-After it was answered with, in seconds. */
export interface RequestTiming {
  receivedAt: number;
  retryAfterSeconds?: number;
}

// Beside the log rather than in it: tests compare log entries whole.
const timings = new WeakMap<RequestLogEntry, RequestTiming>();

/** A logged request's timing, so tests can measure the waits between a client's retries. */
export function timingOf(entry: RequestLogEntry): RequestTiming {
  const timing = timings.get(entry);
  if (!timing) throw new Error(`no timing recorded for ${entry.method} ${entry.path}`);
  return timing;
}

// Beside the log too: the statement of each SQL API request (POST /api/v2/statements), so tests can tell reads
// (SHOW, DESCRIBE) from changes, and see exactly which statements ran.
const statements = new WeakMap<RequestLogEntry, string>();

/** The statement a logged SQL API request carried; undefined for any other request. */
export function statementOf(entry: RequestLogEntry): string | undefined {
  return statements.get(entry);
}

/** Whether a logged request only reads: a GET, or an SQL API statement that is a SHOW or DESCRIBE. */
export function isRead(entry: RequestLogEntry): boolean {
  if (entry.method === "GET") return true;
  const statement = statementOf(entry);
  return statement !== undefined && /^\s*(SHOW|DESC|DESCRIBE)\s/i.test(statement);
}

export interface ServerDependencies {
  router: Router;
  verifiers: readonly CredentialVerifier[];
  knobs: Knobs;
  requestLog: RequestLogEntry[];
  /** The hosted accounts; the Host header or the credential picks one per request. */
  accounts: AccountRegistry;
  /** Connector sessions, whose tokens also authenticate /api/v2 requests. */
  sessions: SessionStore;
}

// Every /api/v2 operation requires one of the spec's security schemes (e.g. warehouse.yaml `security`).
const REST_API_PREFIX = "/api/v2/";

export function createRequestHandler(deps: ServerDependencies) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    const url = new URL(request.url ?? "/", "http://emulator.invalid");
    const entry: RequestLogEntry = {
      method: request.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
      userAgent: request.headers["user-agent"],
    };
    const timing: RequestTiming = { receivedAt: Date.now() };
    timings.set(entry, timing);
    deps.requestLog.push(entry);

    const rawBody = await readBody(request);
    if (entry.method === "POST" && url.pathname === "/api/v2/statements") {
      try {
        const statement = (JSON.parse(rawBody.toString() || "{}") as { statement?: unknown }).statement;
        if (typeof statement === "string") statements.set(entry, statement);
      } catch {
        // Not JSON: the route answers it as the bad request it is.
      }
    }
    if (deps.knobs.latencyMs > 0) await sleep(deps.knobs.latencyMs);

    const planned = deps.knobs.takeFailure(entry.method, url.pathname);
    // A failure after executing: the request takes effect, then its answer is lost.
    const executed = planned?.afterExecuting ? await dispatch(deps, request, url, rawBody, requestId) : undefined;
    if (planned?.failure === "drop") {
      request.socket.destroy();
      return;
    }
    const outcome = planned
      ? errorOutcome(injectedFailure(planned), requestId)
      : executed ?? await dispatch(deps, request, url, rawBody, requestId);
    entry.status = outcome.status;
    const retryAfter = outcome.headers?.["Retry-After"];
    if (retryAfter !== undefined) timing.retryAfterSeconds = Number(retryAfter);
    response.writeHead(outcome.status, {
      "Content-Type": "application/json",
      "X-Snowflake-Request-ID": requestId,
      ...outcome.headers,
    });
    response.end(JSON.stringify(stampRequestId(outcome, requestId)));
  };
}

/** An error replayed from a 202'd request carries the id of the response that delivers it, like any other. */
function stampRequestId(outcome: Outcome, requestId: string): unknown {
  const { body } = outcome;
  if (outcome.status < 400 || typeof body !== "object" || body === null || !("request_id" in body)) return body;
  return { ...body, request_id: requestId };
}

async function dispatch(
  deps: ServerDependencies,
  request: IncomingMessage,
  url: URL,
  rawBody: Buffer,
  requestId: string
): Promise<Outcome> {
  try {
    const method = request.method ?? "GET";
    const hostAccountName = accountNameFromHost(request.headers.host);
    const match = deps.router.match(method, url.pathname);
    const route = match.kind === "matched" ? match.route : undefined;
    const mustAuthenticate = route ? route.authenticate !== false : url.pathname.startsWith(REST_API_PREFIX);
    const principal = mustAuthenticate
      ? await authenticate(request.headers, deps, deps.verifiers, hostAccountName)
      : undefined;
    const account = principal?.account ?? deps.accounts.find(hostAccountName) ?? deps.accounts.defaultAccount;

    if (match.kind === "notFound") {
      throw new ApiError(404, ErrorCodes.notFound, `Unknown endpoint: ${method} ${url.pathname}`);
    }
    if (match.kind === "methodNotAllowed") {
      throw new ApiError(405, ErrorCodes.methodNotAllowed, `Method ${method} is not allowed on ${url.pathname}.`, {
        Allow: match.allowed.join(", "),
      });
    }
    const execution = { account, principal, hostAccountName, request, url, rawBody, requestId };
    const execute = () => runRoute(match.route, match.params, execution);
    const pollsUntilDone = match.route.deferrable !== false && principal ? deps.knobs.takeDeferral(method, url.pathname) : undefined;
    return pollsUntilDone === undefined ? await execute() : deferOutcome(account, await execute(), pollsUntilDone);
  } catch (error) {
    return toErrorOutcome(error, requestId);
  }
}

interface Execution {
  account: AccountState;
  principal?: Principal;
  hostAccountName?: string;
  request: IncomingMessage;
  url: URL;
  rawBody: Buffer;
  requestId: string;
}

/** Validates query and body, then runs the handler; errors become ErrorResponse outcomes (also when deferred). */
async function runRoute(route: Route, params: Record<string, string>, execution: Execution): Promise<Outcome> {
  try {
    const query = new QueryParams(execution.url.searchParams);
    if (route.query !== "any") query.assertOnly(route.query ?? []);
    const context: RequestContext = {
      account: execution.account,
      principal: execution.principal,
      hostAccountName: execution.hostAccountName,
      headers: execution.request.headers,
      rawBody: execution.rawBody,
      params,
      query,
      body: route.body && !(route.optionalBody && execution.rawBody.length === 0) ? parseJsonBody(execution.request, execution.rawBody) : undefined,
      requestId: execution.requestId,
    };
    return await route.handler(context);
  } catch (error) {
    return toErrorOutcome(error, execution.requestId);
  }
}

function parseJsonBody(request: IncomingMessage, rawBody: Buffer): unknown {
  // common.yaml 415UnsupportedMediaType: JSON only; a request without Content-Type is read as JSON.
  const contentType = request.headers["content-type"];
  if (contentType && !/^application\/json\b/i.test(contentType)) {
    throw new ApiError(
      415,
      ErrorCodes.unsupportedMediaType,
      `Unsupported Content-Type '${contentType}'; use application/json.`
    );
  }
  if (rawBody.length === 0) throw badRequest("Request body is required.");
  try {
    return JSON.parse(rawBody.toString("utf8"));
  } catch (error) {
    throw badRequest(`Request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function toErrorOutcome(error: unknown, requestId: string): Outcome {
  if (error instanceof ApiError) return errorOutcome(error, requestId);
  const message = error instanceof Error ? error.message : String(error);
  return errorOutcome(new ApiError(500, ErrorCodes.internalError, `Emulator internal error: ${message}`), requestId);
}

function injectedFailure({ failure, retryAfterSeconds }: PlannedFailure): ApiError {
  switch (failure) {
    case 429:
      return new ApiError(
        429,
        ErrorCodes.tooManyRequests,
        "Too many requests; slow down and retry later.",
        retryAfterSeconds === undefined ? {} : { "Retry-After": String(retryAfterSeconds) }
      );
    case 503:
      // RFC 9110 section 10.2.3: Retry-After may accompany a 503 as well as a 429.
      return new ApiError(503, ErrorCodes.serviceUnavailable, "Service unavailable; retry with backoff.", retryAfterSeconds === undefined ? {} : { "Retry-After": String(retryAfterSeconds) });
    case 504:
    default:
      return new ApiError(504, ErrorCodes.gatewayTimeout, "Gateway timeout; retry with backoff.");
  }
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    // A client that goes away mid-body still gets its (unsendable) answer computed harmlessly.
    request.on("error", () => resolve(Buffer.concat(chunks)));
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
