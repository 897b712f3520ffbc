// How SHOW and DESCRIBE print values, read back into the snapshot's values: the one place their text forms are
// normalized (empty text vs NULL, lists printed as text, names printed unquoted, numbers with decimals), so a
// refresh right after an up compares like with like, as REST snapshots do.
import { identifierFor, splitOutsideQuotes } from "../identifiers";

/**
 * The printed forms:
 * - "text": as printed; NULL and empty text both mean unset (SHOW prints an unset comment as empty text);
 * - "number": `100`, `100.00`;
 * - "boolean": true/false, Y/N, ON/OFF;
 * - "list": `[a, b]`, `["a","b"]`, `a,b` or `('a', 'b')` (DESCRIBE FILE FORMAT prints NULL_IF as `[NULL, \N]`);
 * - "names": a list of identifiers printed as stored (`JDOE, "Mary Smith"`... printed bare), read as identifiers;
 * - "qualifiedNames": names printed as identifiers (`DB.S."my rule", DB.S.R2`), split at commas outside quotes;
 * - "name": one identifier printed as stored;
 * - "timestamp": TIMESTAMP_LTZ as the SQL API's JSON rowset prints it (`<epoch seconds>.<fraction>`), or a date
 *   text; read as an ISO time, the form REST snapshots give `created_on` in.
 */
export type PrintedForm = "text" | "number" | "boolean" | "list" | "names" | "qualifiedNames" | "name" | "timestamp";

/** Where a field's value is printed. Default: the SHOW row's column named by the field's wire name, as text. */
export interface ShownValue {
  /** "describe": a row of DESCRIBE's property / value output (matched case-insensitively); default the SHOW row. */
  from?: "show" | "describe";
  /** The SHOW column or DESCRIBE property; default the wire name (its first segment). */
  column?: string;
  as?: PrintedForm;
  /** A value composed from several columns of the row `from` names (a resource monitor's triggers from notify_at, suspend_at, ...). */
  read?(row: Record<string, string | null>): unknown;
}

/**
 * Splits list text at commas outside quotes, without the surrounding brackets or parentheses. A quote opens a
 * quoted item only at the item's start, so an unquoted item may hold quotes (`[say "hi", x]`).
 */
export function splitPrintedList(text: string): string[] {
  let body = text.trim();
  if (/^[[(].*[\])]$/s.test(body)) body = body.slice(1, -1).trim();
  if (body === "") return [];
  // A JSON array prints its strings with escapes: read it as JSON when it is one.
  if (text.trim().startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.map((item) => String(item));
    } catch {
      // Not JSON (`[a, b]`): split below.
    }
  }
  const items: string[] = [];
  let current = "";
  let quote: string | undefined;
  for (const char of body) {
    if (quote) {
      if (char === quote) quote = undefined;
      else current += char;
    } else if ((char === "'" || char === '"') && current.trim() === "") quote = char;
    else if (char === ",") {
      items.push(current.trim());
      current = "";
    } else current += char;
  }
  items.push(current.trim());
  return items;
}

/** Splits at commas outside double-quoted identifiers, keeping the quotes (`"a,b".C, D` -> `"a,b".C`, `D`). */
function splitOutsideIdentifiers(text: string): string[] {
  return splitOutsideQuotes(text, ",").map((item) => item.trim()).filter((item) => item !== "");
}

/** A printed value as the snapshot keeps it; undefined for NULL, and for empty text where the form is scalar. */
export function readPrinted(text: string | null | undefined, form: PrintedForm = "text"): unknown {
  if (text === null || text === undefined) return undefined;
  switch (form) {
    case "text":
      return text === "" ? undefined : text;
    case "number": {
      const trimmed = text.trim();
      return trimmed === "" || !Number.isFinite(Number(trimmed)) ? undefined : Number(trimmed);
    }
    case "boolean": {
      const word = text.trim().toUpperCase();
      if (["TRUE", "Y", "YES", "ON"].includes(word)) return true;
      if (["FALSE", "N", "NO", "OFF"].includes(word)) return false;
      return undefined;
    }
    case "list":
      return splitPrintedList(text);
    case "qualifiedNames":
      return splitOutsideIdentifiers(text.trim().replace(/^\[(.*)\]$/s, "$1"));
    case "names":
      return splitPrintedList(text).filter((name) => name !== "").map(identifierFor);
    case "name":
      return text === "" ? undefined : identifierFor(text);
    case "timestamp": {
      const epoch = /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) * 1000 : Date.parse(text);
      return Number.isFinite(epoch) ? new Date(epoch).toISOString() : undefined;
    }
  }
}
