// The readable report, shaped like the CLI's: changed resources, outputs, a `Resources:` count line, errors.
import { DriverError, DriverMode, ResourceChange, ResourceOperation } from "./types";

export interface SummaryInput {
  mode: DriverMode;
  stack: string;
  changes: ResourceChange[];
  outputs: Record<string, unknown>;
  errors: DriverError[];
  warnings: string[];
  diagnostics: string[];
  verbose: boolean;
  durationMs: number;
}

const HEADINGS: Record<DriverMode, string> = {
  preview: "Previewing update",
  up: "Updating",
  refresh: "Refreshing",
  destroy: "Destroying",
};

const SYMBOLS: Record<ResourceOperation, string> = {
  create: "+ ",
  update: "~ ",
  replace: "+-",
  delete: "- ",
  same: "  ",
  "refresh-update": "~ ",
  "refresh-delete": "- ",
};

const LABELS: Record<ResourceOperation, string> = {
  create: "create",
  update: "update",
  replace: "replace",
  delete: "delete",
  same: "same",
  "refresh-update": "refresh",
  "refresh-delete": "refresh (gone)",
};

/** Count-line wording: the CLI speaks of the plan in a preview and of the result otherwise. */
const COUNT_WORDS: Record<ResourceOperation, [plan: string, done: string]> = {
  create: ["to create", "created"],
  update: ["to update", "updated"],
  replace: ["to replace", "replaced"],
  delete: ["to delete", "deleted"],
  "refresh-update": ["to refresh", "refreshed (changed)"],
  "refresh-delete": ["gone", "deleted (gone)"],
  same: ["unchanged", "unchanged"],
};

export function renderSummary(input: SummaryInput): string {
  const lines = [`${HEADINGS[input.mode]} (${input.stack}):`];
  const changed = input.changes.filter((c) => c.op !== "same");
  const typeWidth = Math.max(4, ...changed.map((c) => c.type.length));
  const nameWidth = Math.max(4, ...changed.map((c) => c.name.length));
  for (const change of changed) {
    const diff = change.changedProperties.length ? ` [diff: ${change.changedProperties.map((p) => `~${p}`).join(",")}]` : "";
    lines.push(`  ${SYMBOLS[change.op]} ${change.type.padEnd(typeWidth)}  ${change.name.padEnd(nameWidth)}  ${LABELS[change.op]}${diff}`);
  }
  if (changed.length === 0) lines.push("  (no changes)");

  const outputNames = Object.keys(input.outputs);
  if (outputNames.length > 0) {
    lines.push("", "Outputs:");
    for (const name of outputNames) lines.push(`    ${name}: ${formatOutput(input.outputs[name])}`);
  }

  lines.push("", `Resources: ${countLine(input.changes, input.mode === "preview")}`);
  lines.push(`Duration: ${(input.durationMs / 1000).toFixed(1)}s`);

  if (input.warnings.length > 0) {
    lines.push("", "Warnings:");
    for (const warning of input.warnings) lines.push(...`warning: ${warning}`.split("\n").map((line) => `    ${line}`));
  }
  if (input.errors.length > 0) {
    lines.push("", "Errors:");
    for (const error of input.errors) lines.push(`    error: ${error.urn ? `${error.urn}: ` : ""}${error.message}`);
  }
  if (input.diagnostics.length > 0 && (input.errors.length > 0 || input.verbose)) {
    lines.push("", "Provider output:", ...input.diagnostics.map((line) => `    ${line}`));
  }
  return lines.join("\n");
}

function countLine(changes: ResourceChange[], preview: boolean): string {
  if (changes.length === 0) return "none (no changes)";
  const counts = new Map<ResourceOperation, number>();
  for (const change of changes) counts.set(change.op, (counts.get(change.op) ?? 0) + 1);
  const order: ResourceOperation[] = ["create", "update", "replace", "delete", "refresh-update", "refresh-delete", "same"];
  return order
    .filter((op) => counts.has(op))
    .map((op) => `${counts.get(op)} ${COUNT_WORDS[op][preview ? 0 : 1]}`)
    .join(", ");
}

function formatOutput(value: unknown): string {
  return typeof value === "string" && (value === "[secret]" || value === "[unknown]") ? value : JSON.stringify(value);
}
