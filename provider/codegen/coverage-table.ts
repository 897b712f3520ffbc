// The README's resource table, from the definitions: per type, the APIs its changes go through, what changes in
// place (and how), what replaces it, what is refused unless an opt-in allows it, and what else it takes. The
// grouping comes from change-effect.ts, the same source as the SDK's doc comments.
import { ResourceDefinition } from "../engine/definition";
import { methodOf } from "../engine/plan";
import { changeEffect, replacementRefusal } from "./change-effect";

export const COVERAGE_BEGIN = "<!-- BEGIN GENERATED: resource coverage (npm run codegen) -->";
export const COVERAGE_END = "<!-- END GENERATED: resource coverage -->";

const code = (key: string) => `\`${key}\``;

/** Fields that are not properties of the object but inputs of its own kind (listed under "also takes"). */
const ownColumn = (definition: ResourceDefinition, key: string) => ["tags", "runState"].includes(methodOf(definition, key));

function inPlace(definition: ResourceDefinition): string {
  const groups = new Map<string, string[]>();
  for (const key of Object.keys(definition.fields)) {
    const effect = changeEffect(definition, key);
    if (effect.outcome !== "inPlace" || ownColumn(definition, key)) continue;
    groups.set(effect.how!, [...(groups.get(effect.how!) ?? []), code(key)]);
  }
  return [...groups.entries()].map(([how, keys]) => `${keys.join(", ")} (${how})`).join("; ") || "nothing";
}

function replacedBy(definition: ResourceDefinition): string {
  const keys = Object.keys(definition.fields).filter((key) => changeEffect(definition, key).outcome === "replaces").map(code);
  // Types identified by name and argument types (ResourceDefinition.signature): other types are another object.
  if (definition.signature) keys.push("the argument types in `arguments`");
  return keys.join(", ") || "—";
}

/** What the engine refuses unless the resource opts in: each refusal with the opt-in that allows it. */
function refused(definition: ResourceDefinition): string {
  const refusals: string[] = [];
  const replacement = replacementRefusal(definition);
  if (replacement) refusals.push(`${code("allowReplace")}: ${replacement}`);
  if (definition.optIns.includes("allowDropColumns")) refusals.push(`${code("allowDropColumns")}: removing columns`);
  if (definition.contents) refusals.push(`${code("forceDestroy")}: a delete while it holds objects`);
  if (definition.deleteRefusal?.override) refusals.push(`${code(definition.deleteRefusal.override.optIn)}: a delete while in use`);
  else if (definition.deleteRefusal) refusals.push("a delete while in use (no opt-in: Snowflake refuses it)");
  return refusals.join("; ") || "—";
}

/** REST always; the SQL API where a change is an ALTER (or the type's access uses it). */
function apis(definition: ResourceDefinition): string {
  const used = new Set<string>(definition.sqlObject ? ["SQL API"] : definition.access?.apis ?? ["REST"]);
  const alters = Object.keys(definition.fields).some((key) => changeEffect(definition, key).how?.startsWith("ALTER"));
  if (alters) used.add("SQL API");
  return [...used].join(" + ");
}

function extras(definition: ResourceDefinition): string {
  const own = Object.keys(definition.fields).filter((key) => ownColumn(definition, key));
  return [...own, ...definition.optIns, ...Object.keys(definition.settings ?? {})].map(code).join(", ") || "—";
}

export function coverageTable(definitions: ResourceDefinition[]): string {
  const rows = definitions.map((definition) => {
    // Types without REST endpoints name the SHOW statement that lists them (provider/resources/sql-objects.ts).
    const path = definition.sqlObject ? `SQL: ${definition.collectionPath}` : definition.collectionPath.replace("/api/v2/databases/{database}/schemas/{schema}", "…/schemas/{schema}").replace("/api/v2/databases/{database}", "…/databases/{db}");
    return `| \`${definition.typeName}\` | \`${path}\` | ${apis(definition)} | ${inPlace(definition)} | ${replacedBy(definition)} | ${refused(definition)} | ${extras(definition)} |`;
  });
  return [
    COVERAGE_BEGIN,
    "| Pulumi type | REST collection | changed through | changes in place | replaced by a change of | refused unless opted in | also takes |",
    "|---|---|---|---|---|---|---|",
    ...rows,
    COVERAGE_END,
  ].join("\n");
}

/** README text with the generated table put in place of the previous one. */
export function withCoverageTable(readme: string, table: string): string {
  const start = readme.indexOf(COVERAGE_BEGIN);
  const end = readme.indexOf(COVERAGE_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${COVERAGE_BEGIN} ... ${COVERAGE_END} section`);
  return readme.slice(0, start) + table + readme.slice(end + COVERAGE_END.length);
}

