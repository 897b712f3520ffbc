// Tags (tag.yaml; CREATE / ALTER TAG and Object tagging docs): at most 5,000 allowed values of at most 256
// characters; PROPAGATE takes ON_DEPENDENCY_AND_DATA_MOVEMENT, ON_DEPENDENCY or ON_DATA_MOVEMENT. PUT is CREATE OR
// ALTER TAG: "all unspecified parameters are reset".
import * as wire from "../../../provider/wire/tag";
import type { ObjectKind } from "../catalog/object-kind";
import { badRequest } from "../errors";
import { checkEnum } from "../rest/body";

const MAX_ALLOWED_VALUES = 5000;
const MAX_VALUE_LENGTH = 256;
const PROPAGATE = ["ON_DEPENDENCY_AND_DATA_MOVEMENT", "ON_DEPENDENCY", "ON_DATA_MOVEMENT"];

export const tagKind: ObjectKind = {
  spec: "tag",
  model: "Tag",
  objectType: "Tag",
  sqlType: "TAG",
  parameterLevel: "TAG",
  collection: "tags",
  scope: "schema",
  wire: { strict: wire.TagStrict, properties: wire.Tag_PROPERTIES, readOnly: wire.Tag_READ_ONLY, writeOnly: wire.Tag_WRITE_ONLY },
  accept(values) {
    const allowed = values.allowed_values as string[] | undefined;
    if (allowed && allowed.length > MAX_ALLOWED_VALUES) throw badRequest(`SQL compilation error:\nA tag can have at most ${MAX_ALLOWED_VALUES} allowed values.`);
    if (allowed?.some((value) => value.length > MAX_VALUE_LENGTH)) throw badRequest(`SQL compilation error:\nTag values have at most ${MAX_VALUE_LENGTH} characters.`);
    values.propagate = checkEnum(tagKind, "propagate", values.propagate, PROPAGATE);
    return values;
  },
};
