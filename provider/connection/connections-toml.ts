// connections.toml, where Snowflake's CLI and Python connector keep named connections:
// $SNOWFLAKE_HOME/connections.toml (default ~/.snowflake), one [section] per connection, chosen by name, by
// SNOWFLAKE_DEFAULT_CONNECTION_NAME, or by `default_connection_name` (in connections.toml or config.toml, as the
// CLI does), else "default". config.toml's [connections.<name>] tables are read too, connections.toml winning.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ConnectionKey, ConnectionLayer } from "./settings";

// Snowflake's key names (CLI / Python connector) -> ours. Keys not listed map by snake_case -> camelCase.
const KEY_ALIASES: Record<string, ConnectionKey> = {
  username: "user",
  private_key_file: "privateKeyPath",
  private_key_path: "privateKeyPath",
  private_key_file_pwd: "privateKeyPassphrase",
  private_key_pwd: "privateKeyPassphrase",
  private_key_pass: "privateKeyPassphrase",
  private_key_passphrase: "privateKeyPassphrase",
  private_key_raw: "privateKey",
  private_key: "privateKey",
};

const snakeToCamel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export function snowflakeHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.SNOWFLAKE_HOME || path.join(os.homedir(), ".snowflake");
}

export class ConnectionsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConnectionsFileError";
  }
}

type Section = Record<string, unknown>;
interface ParsedFiles { sections: Map<string, { values: Section; file: string }>; defaultName?: string; files: string[] }

/** Like Snowflake's tools: a file group or others can write could be swapped for someone else's credentials. */
function checkPermissions(file: string): void {
  if (process.platform === "win32") return;
  const mode = fs.statSync(file).mode;
  if (mode & 0o022) {
    throw new ConnectionsFileError(
      `${file} is writable by ${mode & 0o002 ? "others" : "its group"} (mode ${(mode & 0o777).toString(8)}); Snowflake's tools refuse such files and so does this provider: run chmod 0600 "${file}"`);
  }
}

function readToml(file: string): Record<string, unknown> | undefined {
  if (!fs.existsSync(file)) return undefined;
  checkPermissions(file);
  const { parse } = require("smol-toml") as typeof import("smol-toml");
  try {
    return parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch (error) {
    throw new ConnectionsFileError(`${file} is not valid TOML: ${(error as Error).message}`);
  }
}

const isTable = (value: unknown): value is Section => !!value && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date);

// Parsed files by path and modification time: every resource resolves its connection, so read each file once.
const parsedCache = new Map<string, { mtimeMs: number; parsed: Record<string, unknown> | undefined }>();

function readTomlCached(file: string): Record<string, unknown> | undefined {
  const mtimeMs = fs.existsSync(file) ? fs.statSync(file).mtimeMs : -1;
  const cached = parsedCache.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.parsed;
  const parsed = mtimeMs < 0 ? undefined : readToml(file);
  parsedCache.set(file, { mtimeMs, parsed });
  return parsed;
}

function readFiles(home: string): ParsedFiles {
  const result: ParsedFiles = { sections: new Map(), files: [] };
  const configFile = path.join(home, "config.toml");
  const config = readTomlCached(configFile);
  if (config) {
    result.files.push(configFile);
    if (typeof config.default_connection_name === "string") result.defaultName = config.default_connection_name;
    if (isTable(config.connections)) {
      for (const [name, values] of Object.entries(config.connections)) {
        if (isTable(values)) result.sections.set(name, { values, file: configFile });
      }
    }
  }
  const connectionsFile = path.join(home, "connections.toml");
  const connections = readTomlCached(connectionsFile);
  if (connections) {
    result.files.push(connectionsFile);
    for (const [name, values] of Object.entries(connections)) {
      if (name === "default_connection_name" && typeof values === "string") result.defaultName = values;
      else if (isTable(values)) result.sections.set(name, { values, file: connectionsFile });
    }
  }
  return result;
}

function toSettingValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : String(value);
}

/**
 * The layer of one connections.toml section. `name` undefined means the default connection, which may be absent
 * (then the layer is empty); a name given explicitly must exist.
 */
export function connectionsTomlLayer(options: { name?: string; env?: NodeJS.ProcessEnv } = {}): ConnectionLayer {
  const env = options.env ?? process.env;
  let loaded: { values: Record<string, string>; keyNames: Record<string, string>; label: string } | undefined;
  const load = () => {
    if (loaded) return loaded;
    const home = snowflakeHome(env);
    const files = readFiles(home);
    const name = options.name ?? env.SNOWFLAKE_DEFAULT_CONNECTION_NAME ?? files.defaultName ?? "default";
    const section = files.sections.get(name);
    if (!section && options.name !== undefined) {
      const known = [...files.sections.keys()].sort();
      throw new ConnectionsFileError(files.files.length
        ? `connection "${name}" is not defined in ${files.files.join(" or ")} (defined: ${known.join(", ") || "none"})`
        : `connection "${name}" was asked for, but there is no connections.toml in ${home} (set SNOWFLAKE_HOME to its folder)`);
    }
    const values: Record<string, string> = {};
    const keyNames: Record<string, string> = {};
    for (const [key, raw] of Object.entries(section?.values ?? {})) {
      const ours = KEY_ALIASES[key] ?? snakeToCamel(key);
      const value = toSettingValue(raw);
      if (value !== undefined) {
        values[ours] = value;
        keyNames[ours] = key;
      }
    }
    loaded = { values, keyNames, label: section ? `${section.file} [${name}]` : `connections.toml [${name}]` };
    return loaded;
  };
  return {
    get name() { return load().label; },
    keyName: (key) => load().keyNames[key] ?? key,
    read: (key) => load().values[key],
  };
}
