// Types whose inputs depend on a variant one input chooses (a secret's `type`, an integration's hook type): which
// inputs each variant requires and which it takes, checked before anything is sent. The variants mirror the
// specs' discriminated models (secret.yaml PasswordSecret / Oauth2Secret ..., api-integration.yaml AwsHook ...).
import { isSet } from "./field-kind";
import type { Properties } from "./definition";

export interface Variant {
  required?: readonly string[];
  optional?: readonly string[];
}

export type Problem = { property: string; reason: string };

/**
 * A crossChecks function: the variant named by `discriminator` (compared in upper case) must have its required
 * inputs, and no input that belongs only to other variants.
 */
export function variantChecks(discriminator: string, variants: Record<string, Variant>): (properties: Properties) => Problem[] {
  const variantInputs = new Set(Object.values(variants).flatMap((variant) => [...(variant.required ?? []), ...(variant.optional ?? [])]));
  return (properties) => {
    const chosen = typeof properties[discriminator] === "string" ? (properties[discriminator] as string).trim().toUpperCase() : undefined;
    const variant = chosen === undefined ? undefined : variants[chosen];
    if (!variant) return [];
    const takes = [...(variant.required ?? []), ...(variant.optional ?? [])];
    const problems: Problem[] = [];
    for (const key of variant.required ?? []) if (!isSet(properties[key])) problems.push({ property: key, reason: `is required when ${discriminator} is ${chosen}, but not given; declare it, or choose another ${discriminator}` });
    for (const key of variantInputs) {
      if (isSet(properties[key]) && !takes.includes(key)) {
        problems.push({ property: key, reason: `does not apply when ${discriminator} is ${chosen} (${takes.length ? `it takes ${takes.join(", ")}` : "it takes none of the variant inputs"})` });
      }
    }
    return problems;
  };
}

/**
 * A replacedBy function: inputs a variant requires can be removed only together with the variant (a new type is a
 * new object), and ALTER has no UNSET for them; any such removal that passes check is a replacement.
 */
export function variantRequiredRemoved(variants: Record<string, Variant>, alsoReplacing: readonly string[] = []): (olds: Properties, news: Properties) => string[] {
  const keys = [...new Set([...Object.values(variants).flatMap((variant) => variant.required ?? []), ...alsoReplacing])];
  return (olds, news) => keys.filter((key) => isSet(olds[key]) && !isSet(news[key]));
}
