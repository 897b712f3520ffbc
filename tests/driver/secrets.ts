// Secret values as the engine handles them: wrapped in the secret signature object on the wire and in memory,
// stripped before they reach the dynamic-provider host (it answers Configure with acceptSecrets=false), and
// re-applied to the host's results by name (provider_plugin.go annotateSecrets).
import { isObject, mapValues, PropertyMap, PropertyValue, SECRET_SIG, SIG_KEY } from "./property-values";

export function isSecret(value: unknown): value is { [SIG_KEY]: typeof SECRET_SIG; value: PropertyValue } {
  return isObject(value) && value[SIG_KEY] === SECRET_SIG;
}

export function makeSecret(value: PropertyValue): PropertyValue {
  return isSecret(value) ? value : { [SIG_KEY]: SECRET_SIG, value };
}

/** Removes every secret wrapper, at any depth: what the host receives. */
export function reveal(value: PropertyValue): PropertyValue {
  if (isSecret(value)) return reveal(value.value);
  if (Array.isArray(value)) return value.map(reveal);
  if (isObject(value)) return mapValues(value, reveal);
  return value;
}

export function revealMap(map: PropertyMap): PropertyMap {
  return mapValues(map, reveal);
}

export function containsSecrets(value: PropertyValue): boolean {
  if (isSecret(value)) return true;
  if (Array.isArray(value)) return value.some(containsSecrets);
  if (isObject(value)) return Object.values(value).some(containsSecrets);
  return false;
}

/**
 * provider_plugin.go annotateSecrets: a result value whose key matched a secret value in the request becomes
 * secret; objects are matched key by key, arrays element by element (an array holding a secret becomes secret as a
 * whole, as the SDK's deserializer pushes secretness up to the array).
 */
export function annotateSecrets(outs: PropertyMap, ins: PropertyMap): PropertyMap {
  const result: PropertyMap = { ...outs };
  for (const [key, inValue] of Object.entries(ins)) {
    if (key in result) result[key] = annotateValue(result[key], inValue);
  }
  return result;
}

function annotateValue(out: PropertyValue, input: PropertyValue): PropertyValue {
  if (isSecret(input)) return makeSecret(out);
  if (isSecret(out)) return out;
  if (isObject(input) && isObject(out)) return annotateSecrets(out, input);
  if (Array.isArray(input) && Array.isArray(out)) {
    const elements = out.map((element, i) => (i < input.length ? annotateValue(element, input[i]) : element));
    return elements.some(isSecret) ? makeSecret(elements.map(reveal)) : elements;
  }
  return out;
}

/** The `additionalSecretOutputs` resource option: top-level output names to mark secret. */
export function markSecret(outs: PropertyMap, keys: readonly string[]): PropertyMap {
  const result: PropertyMap = { ...outs };
  for (const key of keys) if (key in result) result[key] = makeSecret(result[key]);
  return result;
}
