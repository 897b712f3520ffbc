// The Pulumi project (Pulumi.yaml) and the stack's configuration (Pulumi.<stack>.yaml plus overrides), resolved
// the way the CLI does before it starts the language host and the provider plugins.
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { CrypterCache } from "./passphrase-crypter";

export interface Project {
  name: string;
  dir: string;
  /** Pulumi.yaml `main`, resolved against the project directory (the directory itself when absent). */
  main: string;
  /** Project-level config defaults (Pulumi.yaml `config:`), namespaced keys. */
  defaults: Record<string, unknown>;
}

export interface StackConfig {
  /** Namespaced keys ("snowflake:account") to string values, secrets in plaintext. */
  values: Record<string, string>;
  secretKeys: Set<string>;
  /** The stack file's `encryptionsalt`, if any: the salt its `secure:` values were encrypted with. */
  encryptionSalt?: string;
}

export function loadProject(programDir: string): Project {
  const dir = path.resolve(programDir);
  const file = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
  if (!file) throw new Error(`no Pulumi.yaml found in ${dir}`);
  const doc = YAML.parse(fs.readFileSync(file, "utf8")) ?? {};
  if (typeof doc.name !== "string" || doc.name === "") throw new Error(`${file}: missing project name`);
  const runtime = typeof doc.runtime === "string" ? doc.runtime : doc.runtime?.name;
  if (runtime !== "nodejs") throw new Error(`${file}: runtime '${runtime}' is not supported (only nodejs)`);
  const defaults: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries<unknown>(doc.config ?? {})) {
    const value = isPlainObject(spec) ? (spec.value ?? spec.default) : spec;
    if (value !== undefined) defaults[namespaced(key, doc.name)] = value;
  }
  return { name: doc.name, dir, main: path.resolve(dir, doc.main ?? "."), defaults };
}

/**
 * Stack config = project defaults, then Pulumi.<stack>.yaml `config:`, then overrides (`pulumi config set`).
 * Keys without a namespace belong to the project; non-string values are passed on as JSON text, as the engine
 * hands every config value to programs and providers as a string.
 */
export function loadStackConfig(
  project: Project,
  stack: string,
  overrides: Record<string, string>,
  extraSecretKeys: readonly string[],
  crypters: CrypterCache,
): StackConfig {
  const file = path.join(project.dir, `Pulumi.${stack}.yaml`);
  const doc = fs.existsSync(file) ? (YAML.parse(fs.readFileSync(file, "utf8")) ?? {}) : {};
  const encryptionSalt: string | undefined = doc.encryptionsalt;
  const values: Record<string, string> = {};
  const secretKeys = new Set<string>();

  for (const [key, value] of Object.entries(project.defaults)) values[key] = asConfigString(value);
  for (const [rawKey, value] of Object.entries<unknown>(doc.config ?? {})) {
    const key = namespaced(rawKey, project.name);
    if (isPlainObject(value) && typeof value.secure === "string") {
      if (!encryptionSalt) throw new Error(`${file}: '${rawKey}' is a secure value but the file has no encryptionsalt`);
      values[key] = crypters.forSaltState(encryptionSalt).decrypt(value.secure);
      secretKeys.add(key);
    } else {
      values[key] = asConfigString(value);
    }
  }
  for (const [rawKey, value] of Object.entries(overrides)) values[namespaced(rawKey, project.name)] = value;
  for (const rawKey of extraSecretKeys) secretKeys.add(namespaced(rawKey, project.name));
  return { values, secretKeys, encryptionSalt };
}

export function namespaced(key: string, projectName: string): string {
  return key.includes(":") ? key : `${projectName}:${key}`;
}

function asConfigString(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
