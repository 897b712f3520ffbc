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
   * the ambiguous outcome a client cannot tell from a refusal. With `when`, the failures wait for the first request
   * that matches (others pass untouched), so a test can aim at one request of an operation.
   */
  failNext(count: number, failure: InjectedFailure, options?: FailureOptions): void;
  /**
   * The next `count` authenticated /api/v2 requests (other than result polls) execute but answer 202 with a
   * Location; polling it answers 202 for the first pollsUntilDone-1 polls, then the real status and body.
   * Calls add up in order; a count of 0 cancels every 202 still planned. `when` aims them as in failNext.
   */
  acceptNext(count: number, pollsUntilDone: number, options?: { when?: RequestMatch }): void;
  /** Snowpark Container Services services: how many reads until READY, endpoints, failing or held containers. */
  services: ServiceKnobs;
}

/** Which request a planned failure or 202 waits for: the method and the path as sent (no query). */
export interface RequestMatch {
  method: string;
  path: string;
}

export interface FailureOptions {
  /** Sent as the 429's or 503's Retry-After header (RFC 9110 section 10.2.3: delay-seconds). */
  retryAfterSeconds?: number;
  afterExecuting?: boolean;
  when?: RequestMatch;
}

export interface PlannedFailure extends FailureOptions {
  failure: InjectedFailure;
}

interface PlannedDeferral {
  pollsUntilDone: number;
  when?: RequestMatch;
}

/** Takes the head of a plan when it applies to this request (a head aimed elsewhere lets the request pass). */
function takeHead<T extends { when?: RequestMatch }>(plan: T[], method: string, path: string): T | undefined {
  const head = plan[0];
  if (!head || (head.when && (head.when.method !== method || head.when.path !== path))) return undefined;
  return plan.shift();
}

export class Knobs implements EmulatorKnobs {
  latencyMs: number;
  readonly services = new ServiceBehaviour();
  private readonly plannedFailures: PlannedFailure[] = [];
  private readonly plannedDeferrals: PlannedDeferral[] = [];

  constructor(latencyMs = 0) {
    this.latencyMs = latencyMs;
  }

  failNext(count: number, failure: InjectedFailure, options: FailureOptions = {}): void {
    if (count <= 0) this.plannedFailures.length = 0;
    for (let index = 0; index < count; index++) this.plannedFailures.push({ failure, ...options });
  }

  acceptNext(count: number, pollsUntilDone: number, options: { when?: RequestMatch } = {}): void {
    if (count <= 0) this.plannedDeferrals.length = 0;
    for (let index = 0; index < count; index++) this.plannedDeferrals.push({ pollsUntilDone: Math.max(1, Math.floor(pollsUntilDone)), when: options.when });
  }

  /** Consumes the next planned failure if it applies to this request. */
  takeFailure(method: string, path: string): PlannedFailure | undefined {
    return takeHead(this.plannedFailures, method, path);
  }

  /** Consumes the next planned 202 if it applies to this request, returning how many polls it takes to finish. */
  takeDeferral(method: string, path: string): number | undefined {
    return takeHead(this.plannedDeferrals, method, path)?.pollsUntilDone;
  }

  /** How many planned failures and 202s are still waiting for their request. */
  pending(): number {
    return this.plannedFailures.length + this.plannedDeferrals.length;
  }
}
