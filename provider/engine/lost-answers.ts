// A create whose answer was lost (a 504 after Snowflake acted, a connection dropped on the way back, retries that
// ran out) leaves the engine not knowing whether the object it finds is the one it asked for. The rule: the object
// found is this request's only when Snowflake says it was created after the request was sent (created_on, with a
// small clock allowance) AND every declared setting Snowflake reports matches the declaration. Anything else is
// someone else's object and is never taken into the stack by accident.
import { ConflictError, NetworkError, RetryTimeoutError, ServerError } from "../client/errors";
import { Properties, ResourceDefinition } from "./definition";
import { declaredLiveValues, LiveObject } from "./mapper";
import { planChanges } from "./plan";

/** How far Snowflake's clock may run behind the host's and still count as "after the request was sent". */
export const CLOCK_ALLOWANCE_MS = 5_000;

/** Whether a create's error leaves its outcome unknown: the object may exist because of this very request. */
export function outcomeUnknown(error: unknown): boolean {
  // Retries that ran out count only if an answer was lost on the way: throttling alone means nothing was done.
  if (error instanceof ConflictError || error instanceof RetryTimeoutError) return error.afterLostAnswer;
  return error instanceof NetworkError || error instanceof ServerError;
}

/** Undefined when the live object is provably this request's; otherwise why it is not. */
export function whyNotMadeByRequest(definition: ResourceDefinition, live: LiveObject, inputs: Properties, sentAt: number): string | undefined {
  const createdOn = live.snapshot.created_on;
  const created = typeof createdOn === "string" ? Date.parse(createdOn) : NaN;
  if (!Number.isFinite(created)) return `Snowflake reports no creation time for it`;
  if (created < sentAt - CLOCK_ALLOWANCE_MS) {
    return `it was created at ${new Date(created).toISOString()}, before the request was sent at ${new Date(sentAt).toISOString()}`;
  }
  // Settings Snowflake does not report (write-only, create-only) are taken as declared: they cannot tell. Nor can
  // those the engine sets only after the create (tags, SQL-only settings, the run state): it sets them next.
  const found: Properties = { ...inputs, ...declaredLiveValues(definition, live, inputs) };
  const setAfterCreate = new Set(["tags", "suspended", ...Object.keys(definition.fields).filter((key) => definition.fields[key].body === "never")]);
  const differing = planChanges(definition, found, inputs).changed.filter((key) => !setAfterCreate.has(key));
  return differing.length ? `its ${differing.join(", ")} differ${differing.length === 1 ? "s" : ""} from the declaration` : undefined;
}
