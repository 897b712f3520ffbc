// The SDK's shared types module: every enum as a union of its tokens and aliases, and every nested object twice,
// as `XArgs` (what users write) and `X` (what outputs hold).
import { FieldDefinition } from "../../engine/definition";
import { docComment, inputType, NamedTypes, outputType } from "./type-text";

export function renderTypesModule(types: NamedTypes, header: string[]): string {
  const lines = [...header, 'import * as pulumi from "@pulumi/pulumi";', ""];
  for (const type of [...types.enums.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const tokens = [...new Set([...type.values, ...Object.keys(type.aliases)])];
    const doc = Object.keys(type.aliases).length ? `${type.doc} Canonical: ${type.values.join(", ")}; also accepted: ${Object.keys(type.aliases).join(", ")}.` : type.doc;
    lines.push(...docComment(`${doc} Any case is accepted at run time.`, ""), `export type ${type.name} = ${tokens.map((token) => JSON.stringify(token)).join(" | ")};`, "");
  }
  for (const type of [...types.objects.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const fields = Object.entries(type.fields) as [string, FieldDefinition][];
    lines.push(...docComment(type.doc, ""), `export interface ${type.name}Args {`);
    for (const [key, field] of fields) lines.push(...docComment(field.doc, "  "), `  ${key}${field.required ? "" : "?"}: pulumi.Input<${inputType(field.kind.shape)}>;`);
    lines.push("}", "", ...docComment(`${type.doc} (as reported in outputs)`, ""), `export interface ${type.name} {`);
    for (const [key, field] of fields) lines.push(...docComment(field.doc, "  "), `  ${key}${field.required ? "" : "?"}: ${outputType(field.kind.shape)};`);
    lines.push("}", "");
  }
  return lines.join("\n");
}
