// How long the REST client waits between attempts, measured from the emulator's arrival times: Retry-After is
// waited exactly (never the backoff on top of it, which made a destroy of 20 resources under a 429 burst take
// 40-125 s), backoff only where no wait was named; network failures and timeouts say what happened, with the limit
// that ran out; a request that must run once is not sent again after its answer was lost.
import { programmaticAccessTokenAuth } from "../provider/client/auth";
import { NetworkError, RetryTimeoutError, ServerError } from "../provider/client/errors";
import { closeAllPools, RestClient, RetryPolicy, retryDelayMs } from "../provider/client/rest-client";
import { Emulator, startEmulator } from "./emulator";
import { timingOf } from "./emulator/server";

let emulator: Emulator;
beforeAll(async () => { emulator = await startEmulator(); });
afterAll(async () => {
  await closeAllPools();
  await emulator.close();
});
beforeEach(() => emulator.clearRequestLog());

const clientWith = (policy: Partial<RetryPolicy>) => new RestClient(emulator.url, programmaticAccessTokenAuth(emulator.credentials.programmaticAccessToken), policy);
/** A backoff so long that any retry it timed would fail the test: the waits seen are Retry-After's. */
const HUGE_BACKOFF = { baseDelayMs: 60_000, maxDelayMs: 60_000 };
/** Time to send a request again on this machine, beyond the wait itself. */
const SEND_ALLOWANCE_MS = 400;
const gaps = () => emulator.requestLog.slice(1).map((entry, index) => timingOf(entry).receivedAt - timingOf(emulator.requestLog[index]).receivedAt);

describe("the wait before a retry", () => {
  test.each([
    // [attempt, Retry-After ms, random, expected]
    [0, 2000, 0.5, 2000],
    [6, 0, 0.9, 0],
    [6, 1000, 0.9, 1000],
    [0, undefined, 0, 500],
    [2, undefined, 1, 4000],
    [9, undefined, 1, 30_000],
  ])("attempt %i, Retry-After %s ms, jitter %s: waits %i ms", (attempt, asked, random, expected) => {
    expect(retryDelayMs({ baseDelayMs: 1000, maxDelayMs: 30_000 }, attempt, asked, () => random)).toBe(expected);
  });

  test("a burst of 429s with Retry-After: 1 is retried a second apart, not a growing backoff", async () => {
    emulator.knobs.failNext(2, 429, { retryAfterSeconds: 1 });
    expect((await clientWith(HUGE_BACKOFF).request({ method: "GET", path: "/api/v2/databases" })).status).toBe(200);
    expect(emulator.requestLog.map((entry) => entry.status)).toEqual([429, 429, 200]);
    for (const gap of gaps()) {
      expect(gap).toBeGreaterThanOrEqual(990);
      expect(gap).toBeLessThanOrEqual(1000 + SEND_ALLOWANCE_MS);
    }
  });

  test("Retry-After: 0 on a 429 or a 503 is retried at once", async () => {
    emulator.knobs.failNext(2, 429, { retryAfterSeconds: 0 });
    emulator.knobs.failNext(1, 503, { retryAfterSeconds: 0 });
    await clientWith(HUGE_BACKOFF).request({ method: "GET", path: "/api/v2/databases" });
    expect(emulator.requestLog.map((entry) => entry.status)).toEqual([429, 429, 503, 200]);
    for (const gap of gaps()) expect(gap).toBeLessThanOrEqual(SEND_ALLOWANCE_MS);
  });

  test("a Retry-After past the deadline fails at once, saying what Snowflake asked for", async () => {
    emulator.knobs.failNext(1, 429, { retryAfterSeconds: 120 });
    const error = await clientWith({ deadlineMs: 5_000 }).request({ method: "GET", path: "/api/v2/databases" }).catch((e) => e);
    expect(error).toBeInstanceOf(RetryTimeoutError);
    expect(error.message).toMatch(/^GET \/api\/v2\/databases did not succeed within 5000 ms \(Snowflake asked to retry after 120 s, past the deadline\); last error: HTTP 429/);
    expect(emulator.requestLog).toHaveLength(1);
  });
});

describe("network failures in words", () => {
  afterEach(() => { emulator.knobs.latencyMs = 0; });

  test("an answer slower than answerTimeoutMs: a timeout after N ms, naming the request", async () => {
    // undici's timers tick about every half second, so the limit is a second and the answer slower still.
    emulator.knobs.latencyMs = 2500;
    const impatient = clientWith({ answerTimeoutMs: 1000 });
    const error = await impatient.request({ method: "POST", path: "/api/v2/statements", body: { statement: "SHOW DATABASES" } }).catch((e) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toBe("POST /api/v2/statements: no answer from Snowflake (UND_ERR_HEADERS_TIMEOUT: timeout after 1000 ms waiting for the answer [Headers Timeout Error])");
  });

  test("a request that is not resent says its connection was closed, not just 'other side closed'", async () => {
    emulator.knobs.failNext(1, "drop");
    const error = await clientWith({}).request({ method: "POST", path: "/api/v2/databases", body: { name: "DROPPED_DB" } }).catch((e) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toBe("POST /api/v2/databases: no answer from Snowflake (UND_ERR_SOCKET: the connection was closed before the answer arrived [other side closed])");
  });
});

describe("a request that must run once", () => {
  test("a 504 after it ran is not sent again: the caller is told the answer was lost", async () => {
    await clientWith({}).request({ method: "POST", path: "/api/v2/databases", body: { name: "ONCE_DB" } });
    emulator.clearRequestLog();
    emulator.knobs.failNext(1, 504, { afterExecuting: true });
    const error = await clientWith({ baseDelayMs: 5 }).request({ method: "POST", path: "/api/v2/databases/ONCE_DB:undrop", once: true }).catch((e) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error.afterLostAnswer).toBe(true);
    expect(emulator.requestLog.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual(["POST /api/v2/databases/ONCE_DB:undrop 504"]);
  });

  test("a 429 or 503 is a refusal, so even a run-once request is retried", async () => {
    emulator.knobs.failNext(1, 429, { retryAfterSeconds: 0 });
    emulator.knobs.failNext(1, 503, { retryAfterSeconds: 0 });
    await clientWith({}).request({ method: "POST", path: "/api/v2/databases", body: { name: "REFUSED_FIRST" }, once: true });
    expect(emulator.requestLog.map((entry) => entry.status)).toEqual([429, 503, 200]);
  });
});
