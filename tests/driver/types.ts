import type { PendingCreateChoices } from "./pending-creates";
// Public types of the driver (re-exported by index.ts).

export type DriverMode = "preview" | "up" | "refresh" | "destroy";

export interface DriverOptions extends PendingCreateChoices {
  mode: DriverMode;
  /** Contains Pulumi.yaml (name, runtime, optional main) and the program (main, or index.ts / index.js). */
  programDir: string;
  /** Default "dev"; stack config comes from Pulumi.<stack>.yaml beside the program. */
  stack?: string;
  /** Default <programDir>/.pulumi-state/<stack>.json. */
  stateFile?: string;
  /** Extra/override config, keys "ns:key" (like `pulumi config set`); keys without a namespace get the project's. */
  config?: Record<string, string>;
  /** Which config keys are secrets (like `pulumi config set --secret`). */
  secretConfigKeys?: string[];
  /** Extra env vars for the provider host and the program (PULUMI_CONFIG_PASSPHRASE is honoured here too). */
  env?: Record<string, string>;
  /** Show secret stack outputs in plaintext (like `--show-secrets`); otherwise they read "[secret]". */
  showSecrets?: boolean;
  /** Include the provider hosts' output in the summary even when the run succeeds. */
  verbose?: boolean;
  /**
   * State files of the stacks `new pulumi.StackReference(name)` reads, by name as the program writes it; a name not
   * listed reads `<stack>.json` beside this run's state file (see stack-references.ts).
   */
  stackReferences?: Record<string, string>;
}

export type ResourceOperation = "create" | "update" | "replace" | "delete" | "same" | "refresh-update" | "refresh-delete";

export interface ResourceChange {
  urn: string;
  type: string;
  name: string;
  op: ResourceOperation;
  changedProperties: string[];
}

export interface DriverError {
  /** The resource the error belongs to; absent for program or driver errors. */
  urn?: string;
  message: string;
}

export interface DriverResult {
  ok: boolean;
  changes: ResourceChange[];
  /** Stack outputs; secrets read "[secret]" (unless showSecrets), values unknown in a preview "[unknown]". */
  outputs: Record<string, unknown>;
  summary: string;
  /** The first error, "<urn>: <message>" when it belongs to a resource. */
  error?: string;
  errors: DriverError[];
  /** The CLI's warnings, e.g. about operations an interrupted run left pending. */
  warnings: string[];
  /** Output of the provider host processes (the engine shows it as provider diagnostics). */
  diagnostics: string[];
}
