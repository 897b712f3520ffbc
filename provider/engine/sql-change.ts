// How a property changes through SQL (FieldDefinition.sql): ALTER SET / UNSET, clauses of its own, and for SQL-only
// types its CREATE clause and whole statements (GRANT ... TO SHARE). Kept apart from definition.ts for its size.
import type { SqlText } from "../sql/sql-text";

/**
 * How a property changes through ALTER: a `property` goes into the statement's SET / UNSET lists with others;
 * anything else is a clause of its own (`set(value)`, and `unset` when it can be removed).
 */
export interface SqlChange {
  property?: string;
  set?(value: unknown): SqlText;
  /**
   * The removal clause; "serverDefault": the statement has no UNSET for it, so SET <property> = serverDefault;
   * "byReplacement": it cannot be removed, only replaced by another field that takes its place (a service's inline
   * specification by a specification file), whose own clause then makes the change.
   */
  unset?: SqlText | "serverDefault" | "byReplacement";
  /** SET is refused while a value is set (a user's password policy): every SET runs `unset` first. */
  unsetFirst?: boolean;
  /**
   * Clauses that turn the previous value into the next one piece by piece, instead of SET / UNSET of the whole
   * (ALTER EXTERNAL VOLUME ... ADD STORAGE_LOCATION / REMOVE STORAGE_LOCATION).
   */
  alter?(next: unknown, previous: unknown): SqlText[];
  /** The clause CREATE takes for it, for SQL objects (default `<PROPERTY> = <value>`). */
  create?(value: unknown): SqlText;
  /** Whole statements that make the change, naming the object as `target` (GRANT ... TO SHARE / REVOKE ...). */
  statements?(next: unknown, previous: unknown, target: SqlText): SqlText[];
  /** A share's grants go with it: DROP needs no REVOKE first (statements fields are otherwise undone before DROP). */
  keptOnDrop?: boolean;
}
