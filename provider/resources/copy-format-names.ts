// The named file formats a COPY INTO statement uses (COPY INTO <table> docs: FILE_FORMAT = ( FORMAT_NAME =
// '<file_format_name>' ), also written FORMAT_NAME = <identifier>), resolved as Snowflake resolves identifiers:
// unquoted parts upper-cased, quoted ones exact, and an unqualified name in the database and schema of the object
// that holds the statement (a pipe's own; not confirmed against a live account). FORMAT_NAME inside a string
// literal, a quoted identifier or a $$ body is text, not a clause, and is skipped; one in a comment is still
// counted (a refusal too many, never one too few).
import { splitQualifiedName, storedName } from "../engine/identifiers";

const WORD_CHAR = /[A-Za-z0-9_$]/;
const KEYWORD = "FORMAT_NAME";

/** Where the quoted run starting at `start` (a `'`, `"` or `$$`) ends, just past its closing quote. */
function endOfQuoted(text: string, start: number): number {
  if (text.startsWith("$$", start)) {
    const close = text.indexOf("$$", start + 2);
    return close < 0 ? text.length : close + 2;
  }
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    // String literals escape with a backslash or a doubled quote; identifiers only with a doubled quote.
    if (quote === "'" && text[i] === "\\") i++;
    else if (text[i] === quote) {
      if (text[i + 1] !== quote) return i + 1;
      i++;
    }
  }
  return text.length;
}

/** The text of the string literal starting at `start`, its escapes undone. */
function literalText(text: string, start: number, end: number): string {
  return text.slice(start + 1, end - 1).replace(/''/g, "'").replace(/\\(.)/g, "$1");
}

/** The identifier chain (`db."my schema".fmt`) starting at `start`, as written. */
function identifierChain(text: string, start: number): string {
  let i = start;
  for (;;) {
    if (text[i] === '"') i = endOfQuoted(text, i);
    else while (i < text.length && WORD_CHAR.test(text[i])) i++;
    if (text[i] !== "." || i === start) return text.slice(start, i);
    i++;
  }
}

/** The FORMAT_NAME values of a COPY statement, as written (identifier text, maybe qualified or quoted). */
export function formatNamesWritten(statement: string): string[] {
  const names: string[] = [];
  for (let i = 0; i < statement.length; ) {
    const char = statement[i];
    if (char === "'" || char === '"' || statement.startsWith("$$", i)) {
      i = endOfQuoted(statement, i);
      continue;
    }
    const atWord = !WORD_CHAR.test(statement[i - 1] ?? " ") && statement.slice(i, i + KEYWORD.length).toUpperCase() === KEYWORD && !WORD_CHAR.test(statement[i + KEYWORD.length] ?? " ");
    if (!atWord) {
      i++;
      continue;
    }
    const equals = /^\s*=\s*/.exec(statement.slice(i + KEYWORD.length));
    i += KEYWORD.length;
    if (!equals) continue;
    i += equals[0].length;
    if (statement[i] === "'") {
      const end = endOfQuoted(statement, i);
      names.push(literalText(statement, i, end).trim());
      i = end;
    } else {
      const chain = identifierChain(statement, i);
      if (chain) names.push(chain);
      i += Math.max(chain.length, 1);
    }
  }
  return names;
}

/** The stored database, schema and name of each file format the statement names; unqualified parts from `where`. */
export function formatsNamedIn(statement: string, where: { database: string; schema: string }): [string, string, string][] {
  return formatNamesWritten(statement).flatMap((written) => {
    const parts = splitQualifiedName(written)?.map(storedName);
    if (!parts || parts.length > 3) return [];
    const [database, schema, name] = [...[where.database, where.schema].slice(0, 3 - parts.length), ...parts];
    return [[database, schema, name] as [string, string, string]];
  });
}
