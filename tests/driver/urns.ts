// Resource URNs as the engine builds them (sdk/go/common/resource/urn.go NewURN):
// urn:pulumi:<stack>::<project>::<qualified type>::<name>, where the qualified type is the parent's qualified type
// + "$" + the type, except under the root stack resource.

export const STACK_TYPE = "pulumi:pulumi:Stack";

export function makeUrn(stack: string, project: string, type: string, name: string, parentUrn?: string): string {
  let qualifiedType = type;
  if (parentUrn) {
    const parentQualifiedType = qualifiedTypeOf(parentUrn);
    if (parentQualifiedType !== STACK_TYPE) qualifiedType = `${parentQualifiedType}$${type}`;
  }
  return `urn:pulumi:${stack}::${project}::${qualifiedType}::${name}`;
}

export function qualifiedTypeOf(urn: string): string {
  return urn.split("::")[2] ?? "";
}

export function typeOf(urn: string): string {
  return qualifiedTypeOf(urn).split("$").pop() ?? "";
}

export function nameOf(urn: string): string {
  return urn.split("::").slice(3).join("::");
}
