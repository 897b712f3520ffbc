// The methods of every serialized provider. A resource's provider is `Object.create(<this module>)` with its
// `resourceType` set, so closure serialization captures one `require("pulumi-snowflake-dynamic/provider-methods")`
// and a type name: `__provider` stays a few hundred bytes, holds no credential, and keeps working across package
// versions because the logic is loaded from the installed package when the provider runs.

interface SerializedProvider { resourceType: string; }
type Props = Record<string, unknown>;

// By package name, never a relative path: in a user's project the host resolves it from the project directory.
// Its methodsFor is the engine's, with each failure naming its operation and resource (named-failures.ts).
const RUNTIME = "pulumi-snowflake-dynamic/runtime";

export function configure(this: SerializedProvider, request: unknown) {
  return require(RUNTIME).configure(request);
}
export function check(this: SerializedProvider, olds: Props, news: Props) {
  return require(RUNTIME).methodsFor(this.resourceType).check(olds, news);
}
export function diff(this: SerializedProvider, id: string, olds: Props, news: Props) {
  return require(RUNTIME).methodsFor(this.resourceType).diff(id, olds, news);
}
export function create(this: SerializedProvider, inputs: Props) {
  return require(RUNTIME).methodsFor(this.resourceType).create(inputs);
}
export function read(this: SerializedProvider, id: string, props: Props) {
  return require(RUNTIME).methodsFor(this.resourceType).read(id, props);
}
export function update(this: SerializedProvider, id: string, olds: Props, news: Props) {
  return require(RUNTIME).methodsFor(this.resourceType).update(id, olds, news);
}
function deleteResource(this: SerializedProvider, id: string, props: Props) {
  return require(RUNTIME).methodsFor(this.resourceType).delete(id, props);
}
export { deleteResource as delete };
