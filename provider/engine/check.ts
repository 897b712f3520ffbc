// check: validate declared inputs before anything reaches Snowflake. Every failure names the property, the value
// given and what is allowed. Values not known yet (preview) are passed through untouched.
import { COMMON_INPUTS, ResourceDefinition } from "./definition";
import { isUnknown } from "./unknowns";

export interface CheckFailure { property: string; reason: string; }

const INTERNAL_INPUTS = new Set(["__provider"]);

function show(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
}

export function checkInputs(definition: ResourceDefinition, news: Record<string, unknown>): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const known = new Set([...Object.keys(definition.fields), ...COMMON_INPUTS]);
  for (const [property, value] of Object.entries(news)) {
    if (INTERNAL_INPUTS.has(property) || value === undefined) continue;
    if (!known.has(property)) {
      const allowed = [...known].sort().join(", ");
      failures.push({ property, reason: `${property} is not a property of ${definition.noun}s (value ${show(value)}); allowed: ${allowed}` });
      continue;
    }
    if (isUnknown(value)) continue;
    if (property === "adoptExisting") {
      if (typeof value !== "boolean") failures.push({ property, reason: `adoptExisting: ${show(value)} is not allowed; expected true or false` });
      continue;
    }
    const field = definition.fields[property];
    const result = field.input.safeParse(value);
    if (!result.success) {
      const detail = result.error.issues.find((issue) => issue.code === "custom")?.message;
      failures.push({ property, reason: `${property}: ${show(value)} is not allowed; expected ${field.expected}${detail ? ` (${detail})` : ""}` });
    }
  }
  return failures;
}
