// The one error type for "could not connect": what went wrong plus where each setting came from (never a secret).
import { describeSources, ResolvedConnection } from "./settings";

export class ConnectionError extends Error {
  constructor(problem: string, resolved: ResolvedConnection) {
    super(`Cannot connect to Snowflake: ${problem}. Settings used: ${describeSources(resolved)}.`);
    this.name = "ConnectionError";
  }
}
