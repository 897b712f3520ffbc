// Every argument and output of every generated SDK type carries a doc comment, and the doc of each argument says
// what a change of it does, in words that follow from the field's flags (read here independently of the
// generator). Every enum-valued property is a closed union: a misspelled token does not compile, while any case
// and the aliases are still accepted at run time.
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { moduleNameOf } from "../provider/codegen/generate-sdk";
import { checkInputs } from "../provider/engine/check";
import { FieldDefinition, ResourceDefinition } from "../provider/engine/definition";
import { EnumType, ObjectType, TypeShape } from "../provider/engine/field-kind";
import { resourceDefinitions } from "../provider/resources";

const definitions = Object.values(resourceDefinitions);
const sdkDir = path.join(__dirname, "..", "sdk", "generated");

/** Member name -> its doc comment text, for one interface or class of a generated module. */
function memberDocs(file: string, container: string): Map<string, string> {
  const text = fs.readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const docs = new Map<string, string>();
  source.forEachChild((node) => {
    if ((ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node)) && node.name?.text === container) {
      for (const member of node.members) {
        if (!member.name || !ts.isIdentifier(member.name)) continue;
        // A bare "@word" would start a JSDoc tag and cut the text short (in editors and in TypeDoc alike).
        const tags = ts.getJSDocTags(member).map((tag) => `@${tag.tagName.text}`);
        const comments = ts.getJSDocCommentsAndTags(member).map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? "");
        docs.set(member.name.text, tags.length ? `cut short by ${tags.join(", ")}` : comments.join(" ").replace(/\s+/g, " ").trim());
      }
    }
  });
  return docs;
}

/** What the doc must say about a change, from the flags alone. */
function expectedChangeWords(definition: ResourceDefinition, field: FieldDefinition): RegExp {
  const replaces = new RegExp(`replaces the ${definition.noun}`);
  if (field.identity === "name") return definition.rename ? new RegExp(`renames the ${definition.noun} in place`) : replaces;
  if (field.identity === "parent") return replaces;
  if (field.createOnly) return /Only read at creation/;
  if (field.immutable) return replaces;
  return /in place/;
}

const byType = definitions.map((definition) => [definition.typeName, definition] as const);

describe.each(byType)("%s", (type, definition) => {
  const file = path.join(sdkDir, `${moduleNameOf(type)}.ts`);

  test("every argument has a doc comment that says what a change of it does", () => {
    const args = memberDocs(file, `${type}Args`);
    const missing = [...args].filter(([, doc]) => doc === "").map(([key]) => key);
    expect(missing).toEqual([]);
    for (const [key, field] of Object.entries(definition.fields).filter(([, field]) => !field.derived)) {
      expect([key, args.get(key)]).toEqual([key, expect.stringMatching(expectedChangeWords(definition, field))]);
      const replaced = expectedChangeWords(definition, field).source.startsWith("replaces");
      // A replacement that would lose data, or drop the object under its users, is refused unless allowed.
      if (replaced && (definition.dataBearing || definition.usedBy)) expect([key, args.get(key)]).toEqual([key, expect.stringContaining("refused at preview unless `allowReplace: true`")]);
    }
    for (const key of Object.keys(definition.settings ?? {})) expect([key, args.get(key)]).toEqual([key, expect.stringContaining("never sent to Snowflake")]);
  });

  test("every output has a doc comment", () => {
    const outputs = memberDocs(file, type);
    expect([...outputs.keys()].sort()).toEqual([...Object.keys(definition.fields), ...Object.keys(definition.outputs)].sort());
    expect([...outputs].filter(([, doc]) => doc === "").map(([key]) => key)).toEqual([]);
  });
});

test("every nested type and enum of the shared types module has doc comments on it and its members", () => {
  const file = path.join(sdkDir, "types.ts");
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const undocumented: string[] = [];
  const hasDoc = (node: ts.Node) => ts.getJSDocCommentsAndTags(node).some((doc) => (ts.getTextOfJSDocComment(doc.comment) ?? "").trim() !== "");
  source.forEachChild((node) => {
    if (ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node)) {
      if (!hasDoc(node)) undocumented.push(node.name.text);
      if (ts.isInterfaceDeclaration(node)) for (const member of node.members) if (!hasDoc(member)) undocumented.push(`${node.name.text}.${member.name?.getText(source)}`);
    }
  });
  expect(undocumented).toEqual([]);
});

// --- closed enum unions -------------------------------------------------------------------------------------------

/** A value of `shape` with a misspelled token in every enum position (undefined when the shape has no enum). */
function misspelled(shape: TypeShape): string | undefined {
  if ("enumType" in shape) return JSON.stringify(`${shape.enumType.values[0]}_MISSPELLED`);
  if ("list" in shape) return ((inner) => inner && `[${inner}]`)(misspelled(shape.list));
  if ("map" in shape) return ((inner) => inner && `{ key: ${inner} }`)(misspelled(shape.map));
  return undefined;
}

/** The same with a valid token: it must compile, or the misspelled lines would fail for another reason. */
function valid(shape: TypeShape): string | undefined {
  if ("enumType" in shape) return JSON.stringify(shape.enumType.values[0]);
  if ("list" in shape) return ((inner) => inner && `[${inner}]`)(valid(shape.list));
  if ("map" in shape) return ((inner) => inner && `{ key: ${inner} }`)(valid(shape.map));
  return undefined;
}

interface EnumProperty { where: string; type: string; shape: TypeShape }

function enumProperties(): EnumProperty[] {
  const found: EnumProperty[] = [];
  const nested = new Map<string, ObjectType>();
  const visit = (shape: TypeShape) => {
    if ("object" in shape && !nested.has(shape.object.name)) {
      nested.set(shape.object.name, shape.object);
      Object.values(shape.object.fields).forEach((field) => visit(field.kind.shape));
    } else if ("list" in shape) visit(shape.list);
    else if ("map" in shape) visit(shape.map);
    else if ("oneOf" in shape) shape.oneOf.forEach(visit);
  };
  for (const definition of definitions) {
    const name = definition.typeName;
    for (const [key, field] of Object.entries(definition.fields)) {
      visit(field.kind.shape);
      if (!field.derived) found.push({ where: `${name}Args.${key}`, type: `sdk.${name}Args["${key}"]`, shape: field.kind.shape });
      found.push({ where: `${name}.${key}`, type: `OutputOf<sdk.${name}["${key}"]>`, shape: field.kind.shape });
    }
    for (const [key, output] of Object.entries(definition.outputs)) found.push({ where: `${name}.${key}`, type: `OutputOf<sdk.${name}["${key}"]>`, shape: output.kind.shape });
  }
  for (const [name, object] of nested) {
    for (const [key, field] of Object.entries(object.fields)) {
      found.push({ where: `${name}Args.${key}`, type: `sdk.${name}Args["${key}"]`, shape: field.kind.shape });
      found.push({ where: `${name}.${key}`, type: `sdk.${name}["${key}"]`, shape: field.kind.shape });
    }
  }
  return found.filter((property) => misspelled(property.shape) !== undefined);
}

/** Type-checks `lines` (after a prelude importing the SDK's sources) and returns the 0-based lines with errors. */
function linesWithErrors(lines: string[]): Set<number> {
  const file = path.join(__dirname, "..", "sdk", "enum-probe.ts");
  const prelude = ['import * as pulumi from "@pulumi/pulumi";', 'import * as sdk from "./generated";', "type OutputOf<T> = T extends pulumi.Output<infer U> ? U : never;"];
  const source = [...prelude, ...lines].join("\n");
  const host = ts.createCompilerHost({});
  const read = host.readFile;
  host.readFile = (name) => (name === file ? source : read(name));
  host.fileExists = ((exists) => (name: string) => name === file || exists(name))(host.fileExists);
  const program = ts.createProgram([file], { noEmit: true, strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, skipLibCheck: true, types: [] }, host);
  const errors = new Set<number>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    if (diagnostic.file?.fileName !== file) throw new Error(`unexpected error outside the probe: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`);
    errors.add(diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line - prelude.length);
  }
  return errors;
}

test("every enum-valued argument and output is a closed union: a misspelled token does not compile, a valid one does", () => {
  const properties = enumProperties();
  expect(properties.length).toBeGreaterThan(50);
  const lines = properties.flatMap((property, index) => [
    `const valid${index}: ${property.type} = ${valid(property.shape)};`,
    `const misspelled${index}: ${property.type} = ${misspelled(property.shape)};`,
  ]);
  const errors = linesWithErrors(lines);
  const validRejected = properties.filter((_, index) => errors.has(2 * index)).map((property) => property.where);
  const misspelledAccepted = properties.filter((_, index) => !errors.has(2 * index + 1)).map((property) => property.where);
  expect({ validRejected, misspelledAccepted }).toEqual({ validRejected: [], misspelledAccepted: [] });
});

test("at run time every enum argument still takes any case and its aliases", () => {
  const refused: string[] = [];
  for (const definition of definitions) {
    for (const [key, field] of Object.entries(definition.fields)) {
      if (!("enumType" in field.kind.shape)) continue;
      const type: EnumType = field.kind.shape.enumType;
      // A field may allow only some of its enum's tokens (choiceKind's `only`): try each until one is allowed.
      const allowed = type.values.find((value) => field.kind.problem(value) === undefined);
      if (allowed === undefined) continue;
      const spellings = [allowed.toLowerCase(), ...Object.entries(type.aliases).filter(([, token]) => token === allowed).map(([alias]) => alias.toLowerCase())];
      for (const spelling of spellings) {
        const failures = checkInputs(definition, { [key]: spelling }).filter((failure) => failure.property === key);
        if (failures.length) refused.push(`${definition.typeName}.${key} = ${spelling}: ${failures[0].reason}`);
      }
    }
  }
  expect(refused).toEqual([]);
});
