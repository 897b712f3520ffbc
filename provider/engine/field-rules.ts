// Rules across properties, declared as data in a definition (`rules`) and checked here for every type alike:
// a minimum at most its maximum, and fields that rule each other out. Each failure names one property, shows the
// values as written and says what is allowed. Rules apply only where all their properties are declared and known.
import type { FieldDefinition, Properties } from "./definition";
import { show } from "./field-kind";
import { isUnknown } from "./unknowns";

/**
 * `lower` must not exceed `upper` when both are declared: as numbers, or by their place in `order` (tokens, smallest
 * first: warehouse sizes). Reported on `lower`, or on `upper` with `reportOn: "upper"`. `upperDefault`: what `upper`
 * is when not declared, where Snowflake documents it as fixed (never an inherited or account-dependent value).
 */
export interface AtMost { atMost: readonly [lower: string, upper: string]; order?: readonly string[]; because: string; upperDefault?: unknown; reportOn?: "upper" }

/** Declaring `excludes` rules out each of `others` (a task on a warehouse takes no serverless sizing). Reported on the other. */
export interface Excludes { excludes: string; others: readonly string[]; because: string }

export type FieldRule = AtMost | Excludes;

export interface RuleFailure { property: string; reason: string; }

export function ruleFailures(rules: readonly FieldRule[], fields: Readonly<Record<string, FieldDefinition>>, declared: Properties): RuleFailure[] {
  const known = (key: string) => declared[key] !== undefined && declared[key] !== null && !isUnknown(declared[key]);
  const failures: RuleFailure[] = [];
  for (const rule of rules) {
    if ("atMost" in rule) {
      const [lower, upper] = rule.atMost;
      const high = known(upper) ? declared[upper] : declared[upper] === undefined || declared[upper] === null ? rule.upperDefault : undefined;
      if (!known(lower) || high === undefined) continue;
      const failure = orderFailure(rule, fields, declared[lower], high, !known(upper));
      if (failure) failures.push({ property: rule.reportOn === "upper" && known(upper) ? upper : lower, reason: failure });
    } else if (known(rule.excludes)) {
      for (const other of rule.others.filter(known)) {
        failures.push({ property: other, reason: `${show(declared[other])} is not allowed together with ${rule.excludes} (${show(declared[rule.excludes])}): ${rule.because}; expected no value while ${rule.excludes} is set` });
      }
    }
  }
  return failures;
}

function orderFailure(rule: AtMost, fields: Readonly<Record<string, FieldDefinition>>, low: unknown, high: unknown, defaulted: boolean): string | undefined {
  const [lower, upper] = rule.atMost;
  const onUpper = rule.reportOn === "upper" && !defaulted;
  if (!rule.order) {
    if (typeof low !== "number" || typeof high !== "number" || low <= high) return undefined;
    if (onUpper) return `${show(high)} is less than ${lower} (${show(low)}); expected at least ${show(low)}: ${rule.because}`;
    return `${show(low)} is more than ${upper} (${show(high)}${defaulted ? ", its default when not declared" : ""}); expected at most ${show(high)}: ${rule.because}`;
  }
  const place = (key: string, value: unknown) => rule.order!.indexOf(String(fields[key].kind.canonical(value)));
  const [lowAt, highAt] = [place(lower, low), place(upper, high)];
  if (lowAt < 0 || highAt < 0 || lowAt <= highAt) return undefined;
  if (onUpper) return `${show(high)} is smaller than ${lower} (${show(low)}); expected one of ${rule.order.slice(lowAt).join(", ")}: ${rule.because}`;
  return `${show(low)} is larger than ${upper} (${show(high)}${defaulted ? ", its default when not declared" : ""}); expected one of ${rule.order.slice(0, highAt + 1).join(", ")}: ${rule.because}`;
}

/** The properties a rule names (for defineResource, which refuses rules over properties the type does not have). */
export function ruleProperties(rule: FieldRule): string[] {
  return "atMost" in rule ? [...rule.atMost] : [rule.excludes, ...rule.others];
}
