// Deciding what a change does, from the definition alone (no network): which declared properties change, which of
// those apply in place and how, which replace the object, and which changes are refused because they would lose
// data the program did not allow it to lose.
import { OptIn } from "./common-inputs";
import { ChangeMethod, Properties, ResourceDefinition } from "./definition";
import { valueChanged } from "./field-kind";
import { fullyQualifiedName } from "./mapper";
import type { ObjectApi } from "./object-api";
import { isUnknown } from "./unknowns";

export type InPlaceMethod = Exclude<ChangeMethod, "replace">;

export interface ChangePlan {
  /** Declared properties whose value changes. */
  changed: string[];
  /** Properties whose change needs a new object. */
  replaces: string[];
  /** The object keeps its identity but gets a new name. */
  rename: boolean;
  /** In-place changes, by how they reach Snowflake. */
  inPlace: Record<InPlaceMethod, string[]>;
}

/** A change the engine will not make: it says what would be lost and which input allows it. */
export class RefusedChangeError extends Error {}

export function methodOf(definition: ResourceDefinition, key: string): ChangeMethod {
  const field = definition.fields[key];
  return field.immutable ? "replace" : field.change ?? definition.changes;
}

/** Declared fields whose value differs from the state's, after normalization. */
export function changedFields(definition: ResourceDefinition, olds: Properties, news: Properties): string[] {
  const previous = definition.comparable ? definition.comparable(olds) : olds;
  const next = definition.comparable ? definition.comparable(news) : news;
  return Object.entries(definition.fields)
    .filter(([key, field]) => !field.createOnly && (isUnknown(news[key]) || valueChanged(field, next[key], previous[key])))
    .map(([key]) => key);
}

export function planChanges(definition: ResourceDefinition, olds: Properties, news: Properties): ChangePlan {
  const changed = changedFields(definition, olds, news);
  const plan: ChangePlan = { changed, replaces: [], rename: false, inPlace: { put: [], sql: [], orReplace: [], tags: [], runState: [], access: [], action: [] } };
  const forced = new Set(definition.replacedBy ? definition.replacedBy(olds, news) : []);
  for (const key of changed) {
    const field = definition.fields[key];
    const method = forced.has(key) ? "replace" : methodOf(definition, key);
    if (field.identity === "parent" || (field.identity === "name" && (!definition.rename || isUnknown(news[key])))) plan.replaces.push(key);
    else if (field.identity === "name") plan.rename = true;
    else if (method === "replace") plan.replaces.push(key);
    else plan.inPlace[method].push(key);
  }
  // A value not known yet (preview) gets no verdict: the diff at up, with it known, decides.
  const problems = (definition.changeProblems ? definition.changeProblems(olds, news) : []).filter((problem) => !isUnknown(news[problem.property]));
  // An opt-in not known yet (preview) may turn out true: no refusal until it is known.
  const unresolved = problems.filter((problem) => news[problem.allowedBy] !== true && !isUnknown(news[problem.allowedBy]));
  if (unresolved.length) throw refusal(definition, olds, unresolved.map((problem) => problem.message), unresolved[0].allowedBy);
  // Allowed with allowReplace: the object is recreated.
  for (const problem of problems) {
    if (problem.allowedBy === "allowReplace" && !plan.replaces.includes(problem.property)) plan.replaces.push(problem.property);
  }
  return plan;
}

/**
 * Refuses a replacement of an object that holds data or history (its rows, files, offset, load history) unless
 * the resource says allowReplace: true. The message names the properties that force it.
 */
export function refuseDataLoss(definition: ResourceDefinition, olds: Properties, news: Properties, replaces: string[]): void {
  const bearing = definition.dataBearing;
  const certain = certainReplacements(news, replaces);
  if (!bearing || certain.length === 0) return;
  if (bearing.when && !bearing.when(olds)) return;
  const what = certain.map((key) => (key === "account" ? "the account its connection points at" : key)).join(", ");
  throw refusal(definition, olds, [`changing ${what} replaces ${definition.noun} ${fullyQualifiedName(definition, olds)}, and the new ${definition.noun} would start without ${bearing.loses}`], "allowReplace");
}

/**
 * Refuses a replacement of an object others use (definition.usedBy: the Iceberg tables on an external volume, the
 * tasks of a notification integration), which would leave them naming a dropped object, unless the resource says
 * allowReplace: true. Connects to (and asks) Snowflake only when a replacement is certain: most diffs need none.
 */
export async function refuseReplacingInUse(definition: ResourceDefinition, api: () => ObjectApi, olds: Properties, news: Properties, replaces: string[]): Promise<void> {
  const certain = certainReplacements(news, replaces);
  if (!definition.usedBy || certain.length === 0) return;
  const users = await definition.usedBy(api(), olds);
  if (users.length === 0) return;
  throw refusal(definition, olds, [`changing ${certain.join(", ")} replaces ${definition.noun} ${fullyQualifiedName(definition, olds)}, which ${users.join(", ")} use${users.length === 1 ? "s" : ""}: a replacement drops it under them (or Snowflake refuses the drop)`], "allowReplace",
    `Move them off it first, or set allowReplace: true on this resource to replace the ${definition.noun} anyway.`);
}

/**
 * The replacements a refusal is about: none when the resource allows them, and only the certain ones (a value not
 * known yet at preview may turn out unchanged: the diff at up, with it known, decides).
 */
function certainReplacements(news: Properties, replaces: string[]): string[] {
  if (news.allowReplace === true || isUnknown(news.allowReplace)) return [];
  return replaces.filter((key) => !isUnknown(news[key]) && !(key === "account" && isUnknown(news.connection)));
}

function refusal(definition: ResourceDefinition, properties: Properties, reasons: string[], optIn: OptIn, ownRemedy?: string): RefusedChangeError {
  const fqn = Object.values(properties).some(isUnknown) ? `this ${definition.noun}` : `${definition.noun} ${fullyQualifiedName(definition, properties)}`;
  const remedy = ownRemedy ?? (optIn === "allowReplace"
    ? `Set allowReplace: true on this resource to replace the ${definition.noun} anyway (what it holds is lost), or undo the change.`
    : "Set allowDropColumns: true on this resource to drop them (their data is lost), or keep the columns declared.");
  return new RefusedChangeError(`refused: ${reasons.join("; ")}. Nothing was changed in ${fqn}. ${remedy}`);
}
