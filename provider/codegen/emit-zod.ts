// Turns one normalized schema into zod source with openapi-zod-client's getZodSchema, then respells the few
// zod 3 idioms it emits in zod 4 style.
import { type ConversionTypeContext, getZodSchema } from "openapi-zod-client";

import { Schema, SchemaMap, refName } from "./schema-tree";

/** Loose objects accept keys the spec doesn't declare (Snowflake adds fields); strict ones reject them. */
export type ObjectStyle = "loose" | "strict";

const OBJECT_FACTORY: Record<ObjectStyle, string> = { loose: "z.looseObject(", strict: "z.strictObject(" };

const CONVERSION_OPTIONS = {
  // Wire models describe payloads; filling in spec defaults would invent values Snowflake never sent.
  withDefaultValues: false,
  // No `.passthrough()` / `.strict()` suffixes: the object factory below decides.
  additionalPropertiesDefaultValue: false,
};

/** The library's (openapi3-ts) schema type; ours is the same JSON, typed more loosely. */
type LibrarySchema = Parameters<typeof getZodSchema>[0]["schema"];

export class ZodEmitter {
  private readonly context: ConversionTypeContext;

  /**
   * @param lookup every model a ref may point at (this spec's and common's)
   * @param codeName how a ref to a model is spelled in the emitted code (e.g. `common.Identifier`, `TaskStrict`)
   */
  constructor(
    lookup: SchemaMap,
    private readonly codeName: (model: string) => string,
    private readonly style: ObjectStyle
  ) {
    // Our own resolver: `normalized` is how getZodSchema spells a ref in the code it emits.
    const resolver: ConversionTypeContext["resolver"] = {
      getSchemaByRef: (ref) => lookup[refName(ref)] as ReturnType<ConversionTypeContext["resolver"]["getSchemaByRef"]>,
      resolveRef: (ref) => ({ ref, name: refName(ref), normalized: codeName(refName(ref)) }),
      resolveSchemaName: () => {
        throw new Error("not used by getZodSchema");
      },
    };
    this.context = { resolver, zodSchemaByName: {}, schemaByName: {} };
  }

  /** zod source for a whole model, including its own validations (regex, nullable) that getZodSchema would only
   * attach at a use site: it applies them to array items, so the model is converted as `items` and unwrapped. */
  modelExpression(schema: Schema): string {
    if (schema.discriminator?.mapping) return this.discriminatedUnion(schema);
    const asItems = getZodSchema({
      schema: { type: "array", items: schema } as LibrarySchema,
      ctx: this.context,
      options: CONVERSION_OPTIONS,
    }).toString();
    if (!asItems.startsWith("z.array(") || !asItems.endsWith(")")) throw new Error(`unexpected output: ${asItems}`);
    return this.toZod4(asItems.slice("z.array(".length, -1));
  }

  /**
   * getZodSchema would emit `z.discriminatedUnion(tag, [A, B])`, but the children's tag is optional (they are
   * also used on their own), and zod needs it required to dispatch; so each option is narrowed with `.extend`.
   */
  private discriminatedUnion(schema: Schema): string {
    const tag = schema.discriminator!.propertyName;
    const key = /^[A-Za-z_$][\w$]*$/.test(tag) ? tag : JSON.stringify(tag);
    const options = schema.oneOf!.map(({ $ref }) => {
      const child = refName($ref!);
      const values = Object.keys(schema.discriminator!.mapping!)
        .filter((value) => schema.discriminator!.mapping![value] === child)
        .sort();
      const tagSchema =
        values.length === 1 ? `z.literal(${JSON.stringify(values[0])})` : `z.enum(${JSON.stringify(values)})`;
      return `${this.codeName(child)}.extend({ ${key}: ${tagSchema} })`;
    });
    const nullable = schema.nullable ? ".nullable()" : "";
    return `z.discriminatedUnion(${JSON.stringify(tag)}, [${options.join(", ")}])${nullable}`;
  }

  private toZod4(code: string): string {
    if (/\.(passthrough|strict)\(\)/.test(code)) throw new Error(`unexpected object suffix in ${code}`);
    return (
      code
        .replaceAll("z.object(", OBJECT_FACTORY[this.style])
        // zod 4's z.record needs the key schema too.
        .replaceAll("z.record(", "z.record(z.string(), ")
    );
  }
}
