// Reshapes a spec's (quirk-fixed) schemas into the subset openapi-zod-client's getZodSchema converts faithfully.
// Each step says which library behaviour it works around. All steps mutate the spec's schemas in place.
import { ModelNotes } from "./model-notes";
import { SpecDocument } from "./spec-documents";
import { Schema, SchemaMap, componentRef, refName, visitSchemas } from "./schema-tree";

const PROSE_KEYWORDS = new Set(["description", "title", "example", "examples", "externalDocs"]);

/** "Any value" as an additionalProperties schema that getZodSchema renders `z.unknown()` (it needs a non-empty one). */
const ANY_VALUE: Schema = { nullable: false };

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

/** The component a property stands for: a bare `$ref` or a one-member `allOf` wrapper around one. */
export function propertyTarget(property: Schema, lookup: SchemaMap): Schema | undefined {
  const ref = property.$ref ?? (property.allOf?.length === 1 ? property.allOf[0].$ref : undefined);
  return ref === undefined ? undefined : lookup[refName(ref)];
}

/** readOnly / writeOnly set on the property itself or on the component it refers to (e.g. ServiceSpec). */
export function hasPropertyFlag(property: Schema, flag: "readOnly" | "writeOnly", lookup: SchemaMap): boolean {
  return property[flag] === true || propertyTarget(property, lookup)?.[flag] === true;
}

/**
 * Description prose (and examples) must never reach the generated code: it is the spec's text, not ours.
 * Vendor extensions (`x-enum-varnames`, …) go too; nothing downstream reads them.
 */
export function dropProse(spec: SpecDocument): void {
  for (const component of Object.values(spec.schemas)) {
    visitSchemas(component, (node) => {
      for (const keyword of Object.keys(node)) {
        if (PROSE_KEYWORDS.has(keyword) || keyword.startsWith("x-")) delete node[keyword];
      }
    });
  }
}

/**
 * Inheritance via `allOf`: getZodSchema drops the sibling `properties` of a one-member allOf (PointOfTimeTimestamp
 * would lose `timestamp`) and renders longer ones as `.and()` intersections, which cannot be discriminated or
 * made strict. Each component `allOf: [$ref Parent, …] + properties` becomes one object with the parents'
 * properties first and the union of their `required`. Flags of the parent object itself (JobService is
 * writeOnly as a whole) are not inherited.
 */
export function flattenAllOfInheritance(spec: SpecDocument): void {
  const flattened = new Map<string, Schema>();
  const flatten = (name: string, trail: string[]): Schema => {
    const schema = spec.schemas[name];
    if (schema === undefined) throw new Error(`${spec.name}.yaml: allOf parent ${name} is not defined in this spec`);
    if (trail.includes(name)) throw new Error(`${spec.name}.yaml: allOf cycle ${[...trail, name].join(" -> ")}`);
    if (!schema.allOf) return schema;
    const cached = flattened.get(name);
    if (cached) return cached;

    const parents = schema.allOf.map((member) =>
      member.$ref ? flatten(refName(member.$ref), [...trail, name]) : member
    );
    const levels = [...parents, schema];
    if (parents.some((parent) => parent.properties === undefined)) {
      throw new Error(`${spec.name}.yaml ${name}: allOf member without properties`);
    }
    const { allOf: _inheritance, ...own } = schema;
    const result: Schema = {
      ...own,
      type: "object",
      properties: Object.assign({}, ...levels.map((level) => level.properties ?? {})),
      required: unique(levels.flatMap((level) => level.required ?? [])),
    };
    flattened.set(name, result);
    return result;
  };
  for (const name of Object.keys(spec.schemas)) flatten(name, []);
  for (const [name, schema] of flattened) spec.schemas[name] = schema;
}

/**
 * Discriminators: the specs put `discriminator.mapping` on the parent object; the parent becomes `oneOf` its
 * mapped children (keeping the mapping, which emit-zod.ts turns into z.discriminatedUnion), and each child's tag
 * property becomes an enum of the mapping values that select it. The tag stays as optional as the spec has it:
 * children are also used on their own (Task.target_completion_interval is a MinutesSchedule), where Snowflake's
 * clients don't require it; only the union insists on it. Must run after flattenAllOfInheritance, which copies
 * the parent's properties into the children.
 */
export function discriminatorsToUnions(spec: SpecDocument): void {
  for (const [name, base] of Object.entries(spec.schemas)) {
    const mapping = base.discriminator?.mapping;
    if (!mapping || base.oneOf) continue;
    const tag = base.discriminator!.propertyName;
    const childByTagValue: Record<string, string> = {};
    for (const [value, target] of Object.entries(mapping)) childByTagValue[value] = target.split("/").pop()!;
    const children = unique(Object.values(childByTagValue));
    for (const childName of children) {
      const child = spec.schemas[childName];
      if (child?.properties?.[tag] === undefined) {
        throw new Error(`${spec.name}.yaml ${name}: mapped child ${childName} has no ${tag} property`);
      }
      const values = Object.keys(childByTagValue).filter((value) => childByTagValue[value] === childName);
      child.properties[tag] = { type: "string", enum: values.sort() };
    }
    const { nullable, readOnly, writeOnly } = base;
    spec.schemas[name] = {
      oneOf: children.map((child) => ({ $ref: componentRef(child) })),
      discriminator: { propertyName: tag, mapping: childByTagValue },
      ...(nullable !== undefined && { nullable }),
      ...(readOnly !== undefined && { readOnly }),
      ...(writeOnly !== undefined && { writeOnly }),
    };
  }
}

/**
 * Direction-specific `required`: OAS 3.0 applies `required` on a readOnly property to responses only and on a
 * writeOnly one to requests only. One wire model serves both directions (GET never returns Service.spec), so
 * such properties are optional in the zod schema; `<Model>_REQUIRED` still lists what the spec requires.
 */
export function relaxDirectionalRequired(spec: SpecDocument, lookup: SchemaMap, notes: ModelNotes): void {
  for (const [model, component] of Object.entries(spec.schemas)) {
    visitSchemas(component, (node) => {
      if (!node.required || !node.properties) return;
      const directional = node.required.filter((name) => {
        const property = node.properties![name];
        return (
          property && (hasPropertyFlag(property, "readOnly", lookup) || hasPropertyFlag(property, "writeOnly", lookup))
        );
      });
      if (directional.length === 0) return;
      node.required = node.required.filter((name) => !directional.includes(name));
      notes.add(
        model,
        `${directional.join(", ")}: required by the spec in one direction only (read-only or write-only), ` +
          `so optional here; ${model}_REQUIRED keeps the spec's list.`
      );
    });
  }
}

/**
 * Bare property refs: for `prop: {$ref: X}` getZodSchema appends X's own validations at the use site
 * (`Identifier.regex(...)` although Identifier already has the regex). A one-member allOf wrapper renders as
 * plain `X`.
 */
export function wrapPropertyRefs(spec: SpecDocument): void {
  for (const component of Object.values(spec.schemas)) {
    visitSchemas(component, (node, position) => {
      if (position !== "property" || node.$ref === undefined) return;
      node.allOf = [{ $ref: node.$ref }];
      delete node.$ref;
    });
  }
}

/**
 * Free-form objects (Task `config`, `type: object` without properties): rendered as
 * `z.record(z.string(), z.unknown())`. getZodSchema emits a record only for a non-empty additionalProperties
 * schema, hence ANY_VALUE. Objects with properties are loose by default, so additionalProperties is not needed
 * there (and no spec combines the two).
 */
export function freeFormObjectsToRecords(spec: SpecDocument): void {
  for (const [model, component] of Object.entries(spec.schemas)) {
    visitSchemas(component, (node) => {
      const composite = node.$ref ?? node.allOf ?? node.oneOf ?? node.anyOf;
      if (node.properties !== undefined) {
        if (node.additionalProperties !== undefined) {
          throw new Error(`${spec.name}.yaml ${model}: properties together with additionalProperties`);
        }
        return;
      }
      if (composite !== undefined || (node.type !== "object" && node.additionalProperties === undefined)) return;
      const values = node.additionalProperties;
      if (typeof values !== "object" || Object.keys(values).length === 0) node.additionalProperties = { ...ANY_VALUE };
      node.type = "object";
    });
  }
}

/** Turns inheritance and discriminators into plain objects and unions (before key lists are read off them). */
export function reshapeModels(spec: SpecDocument): void {
  flattenAllOfInheritance(spec);
  discriminatorsToUnions(spec);
}

/** The remaining library workarounds; `lookup` resolves refs to this spec's and common's reshaped models. */
export function adaptForZodClient(spec: SpecDocument, lookup: SchemaMap, notes: ModelNotes): void {
  relaxDirectionalRequired(spec, lookup, notes);
  wrapPropertyRefs(spec);
  freeFormObjectsToRecords(spec);
}
