// Structured kinds: lists, nested objects (a schedule, stage credentials) and lists of records keyed by identity
// (table columns by name, constraints by name or column set). Inside an object every property follows the same
// rule as a resource's top-level ones (field-kind.ts valueChanged), so a sub-property left out means
// Snowflake's default and a refresh never shows a diff for it.
import { joinSql } from "../../sql/sql-text";
import type { FieldDefinition } from "../definition";
import { FieldKind, isSet, noSql, ObjectType, sameValue, show, valueChanged } from "../field-kind";
import { isUnknown } from "../unknowns";

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function listKind(item: FieldKind, options: { ordered: boolean; itemWords?: string }): FieldKind {
  const canonical = (value: unknown) => {
    if (!Array.isArray(value)) return value;
    const items = value.map((element) => item.canonical(element));
    return options.ordered ? items : [...items].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  };
  return {
    shape: { list: item.shape },
    expected: `a list of ${options.itemWords ?? item.expected}`,
    problem: (value) => {
      if (!Array.isArray(value)) return "not a list";
      for (const [index, element] of value.entries()) {
        if (isUnknown(element)) continue;
        const problem = item.problem(element);
        if (problem) return `item ${index} (${show(element)}): ${problem}; expected ${item.expected}`;
      }
      return undefined;
    },
    canonical,
    toWire: (value) => (Array.isArray(value) ? value.map((element) => item.toWire(element)) : value),
    fromWire: (value) => (Array.isArray(value) ? value.map((element) => item.fromWire(element)) : value),
    toSql: (value) => joinSql((value as unknown[]).map((element) => item.toSql(element)), ", "),
    meansUnset: (value) => Array.isArray(value) && value.length === 0,
  };
}

export interface ObjectHooks {
  /** Extra wire properties derived from the value (a discriminator such as credential_type). */
  wireExtras?(value: Record<string, unknown>): Record<string, unknown>;
  /** Cross-property rules, e.g. "give minutes or cron, not both". */
  problem?(value: Record<string, unknown>): string | undefined;
}

/** A nested object whose properties are field definitions of their own (camelCase in, wire names out). */
export function objectKind(type: ObjectType, hooks: ObjectHooks = {}): FieldKind {
  const entries = Object.entries(type.fields) as [string, FieldDefinition][];
  const same = (next: unknown, previous: unknown): boolean => {
    if (!isPlainObject(next) || !isPlainObject(previous)) return JSON.stringify(next ?? null) === JSON.stringify(previous ?? null);
    return entries.every(([key, field]) => !valueChanged(field, next[key], previous[key]));
  };
  return {
    shape: { object: type },
    expected: `an object with ${entries.map(([key, field]) => (field.required ? `${key} (required)` : key)).join(", ")}`,
    problem: (value) => {
      if (!isPlainObject(value)) return "not an object";
      const unknownKeys = Object.keys(value).filter((key) => !type.fields[key] && value[key] !== undefined);
      if (unknownKeys.length) return `${unknownKeys.join(", ")} ${unknownKeys.length > 1 ? "are not properties" : "is not a property"} of ${type.name}; allowed: ${entries.map(([key]) => key).join(", ")}`;
      for (const [key, field] of entries) {
        const element = value[key];
        if (!isSet(element)) {
          if (field.required) return `${key} is required`;
          continue;
        }
        if (isUnknown(element)) continue;
        const problem = field.kind.problem(element);
        if (problem) return `${key}: ${field.secret ? "[secret]" : show(element)} is not allowed (${problem}); expected ${field.kind.expected}`;
      }
      return hooks.problem?.(value);
    },
    canonical: (value) => {
      if (!isPlainObject(value)) return value;
      const canonical: Record<string, unknown> = {};
      for (const [key, field] of entries) {
        const element = isSet(value[key]) ? value[key] : field.serverDefault;
        if (isSet(element) && !field.kind.meansUnset?.(element)) canonical[key] = field.kind.canonical(element);
      }
      return canonical;
    },
    same,
    toWire: (value) => {
      if (!isPlainObject(value)) return value;
      const wire: Record<string, unknown> = {};
      for (const [key, field] of entries) if (isSet(value[key])) wire[field.wire] = field.kind.toWire(value[key]);
      return { ...hooks.wireExtras?.(value), ...wire };
    },
    fromWire: (value) => {
      if (!isPlainObject(value)) return value;
      const properties: Record<string, unknown> = {};
      for (const [key, field] of entries) if (isSet(value[field.wire])) properties[key] = field.kind.fromWire(value[field.wire]);
      return properties;
    },
    toSql: noSql(type.name),
  };
}

export interface RecordsOptions {
  /** The identity of a record, from its canonical form (a column's name; a constraint's name or column set). */
  identity(canonical: Record<string, unknown>): string;
  /** Whether order is part of the value (table columns are; constraints are not). */
  ordered: boolean;
  /** Words for one record in messages, e.g. "column". */
  noun: string;
}

/** A list of nested objects matched by identity: element by element, never by position alone. */
export function recordsKind(element: FieldKind, options: RecordsOptions): FieldKind {
  const identityOf = (value: unknown) => options.identity(element.canonical(value) as Record<string, unknown>);
  const matched = (next: unknown[], previous: unknown[]): boolean => {
    if (next.length !== previous.length) return false;
    if (options.ordered) return next.every((item, index) => identityOf(item) === identityOf(previous[index]) && sameValue(element, item, previous[index]));
    const byIdentity = new Map(previous.map((item) => [identityOf(item), item]));
    return next.every((item) => byIdentity.has(identityOf(item)) && sameValue(element, item, byIdentity.get(identityOf(item))));
  };
  return {
    shape: { list: element.shape },
    expected: `a list of ${options.noun}s, each ${element.expected}`,
    problem: (value) => {
      if (!Array.isArray(value)) return "not a list";
      const seen = new Set<string>();
      for (const [index, item] of value.entries()) {
        if (isUnknown(item)) continue;
        const problem = element.problem(item);
        if (problem) return `${options.noun} ${index + 1}: ${problem}`;
        const identity = identityOf(item);
        if (seen.has(identity)) return `${options.noun} ${identity} is listed twice`;
        seen.add(identity);
      }
      return undefined;
    },
    canonical: (value) => {
      if (!Array.isArray(value)) return value;
      const items = value.map((item) => element.canonical(item));
      return options.ordered ? items : [...items].sort((a, b) => (options.identity(a as Record<string, unknown>) < options.identity(b as Record<string, unknown>) ? -1 : 1));
    },
    same: (next, previous) => {
      const asList = (value: unknown) => (Array.isArray(value) ? value : isSet(value) ? [value] : []);
      return matched(asList(next), asList(previous));
    },
    // Unchanged records keep the declared spelling, so a diff points at the records that really differ.
    reconcile: (declared, live) => {
      if (!Array.isArray(declared)) return live;
      // Snowflake leaving the list out (or null) means it has none of the declared records.
      if (!Array.isArray(live)) return [];
      if (matched(declared, live)) return declared;
      const byIdentity = new Map(declared.map((item) => [identityOf(item), item]));
      return live.map((item) => {
        const mine = byIdentity.get(identityOf(item));
        return mine !== undefined && sameValue(element, mine, item) ? mine : item;
      });
    },
    toWire: (value) => (Array.isArray(value) ? value.map((item) => element.toWire(item)) : value),
    fromWire: (value) => (Array.isArray(value) ? value.map((item) => element.fromWire(item)) : value),
    toSql: noSql(`${options.noun} list`),
    meansUnset: (value) => Array.isArray(value) && value.length === 0,
  };
}
