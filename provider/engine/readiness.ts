// Waiting until a new or changed object is usable, and the sub-resources read with it: both from the definition
// (ReadinessDefinition, AttachedRead), so no resource type carries polling code of its own.
import { Properties, ReadinessVerdict } from "./definition";
import { isSet } from "./field-kind";
import { LiveObject } from "./mapper";
import { ObjectApi } from "./object-api";

const FIRST_PAUSE_MS = 250;
const LONGEST_PAUSE_MS = 10_000;

/** An object that did not become usable: its container failed, or the time allowed ran out. */
export class NotReadyError extends Error {}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls each readiness check in turn until it says ready. Pauses grow from 250 ms to 10 s, so a fast answer costs
 * little and a slow start (a container image being pulled) is not polled hard.
 */
export async function waitUntilReady(api: ObjectApi, properties: Properties): Promise<void> {
  const readiness = api.definition.readiness;
  if (!readiness || properties.suspended === true) return;
  const setting = properties[readiness.timeoutSetting];
  const timeoutSecs = typeof setting === "number" ? setting : readiness.defaultTimeoutSecs;
  const deadline = Date.now() + timeoutSecs * 1000;
  for (const check of readiness.checks) {
    if (check.applies && !check.applies(properties)) continue;
    let pauseMs = FIRST_PAUSE_MS;
    for (;;) {
      const verdict: ReadinessVerdict = check.verdict(await api.get(`${api.objectPath(properties)}/${check.path}`), properties);
      if ("failed" in verdict) throw new NotReadyError(`${api.describe(properties)} failed: ${verdict.failed}`);
      if (verdict.ready) break;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new NotReadyError(`${api.describe(properties)} was not ready within ${timeoutSecs} s: ${verdict.waitingFor}. Set ${readiness.timeoutSetting} to wait longer.`);
      }
      await pause(Math.min(pauseMs, left));
      pauseMs = Math.min(pauseMs * 2, LONGEST_PAUSE_MS);
    }
  }
}

/** The object with its attached sub-resources folded into the snapshot (a service's endpoints). */
export async function withAttachedReads(api: ObjectApi, properties: Properties, live: LiveObject | undefined): Promise<LiveObject | undefined> {
  const reads = api.definition.attachedReads;
  if (!live || !reads?.length) return live;
  const snapshot = { ...live.snapshot };
  for (const read of reads) {
    const value = read.pick(await api.get(`${api.objectPath(properties)}/${read.path}`));
    if (isSet(value)) snapshot[read.wire] = value;
  }
  return { ...live, snapshot };
}
