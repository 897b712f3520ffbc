// A file's path inside a stage, e.g. `procs/trunc.py`. Stage paths are case-sensitive (LIST / REMOVE docs: "an optional
// case-sensitive path"), so they are compared exactly. The path goes into PUT, REMOVE (with a PATTERN regex) and the
// `@stage/path` references users write in IMPORTS, so it is kept to characters none of those treat specially.
import { noSql, FieldKind } from "../field-kind";

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.\-]*$/;
const WORDS = "segments of letters, digits, _ . and - separated by /, e.g. procs/trunc.py";

/** Why `text` cannot be a stage file path, or undefined when it can. */
export function stagePathProblem(text: string): string | undefined {
  if (text === "") return "empty";
  if (text.startsWith("/") || text.endsWith("/")) return "starts or ends with /; write it relative to the stage, e.g. procs/trunc.py";
  const bad = text.split("/").find((segment) => !SEGMENT.test(segment));
  if (bad !== undefined) return bad === "" ? "has an empty segment (//)" : `segment "${bad}" is not allowed (${WORDS})`;
  return undefined;
}

/** The regular expression for PATTERN that matches this path and no longer one it is a prefix of. */
export function exactPathPattern(path: string): string {
  // Only . is special among the allowed characters; [.] needs no backslash, which SQL literals would double.
  return `.*${path.replace(/\./g, "[.]")}$`;
}

export function stagePathKind(): FieldKind {
  return {
    shape: { primitive: "string" },
    expected: `a path inside the stage (${WORDS})`,
    problem: (value) => (typeof value !== "string" ? "not a string" : stagePathProblem(value)),
    canonical: (value) => value,
    toWire: (value) => value,
    fromWire: (value) => value,
    toSql: noSql("stage paths"),
  };
}

/** A stage location as CREATE NOTEBOOK / CREATE STREAMLIT ... FROM take it: `@[db.][schema.]stage[/path]`. */
export const STAGE_LOCATION = /^@("([^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)(\.("([^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)){0,2}(\/\S*)?$/;
