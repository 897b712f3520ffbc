// During preview the engine sends values that are not known yet as this sentinel. check and diff must pass it
// through untouched: normalizing it (say, upper-casing) would turn it into a known, wrong value.
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(isUnknown);
  if (value && typeof value === "object") return Object.values(value).some(isUnknown);
  return false;
}
