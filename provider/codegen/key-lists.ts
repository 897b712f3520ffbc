// Property-name lists exported beside each object model; the provider's mapper uses them to never send read-only
// fields, and tests use them to spot fields the spec does not declare.
import { hasPropertyFlag } from "./normalize-for-zod-client";
import { Schema, SchemaMap, isObjectModel, refName } from "./schema-tree";

export interface KeyLists {
  properties: string[];
  readOnly: string[];
  writeOnly: string[];
  required: string[];
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

function objectKeyLists(schema: Schema, lookup: SchemaMap): KeyLists {
  const entries = Object.entries(schema.properties ?? {});
  return {
    properties: entries.map(([name]) => name),
    readOnly: entries.filter(([, property]) => hasPropertyFlag(property, "readOnly", lookup)).map(([name]) => name),
    writeOnly: entries.filter(([, property]) => hasPropertyFlag(property, "writeOnly", lookup)).map(([name]) => name),
    required: [...(schema.required ?? [])],
  };
}

/**
 * Lists for an object model, or for a union: every property any variant declares (read-only / write-only
 * likewise), and as required the discriminator tag plus what every variant requires.
 */
export function keyListsOf(schema: Schema, lookup: SchemaMap): KeyLists | undefined {
  if (!isObjectModel(schema)) return undefined;
  if (!schema.oneOf) return objectKeyLists(schema, lookup);
  const variants = schema.oneOf.map((member) => objectKeyLists(lookup[refName(member.$ref!)], lookup));
  return {
    properties: unique(variants.flatMap((variant) => variant.properties)),
    readOnly: unique(variants.flatMap((variant) => variant.readOnly)),
    writeOnly: unique(variants.flatMap((variant) => variant.writeOnly)),
    required: unique([
      schema.discriminator!.propertyName,
      ...variants[0].required.filter((name) => variants.every((variant) => variant.required.includes(name))),
    ]),
  };
}
