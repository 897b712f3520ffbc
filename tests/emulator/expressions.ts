// How Snowflake prints back a column default it stored (DESCRIBE TABLE's "default" column): keywords and unquoted
// names upper-cased, whitespace collapsed (none around parentheses, commas and dots; one after a comma), and
// context functions written without parentheses printed as calls (CURRENT_TIMESTAMP -> CURRENT_TIMESTAMP();
// CURRENT_DATE / CURRENT_TIME / LOCALTIME / LOCALTIMESTAMP docs). Literals and quoted names keep their text.
// Not confirmed against a live account: the spacing Snowflake prints around operators (kept as one space), and
// whether it qualifies and quotes sequence references in every case (terraform-provider-snowflake#2644 shows
// "DB"."S"."SEQ".NEXTVAL; the emulator prints the reference as written, upper-cased).
const CONTEXT_FUNCTIONS = new Set(["CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIMESTAMP", "LOCALTIME"]);

const TIGHT = new Set(["(", ")", ",", "."]);

export function reprintedDefault(text: string): string {
  const pieces = text.trim().match(/'(?:[^'\\]|''|\\.)*'|"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_$]*|\s+|./g) ?? [];
  let printed = "";
  for (const [index, piece] of pieces.entries()) {
    const previous = printed.trimEnd().slice(-1);
    if (/^\s+$/.test(piece)) {
      printed += " ";
      continue;
    }
    if (TIGHT.has(piece) || TIGHT.has(previous)) printed = printed.trimEnd();
    if (previous === ",") printed += " ";
    const quoted = piece.startsWith("'") || piece.startsWith('"');
    const word = quoted ? piece : piece.toUpperCase();
    const next = pieces.slice(index + 1).find((p) => !/^\s+$/.test(p));
    printed += CONTEXT_FUNCTIONS.has(word) && next !== "(" ? `${word}()` : word;
  }
  return printed.trim();
}
