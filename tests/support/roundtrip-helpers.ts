// What the round-trip table's rows are made of (tests/support/roundtrip-cases.ts and roundtrip-account-cases.ts):
// the row shape, the marker a row follows, the context's names, and the ways a row changes an object by hand.
import { readOnlyFieldsAt, TestStack } from "./test-stack";

export interface RoundTripCase {
  type: string;
  /**
   * REST path of the object the row creates; for objects REST v2 has no endpoints for, the SHOW statement whose
   * only row is the object (tests/support/sql-rows.ts).
   */
  path: string;
  args: Record<string, unknown>;
  /** Tells apart rows of one type (a security integration's variants): part of the row's key and resource name. */
  variant?: string;
  /**
   * A change applied in place, and what the object looks like over REST afterwards. Absent for types with nothing
   * to change in place (a stage file: new content is a new upload), whose out-of-band change up undoes by replacing.
   */
  inPlace?: { args: Record<string, unknown>; wire: Record<string, unknown> };
  /**
   * `path` is a listing whose only row is the object (a stage file is a row of its stage's files; roles and
   * database roles have no GET of one object): a gone object is an empty listing there, not a 404.
   */
  listed?: boolean;
  /** The object's own path where `path` is a listing: its tag actions are there (role.yaml getTags). */
  objectPath?: string;
  /** Changes the comment outside Pulumi (REST PUT or an ALTER over the SQL API). */
  changeOutOfBand(stack: TestStack, path: string): Promise<void>;
  /** A new name applied in place (types Snowflake renames), and the REST path it lands at. */
  rename?: { name: string; path: string };
  /** In-place changes are CREATE OR REPLACE (the object is recreated under the same resource). */
  recreates?: boolean;
  /** The property the steps follow where the type has no comment (function.yaml ServiceFunction); default COMMENT_MARKER. */
  marker?: Marker;
}

export interface Marker {
  property: string;
  /** Where the REST answer shows it (a stage file's content: the md5 its listing reports). */
  wire: string;
  /** The input the preview makes unknown, where the marker is computed from another (a content hash, from `source`). */
  unknownAtPreview?: string;
  /** Its value in `args`, then in `inPlace.args` (which an up restores after the out-of-band change). */
  initial: unknown;
  changed: unknown;
}

const COMMENT_MARKER: Marker = { property: "comment", wire: "comment", initial: "v1", changed: "v2" };
/** The row's key in the table: its type, and its variant where a type has several rows. */
export const caseKey = (c: RoundTripCase): string => (c.variant ? `${c.type}_${c.variant}` : c.type);

export const markerOf = (c: RoundTripCase): Marker => c.marker ?? COMMENT_MARKER;

export const DB = "RT_DB";
export const SCHEMA = "RT";
export const IN_SCHEMA = `/api/v2/databases/${DB}/schemas/${SCHEMA}`;
export const QUALIFIED = `"${DB}"."${SCHEMA}"`;

export const inSchema = (args: Record<string, unknown>) => ({ database: { $ref: "rt_db.name" }, schema: { $ref: "rt_schema.name" }, ...args });
export const sqlComment = (objectType: string, name: string) => (stack: TestStack) => stack.sql(`ALTER ${objectType} ${QUALIFIED}."${name}" SET COMMENT = 'changed by hand'`).then(() => undefined);
/** ALTER <type> <name> SET <assignment>, as a person at a SQL prompt would change an SQL-only object. */
export const sqlSet = (objectType: string, name: string, assignment: string) => (stack: TestStack) => stack.sql(`ALTER ${objectType} ${name} SET ${assignment}`).then(() => undefined);
export const putComment = (stack: TestStack, path: string) => stack.changeOutOfBand(path, { comment: "changed by hand" });
/** Types without PUT or ALTER here (functions, procedures): GET, patch, POST createMode=orReplace, as a person would recreate it. */
export const recreateWith = (patch: Record<string, unknown>) => async (stack: TestStack, path: string) => {
  const current = await stack.rest("GET", path);
  const readOnly = new Set(readOnlyFieldsAt(path));
  const body = Object.fromEntries(Object.entries({ ...current.body, ...patch }).filter(([key]) => !readOnly.has(key)));
  const recreated = await stack.rest("POST", `${path.slice(0, path.lastIndexOf("/"))}?createMode=orReplace`, body);
  if (recreated.status !== 200) throw new Error(`recreating ${path}: ${recreated.status} ${JSON.stringify(recreated.body)}`);
};
export const tagged = { $tagged: ["rt_tag", "data"] };
