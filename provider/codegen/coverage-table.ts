// The README's resource table, from the definitions: per type, its REST collection, what changes in place (and how)
// and what replaces it, its opt-ins, tags and run state.
import { ResourceDefinition } from "../engine/definition";
import { methodOf } from "../engine/plan";

const HOW: Record<string, string> = { put: "PUT create-or-alter", sql: "ALTER over the SQL API", orReplace: "CREATE OR REPLACE (POST orReplace)", access: "granted / revoked one by one" };
const RENAME: Record<string, string> = { restQuery: ":rename", restBody: ":rename", sql: "ALTER ... RENAME TO" };

export const COVERAGE_BEGIN = "<!-- BEGIN GENERATED: resource coverage (npm run codegen) -->";
export const COVERAGE_END = "<!-- END GENERATED: resource coverage -->";

function inPlace(definition: ResourceDefinition): string {
  const groups = new Map<string, string[]>();
  for (const [key, field] of Object.entries(definition.fields)) {
    const method = methodOf(definition, key);
    if (field.identity || field.createOnly || method === "replace" || method === "tags" || method === "runState") continue;
    const how = method === "action" ? `:${field.action?.name}` : method;
    groups.set(how, [...(groups.get(how) ?? []), `\`${key}\``]);
  }
  const parts = [...groups.entries()].map(([method, keys]) => `${keys.join(", ")} (${HOW[method] ?? method})`);
  if (definition.rename) parts.unshift(`\`name\` (${RENAME[definition.rename]})`);
  return parts.join("; ") || "nothing";
}

function replacedBy(definition: ResourceDefinition): string {
  const keys = Object.entries(definition.fields)
    .filter(([key, field]) => field.identity === "parent" || (field.identity === "name" && !definition.rename) || (!field.identity && !field.createOnly && methodOf(definition, key) === "replace"))
    .map(([key]) => `\`${key}\``);
  // Types identified by name and argument types (ResourceDefinition.signature): other types are another object.
  if (definition.signature) keys.push("the argument types in `arguments`");
  return keys.join(", ") || "—";
}

export function coverageTable(definitions: ResourceDefinition[]): string {
  const rows = definitions.map((definition) => {
    // Types without REST endpoints name the SHOW statement that lists them (provider/resources/sql-objects.ts).
    const path = definition.sqlObject ? `SQL: ${definition.collectionPath}` : definition.collectionPath.replace("/api/v2/databases/{database}/schemas/{schema}", "…/schemas/{schema}").replace("/api/v2/databases/{database}", "…/databases/{db}");
    const extras = [definition.tags ? "`tags`" : "", definition.runState ? "`suspended`" : "", ...definition.optIns.map((optIn) => `\`${optIn}\``), ...Object.keys(definition.settings ?? {}).map((key) => `\`${key}\``)].filter(Boolean).join(", ");
    return `| \`${definition.typeName}\` | \`${path}\` | ${inPlace(definition)} | ${replacedBy(definition)} | ${extras || "—"} |`;
  });
  return [
    COVERAGE_BEGIN,
    "| Pulumi type | REST collection | changes in place | replaced by a change of | also takes |",
    "|---|---|---|---|---|",
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
