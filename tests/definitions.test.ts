// A type's property list is written once, in its definition: the SDK is generated from it (and must be current),
// knows no property the definition does not, and the emulator's per-type behaviour mentions only properties of the
// spec's model. Every property the spec lets a user set is offered, or listed as deliberately not offered.
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { findStaleSdkFiles, moduleNameOf } from "../provider/codegen/generate-sdk";
import { resourceDefinitions } from "../provider/resources";
import { OBJECT_KINDS } from "./emulator/kinds";
import { ROUND_TRIP_CASES } from "./support/roundtrip-cases";

const definitions = Object.values(resourceDefinitions);
const byType = definitions.map((definition) => [definition.typeName, definition] as const);
const topLevel = (wire: string) => wire.split(".")[0];

test("the generated SDK and the README's resource table are current (npm run codegen)", () => {
  expect(findStaleSdkFiles()).toEqual([]);
});

function declaredMembers(file: string, container: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022);
  const members: string[] = [];
  source.forEachChild((node) => {
    if ((ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node)) && node.name?.text === container) {
      for (const member of node.members) if (member.name && ts.isIdentifier(member.name)) members.push(member.name.text);
    }
  });
  return members.filter((name) => name !== "constructor");
}

test.each(byType)("the %s SDK class knows exactly the definition's properties", (type, definition) => {
  const file = path.join(__dirname, "..", "sdk", "generated", `${moduleNameOf(type)}.ts`);
  // Derived fields (a stage file's content hash) are computed at check: outputs, never arguments.
  const declarable = Object.entries(definition.fields).filter(([, field]) => !field.derived).map(([key]) => key);
  expect(declaredMembers(file, `${type}Args`).sort()).toEqual([...declarable, ...definition.optIns, ...Object.keys(definition.settings ?? {})].sort());
  expect(declaredMembers(file, type).sort()).toEqual([...Object.keys(definition.fields), ...Object.keys(definition.outputs)].sort());
});

test.each(byType)("%s: every property the spec lets a user set is offered or listed as not offered", (_type, definition) => {
  const offered = new Set(Object.values(definition.fields).map((field) => topLevel(field.wire)));
  const readOnly = new Set(definition.wire.readOnly);
  const missing = definition.wire.properties.filter((wire) => !readOnly.has(wire) && !offered.has(wire) && !(wire in (definition.notOffered ?? {})));
  expect(missing).toEqual([]);
  // Containers are path parameters; tags have endpoints of their own; `body: "never"` fields are not in the model
  // (a user's password policy), set only through their SQL; createQuery fields are query parameters of the create.
  const inBody = Object.values(definition.fields).filter((field) => field.identity !== "parent" && field.change !== "tags" && field.body !== "never" && field.createQuery === undefined).map((field) => topLevel(field.wire));
  const unknown = inBody.filter((wire) => !definition.wire.properties.includes(wire));
  expect(unknown).toEqual([]);
});

test.each(OBJECT_KINDS.map((kind) => [kind.model, kind] as const))("the emulator's %s behaviour mentions only the spec model's properties", (_model, kind) => {
  const mentioned = [
    ...Object.keys(kind.defaults ?? {}), ...Object.keys(kind.parameters ?? {}), ...(kind.identifiers ?? []),
    ...Object.keys(kind.fixedOnAlter ?? {}), ...(kind.keptOnAlter ?? []), ...(kind.listOmits ?? []), ...(kind.hidden ?? []),
    // A nested property ("notification_hook.allowed_recipients") belongs to the top-level property it is in.
    ...Object.values(kind.sqlProperties ?? {}).map((property) => property.wire.split(".")[0]),
    ...(kind.runState ? [kind.runState.wire] : []),
  ];
  expect(mentioned.filter((wire) => !kind.wire.properties.includes(wire))).toEqual([]);
});

const GRANT_ROUND_TRIP = ["Grant", "GrantOnAll", "FutureGrant", "RoleGrant", "DatabaseRoleGrant", "OwnershipGrant"];

test("every resource type has an emulator kind and a row in the round-trip table", () => {
  const kindModels = new Set(OBJECT_KINDS.map((kind) => kind.collection));
  for (const definition of definitions) {
    const segments = definition.collectionPath.split("/");
    const collection = segments.pop();
    // Objects with an access of their own live under another kind's objects (a stage's files): that kind serves
    // their collection as an operation of its own.
    const container = definition.access ? OBJECT_KINDS.find((kind) => kind.collection === segments[segments.length - 2]) : undefined;
    // Types without REST endpoints are served by a kind reached only through SQL, by their SQL type.
    const sqlServed = () => OBJECT_KINDS.some((kind) => kind.sqlObject && kind.sqlType === definition.sqlObjectType);
    const served = definition.sqlObject ? sqlServed() : definition.access ? container?.operations?.[`GET /${collection}`] !== undefined : kindModels.has(collection!);
    expect([definition.typeName, served]).toEqual([definition.typeName, true]);
    // An invocation (TaskRun) mirrors no object, so it has no round trip; tests/task-graphs.test.ts runs it. Grants
    // have no comment to follow: tests/grants-roundtrip.test.ts runs theirs.
    if (!definition.invokes && !GRANT_ROUND_TRIP.includes(definition.typeName)) expect(ROUND_TRIP_CASES.map((c) => c.type)).toContain(definition.typeName);
  }
});

// A declaration removed from the program must be removable in place: by UNSET where that type's ALTER has it, or
// by the field's own removal clause. The emulator's ALTER tables cite which properties each statement can UNSET.
test.each(byType.filter(([, definition]) => Object.values(definition.fields).some((field) => (field.change ?? definition.changes) === "sql")))(
  "%s: every property changed by ALTER can also be removed by ALTER",
  (_type, definition) => {
    const collection = definition.collectionPath.split("/").pop();
    const kind = OBJECT_KINDS.find((candidate) => (definition.sqlObject ? candidate.sqlObject && candidate.sqlType === definition.sqlObjectType : candidate.collection === collection))!;
    const notRemovable = Object.entries(definition.fields)
      .filter(([, field]) => (field.change ?? definition.changes) === "sql" && !field.immutable && !field.createOnly && !field.identity && !field.required)
      // Removals the type replaces the object for (an external stage's URL) never reach ALTER.
      .filter(([key]) => !definition.replacedBy?.({ [key]: "X" }, {}).includes(key))
      // Clauses or statements that turn the previous value into the next one piece by piece remove it too.
      .filter(([, field]) => !field.sql?.unset && !field.sql?.alter && !field.sql?.statements)
      .filter(([, field]) => kind.sqlProperties?.[field.sql?.property ?? field.wire.toUpperCase()]?.unset !== true)
      .map(([key]) => key);
    expect(notRemovable).toEqual([]);
  },
);
