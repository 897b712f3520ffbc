// The errors lookups reject with. Kept free of imports so the SDK can export them without loading the engine.

/** A lookup's arguments are wrong; thrown before any request, naming the argument. */
export class LookupArgumentError extends Error {
  /**
   * @param functionName the lookup called, e.g. "getWarehouse"
   * @param argument the argument that is wrong, e.g. "name"
   */
  constructor(readonly functionName: string, readonly argument: string, reason: string) {
    super(`${functionName}: argument ${argument} ${reason}`);
    this.name = "LookupArgumentError";
  }
}

/** What a lookup asked for is not in the account (or the connection's role cannot see it). */
export class LookupNotFoundError extends Error {
  /**
   * `missing`: what is not there, e.g. "warehouse PY_ONE"; `purpose`: what it was needed for, e.g. "list schemas in".
   * @param functionName the lookup called, e.g. "getWarehouse"
   * @param typeName the resource type looked up, e.g. "Warehouse"
   * @param fullyQualifiedName the name looked for, e.g. "PY_ONE"
   * @param account the account looked in
   */
  constructor(readonly functionName: string, readonly typeName: string, readonly fullyQualifiedName: string, readonly account: string, missing: string, purpose?: string) {
    super(`${functionName}: no ${missing} in account ${account || "(unknown)"}${purpose ? ` to ${purpose}` : ""} (or the connection's role cannot see it)`);
    this.name = "LookupNotFoundError";
  }
}
