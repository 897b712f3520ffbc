// One SDK module per resource type: its Args interface (every input with its doc comment) and its class (every
// output declared), all from the definition in provider/resources/.
import { ObjectType } from "../../engine/field-kind";
import { OPT_IN_INPUTS } from "../../engine/common-inputs";
import { ResourceDefinition } from "../../engine/definition";
import { changeEffect, SETTING_EFFECT } from "../change-effect";
import { docComment, inputType, outputType } from "./type-text";

function hasSecret(object: ObjectType): boolean {
  return Object.values(object.fields).some((field) => field.secret || ("object" in field.kind.shape && hasSecret(field.kind.shape.object)));
}

/** Top-level properties stored only encrypted in state. */
export function secretOutputs(definition: ResourceDefinition): string[] {
  return [
    ...Object.entries(definition.fields).filter(([, field]) => field.secret || ("object" in field.kind.shape && hasSecret(field.kind.shape.object))).map(([key]) => key),
    // Read-only secrets Snowflake hands out (a security integration's OAuth client secret).
    ...Object.entries(definition.outputs).filter(([, output]) => output.secret).map(([key]) => key),
  ];
}

export function outputNames(definition: ResourceDefinition): string[] {
  return [...Object.keys(definition.fields), ...Object.keys(definition.outputs)];
}

/** A field's doc comment text: what it is (written in its definition), then what a change of it does (from its flags). */
export function fieldDoc(definition: ResourceDefinition, key: string): string {
  return `${definition.fields[key].doc} ${changeEffect(definition, key).sentence}`;
}

export function renderClassModule(definition: ResourceDefinition, header: string[]): string {
  const name = definition.typeName;
  const fields = Object.entries(definition.fields);
  const requiredArgs = fields.some(([key, field]) => field.required && key !== "name");
  const lines = [
    ...header,
    'import * as pulumi from "@pulumi/pulumi";',
    'import { CommonArgs, SnowflakeResource } from "../snowflake-resource";',
    'import * as types from "./types";',
    "",
    `export interface ${name}Args extends CommonArgs {`,
  ];
  // Derived fields (a file's content hash) are computed at check, never declared: outputs only.
  for (const [key, field] of fields.filter(([, field]) => !field.derived)) {
    const optional = !field.required || key === "name" ? "?" : "";
    lines.push(...docComment(fieldDoc(definition, key), "  "), `  ${key}${optional}: pulumi.Input<${inputType(field.kind.shape, "types.")}>;`);
  }
  for (const optIn of definition.optIns) lines.push(...docComment(OPT_IN_INPUTS[optIn], "  "), `  ${optIn}?: pulumi.Input<boolean>;`);
  for (const [key, setting] of Object.entries(definition.settings ?? {})) lines.push(...docComment(`${setting.doc} ${SETTING_EFFECT}`, "  "), `  ${key}?: pulumi.Input<${inputType(setting.kind.shape, "types.")}>;`);
  lines.push("}", "", ...docComment(definition.doc, ""), `export class ${name} extends SnowflakeResource {`);
  for (const [key, field] of fields) {
    const always = field.required ? "" : " | undefined";
    lines.push(...docComment(fieldDoc(definition, key), "  "), `  declare readonly ${key}: pulumi.Output<${outputType(field.kind.shape, "types.")}${always}>;`);
  }
  for (const [key, output] of Object.entries(definition.outputs)) {
    lines.push(...docComment(output.doc, "  "), `  declare readonly ${key}: pulumi.Output<${outputType(output.kind.shape, "types.")} | undefined>;`);
  }
  lines.push(
    "",
    `  constructor(name: string, args: ${name}Args${requiredArgs ? "" : " = {}"}, opts?: pulumi.CustomResourceOptions) {`,
    `    super(${JSON.stringify(name)}, name, args, ${JSON.stringify(outputNames(definition))}, ${JSON.stringify(secretOutputs(definition))}, opts);`,
    "  }",
    "}",
    ""
  );
  return lines.join("\n");
}
