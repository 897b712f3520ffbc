// Fault and latency injection, so clients can be tested against the failures the spec documents
// (common.yaml 429LimitExceeded, 503ServiceUnavailable, 504GatewayTimeout, 202SuccessAcceptedResponse).

export type InjectedFailure = 429 | 503 | 504 | "drop";

/**
 * How Snowpark Container Services services progress (kinds/service-states.ts). Progress is counted in reads of a
 * service (its GET, its row in a list or SHOW SERVICES, GET /containers, /instances, /status), never in time.
 */
export interface ServiceKnobs {
  /**
   * Reads a created, resumed or re-specified service stays PENDING (its containers PENDING, "Pending scheduling.")
   * before its containers are READY and it is RUNNING. Default 2: reads 1 and 2 answer PENDING, read 3 RUNNING.
   */
  readsUntilReady: number;
  /**
   * Reads of GET /endpoints, counted from the first one after the service is RUNNING, that answer a public
   * endpoint's ingress_url with Snowflake's provisioning text before the URL. Default 2. Reads of /endpoints before
   * the service first runs also answer the text and are not counted.
   */
  readsUntilEndpoints: number;
  /**
   * Containers whose image matches go FAILED with `message` (default `Failed to pull image "<image>".`) once their
   * service's pending reads are used up, and the service reports FAILED. Checked on every read, so a rule added or
   * cleared later applies from the next read.
   */
  failContainers(imagePattern: RegExp, message?: string): void;
  /** Containers whose image matches stay PENDING ("Pending scheduling.") for as long as the rule stands. */
  holdContainers(imagePattern: RegExp): void;
  /** Removes every failContainers / holdContainers rule. */
  clearContainerRules(): void;
  /** Back to the defaults: readsUntilReady 2, readsUntilEndpoints 2, no container rules. */
  reset(): void;
}

export interface ContainerRule {
  imagePattern: RegExp;
  outcome: "fail" | "hold";
  message?: string;
}

export const SERVICE_DEFAULTS = { readsUntilReady: 2, readsUntilEndpoints: 2 } as const;

export class ServiceBehaviour implements ServiceKnobs {
  readsUntilReady: number = SERVICE_DEFAULTS.readsUntilReady;
  readsUntilEndpoints: number = SERVICE_DEFAULTS.readsUntilEndpoints;
  private readonly rules: ContainerRule[] = [];

  failContainers(imagePattern: RegExp, message?: string): void {
    this.rules.push({ imagePattern, outcome: "fail", message });
  }

  holdContainers(imagePattern: RegExp): void {
    this.rules.push({ imagePattern, outcome: "hold" });
  }

  clearContainerRules(): void {
    this.rules.length = 0;
  }

  reset(): void {
    this.readsUntilReady = SERVICE_DEFAULTS.readsUntilReady;
    this.readsUntilEndpoints = SERVICE_DEFAULTS.readsUntilEndpoints;
    this.clearContainerRules();
  }

  /** The latest rule whose pattern matches the image, if any. */
  ruleFor(image: string): ContainerRule | undefined {
    return [...this.rules].reverse().find((rule) => {
      rule.imagePattern.lastIndex = 0;
      return rule.imagePattern.test(image);
    });
  }
}

export interface EmulatorKnobs {
  /** Delay before every response, in milliseconds. */
  latencyMs: number;
  /**
   * The next `count` requests (any path) fail without executing: with that HTTP status and an ErrorResponse
   * body (429 may carry Retry-After seconds), or "drop" = the socket is destroyed without an answer.
   * Calls add up in order; a count of 0 cancels every failure still planned. With `afterExecuting` the request
   * is carried out first and only its answer is lost (a 504 from a gateway, a connection dropped on the way back):
   * the ambiguous outcome a client cannot tell from a refusal.
   */
  failNext(count: number, failure: InjectedFailure, options?: FailureOptions): void;
  /**
   * The next `count` authenticated /api/v2 requests (other than result polls) execute but answer 202 with a
   * Location; polling it answers 202 for the first pollsUntilDone-1 polls, then the real status and body.
   * Calls add up in order; a count of 0 cancels every 202 still planned.
   */
  acceptNext(count: number, pollsUntilDone: number): void;
  /** Snowpark Container Services services: how many reads until READY, endpoints, failing or held containers. */
  services: ServiceKnobs;
}

export interface FailureOptions {
  retryAfterSeconds?: number;
  afterExecuting?: boolean;
}

export interface PlannedFailure extends FailureOptions {
  failure: InjectedFailure;
}

export class Knobs implements EmulatorKnobs {
  latencyMs: number;
  readonly services = new ServiceBehaviour();
  private readonly plannedFailures: PlannedFailure[] = [];
  private readonly plannedDeferrals: number[] = [];

  constructor(latencyMs = 0) {
    this.latencyMs = latencyMs;
  }

  failNext(count: number, failure: InjectedFailure, options: FailureOptions = {}): void {
    if (count <= 0) this.plannedFailures.length = 0;
    for (let index = 0; index < count; index++) this.plannedFailures.push({ failure, ...options });
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
