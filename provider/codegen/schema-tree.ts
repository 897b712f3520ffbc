// The slice of OpenAPI 3.0 schema objects the generator works with, and a walker over schema trees.

export interface Discriminator {
  propertyName: string;
  mapping?: Record<string, string>;
}

export interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  not?: Schema;
  additionalProperties?: boolean | Schema;
  discriminator?: Discriminator;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  nullable?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  [keyword: string]: unknown;
}

/** Component schemas by name (`components.schemas`). */
export type SchemaMap = Record<string, Schema>;

export const COMPONENT_SCHEMA_PREFIX = "#/components/schemas/";

export function componentRef(name: string): string {
  return COMPONENT_SCHEMA_PREFIX + name;
}

/** Name of the component a local `#/components/schemas/X` ref points at. */
export function refName(ref: string): string {
  if (!ref.startsWith(COMPONENT_SCHEMA_PREFIX)) throw new Error(`not a local component schema ref: ${ref}`);
  return ref.slice(COMPONENT_SCHEMA_PREFIX.length);
}

/** Where a schema sits inside its parent; quirks that only apply to object properties need it. */
export type SchemaPosition = "root" | "property" | "items" | "composition" | "additionalProperties" | "not";

/**
 * Calls `visit` for `schema` and every schema nested in it (pre-order). Keys inside `properties` are property
 * names, never keywords, so a property called `description` or `default` is not mistaken for one.
 */
export function visitSchemas(
  schema: Schema,
  visit: (node: Schema, position: SchemaPosition) => void,
  position: SchemaPosition = "root"
): void {
  visit(schema, position);
  for (const child of Object.values(schema.properties ?? {})) visitSchemas(child, visit, "property");
  if (schema.items) visitSchemas(schema.items, visit, "items");
  for (const member of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
    visitSchemas(member, visit, "composition");
  }
  if (typeof schema.additionalProperties === "object") {
    visitSchemas(schema.additionalProperties, visit, "additionalProperties");
  }
  if (schema.not) visitSchemas(schema.not, visit, "not");
}

export function visitAllSchemas(schemas: SchemaMap, visit: (node: Schema, position: SchemaPosition) => void): void {
  for (const schema of Object.values(schemas)) visitSchemas(schema, visit);
}

/** Names of the components `schema` refers to, directly or through nested schemas. */
export function referencedNames(schema: Schema): Set<string> {
  const names = new Set<string>();
  visitSchemas(schema, (node) => {
    if (node.$ref) names.add(refName(node.$ref));
  });
  return names;
}

/** True for schemas that describe a JSON object with declared properties (possibly a union of such). */
export function isObjectModel(schema: Schema): boolean {
  return schema.properties !== undefined || schema.oneOf !== undefined;
}
