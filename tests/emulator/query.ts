// Typed access to query parameters (common.yaml components/parameters); bad values are 400s naming the parameter.
import { badRequest } from "./errors";

export type CreateMode = "errorIfExists" | "orReplace" | "ifNotExists";
// common.yaml parameters/createMode: enum errorIfExists | orReplace | ifNotExists, default errorIfExists.
const CREATE_MODES: readonly CreateMode[] = ["errorIfExists", "orReplace", "ifNotExists"];

export class QueryParams {
  constructor(private readonly params: URLSearchParams) {}

  has(name: string): boolean {
    return this.params.has(name);
  }

  string(name: string): string | undefined {
    return this.params.get(name) ?? undefined;
  }

  boolean(name: string, defaultValue = false): boolean {
    const value = this.params.get(name);
    if (value === null) return defaultValue;
    const lower = value.toLowerCase();
    if (lower === "true") return true;
    if (lower === "false") return false;
    throw badRequest(`Invalid value '${value}' for query parameter '${name}': expected true or false.`);
  }

  integer(name: string, min: number, max: number): number | undefined {
    const value = this.params.get(name);
    if (value === null) return undefined;
    const parsed = /^-?\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      throw badRequest(
        `Invalid value '${value}' for query parameter '${name}': expected an integer from ${min} to ${max}.`
      );
    }
    return parsed;
  }

  createMode(): CreateMode {
    const value = this.params.get("createMode");
    if (value === null) return "errorIfExists";
    const mode = CREATE_MODES.find((candidate) => candidate === value);
    if (!mode) {
      throw badRequest(
        `Invalid value '${value}' for query parameter 'createMode': expected one of ${CREATE_MODES.join(", ")}.`
      );
    }
    return mode;
  }

  /** Rejects parameters the operation does not declare, so client typos surface instead of being ignored. */
  assertOnly(allowed: readonly string[]): void {
    for (const name of this.params.keys()) {
      if (!allowed.includes(name)) {
        const accepted = allowed.length ? allowed.join(", ") : "none";
        throw badRequest(`Unknown query parameter '${name}' (accepted: ${accepted}).`);
      }
    }
  }
}
