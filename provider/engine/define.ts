// Completes a resource type's declaration with what every type of its shape gets: a `tags` input where the spec
// has tag actions, a `suspended` input where the type has a run state, the opt-ins its changes can need, and
// integer fields bounded by their wire format as well as by their documented range.
import { OptIn } from "./common-inputs";
import { FieldDefinition, ResourceDefinition, WireModel } from "./definition";
import { sqlWireModel } from "./sql-object/sql-object";
import { booleanKind, narrowedInteger } from "./kinds/scalars";
import { tagsKind } from "./kinds/tags";
import { ruleProperties } from "./field-rules";
import { wireIntegerBounds } from "./wire-bounds";

export type ResourceDeclaration = Omit<ResourceDefinition, "optIns" | "wire"> & {
  /** The generated REST model; SQL objects (sqlObject) have none: theirs is made from what their fields read. */
  wire?: WireModel;
  /** Opt-ins beyond allowReplace (which every data-bearing type, and every type with `usedBy`, takes). */
  extraOptIns?: OptIn[];
};

const TAGS_DOC = 'Tag values keyed by the tag\'s qualified name, e.g. `{ "GOVERNANCE.TAGS.COST_CENTER": "finance" }`; the tags must exist. Tags set by others are left alone.';

function suspendedField(definition: ResourceDeclaration): FieldDefinition {
  const runState = definition.runState!;
  const kind = booleanKind();
  const doc = runState.suspendsItself
    ? `Hold the ${definition.noun} suspended (true) or resume it (false). Snowflake's own auto-suspension is not drift. Unset: not managed.`
    : `Suspend (true) or resume (false) the ${definition.noun}; read back and corrected by up. Unset: not managed (Snowflake creates it ${runState.createdSuspended ? "suspended" : "running"}).`;
  return {
    wire: runState.wire,
    doc,
    change: "runState",
    // An object that suspends itself satisfies `suspended: false` while suspended; it resumes when used.
    kind: runState.suspendsItself ? { ...kind, reconcile: (declared, live) => (declared === false || declared === live ? declared : live) } : kind,
  };
}

export function defineResource(declaration: ResourceDeclaration): ResourceDefinition {
  const { extraOptIns = [], wire: restModel, ...declared } = declaration;
  const wire = restModel ?? (declared.sqlObject ? sqlWireModel(declared.fields, declared.outputs) : undefined);
  if (!wire) throw new Error(`${declared.typeName}: a REST type needs its wire model`);
  const definition = { ...declared, wire };
  const fields: Record<string, FieldDefinition> = {};
  for (const [key, field] of Object.entries(definition.fields)) {
    // An int32 setting past 2^31 is refused at check rather than by Snowflake (warehouse.yaml's cluster counts).
    const bounds = field.kind.range && wireIntegerBounds(definition.wire.schema, field.wire);
    fields[key] = bounds ? { ...field, kind: narrowedInteger(field.kind, bounds) } : field;
  }
  const strangers = (definition.rules ?? []).flatMap(ruleProperties).filter((key) => !(key in fields));
  if (strangers.length) throw new Error(`${definition.typeName}: rules name ${strangers.join(", ")}, which are not its properties`);
  if (definition.tags) fields.tags = { wire: "tags", kind: tagsKind(), doc: TAGS_DOC, change: "tags" };
  if (definition.runState) fields.suspended = suspendedField(declaration);
  const optIns: OptIn[] = [...(definition.dataBearing || definition.usedBy ? (["allowReplace"] as const) : []), ...extraOptIns];
  return { ...definition, fields, optIns };
}
