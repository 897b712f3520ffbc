// Snowflake-style status messages (common.yaml SuccessResponse) and POST createMode bookkeeping.
import { alreadyExists } from "../errors";
import { success, type Outcome } from "../http";
import type { CreateMode } from "../query";

// Status texts mirror what the equivalent SQL statement prints in Snowflake.
export const Status = {
  // CREATE <TYPE>: "Warehouse WH1 successfully created."
  created: (objectType: string, name: string) => success(`${objectType} ${name} successfully created.`),
  // CREATE ... IF NOT EXISTS on an existing object: "WH1 already exists, statement succeeded."
  alreadyExists: (name: string) => success(`${name} already exists, statement succeeded.`),
  // DROP <TYPE>: "WH1 successfully dropped."
  dropped: (name: string) => success(`${name} successfully dropped.`),
  // DROP ... IF EXISTS on a missing object: "Drop statement executed successfully (WH1 already dropped)."
  alreadyDropped: (name: string) => success(`Drop statement executed successfully (${name} already dropped).`),
  // ALTER <TYPE> ...: "Statement executed successfully."
  executed: () => success("Statement executed successfully."),
};

/**
 * POST create semantics (common.yaml parameters/createMode). Returns the outcome when nothing is to be
 * created (ifNotExists on an existing object), throws 409 for errorIfExists, or undefined to go ahead
 * (a missing object, or orReplace).
 */
export function checkCreateMode(mode: CreateMode, existing: boolean, name: string): Outcome | undefined {
  if (!existing) return undefined;
  if (mode === "ifNotExists") return Status.alreadyExists(name);
  if (mode === "errorIfExists") throw alreadyExists(name);
  return undefined;
}
