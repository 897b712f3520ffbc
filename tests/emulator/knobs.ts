// Fault and latency injection, so clients can be tested against the failures the spec documents
// (common.yaml 429LimitExceeded, 503ServiceUnavailable, 504GatewayTimeout, 202SuccessAcceptedResponse).

export type InjectedFailure = 429 | 503 | 504 | "drop";

export interface EmulatorKnobs {
  /** Delay before every response, in milliseconds. */
  latencyMs: number;
  /**
   * The next `count` requests (any path) fail without executing: with that HTTP status and an ErrorResponse
   * body (429 may carry Retry-After seconds), or "drop" = the socket is destroyed without an answer.
   * Calls add up in order; a count of 0 cancels every failure still planned.
   */
  failNext(count: number, failure: InjectedFailure, options?: { retryAfterSeconds?: number }): void;
  /**
   * The next `count` authenticated /api/v2 requests (other than result polls) execute but answer 202 with a
   * Location; polling it answers 202 for the first pollsUntilDone-1 polls, then the real status and body.
   * Calls add up in order; a count of 0 cancels every 202 still planned.
   */
  acceptNext(count: number, pollsUntilDone: number): void;
}

export interface PlannedFailure {
  failure: InjectedFailure;
  retryAfterSeconds?: number;
}

export class Knobs implements EmulatorKnobs {
  latencyMs: number;
  private readonly plannedFailures: PlannedFailure[] = [];
  private readonly plannedDeferrals: number[] = [];

  constructor(latencyMs = 0) {
    this.latencyMs = latencyMs;
  }

  failNext(count: number, failure: InjectedFailure, options: { retryAfterSeconds?: number } = {}): void {
    if (count <= 0) this.plannedFailures.length = 0;
    for (let index = 0; index < count; index++) {
      this.plannedFailures.push({ failure, retryAfterSeconds: options.retryAfterSeconds });
    }
  }

  acceptNext(count: number, pollsUntilDone: number): void {
    if (count <= 0) this.plannedDeferrals.length = 0;
    for (let index = 0; index < count; index++) this.plannedDeferrals.push(Math.max(1, Math.floor(pollsUntilDone)));
  }

  /** Consumes the next planned failure, if any. */
  takeFailure(): PlannedFailure | undefined {
    return this.plannedFailures.shift();
  }

  /** Consumes the next planned 202, returning how many polls it takes to finish. */
  takeDeferral(): number | undefined {
    return this.plannedDeferrals.shift();
  }
}
