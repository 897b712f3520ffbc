// Tags on an object: `{ "DB.SCHEMA.TAG": "value" }`, set with :set-tags / :unset-tags and read with :get-tags
// (common.yaml TagAssignment / TagReference). Only the tags a program declares are its business: tags set by others
// are left alone, and a refresh shows drift only for declared ones.
import { FieldKind, noSql } from "../field-kind";
import { canonicalIdentifier, qualifiedName, splitQualifiedName, storedName } from "../identifiers";

// Object tagging docs: "The tag value is always a string, and the maximum number of characters for the tag value
// is 256"; "You can set a maximum of 50 tags on a single object".
const MAX_TAG_VALUE = 256;
const MAX_TAGS = 50;

export interface TagAssignment {
  tag_database?: string;
  tag_schema?: string;
  tag_name: string;
  tag_value: string;
}

const isMap = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A tag key as stored names joined by dots, for matching spellings of one tag. */
export function canonicalTagKey(key: string): string {
  return (splitQualifiedName(key) ?? [key]).map(storedName).join(".");
}

function canonicalMap(value: unknown): Record<string, unknown> {
  if (!isMap(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([key, tagValue]) => [canonicalTagKey(key), tagValue] as const).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** TagReference parts of a declared key. */
export function tagReference(key: string): { tag_database: string; tag_schema: string; tag_name: string } {
  const [database, schema, name] = splitQualifiedName(key)!.map((part) => canonicalIdentifier(part));
  return { tag_database: database, tag_schema: schema, tag_name: name };
}

export function tagsKind(): FieldKind {
  return {
    shape: { map: { primitive: "string" } },
    expected: `an object of tag values keyed by the tag's qualified name, e.g. { "GOVERNANCE.TAGS.COST_CENTER": "finance" } (at most ${MAX_TAGS} tags, values of at most ${MAX_TAG_VALUE} characters)`,
    problem: (value) => {
      if (!isMap(value)) return "not an object";
      const entries = Object.entries(value);
      if (entries.length > MAX_TAGS) return `${entries.length} tags is more than ${MAX_TAGS}`;
      for (const [key, tagValue] of entries) {
        if (splitQualifiedName(key)?.length !== 3) return `tag ${JSON.stringify(key)} is not a qualified tag name DATABASE.SCHEMA.TAG`;
        if (typeof tagValue !== "string") return `the value of tag ${key} is not a string`;
        if (tagValue.length > MAX_TAG_VALUE) return `the value of tag ${key} is longer than ${MAX_TAG_VALUE} characters`;
      }
      return undefined;
    },
    canonical: canonicalMap,
    // Tags set by others are not this program's: state keeps the declared tags, as Snowflake has them.
    reconcile: (declared, live) => {
      const liveMap = canonicalMap(live);
      const projected: Record<string, unknown> = {};
      for (const [key, tagValue] of Object.entries(isMap(declared) ? declared : {})) {
        const found = liveMap[canonicalTagKey(key)];
        if (found !== undefined) projected[key] = found === tagValue ? tagValue : found;
      }
      return projected;
    },
    toWire: (value) => Object.entries(isMap(value) ? value : {}).map(([key, tagValue]) => ({ ...tagReference(key), tag_value: tagValue })),
    fromWire: (value) => {
      if (!Array.isArray(value)) return value;
      return Object.fromEntries((value as TagAssignment[]).map((tag) => [qualifiedName([tag.tag_database ?? "", tag.tag_schema ?? "", tag.tag_name]), tag.tag_value]));
    },
    toSql: noSql("tags"),
    meansUnset: (value) => isMap(value) && Object.keys(value).length === 0,
  };
}
