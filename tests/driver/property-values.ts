// Property values in their wire form (what google.protobuf.Struct carries between the SDK, the engine and the
// provider host): plain JSON plus the special objects of @pulumi/pulumi runtime/rpc.js.

export type PropertyValue = null | boolean | number | string | PropertyValue[] | { [key: string]: PropertyValue };
export type PropertyMap = Record<string, PropertyValue>;

/** runtime/rpc.js `unknownValue`: a value not known until the deployment runs (only seen in previews). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** runtime/rpc.js `specialSigKey`: marks secrets, resource references, assets, ... */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const RESOURCE_REFERENCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

export function isObject(value: unknown): value is { [key: string]: PropertyValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function containsUnknowns(value: PropertyValue): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknowns);
  if (isObject(value)) return Object.values(value).some(containsUnknowns);
  return false;
}

/**
 * The host answers Configure with acceptResources=false, so the engine downgrades resource references before
 * sending them: a custom resource becomes its id (unknown while the id is), a component its URN.
 */
export function downgradeResourceReferences(value: PropertyValue): PropertyValue {
  if (Array.isArray(value)) return value.map(downgradeResourceReferences);
  if (!isObject(value)) return value;
  if (value[SIG_KEY] === RESOURCE_REFERENCE_SIG) {
    if (typeof value.id === "string") return value.id === "" ? UNKNOWN : value.id;
    return value.urn;
  }
  return mapValues(value, downgradeResourceReferences);
}

export function mapValues(map: PropertyMap, fn: (value: PropertyValue, key: string) => PropertyValue): PropertyMap {
  const result: PropertyMap = {};
  for (const [key, value] of Object.entries(map)) result[key] = fn(value, key);
  return result;
}

/** Struct.fromJavaScript rejects `undefined`; the SDK treats a missing key and `undefined` alike. */
export function withoutUndefined(map: Record<string, unknown>): PropertyMap {
  return JSON.parse(JSON.stringify(map ?? {})) as PropertyMap;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    return keysA.length === keysB.length && keysA.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Top-level keys whose values differ (added, removed or changed), in a stable order. */
export function changedKeys(olds: PropertyMap, news: PropertyMap): string[] {
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
  return [...keys].filter((key) => !deepEqual(olds[key], news[key])).sort();
}

/**
 * A property path as used by ignoreChanges/replaceOnChanges: `a.b`, `a[0]`, `a["b.c"]`. Returns the segments.
 * (The engine's resource.ParsePropertyPath; wildcards other than a lone `*` segment are not supported.)
 */
export function parsePropertyPath(path: string): string[] {
  const segments: string[] = [];
  const pattern = /([^.[\]]+)|\[(\d+|\*)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  for (const match of path.matchAll(pattern)) segments.push(match[1] ?? match[2] ?? JSON.parse(`"${match[3]}"`));
  return segments;
}
