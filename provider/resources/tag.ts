// tag.yaml components/schemas/Tag: changed in place by PUT create-or-alter, renamed with :rename.
import { defineResource } from "../engine/define";
import { choiceKind, enumType, textKind } from "../engine/kinds/scalars";
import { listKind } from "../engine/kinds/structures";
import * as wire from "../wire/tag";
import { commentField, field, ownershipOutputs, schemaObjectIdentity, schemaObjectPath } from "./common";

const PROPAGATE = enumType("TagPropagation", "Whether a tag follows data to dependent objects and copies (Enterprise Edition).", ["ON_DEPENDENCY_AND_DATA_MOVEMENT", "ON_DEPENDENCY", "ON_DATA_MOVEMENT"]);
// CREATE TAG docs: "The maximum number of tag values in this list is 5,000"; values are at most 256 characters.
const MAX_ALLOWED_VALUES = 5000;

export const tag = defineResource({
  typeName: "Tag",
  noun: "tag",
  doc: "A tag: a name objects carry with a value, e.g. COST_CENTER = 'finance' (REST: .../schemas/{schema}/tags).",
  collectionPath: schemaObjectPath("tags"),
  changes: "put",
  sqlObjectType: "TAG",
  rename: "restQuery",
  fields: {
    ...schemaObjectIdentity("tag"),
    allowedValues: field("allowed_values", listKind(textKind({ maxLength: 256 }), { ordered: false, itemWords: "tag values (at most 256 characters each)" }), `The only values the tag may take (at most ${MAX_ALLOWED_VALUES}). Unset: any value.`),
    propagate: field("propagate", choiceKind(PROPAGATE), "Propagate the tag to dependent objects and data copies."),
    onConflict: field("on_conflict", textKind(), "Value when propagation meets different values: a string, ALLOWED_VALUES_SEQUENCE or MERGE."),
    comment: commentField("tag"),
  },
  outputs: ownershipOutputs("tag"),
  crossChecks: (properties) => (Array.isArray(properties.allowedValues) && properties.allowedValues.length > MAX_ALLOWED_VALUES ? [{ property: "allowedValues", reason: `${properties.allowedValues.length} values is more than ${MAX_ALLOWED_VALUES}` }] : []),
  wire: { schema: wire.Tag, properties: wire.Tag_PROPERTIES, readOnly: wire.Tag_READ_ONLY },
});
