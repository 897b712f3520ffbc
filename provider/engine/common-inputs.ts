// The inputs and outputs every resource type has besides its own fields: the common ones and the opt-ins.

/** Inputs every resource takes besides its own fields. */
export const COMMON_INPUTS = ["adoptExisting", "connection"] as const;

/** Opt-in inputs (README "Opt-ins"): each allows one kind of loss, and each refusal names the one it needs. */
export const OPT_IN_INPUTS = {
  allowReplace: "Allow a change that replaces this object although the replacement loses what it holds (rows, files, offsets, load history) or drops it under the objects that use it (tables on a volume, tasks naming an integration). Default false: such a change is refused at preview.",
  allowDropColumns: "Allow removing columns from the declaration, which drops them with their data. Default false: such a change is refused at preview.",
  forceDestroy: "Allow deleting this database or schema while it still holds objects the stack did not delete first (made by hand or by another stack): they are dropped with it. Default false: the delete is refused and names what is inside. The stack's own objects are deleted before their container, so a destroy of the whole stack never needs it.",
  stopServicesOnDelete: "Allow deleting this compute pool while services run on it, including services this stack does not manage: they are dropped first (:stop-all-services). Default false: the delete is refused and names them.",
} as const;
export type OptIn = keyof typeof OPT_IN_INPUTS;

/** Outputs every resource has besides its read-only ones: its qualified name and the account it lives in. */
export const COMMON_OUTPUTS = ["fullyQualifiedName", "account"] as const;
