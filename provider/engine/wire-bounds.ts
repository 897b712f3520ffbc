// The bounds a generated wire model puts on an integer property: the spec's `format: int32` becomes `.gte().lte()`
// there (provider/codegen/spec-quirks.ts dropFormats), and zod's `.int()` alone stops at the safe-integer range.
// Read back here so a definition's integer fields refuse what the wire format cannot carry, without repeating it.
import { z } from "zod";

type Bounds = { min: number; max: number };

/** Optional / nullable wrappers off, down to the schema itself. */
function unwrapped(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType;
  return current;
}

/** The object shapes a model may take: its own, or each option of a union (secret.yaml's variants). */
function shapesOf(schema: z.ZodType): Record<string, z.ZodType>[] {
  const model = unwrapped(schema);
  if (model instanceof z.ZodObject) return [model.shape as Record<string, z.ZodType>];
  if (model instanceof z.ZodUnion || model instanceof z.ZodDiscriminatedUnion) return (model.options as z.ZodType[]).flatMap(shapesOf);
  return [];
}

/** The bounds of the integer at `wirePath` ("a.b" reaches into nested objects), or undefined when it is none. */
export function wireIntegerBounds(schema: z.ZodType, wirePath: string): Bounds | undefined {
  const [head, ...rest] = wirePath.split(".");
  for (const shape of shapesOf(schema)) {
    const property = shape[head];
    if (!property) continue;
    if (rest.length) return wireIntegerBounds(property, rest.join("."));
    const target = unwrapped(property);
    if (target instanceof z.ZodNumber && target.minValue !== null && target.maxValue !== null) return { min: target.minValue, max: target.maxValue };
  }
  return undefined;
}
