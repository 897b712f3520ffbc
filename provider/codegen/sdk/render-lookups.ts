// The SDK's lookups module (sdk/generated/lookups.ts): for every type with a name to look up by, getX / getXOutput
// and, where its collection has a list, listXs / listXsOutput, with typed arguments and results, all derived from
// the definitions (provider/engine/lookup-shape.ts decides what each type offers). The header lists the types
// left out and why.
import { ResourceDefinition } from "../../engine/definition";
import { lookupAvailability, LookupShape, pluralOf } from "../../engine/lookup-shape";
import { getFunctionName, listFunctionName } from "../../engine/lookups";
import { docComment, outputType } from "./type-text";

const article = (word: string, capital = false) => (/^[aeiou]/i.test(word) ? (capital ? "An" : "an") : capital ? "A" : "a");
const PREVIEW_NOTE = "It calls Snowflake whenever it runs, during `pulumi preview` too (as invokes of other providers do), with GETs only.";
const SQL_PREVIEW_NOTE = "It calls Snowflake whenever it runs, during `pulumi preview` too (as invokes of other providers do), with reads only: SHOW, DESCRIBE and SELECT statements over the SQL API.";
const previewNote = (definition: ResourceDefinition) => (definition.sqlObject ? SQL_PREVIEW_NOTE : PREVIEW_NOTE);

/** SHOW's scope clause for the type's containers, as its docs write it. */
function sqlScope(shape: LookupShape): string {
  if (shape.parents.length === 0) return "";
  return shape.parents.length === 1 ? ` IN DATABASE <${shape.parents[0]}>` : ` IN SCHEMA <${shape.parents.join(">.<")}>`;
}

/** What get reads of an SQL type beyond its SHOW row (sql-object.ts completedSqlObject), in the order it reads them. */
function sqlReadsBeyondShow(definition: ResourceDefinition): string[] {
  const sqlObject = definition.sqlObject!;
  return [
    ...(sqlObject.describe ? [`DESCRIBE ${definition.sqlObjectType} <name>`] : []),
    ...(sqlObject.functionRead ? [`SELECT ${sqlObject.functionRead.function}('<name>') where it applies`] : []),
    ...(sqlObject.alsoShow ? [`a statement reading its ${sqlObject.alsoShow.wire}`] : []),
  ];
}
const OUTPUT_NOTE = "Waits for its inputs and for `options.dependsOn`: while an input is unknown or comes from a resource yet to be created (at preview), it makes no call and its result is unknown.";

function identityDocs(definition: ResourceDefinition, shape: LookupShape): [string, string][] {
  const docs: [string, string][] = shape.parents.map((key) => [key, `The ${key} the ${definition.noun} is in.`]);
  docs.push([shape.nameKey, definition.fields[shape.nameKey].doc.split(/(?<=\.)\s/)[0]]);
  if (shape.signature) docs.push(["signature", `The argument types in parentheses, e.g. \`(NUMBER, VARCHAR)\` or \`()\`: ${pluralOf(definition.noun)} overload names.`]);
  return docs;
}

function argsInterfaces(name: string, base: string, docs: [string, string][], input: boolean, functionName: string): string[] {
  const lines = [...docComment(`The arguments of ${functionName}${input ? "Output; each may be an Input" : ""}.`, ""), `export interface ${name} extends ${base} {`];
  for (const [key, doc] of docs) lines.push(...docComment(doc, "  "), `  ${key}: ${input ? "pulumi.Input<string>" : "string"};`);
  return [...lines, "}", ""];
}

/** The result: every property Snowflake reports (write-only ones never are) and every output of the class. */
function resultInterface(definition: ResourceDefinition, shape: LookupShape): string[] {
  const always = new Set([...shape.parents, shape.nameKey]);
  const lines = [...docComment(`${article(definition.noun, true)} ${definition.noun} as Snowflake reports it: the properties and outputs ${article(definition.typeName)} ${definition.typeName} resource has after a refresh, in Snowflake's spelling.`, ""), `export interface Get${definition.typeName}Result extends LookupResult {`];
  for (const [key, field] of Object.entries(definition.fields)) {
    if (field.writeOnly) continue;
    lines.push(...docComment(field.doc, "  "), `  ${key}${always.has(key) ? "" : "?"}: ${outputType(field.kind.shape, "types.")};`);
  }
  for (const [key, output] of Object.entries(definition.outputs)) lines.push(...docComment(output.doc, "  "), `  ${key}?: ${outputType(output.kind.shape, "types.")};`);
  return [...lines, "}", ""];
}

function getFunctions(definition: ResourceDefinition, shape: LookupShape): string[] {
  const type = definition.typeName;
  const fn = getFunctionName(type);
  const byNameOnly = shape.parents.length === 0;
  // How a resource's refresh reads it, which is how the lookup reads it.
  const read = definition.sqlObject ? [`SHOW ${definition.sqlObject.show} LIKE '<name>'${sqlScope(shape)}`, ...sqlReadsBeyondShow(definition)].join(", ")
    : definition.access ? `its row of GET ${definition.collectionPath}`
    : definition.readByList ? `its row of GET ${definition.collectionPath}?${definition.readByList.nameQuery}=...`
    : `GET ${definition.collectionPath}/{${shape.nameKey}}${shape.signature ? "{signature}" : ""}`;
  const reads = [read, ...(definition.tags ? [":get-tags"] : []), ...(definition.attachedReads ?? []).map((attached) => attached.path)].join(", ");
  const doc = `Looks up one ${definition.noun} by ${[...shape.parents, shape.nameKey].join(", ")}${byNameOnly ? " (or just its name as a string)" : ""} (${reads}). Rejects with LookupNotFoundError, naming it, when there is none (or the connection's role cannot see it), and with LookupArgumentError, before any request, when an argument is wrong. ${previewNote(definition)}`;
  const argsType = byNameOnly ? `Get${type}Args | string` : `Get${type}Args`;
  const plain = byNameOnly ? `typeof args === "string" ? { ${shape.nameKey}: args } : args` : "args";
  const outputArgs = byNameOnly ? `Get${type}OutputArgs | pulumi.Input<string>` : `Get${type}OutputArgs`;
  return [
    ...argsInterfaces(`Get${type}Args`, "LookupArgs", identityDocs(definition, shape), false, fn),
    ...argsInterfaces(`Get${type}OutputArgs`, "LookupOutputArgs", identityDocs(definition, shape), true, fn),
    ...resultInterface(definition, shape),
    ...docComment(doc, ""),
    `export function ${fn}(args: ${argsType}): Promise<Get${type}Result> {`,
    `  return lookupObject(${JSON.stringify(fn)}, ${JSON.stringify(type)}, ${plain});`,
    "}",
    "",
    ...docComment(`${fn} taking Inputs, e.g. a name from another resource's output. ${OUTPUT_NOTE}`, ""),
    `export function ${fn}Output(args: ${outputArgs}, options?: LookupOutputOptions): pulumi.Output<Get${type}Result> {`,
    byNameOnly
      ? `  return lookupObjectOutput(${JSON.stringify(fn)}, ${JSON.stringify(type)}, typeof args === "string" || pulumi.Output.isInstance(args) || args instanceof Promise ? { ${shape.nameKey}: args } : args, options);`
      : `  return lookupObjectOutput(${JSON.stringify(fn)}, ${JSON.stringify(type)}, args, options);`,
    "}",
    "",
  ];
}

function listDoc(definition: ResourceDefinition, shape: LookupShape): string {
  const list = shape.list!;
  const bySdk = [!list.like && "like", !list.startsWith && "startsWith", !list.showLimit && "limit"].filter(Boolean);
  const plural = pluralOf(definition.noun);
  const listed = definition.sqlObject ? `SHOW ${definition.sqlObject.show} [ LIKE '<pattern>' ]${sqlScope(shape)}` : `GET ${definition.collectionPath}`;
  const eachRead = definition.sqlObject
    ? `Its rows are not whole ${plural}, so each listed ${definition.noun} is read as ${getFunctionName(definition.typeName)} reads it (${sqlReadsBeyondShow(definition).join(", ")}; a few at a time, \`limit\` bounds them).`
    : `Its rows are not whole ${plural}, so each listed ${definition.noun} is read by its own GET as a refresh reads it (one request per ${definition.noun}; \`limit\` bounds them).`;
  const parts = [
    `Lists the ${plural}${shape.parents.length ? ` in a ${shape.parents.join(" / ")}` : ""} (${listed}), by name, each as ${getFunctionName(definition.typeName)} reports it${definition.tags ? " but without tags" : ""}.`,
    bySdk.length ? `The list takes no ${bySdk.join(", ")}: the SDK applies ${bySdk.length === 1 ? "it" : "them"} to the rows Snowflake returns.` : "",
    list.rowsAreSnapshots ? "" : eachRead,
    shape.parents.length ? "Rejects with LookupNotFoundError when the container does not exist." : "",
    previewNote(definition),
  ];
  return parts.filter(Boolean).join(" ");
}

function listFunctions(definition: ResourceDefinition, shape: LookupShape): string[] {
  const type = definition.typeName;
  const fn = listFunctionName(type);
  const plural = fn.slice("list".length);
  const parentDocs: [string, string][] = shape.parents.map((key) => [key, `The ${key} whose ${pluralOf(definition.noun)} to list.`]);
  const optional = shape.parents.length === 0 ? " = {}" : "";
  return [
    ...argsInterfaces(`List${plural}Args`, "ListFilterArgs", parentDocs, false, fn),
    ...argsInterfaces(`List${plural}OutputArgs`, "ListFilterOutputArgs", parentDocs, true, fn),
    ...docComment(listDoc(definition, shape), ""),
    `export function ${fn}(args: List${plural}Args${optional}): Promise<Get${type}Result[]> {`,
    `  return lookupObjects(${JSON.stringify(fn)}, ${JSON.stringify(type)}, args);`,
    "}",
    "",
    ...docComment(`${fn} taking Inputs. ${OUTPUT_NOTE}`, ""),
    `export function ${fn}Output(args: List${plural}OutputArgs${optional}, options?: LookupOutputOptions): pulumi.Output<Get${type}Result[]> {`,
    `  return lookupObjectsOutput(${JSON.stringify(fn)}, ${JSON.stringify(type)}, args, options);`,
    "}",
    "",
  ];
}

export function renderLookupsModule(definitions: ResourceDefinition[], header: string[]): string {
  const skipped: string[] = [];
  const noList: string[] = [];
  const body: string[] = [];
  for (const definition of definitions) {
    const availability = lookupAvailability(definition);
    if ("skipped" in availability) {
      skipped.push(`//   ${definition.typeName}: ${availability.skipped}.`);
      continue;
    }
    const { shape } = availability;
    body.push(`// ${definition.typeName}`, "", ...getFunctions(definition, shape));
    if (shape.list) body.push(...listFunctions(definition, shape));
    else noList.push(`//   ${definition.typeName}: ${shape.noList}.`);
  }
  return [
    ...header,
    "// Lookups of existing objects, as async functions and as Output functions (README \"Lookups\").",
    "// Types without lookups:",
    ...skipped,
    "// Types with a get but no list:",
    ...noList,
    "",
    'import * as pulumi from "@pulumi/pulumi";',
    'import { ListFilterArgs, ListFilterOutputArgs, LookupArgs, LookupOutputArgs, LookupOutputOptions, LookupResult, lookupObject, lookupObjectOutput, lookupObjects, lookupObjectsOutput } from "../lookup-calls";',
    'import * as types from "./types";',
    "",
    ...body,
  ].join("\n");
}
