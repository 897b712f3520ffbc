// The one HTTP layer every resource type goes through: Snowflake REST API v2 over undici, one keep-alive pool per
// origin per process, retries of throttling/unavailability with jittered exponential backoff, 202 polling, and
// typed errors.
import * as os from "os";
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
   * where the server may or may not have acted. Refusals (429, 503) are retried either way: the server did not act.
   * A 504 is retried too (unless `once`) and marks the answer as possibly lost (`afterLostAnswer` on the error).
   */
  idempotent?: boolean;
  /**
   * Sending it twice does it twice (running a task): never sent again once it may have arrived (a 504, a connection
   * dropped after sending), so the caller can find out from Snowflake what happened. Refusals (429, 503) are retried.
   */
  once?: boolean;
  /** Changes nothing though it is not a GET (an SQL SHOW through POST /api/v2/statements): not counted as a write. */
  readOnly?: boolean;
  /**
   * A read that answers many operations at once (a coalesced list, a database inventory): sent on connections of its
   * own (sharedReadConnections), so it never queues behind the writes of the operations that wait for it.
   */
  shared?: boolean;
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
  /** How long opening a connection may take (undici's default: 10 s). */
  connectTimeoutMs: number;
  /** How long an answer may take to start, and then to keep arriving, once a request is sent (undici's default: 300 s). */
  answerTimeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 1000, maxDelayMs: 30000, deadlineMs: 10 * 60 * 1000, pollIntervalMs: 500, connectTimeoutMs: 10_000, answerTimeoutMs: 300_000,
};

// snowflake.core and the Snowflake CLI retry exactly these; the spec documents them as "may retry with backoff".
const RETRYABLE_STATUSES = new Set([429, 503, 504]);
const RETRYABLE_NETWORK_CODES = new Set([
  "ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "UND_ERR_SOCKET", "UND_ERR_CLOSED",
  "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT",
]);

const NEVER_SENT_CODES = new Set(["ECONNREFUSED", "UND_ERR_CONNECT_TIMEOUT"]);

const pools = new Map<string, Pool>();

/**
 * As many connections as the engine runs operations at once: `PULUMI_PARALLEL` when set (the provider host
 * inherits the CLI's environment; that `--parallel` alone reaches plugins is not confirmed), else the CLI's
 * default of 4 x CPUs (pulumi/pulumi#15016).
 */
export function connectionsPerOrigin(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.PULUMI_PARALLEL);
  return Number.isInteger(configured) && configured > 0 ? configured : 4 * os.cpus().length;
}

/**
 * Connections for shared reads (RestRequest.shared), beside the operations' own: half as many, at least two. With
 * every operation's connection busy writing, a read they all wait for would otherwise wait behind them (a destroy
 * of 1000 schemas spent ~6 s of 49 s so).
 */
export function sharedReadConnections(env: NodeJS.ProcessEnv = process.env): number {
  return Math.max(2, Math.ceil(connectionsPerOrigin(env) / 2));
}

/** One pool per origin, connect timeout (a pool-wide setting in undici) and use (operations' or shared reads'). */
function poolFor(origin: string, connectTimeoutMs: number, shared: boolean): Pool {
  const key = `${origin} ${connectTimeoutMs}${shared ? " shared" : ""}`;
  let pool = pools.get(key);
  if (!pool) {
    const connections = shared ? sharedReadConnections() : connectionsPerOrigin();
    pool = new Pool(origin, { connections, keepAliveTimeout: 30_000, connect: { timeout: connectTimeoutMs } });
    pools.set(key, pool);
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

/** Retry-After (RFC 9110 section 10.2.3) is delay-seconds or an HTTP date; undefined when absent or unreadable. */
function retryAfterMs(headers: RawResponse["headers"]): number | undefined {
  const value = headerValue(headers, "retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

/** The wait before the next attempt: what the server asked for, exactly; else equal-jitter exponential backoff. */
export function retryDelayMs(policy: Pick<RetryPolicy, "baseDelayMs" | "maxDelayMs">, attempt: number, askedMs: number | undefined, random = Math.random): number {
  // A server that names its wait knows when it will take the request: waiting longer only slows the deployment
  // (many resources throttled together each waited out a growing backoff on top of it).
  if (askedMs !== undefined) return askedMs;
  const backoff = Math.min(policy.baseDelayMs * 2 ** attempt, policy.maxDelayMs);
  // Equal jitter: half the step fixed, half random, so many clients do not retry in lockstep.
  return backoff / 2 + random() * (backoff / 2);
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
  /**
   * Counts requests that may change something (any method but GET), at their start and at their end: a reader
   * that remembers what it saw (engine/coalesced-reads.ts) knows it is stale once this moved.
   */
  get writeCount(): number {
    return this.writes;
  }
  /**
   * The same count without DELETEs: what may add objects. A listing of what exists that is only followed by
   * deletions still holds everything that exists (engine/deletion-log.ts says what those deletions took away).
   */
  get additionCount(): number {
    return this.additions;
  }
  private writes = 0;
  private additions = 0;

  async request<T = unknown>(request: RestRequest): Promise<RestResponse<T>> {
    if (request.method === "GET" || request.readOnly) return this.requestOnce<T>(request);
    const adds = request.method !== "DELETE";
    this.writes++;
    if (adds) this.additions++;
    try {
      return await this.requestOnce<T>(request);
    } finally {
      this.writes++;
      if (adds) this.additions++;
    }
  }

  private async requestOnce<T>(request: RestRequest): Promise<RestResponse<T>> {
    const deadline = Date.now() + this.policy.deadlineMs;
    const path = withQuery(request.path, request.query);
    const idempotent = request.once ? false : request.idempotent ?? request.method !== "POST";
    const shared = request.shared === true && (request.method === "GET" || request.readOnly === true);
    let response = await this.exchange(request.method, path, request.body, idempotent, deadline, request.once === true, shared);
    if (response.status === 202) response = await this.pollUntilDone(response, deadline, shared, `${request.method} ${request.path}`);
    const body = parseJson(response.text);
    const requestId = headerValue(response.headers, "x-snowflake-request-id");
    if (response.status >= 200 && response.status < 300) return { status: response.status, body: body as T, requestId };
    const error = this.errorFrom(response, body, request.method, request.path);
    error.afterLostAnswer = response.afterLostAnswer === true;
    throw error;
  }

  /** One request with retries; returns whatever non-retryable answer arrives, 202 included. */
  private async exchange(method: HttpMethod, path: string, body: unknown, idempotent: boolean, deadline: number, once = false, shared = false): Promise<RawResponse> {
    let lastError: unknown;
    let reauthenticated = false;
    // A gateway timeout (504) may come after Snowflake carried the request out.
    let lostAnswer = false;
    for (let attempt = 0; ; attempt++) {
      let askedMs: number | undefined;
      try {
        const response: RawResponse = { ...(await this.send(method, path, body, shared)), afterLostAnswer: lostAnswer };
        if (response.status === 401 && !reauthenticated) {
          // An expired token: drop cached credentials and try once more with fresh ones.
          reauthenticated = true;
          this.authenticator.invalidate();
          lastError = this.errorFrom(response, parseJson(response.text), method, path);
          continue;
        }
        if (!RETRYABLE_STATUSES.has(response.status)) return response;
        if (response.status === 504 && once) return { ...response, afterLostAnswer: true };
        lastError = this.errorFrom(response, parseJson(response.text), method, path);
        if (response.status === 504) lostAnswer = true;
        askedMs = retryAfterMs(response.headers);
      } catch (error) {
        const code = (error as { code?: string }).code;
        // The TLS handshake failed (certificate, or a host that does not speak TLS): nothing was sent, and sending
        // again cannot help.
        if (code && TLS_FAILURE.test(code)) throw new NetworkError(method, path, tlsFailure(error as Error & { code: string }, this.origin));
        if (!code || !/^(UND_ERR|E[A-Z]+$)/.test(code)) throw error;
        describeNetworkCause(error as Error & { code: string }, this.policy);
        if (!RETRYABLE_NETWORK_CODES.has(code)) throw new NetworkError(method, path, error);
        // A connection never made carried nothing, so any request may be sent again; after that, a request that
        // must not run twice is not resent: its outcome is unknown, and the caller finds it out.
        const neverSent = NEVER_SENT_CODES.has(code);
        if (!idempotent && !neverSent) throw new NetworkError(method, path, error);
        lastError = new NetworkError(method, path, error);
        if (!neverSent) lostAnswer = true;
      }
      const delay = retryDelayMs(this.policy, attempt, askedMs);
      if (Date.now() + delay > deadline) {
        const asked = askedMs !== undefined ? ` (Snowflake asked to retry after ${askedMs / 1000} s, past the deadline)` : "";
        const timedOut = new RetryTimeoutError(`${method} ${path} did not succeed within ${this.policy.deadlineMs} ms${asked}`, lastError);
        timedOut.afterLostAnswer = lostAnswer;
        throw timedOut;
      }
      await sleep(delay);
    }
  }

  /**
   * A 202 means "still running": poll the result location until a final answer, which stands for the original
   * request; a poll that fails or runs past the deadline says which request it was waiting for.
   */
  private async pollUntilDone(accepted: RawResponse, deadline: number, shared: boolean, original: string): Promise<RawResponse> {
    let response = accepted;
    let interval = this.policy.pollIntervalMs;
    while (response.status === 202) {
      const location = resultLocation(response);
      if (Date.now() + interval > deadline) {
        throw new RetryTimeoutError(`${original} was accepted (202) but did not complete within ${this.policy.deadlineMs} ms (its result was polled at ${location})`);
      }
      await sleep(interval);
      interval = Math.min(interval * 1.5, this.policy.maxDelayMs);
      try {
        response = await this.exchange("GET", location, undefined, true, deadline, false, shared);
      } catch (error) {
        if (error instanceof Error && (error instanceof NetworkError || error instanceof RetryTimeoutError)) error.message = `while waiting for ${original} (accepted, 202): ${error.message}`;
        throw error;
      }
    }
    return response;
  }

  private async send(method: HttpMethod, path: string, body: unknown, shared: boolean): Promise<RawResponse> {
    const headers: Record<string, string> = {
      ...(await this.authenticator.headers()),
      Accept: "application/json",
      "User-Agent": USER_AGENT,
    };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await poolFor(this.origin, this.policy.connectTimeoutMs, shared).request({
      method,
      path,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      headersTimeout: this.policy.answerTimeoutMs,
      bodyTimeout: this.policy.answerTimeoutMs,
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

// What each network failure means, in words (undici's own messages, "other side closed", say little); timeouts
// name the limit that ran out.
const NETWORK_CAUSES: Record<string, (policy: RetryPolicy) => string> = {
  UND_ERR_CONNECT_TIMEOUT: (policy) => `timeout after ${policy.connectTimeoutMs} ms opening the connection`,
  UND_ERR_HEADERS_TIMEOUT: (policy) => `timeout after ${policy.answerTimeoutMs} ms waiting for the answer`,
  UND_ERR_BODY_TIMEOUT: (policy) => `timeout after ${policy.answerTimeoutMs} ms with the answer incomplete`,
  ETIMEDOUT: () => "the operating system timed the connection out",
  ECONNRESET: () => "the connection was reset before the answer arrived",
  UND_ERR_SOCKET: () => "the connection was closed before the answer arrived",
  UND_ERR_CLOSED: () => "the connection was closed before the answer arrived",
  EPIPE: () => "the connection was closed while the request was being sent",
  ECONNREFUSED: () => "the connection was refused",
};

/** Node's TLS and OpenSSL verification codes (ERR_TLS_CERT_ALTNAME_INVALID, CERT_HAS_EXPIRED, SELF_SIGNED_CERT_IN_CHAIN, ...). */
const TLS_FAILURE = /^(ERR_TLS_|ERR_SSL_)|CERT|^UNABLE_TO_(VERIFY|GET)/;

function tlsFailure(error: Error & { code: string }, origin: string): Error & { code: string } {
  const hint = /WRONG_VERSION_NUMBER/.test(error.code)
    ? `${origin} does not answer TLS (a plain-HTTP host or proxy?)`
    : `the certificate of ${origin} was not accepted: check the account host, and give a proxy's or company's CA in NODE_EXTRA_CA_CERTS`;
  error.message = `${hint} [${error.message}]`;
  return error;
}

/** Puts the cause in words into the error's message, keeping the socket's own text in brackets. */
function describeNetworkCause(error: Error & { code: string }, policy: RetryPolicy): void {
  const words = NETWORK_CAUSES[error.code]?.(policy);
  if (words && !error.message.startsWith(words)) error.message = `${words} [${error.message}]`;
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
