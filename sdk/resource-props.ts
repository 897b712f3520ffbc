// Builds the props a dynamic resource registers with: the user's args, an automatic name when none is given, and
// every output name pre-set to undefined, because a dynamic resource only exposes outputs present in its props.
import { autoName } from "./autoname";

export const COMMON_OUTPUT_NAMES = ["fullyQualifiedName", "account"] as const;

export function resourceProps(resourceType: string, logicalName: string, args: object, outputNames: readonly string[]): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const name of [...outputNames, ...COMMON_OUTPUT_NAMES]) props[name] = undefined;
  Object.assign(props, args);
  // Types without a name of their own (a stage file has a path) get none.
  if (props.name === undefined && outputNames.includes("name")) props.name = autoName(resourceType, logicalName);
  return props;
}
