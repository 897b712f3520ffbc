// How the engine turns a provider's Diff answer and the resource options into a step
// (pkg/resource/deploy/step_generator.go diffResource / processIgnoreChanges / applyReplaceOnChanges).
import { DiffResult } from "./host";
import { changedKeys, isObject, parsePropertyPath, PropertyMap, PropertyValue } from "./property-values";

export interface PlannedChange {
  op: "same" | "update" | "replace";
  /** For display: changed top-level inputs (plus the provider's `replaces`). */
  changedProperties: string[];
  deleteBeforeReplace: boolean;
}

const PROVIDER_KEY = "__provider";

export function planChange(
  diff: DiffResult,
  old: { inputs: PropertyMap; outputs: PropertyMap },
  newInputs: PropertyMap,
  options: { replaceOnChanges: readonly string[]; deleteBeforeReplace?: boolean },
): PlannedChange {
  const inputChanges = changedKeys(old.inputs, newInputs);
  // `__provider` changes with every SDK upgrade or code edit; show it only when it is the sole change (#12401).
  const withoutProvider = inputChanges.filter((key) => key !== PROVIDER_KEY);
  // The host sends no detailed diff. When the inputs did not move but the provider still wants a change (e.g. a
  // refresh found drift), the differences between the new inputs and the old outputs explain it best.
  const driftedOutputs = changedKeys(pick(old.outputs, Object.keys(newInputs)), newInputs).filter((k) => k !== PROVIDER_KEY);
  const shown = withoutProvider.length > 0 ? withoutProvider : inputChanges.length > 0 ? inputChanges : driftedOutputs;

  // DIFF_UNKNOWN (no `diff`, or `changes` undefined): the engine falls back to comparing old and new inputs,
  // `__provider` included; `replaces` sent along still count.
  const hasChanges = diff.changes === "some" || (diff.changes === "unknown" && inputChanges.length > 0);
  if (!hasChanges) return { op: "same", changedProperties: [], deleteBeforeReplace: false };

  const replaceOnChanges = shown.filter((key) => options.replaceOnChanges.some((path) => pathCovers(path, key)));
  const replaces = unique([...diff.replaces, ...replaceOnChanges]);
  return {
    op: replaces.length > 0 ? "replace" : "update",
    changedProperties: unique([...shown, ...replaces]).sort(),
    deleteBeforeReplace: diff.deleteBeforeReplace || options.deleteBeforeReplace === true,
  };
}

/** ignoreChanges: each path takes the old input's value (or is removed when the old inputs lack it). */
export function applyIgnoreChanges(news: PropertyMap, olds: PropertyMap, paths: readonly string[]): PropertyMap {
  let result = structuredClone(news);
  for (const path of paths) {
    const segments = parsePropertyPath(path);
    if (segments.length === 1 && segments[0] === "*") {
      result = structuredClone(olds);
      continue;
    }
    resetPath(result, olds, segments);
  }
  return result;
}

function resetPath(dest: PropertyValue, source: PropertyValue, segments: string[]): void {
  const [head, ...rest] = segments;
  if (!isContainer(dest)) return;
  const sourceChild = isContainer(source) ? (source as Record<string, PropertyValue>)[head] : undefined;
  const destRecord = dest as Record<string, PropertyValue>;
  if (rest.length === 0) {
    if (sourceChild === undefined) delete destRecord[head];
    else destRecord[head] = structuredClone(sourceChild);
    return;
  }
  if (destRecord[head] === undefined && sourceChild !== undefined) destRecord[head] = structuredClone(sourceChild);
  else resetPath(destRecord[head], sourceChild ?? null, rest);
}

function isContainer(value: PropertyValue | undefined): boolean {
  return Array.isArray(value) || isObject(value);
}

function pathCovers(path: string, key: string): boolean {
  const [first] = parsePropertyPath(path);
  return first === "*" || first === key;
}

function pick(map: PropertyMap, keys: string[]): PropertyMap {
  return Object.fromEntries(keys.filter((key) => key in map).map((key) => [key, map[key]]));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
