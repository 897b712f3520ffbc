// What the kinds REST v2 has no endpoints for share: no spec or model of their own (their values are what their
// CREATE / ALTER pages document, kept under lower-case property names), and the columns every SHOW starts with.
import { z } from "zod";
import type { CatalogObject } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { formatIdentifier } from "../identifiers";
import { ownerOf } from "../rest/render";
import { type Column, text, timestamp } from "../sql/select";
import { epochSeconds } from "../sql/show";

/** A SHOW column and how an object fills it. */
export interface SqlShowColumn { column: Column; value(object: CatalogObject): string | null }

/** The `wire` of a kind without a REST model: its stored properties, any values (accept() checks them). */
export function sqlOnlyWire(properties: readonly string[]): ObjectKind["wire"] {
  return { strict: z.record(z.string(), z.unknown()), properties, readOnly: [] };
}

const schemaOf = (object: CatalogObject) => object.parent as CatalogObject;

/** SHOW output columns (each type's SHOW page): names print as stored, unquoted. */
export const SHOWN = {
  createdOn: { column: timestamp("created_on"), value: (object) => epochSeconds(object.createdOn) },
  name: { column: text("name"), value: (object) => object.name },
  databaseName: { column: text("database_name"), value: (object) => (schemaOf(object).parent as CatalogObject).name },
  schemaName: { column: text("schema_name"), value: (object) => schemaOf(object).name },
  owner: { column: text("owner"), value: (object) => String(ownerOf(object).owner) },
  ownerRoleType: { column: text("owner_role_type"), value: (object) => String(ownerOf(object).owner_role_type) },
  /** SHOW prints an unset comment as empty text. */
  comment: { column: text("comment", true), value: (object) => String(object.values.comment ?? "") },
} satisfies Record<string, SqlShowColumn>;

/** A stored value as text, or NULL when unset. */
export const printed = (wire: string, format: (value: unknown) => string = String): SqlShowColumn => ({
  column: text(wire, true),
  value: (object) => (object.values[wire] === undefined || object.values[wire] === null ? null : format(object.values[wire])),
});

/** Names as SHOW prints a list of them: comma-separated, as stored. */
export const printedNames = (names: unknown): string => ((names as string[] | undefined) ?? []).map((name) => name.replace(/^"(.*)"$/s, "$1").replace(/""/g, '"')).join(", ");

export { formatIdentifier };
