// What a change of each property does, worked out from its behaviour flags (identity, immutable, createOnly, the
// change method, the type's rename, dataBearing and usedBy). The SDK's doc comments end with this sentence and the
// README's resource table groups properties by it, so the two cannot disagree with each other or with the engine.
import { ChangeMethod, ResourceDefinition } from "../engine/definition";
import { methodOf } from "../engine/plan";

/** In place (the object is kept), a new object replaces it, or only the creation reads it. */
export type ChangeOutcome = "inPlace" | "replaces" | "createOnly";

export interface ChangeEffect {
  outcome: ChangeOutcome;
  /** How an in-place change reaches Snowflake ("PUT create-or-alter", ":rename", ...). */
  how?: string;
  /** The sentence for the doc comment. */
  sentence: string;
}

type InPlaceMethod = Exclude<ChangeMethod, "replace">;

function inPlaceHow(definition: ResourceDefinition, method: InPlaceMethod, key: string): string {
  switch (method) {
    case "put": return "PUT create-or-alter";
    case "sql": return "ALTER over the SQL API";
    case "orReplace": return "CREATE OR REPLACE (POST orReplace)";
    case "tags": return ":set-tags / :unset-tags";
    case "runState": return definition.runState?.via === "sql" ? "ALTER ... RESUME / SUSPEND" : ":resume / :suspend";
    case "access": return "granted / revoked one by one";
    case "action": return `:${definition.fields[key].action?.name}`;
  }
}

const RENAME_HOW = { restQuery: ":rename", restBody: ":rename", sql: "ALTER ... RENAME TO" } as const;

/** Why a replacement of this type is refused at preview unless the resource says allowReplace; undefined if never. */
export function replacementRefusal(definition: ResourceDefinition): string | undefined {
  if (definition.dataBearing) return `a replacement loses ${definition.dataBearing.loses}${definition.dataBearing.when ? ", when it holds any" : ""}`;
  if (definition.usedBy) return "a replacement drops it under the objects that use it";
  return undefined;
}

function replaces(definition: ResourceDefinition, subject: string): ChangeEffect {
  const refusal = replacementRefusal(definition);
  const again = definition.invokes ? ", which runs it again" : "";
  const refused = refusal ? `; refused at preview unless \`allowReplace: true\`, since ${refusal}` : "";
  return { outcome: "replaces", sentence: `${subject} replaces the ${definition.noun}${again}${refused}.` };
}

export function changeEffect(definition: ResourceDefinition, key: string): ChangeEffect {
  const field = definition.fields[key];
  if (field.identity === "name") {
    if (!definition.rename) return replaces(definition, "A new name");
    const how = RENAME_HOW[definition.rename];
    return { outcome: "inPlace", how, sentence: `A new name renames the ${definition.noun} in place (${how}).` };
  }
  if (field.identity === "parent") return replaces(definition, "A change");
  if (field.createOnly) return { outcome: "createOnly", sentence: "Only read at creation: a later change does nothing." };
  const method = methodOf(definition, key);
  if (method === "replace") return replaces(definition, "A change");
  const how = inPlaceHow(definition, method, key);
  const sentence = method === "orReplace"
    ? `A change recreates the ${definition.noun} in place${definition.copyGrants ? ", keeping its grants" : ""} (${how}).`
    : `Changed in place (${how}).`;
  return { outcome: "inPlace", how, sentence };
}

/** The sentence for a provider setting (a readiness timeout): it is never sent to Snowflake. */
export const SETTING_EFFECT = "Read by the provider only, never sent to Snowflake: a change alters no object.";
