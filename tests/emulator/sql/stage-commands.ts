// Reading the file commands' text (PUT, REMOVE docs), which the token stream cannot take whole: a local file URI and a
// stage reference are either 'quoted' or a bare run of characters (`file:///tmp/a.py`, `@DB.S.STAGE/procs`).
//   PUT file://<path_to_file>/<filename> internalStage [ PARALLEL = <n> ] [ AUTO_COMPRESS = TRUE | FALSE ]
//       [ SOURCE_COMPRESSION = AUTO_DETECT | ... | NONE ] [ OVERWRITE = TRUE | FALSE ]
//   REMOVE internalStage [ PATTERN = '<regex_pattern>' ]
//   internalStage ::= @[<namespace>.]<int_stage_name>[/<path>]
// "If the stage name or path includes spaces or special characters, it must be enclosed in single quotes."
import { ErrorCodes } from "../errors";
import { SqlError, syntaxError, tokenize } from "./tokens";

export interface StageReference {
  /** Stored name parts as written: [stage], [schema, stage] or [database, schema, stage]. */
  parts: string[];
  /** The path inside the stage, without leading or trailing slashes ("" for the whole stage). */
  path: string;
}

export interface FileCommand {
  /** The arguments after the command word: PUT has the file URI and the stage, REMOVE the stage. */
  args: string[];
  /** OPTION = value pairs, upper-case names; values as written (strings decoded). */
  options: Record<string, string>;
}

/** One argument at `at`: a quoted string (decoded as SQL strings are) or the run up to the next space. */
function readArgument(text: string, at: number): { value: string; end: number } {
  if (text[at] !== "'") {
    const end = text.slice(at).search(/\s/);
    return { value: text.slice(at, end < 0 ? text.length : at + end), end: end < 0 ? text.length : at + end };
  }
  const token = tokenize(text.slice(at))[0];
  return { value: token.value, end: at + token.end };
}

/** The command's arguments (`count` of them) and options; the command word itself is skipped. */
export function readFileCommand(text: string, count: number): FileCommand {
  const statement = text.trim().replace(/;$/, "");
  let at = statement.search(/\s|$/);
  const args: string[] = [];
  for (let index = 0; index < count; index++) {
    while (/\s/.test(statement[at] ?? "")) at++;
    if (at >= statement.length) throw syntaxError(statement, at, "<EOF>");
    const { value, end } = readArgument(statement, at);
    args.push(value);
    at = end;
  }
  const options: Record<string, string> = {};
  const tokens = tokenize(statement.slice(at));
  for (let index = 0; index < tokens.length; index += 3) {
    const [name, equals, value] = tokens.slice(index, index + 3);
    if (name?.type !== "word" || equals?.value !== "=" || !value) {
      const bad = name?.type !== "word" ? name : equals?.value !== "=" ? equals : undefined;
      throw syntaxError(statement, bad ? at + bad.start : statement.length, bad ? statement.slice(at + bad.start, at + bad.end) : "<EOF>");
    }
    options[name.value.toUpperCase()] = value.value;
  }
  return { args, options };
}

function unsupported(what: string): SqlError {
  return new SqlError(ErrorCodes.sqlCompilation, "02000", `SQL compilation error:\nThe Snowflake emulator does not support ${what}.`);
}

/** `@DB.S.STAGE/procs/x.py`, `@"my stage"` -> stored parts and path. Table (@%t) and user (@~) stages are not emulated. */
export function parseStageReference(text: string): StageReference {
  if (!text.startsWith("@")) throw new SqlError(ErrorCodes.syntaxError, "42000", `SQL compilation error:\n${text} does not start with @`);
  if (text.startsWith("@~") || text.startsWith("@%")) throw unsupported("user and table stages");
  const parts: string[] = [];
  let at = 1;
  for (;;) {
    if (text[at] === '"') {
      let end = at + 1;
      while (end < text.length && !(text[end] === '"' && text[end + 1] !== '"')) end += text[end] === '"' ? 2 : 1;
      if (end >= text.length) throw syntaxError(text, at, '"');
      parts.push(text.slice(at + 1, end).replace(/""/g, '"'));
      at = end + 1;
    } else {
      const match = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(text.slice(at));
      if (!match) throw syntaxError(text, at, text.slice(at, at + 1) || "<EOF>");
      // Identifier requirements docs: unquoted names are stored upper-cased.
      parts.push(match[0].toUpperCase());
      at += match[0].length;
    }
    if (text[at] !== ".") break;
    at++;
  }
  if (parts.length > 3) throw syntaxError(text, at, text.slice(at));
  if (at < text.length && text[at] !== "/") throw syntaxError(text, at, text.slice(at, at + 1));
  return { parts, path: text.slice(at).replace(/^\/+|\/+$/g, "") };
}

/** A TRUE / FALSE option (PUT docs), else `fallback` when it is not given. */
export function booleanOption(options: Record<string, string>, name: string, fallback: boolean): boolean {
  const value = options[name];
  if (value === undefined) return fallback;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  throw new SqlError(ErrorCodes.sqlCompilation, "42601", `SQL compilation error:\nInvalid value specified for property '${name}'`);
}
