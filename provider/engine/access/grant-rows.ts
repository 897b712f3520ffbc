// The rows of a grantee's grant lists (role.yaml `Grant`: securable or containing scope, privileges, grant option),
// read the same way by every grant type: checked against the wire model, names compared as stored names.
import { z } from "zod";
import * as wire from "../../wire/role";
import { parseSecurableName } from "../kinds/grants";
import { describeGrantee, Grantee } from "./grantees";

export type GrantRow = z.infer<typeof wire.Grant>;

/** A grantee's list as rows of the REST model; an answer that does not fit is reported, not guessed at. */
export function grantRows(rows: unknown[], grantee: Grantee, list: string): GrantRow[] {
  const parsed = z.array(wire.Grant).safeParse(rows);
  if (!parsed.success) throw new Error(`Snowflake answered GET ${list} of ${describeGrantee(grantee)} with grants that do not match the REST API model: ${parsed.error.message}`);
  return parsed.data;
}

/** Names as rows print them (identifiers, quoted where needed), as stored parts. */
const stored = (parts: (string | undefined)[]) => parts.filter((part): part is string => part !== undefined).map((part) => parseSecurableName(part)?.[0] ?? part);

/** The securable a row is on, as stored parts ([] on the account). */
export function rowObject(row: GrantRow): string[] {
  const securable = row.securable;
  return securable ? stored([securable.database, securable.schema, securable.name]) : [];
}

/** The database or schema a future grant's row is in, as stored parts. */
export function rowScope(row: GrantRow): string[] {
  return row.containing_scope ? stored([row.containing_scope.database, row.containing_scope.schema]) : [];
}

export const sameParts = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((part, index) => part === b[index]);
