// The one HTTP layer every resource type goes through: Snowflake REST API v2 over undici, one keep-alive pool per
// origin per process, retries of throttling/unavailability with jittered exponential backoff, 202 polling, and
// typed errors.
import { Pool } from "undici";
import { Authenticator } from "./auth";
import { apiErrorFor, NetworkError, RetryTimeoutError, SnowflakeApiError } from "./errors";
import { USER_AGENT } from "./user-agent";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface RestRequest {
  method: HttpMethod;
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /**
   * Whether sending the request twice is harmless. Only such requests are retried after a dropped connection,
   * where the server may or may not have acted. Throttling answers (429/503/504) are retried either way: the
   * server refused the request without acting on it.
   */
  idempotent?: boolean;
}

export interface RestResponse<T = unknown> {
  status: number;
  body: T;
  requestId?: string;
}

export interface RetryPolicy {
  /** First backoff step; it doubles each retry. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Overall time for one logical request, retries and 202 polling included. */
  deadlineMs: number;
  /** First wait between 202 polls; it grows by half each poll up to maxDelayMs. */
  pollIntervalMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseDelayMs: 1000, maxDelayMs: 30000, deadlineMs: 10 * 60 * 1000, pollIntervalMs: 500 };

// snowflake.core and the Snowflake CLI retry exactly these; the spec documents them as "may retry with backoff".
const RETRYABLE_STATUSES = new Set([429, 503, 504]);
const RETRYABLE_NETWORK_CODES = new Set([
  "ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "UND_ERR_SOCKET", "UND_ERR_CLOSED",
  "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT",
]);

const NEVER_SENT_CODES = new Set(["ECONNREFUSED", "UND_ERR_CONNECT_TIMEOUT"]);

const pools = new Map<string, Pool>();

function poolFor(origin: string): Pool {
  let pool = pools.get(origin);
  if (!pool) {
    pool = new Pool(origin, { connections: 16, keepAliveTimeout: 30_000 });
    pools.set(origin, pool);
  }
  return pool;
}

/** Closes every keep-alive pool (tests and short-lived tools; a provider host simply exits). */
export async function closeAllPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((pool) => pool.close()));
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** An earlier attempt got a 504, so the request may already have taken effect. */
  afterLostAnswer?: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function headerValue(headers: RawResponse["headers"], name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Retry-After is seconds or an HTTP date. */
function retryAfterMs(headers: RawResponse["headers"]): number {
  const value = headerValue(headers, "retry-after");
  if (!value) return 0;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : 0;
}

export class RestClient {
  readonly origin: string;
  private readonly policy: RetryPolicy;

  /**
   * @param connectionDescription where the connection settings came from (never their secret values), added to
   *   authentication errors so a failed login says which settings to look at.
   */
  constructor(origin: string, private readonly authenticator: Authenticator, policy: Partial<RetryPolicy> = {}, private readonly connectionDescription?: string) {
    this.origin = origin;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...policy };
  }

  /** Sends a request; resolves with the final 2xx answer (after any 202 polling), else throws a typed error. */
  async request<T = unknown>(request: RestRequest): Promise<RestResponse<T>> {
    const deadline = Date.now() + this.policy.deadlineMs;
    const path = withQuery(request.path, request.query);
    let response = await this.exchange(request.method, path, request.body, request.idempotent ?? request.method !== "POST", deadline);
    if (response.status === 202) response = await this.pollUntilDone(response, deadline);
    const body = parseJson(response.text);
    const requestId = headerValue(response.headers, "x-snowflake-request-id");
    if (response.status >= 200 && response.status < 300) return { status: response.status, body: body as T, requestId };
    const error = this.errorFrom(response, body, request.method, request.path);
    error.afterLostAnswer = response.afterLostAnswer === true;
    throw error;
  }

  /** One request with retries; returns whatever non-retryable answer arrives, 202 included. */
  private async exchange(method: HttpMethod, path: string, body: unknown, idempotent: boolean, deadline: number): Promise<RawResponse> {
    let lastError: unknown;
    let reauthenticated = false;
    // A gateway timeout (504) may come after Snowflake carried the request out.
    let lostAnswer = false;
    for (let attempt = 0; ; attempt++) {
      let waitAtLeastMs = 0;
      try {
        const response: RawResponse = { ...(await this.send(method, path, body)), afterLostAnswer: lostAnswer };
        if (response.status === 401 && !reauthenticated) {
          // An expired token: drop cached credentials and try once more with fresh ones.
          reauthenticated = true;
          this.authenticator.invalidate();
          lastError = this.errorFrom(response, parseJson(response.text), method, path);
          continue;
        }
        if (!RETRYABLE_STATUSES.has(response.status)) return response;
        lastError = this.errorFrom(response, parseJson(response.text), method, path);
        if (response.status === 504) lostAnswer = true;
        waitAtLeastMs = retryAfterMs(response.headers);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (!code || !/^(UND_ERR|E[A-Z]+$)/.test(code)) throw error;
        if (!RETRYABLE_NETWORK_CODES.has(code)) throw new NetworkError(method, path, error);
        // A connection never made carried nothing, so any request may be sent again; after that, a request that
        // must not run twice is not resent: its outcome is unknown, and the caller finds it out.
        const neverSent = NEVER_SENT_CODES.has(code);
        if (!idempotent && !neverSent) throw new NetworkError(method, path, error);
        lastError = new NetworkError(method, path, error);
        if (!neverSent) lostAnswer = true;
      }
      const backoff = Math.min(this.policy.baseDelayMs * 2 ** attempt, this.policy.maxDelayMs);
      // Equal jitter: half the step fixed, half random, so many clients do not retry in lockstep.
      const delay = Math.max(waitAtLeastMs, backoff / 2 + Math.random() * (backoff / 2));
      if (Date.now() + delay > deadline) {
        const timedOut = new RetryTimeoutError(`${method} ${path} did not succeed within ${this.policy.deadlineMs} ms`, lastError);
        timedOut.afterLostAnswer = lostAnswer;
        throw timedOut;
      }
      await sleep(delay);
    }
  }

  /** A 202 means "still running": poll the result location until a final answer, which stands for the original request. */
  private async pollUntilDone(accepted: RawResponse, deadline: number): Promise<RawResponse> {
    let response = accepted;
    let interval = this.policy.pollIntervalMs;
    while (response.status === 202) {
      const location = resultLocation(response);
      if (Date.now() + interval > deadline) {
        throw new RetryTimeoutError(`the request accepted as ${location} did not complete within ${this.policy.deadlineMs} ms`);
      }
      await sleep(interval);
      interval = Math.min(interval * 1.5, this.policy.maxDelayMs);
      response = await this.exchange("GET", location, undefined, true, deadline);
    }
    return response;
  }

  private async send(method: HttpMethod, path: string, body: unknown): Promise<RawResponse> {
    const headers: Record<string, string> = {
      ...(await this.authenticator.headers()),
      Accept: "application/json",
      "User-Agent": USER_AGENT,
    };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await poolFor(this.origin).request({
      method,
      path,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
  }

  private errorFrom(response: RawResponse, body: unknown, method: string, path: string): SnowflakeApiError {
    const fields = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
    const message = typeof fields.message === "string" ? fields.message : typeof body === "string" && body ? body : `HTTP ${response.status}`;
    const code = typeof fields.code === "string" ? fields.code : typeof fields.error_code === "string" ? fields.error_code : undefined;
    const requestId = headerValue(response.headers, "x-snowflake-request-id") ?? (typeof fields.request_id === "string" ? fields.request_id : undefined);
    const error = apiErrorFor({ status: response.status, code, message, requestId, method, path });
    if (response.status === 401) {
      error.message += ` [authenticated with ${this.authenticator.description}${this.connectionDescription ? `; settings: ${this.connectionDescription}` : ""}]`;
    }
    return error;
  }
}

function resultLocation(response: RawResponse): string {
  const location = headerValue(response.headers, "location");
  if (location) return location.startsWith("http") ? new URL(location).pathname + new URL(location).search : location;
  const body = parseJson(response.text) as { resultHandler?: string; statementStatusUrl?: string; statementHandle?: string } | undefined;
  if (body?.resultHandler) return `/api/v2/results/${encodeURIComponent(body.resultHandler)}`;
  // sqlapi.yaml QueryStatus: a statement still running names where to ask for its result.
  if (body?.statementStatusUrl) return body.statementStatusUrl.startsWith("http") ? new URL(body.statementStatusUrl).pathname : body.statementStatusUrl;
  if (body?.statementHandle) return `/api/v2/statements/${encodeURIComponent(body.statementHandle)}`;
  throw new Error("the server answered 202 without a Location header, result handler or statement handle to poll");
}

function withQuery(path: string, query: RestRequest["query"]): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(key, String(value));
  }
  const encoded = params.toString();
  return encoded ? `${path}?${encoded}` : path;
}
