// Tag actions (common.yaml TagAssignment / TagReference; Object tagging docs): :set-tags assigns values of existing
// tags, :unset-tags removes them, :get-tags lists an object's assignments (and, withLineage, its containers').
import { CatalogObject, collectionOf, isObject } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import * as common from "../../../provider/wire/common";
import { badRequest, doesNotExist } from "../errors";
import { ok, type Outcome } from "../http";
import { formatIdentifier, parseIdentifier } from "../identifiers";
import type { RequestContext } from "../router";
import { findSchema } from "./lookup";
import { targetOf } from "./handlers";
import { withObject } from "./actions";

// Object tagging docs, "Tag quotas": "You can set a maximum of 50 tags on a single object"; "the maximum number of
// characters for the tag value is 256".
const MAX_TAGS_PER_OBJECT = 50;
const MAX_TAG_VALUE = 256;
const TAGS = "tags";

interface TagRef { tag_database?: string; tag_schema?: string; tag_name: string }

/** The tag object a reference names. Unqualified parts default to the tagged object's database and schema. */
function findTag(object: CatalogObject, reference: TagRef, context: RequestContext): CatalogObject {
  const path: string[] = [];
  for (let current: CatalogObject | undefined = object; current; current = isObject(current.parent) ? current.parent : undefined) path.unshift(current.name);
  const database = reference.tag_database ? parseIdentifier(reference.tag_database, "tag_database") : path[0];
  const schema = reference.tag_schema ? parseIdentifier(reference.tag_schema, "tag_schema") : path[1];
  const name = parseIdentifier(reference.tag_name, "tag_name");
  const tag = database && schema ? collectionOf(findSchema(context.account, database, schema), TAGS).get(name) : undefined;
  if (!tag) throw doesNotExist("Tag", [database, schema, name].filter(Boolean).map((part) => formatIdentifier(part!)).join("."));
  return tag;
}

const tagKey = (tag: CatalogObject) => [(tag.parent as CatalogObject).parent, tag.parent, tag].map((part) => (part as CatalogObject).name).join("\u0000");

function readList<T>(body: unknown, model: { safeParse(value: unknown): { success: boolean } }, what: string): T[] {
  if (!Array.isArray(body)) throw badRequest(`Request body must be a JSON array of ${what}.`);
  for (const [index, item] of body.entries()) {
    if (!model.safeParse(item).success) throw badRequest(`Item ${index} of the request body is not a valid ${what}: ${JSON.stringify(item)}.`);
  }
  return body as T[];
}

export function setTags(kind: ObjectKind, context: RequestContext): Outcome {
  const assignments = readList<TagRef & { tag_value: string }>(context.body, common.TagAssignmentStrict, "TagAssignment");
  return withObject(kind, context, (object) => {
    for (const assignment of assignments) {
      const tag = findTag(object, assignment, context);
      const allowed = tag.values.allowed_values as string[] | undefined;
      // Object tagging docs: "Users cannot assign a value to a tag unless the value is in the defined list."
      if (allowed && !allowed.includes(assignment.tag_value)) {
        throw badRequest(`SQL compilation error:\nTag value '${assignment.tag_value}' is not in the allowed values of tag ${formatIdentifier(tag.name)} (${allowed.join(", ")}).`);
      }
      if (assignment.tag_value.length > MAX_TAG_VALUE) throw badRequest(`SQL compilation error:\nTag value for ${formatIdentifier(tag.name)} exceeds ${MAX_TAG_VALUE} characters.`);
      object.tags.set(tagKey(tag), assignment.tag_value);
    }
    if (object.tags.size > MAX_TAGS_PER_OBJECT) throw badRequest(`SQL compilation error:\nAn object can carry at most ${MAX_TAGS_PER_OBJECT} tags.`);
  });
}

export function unsetTags(kind: ObjectKind, context: RequestContext): Outcome {
  const references = readList<TagRef>(context.body, common.TagReferenceStrict, "TagReference");
  return withObject(kind, context, (object) => {
    for (const reference of references) object.tags.delete(tagKey(findTag(object, reference, context)));
  });
}

export function getTags(kind: ObjectKind, context: RequestContext): Outcome {
  const { object } = targetOf(kind, context);
  const withLineage = context.query.has("withLineage") && context.query.boolean("withLineage");
  const holders: CatalogObject[] = [object];
  for (let current = object.parent; withLineage && isObject(current); current = current.parent) holders.push(current);
  const assignments = holders.flatMap((holder) => [...holder.tags.entries()].map(([key, value]) => {
    const [database, schema, name] = key.split("\u0000");
    return { tag_database: formatIdentifier(database), tag_schema: formatIdentifier(schema), tag_name: formatIdentifier(name), tag_value: value, level: holder.kind.sqlType };
  }));
  return ok(assignments);
}
