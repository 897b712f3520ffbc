// A tokenizer for the SQL the emulator answers: words, "quoted identifiers", 'string literals' ('' and backslash
// escapes, String constants docs), $$dollar-quoted$$ strings, numbers and punctuation. Tokens keep their offsets so
// embedded SQL (an alert's condition, a COPY statement) can be taken verbatim.
import { ErrorCodes } from "../errors";

export type TokenType = "word" | "quoted" | "string" | "number" | "symbol";

export interface Token {
  type: TokenType;
  /** Decoded text: a word as written, a quoted identifier's or string's content. */
  value: string;
  start: number;
  end: number;
}

export class SqlError extends Error {
  constructor(readonly code: string, readonly sqlState: string, message: string) {
    super(message);
  }
}

/** "SQL compilation error: syntax error line 1 at position N unexpected '<token>'." (code 001003, SQLSTATE 42000). */
export function syntaxError(text: string, at: number, unexpected: string): SqlError {
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  const position = at - (before.lastIndexOf("\n") + 1);
  return new SqlError(ErrorCodes.syntaxError, "42000", `SQL compilation error:\nsyntax error line ${line} at position ${position} unexpected '${unexpected}'.`);
}

// String constants docs: the escape sequences of single-quoted strings; any other backslash is ignored.
const ESCAPES: Record<string, string> = { "'": "'", '"': '"', "\\": "\\", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", "0": "\0" };

function readString(text: string, start: number): { value: string; end: number } {
  let value = "";
  for (let index = start + 1; index < text.length; index++) {
    const char = text[index];
    if (char === "'" && text[index + 1] === "'") {
      value += "'";
      index++;
    } else if (char === "'") return { value, end: index + 1 };
    else if (char === "\\" && index + 1 < text.length) value += ESCAPES[text[++index]] ?? text[index];
    else value += char;
  }
  throw syntaxError(text, start, "'");
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (/\s/.test(char)) {
      index++;
    } else if (text.startsWith("--", index)) {
      index = text.indexOf("\n", index) < 0 ? text.length : text.indexOf("\n", index);
    } else if (char === "'") {
      const { value, end } = readString(text, index);
      tokens.push({ type: "string", value, start: index, end });
      index = end;
    } else if (text.startsWith("$$", index)) {
      const close = text.indexOf("$$", index + 2);
      if (close < 0) throw syntaxError(text, index, "$$");
      tokens.push({ type: "string", value: text.slice(index + 2, close), start: index, end: close + 2 });
      index = close + 2;
    } else if (char === '"') {
      let end = index + 1;
      while (end < text.length && !(text[end] === '"' && text[end + 1] !== '"')) end += text[end] === '"' ? 2 : 1;
      if (end >= text.length) throw syntaxError(text, index, '"');
      tokens.push({ type: "quoted", value: text.slice(index + 1, end).replace(/""/g, '"'), start: index, end: end + 1 });
      index = end + 1;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(text.slice(index))!;
      tokens.push({ type: "word", value: match[0], start: index, end: index + match[0].length });
      index += match[0].length;
    } else if (/[0-9-]/.test(char) && /^-?\d/.test(text.slice(index))) {
      const match = /^-?\d+(\.\d+)?/.exec(text.slice(index))!;
      tokens.push({ type: "number", value: match[0], start: index, end: index + match[0].length });
      index += match[0].length;
    } else {
      tokens.push({ type: "symbol", value: char, start: index, end: index + 1 });
      index++;
    }
  }
  return tokens;
}
