// What a property's value is, as data: how it is validated, compared, sent and read back, written as SQL, and
// typed in the SDK. Every kind lives in provider/engine/kinds/; normalization (case, aliases, data-type
// synonyms, empty vs unset) happens in the kinds and nowhere else.
import { SqlText } from "../sql/sql-text";
import type { FieldDefinition } from "./definition";

/** The TypeScript type of a property in the SDK (inputs wrap it in pulumi.Input, outputs in pulumi.Output). */
export type TypeShape =
  | { primitive: "string" | "number" | "boolean" | "unknown" }
  | { enumType: EnumType }
  | { list: TypeShape }
  | { map: TypeShape }
  | { object: ObjectType }
  /** Either of several forms (a service specification: YAML text or the same as an object). */
  | { oneOf: TypeShape[] };

/** A closed set of upper-case tokens; any case and the aliases are accepted too. */
export interface EnumType {
  /** SDK type name, e.g. "WarehouseSize". */
  name: string;
  doc: string;
  values: readonly string[];
  /** Other spellings Snowflake accepts (upper case) -> the canonical token. */
  aliases: Readonly<Record<string, string>>;
}

/** A nested object (a table column, a schedule): its own named SDK interface. */
export interface ObjectType {
  /** SDK interface name, e.g. "TableColumn". */
  name: string;
  doc: string;
  fields: Readonly<Record<string, FieldDefinition>>;
}

export interface FieldKind {
  readonly shape: TypeShape;
  /** Words for what is allowed, for check messages: "an integer from 0 to 90". */
  readonly expected: string;
  /** Integers: the bounds `problem` enforces, so a definition's wire format can narrow them (define.ts). */
  readonly range?: { min: number; max: number };
  /** Why a (known) value is not allowed, or undefined when it is. */
  problem(value: unknown): string | undefined;
  /** The comparison form: two values with equal canonical forms mean the same to Snowflake. */
  canonical(value: unknown): unknown;
  toWire(value: unknown): unknown;
  fromWire(value: unknown): unknown;
  /** The value as SQL, for ALTER statements (kinds that never appear in SQL throw). */
  toSql(value: unknown): SqlText;
  /** Whether declared `next` means the same as `previous` (state or live). Default: equal canonical forms. */
  same?(next: unknown, previous: unknown): boolean;
  /** What state keeps: `declared` where it means what Snowflake has, else Snowflake's value. Default: by `same`. */
  reconcile?(declared: unknown, live: unknown): unknown;
  /** Values that mean "not set" although present (an empty comment, a name Snowflake generated). */
  meansUnset?(value: unknown): boolean;
}

export const isSet = (value: unknown): boolean => value !== undefined && value !== null;

export function show(value: unknown): string {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value) ?? String(value);
}

export function sameValue(kind: FieldKind, next: unknown, previous: unknown): boolean {
  if (kind.same) return kind.same(next, previous);
  return JSON.stringify(kind.canonical(next) ?? null) === JSON.stringify(kind.canonical(previous) ?? null);
}

export function reconcileValue(kind: FieldKind, declared: unknown, live: unknown): unknown {
  if (kind.reconcile) return kind.reconcile(declared, live);
  return sameValue(kind, declared, live) ? declared : live;
}

/**
 * The rule for one property, at the top level and inside nested objects alike: a declared value differs from the
 * previous one unless they mean the same; an undeclared value differs only if the previous one was set to
 * something other than Snowflake's default.
 */
export function valueChanged(field: Pick<FieldDefinition, "kind" | "serverDefault" | "filledBySnowflake">, next: unknown, previous: unknown): boolean {
  if (!isSet(next) || field.kind.meansUnset?.(next)) {
    if (!isSet(previous) || field.kind.meansUnset?.(previous) || field.filledBySnowflake) return false;
    return !(field.serverDefault !== undefined && sameValue(field.kind, previous, field.serverDefault));
  }
  return !sameValue(field.kind, next, previous);
}

export function noSql(what: string): (value: unknown) => SqlText {
  return () => {
    throw new Error(`${what} values are not written as SQL`);
  };
}
