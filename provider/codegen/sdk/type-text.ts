// TypeScript text for a property's TypeShape: the input form (pulumi.Input all the way down) and the output form
// (plain values). Named types (enums, nested objects) are collected so the types module declares each once.
import { EnumType, ObjectType, TypeShape } from "../../engine/field-kind";

export class NamedTypes {
  readonly enums = new Map<string, EnumType>();
  readonly objects = new Map<string, ObjectType>();

  addEnum(type: EnumType): string {
    const known = this.enums.get(type.name);
    if (known && JSON.stringify(known) !== JSON.stringify(type)) throw new Error(`two different enums are named ${type.name}`);
    this.enums.set(type.name, type);
    return type.name;
  }

  addObject(type: ObjectType): void {
    const known = this.objects.get(type.name);
    if (known && known !== type && Object.keys(known.fields).join() !== Object.keys(type.fields).join()) throw new Error(`two different objects are named ${type.name}`);
    if (known) return;
    this.objects.set(type.name, type);
    for (const field of Object.values(type.fields)) this.visit(field.kind.shape);
  }

  /** Registers every named type a shape uses. */
  visit(shape: TypeShape): void {
    if ("enumType" in shape) this.addEnum(shape.enumType);
    else if ("list" in shape) this.visit(shape.list);
    else if ("map" in shape) this.visit(shape.map);
    else if ("object" in shape) this.addObject(shape.object);
    else if ("oneOf" in shape) shape.oneOf.forEach((form) => this.visit(form));
  }
}

/** The type users write: `pulumi.Input` around every value, nested ones included. */
export function inputType(shape: TypeShape, prefix = ""): string {
  if ("primitive" in shape) return shape.primitive;
  if ("enumType" in shape) return `${prefix}${shape.enumType.name}`;
  if ("list" in shape) return `pulumi.Input<${inputType(shape.list, prefix)}>[]`;
  if ("map" in shape) return `{ [key: string]: pulumi.Input<${inputType(shape.map, prefix)}> }`;
  if ("oneOf" in shape) return shape.oneOf.map((form) => inputType(form, prefix)).join(" | ");
  return `${prefix}${shape.object.name}Args`;
}

/** The type of an output value. */
export function outputType(shape: TypeShape, prefix = ""): string {
  if ("primitive" in shape) return shape.primitive;
  if ("enumType" in shape) return `${prefix}${shape.enumType.name}`;
  if ("list" in shape) return `${outputType(shape.list, prefix)}[]`;
  if ("map" in shape) return `{ [key: string]: ${outputType(shape.map, prefix)} }`;
  if ("oneOf" in shape) return shape.oneOf.map((form) => outputType(form, prefix)).join(" | ");
  return `${prefix}${shape.object.name}`;
}

/** A doc comment, wrapped at about 110 characters, indented by `indent`. */
export function docComment(text: string, indent: string): string[] {
  const words = text.replace(/\*\//g, "* /").split(/\s+/);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line && line.length + word.length + 1 > 110) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length === 1 ? [`${indent}/** ${lines[0]} */`] : [`${indent}/**`, ...lines.map((l) => `${indent} * ${l}`), `${indent} */`];
}
