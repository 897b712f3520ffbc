// Result polling for requests answered 202 (result.yaml GET /api/v2/results/{result_handler}).
import { randomUUID } from "node:crypto";
import { ApiError, ErrorCodes } from "../errors";
import { accepted, type Outcome } from "../http";
import type { RequestContext, Route } from "../router";
import type { AccountState } from "../state";

/** Stores the real outcome of a deferred request and returns the 202 that stands in for it. */
export function deferOutcome(account: AccountState, outcome: Outcome, pollsUntilDone: number): Outcome {
  const handle = randomUUID();
  account.pendingResults.set(handle, { pollsBeforeDone: pollsUntilDone - 1, outcome });
  return accepted(handle);
}

/** Answers 202 until the planned number of polls is reached, then the stored result (again on every later poll). */
function fetchResult(context: RequestContext): Outcome {
  // result.yaml fetchResult `page`: int64 >= 0; results here always fit on page 0.
  context.query.integer("page", 0, Number.MAX_SAFE_INTEGER);
  const handle = context.params.result_handler;
  const pending = context.account.pendingResults.get(handle);
  if (!pending) throw new ApiError(404, ErrorCodes.notFound, `Result handle '${handle}' is unknown.`);
  if (pending.pollsBeforeDone > 0) {
    pending.pollsBeforeDone--;
    return accepted(handle);
  }
  return pending.outcome;
}

export const resultRoutes: Route[] = [
  { method: "GET", path: "/api/v2/results/{result_handler}", query: ["page"], deferrable: false, handler: fetchResult },
];
