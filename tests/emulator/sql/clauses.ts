// ALTER clauses some kinds have besides SET / UNSET: clustering keys, keyword switches (SET ORDER), an embedded
// statement (MODIFY CONDITION / MODIFY ACTION) and option lists (SET CREDENTIALS = ( ... )).
import type { WireValues } from "../catalog/catalog";
import type { OptionClause } from "../catalog/object-kind";
import type { AlterClause, Change } from "./alter";
import { applyValues } from "./alter";
import type { TokenStream } from "./token-stream";

/** Splits expressions at commas outside parentheses and quotes. */
export function splitExpressions(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let current = "";
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === "(") depth++;
    else if (char === ")") depth--;
    else if (char === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
      continue;
    }
    current += char;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

const update = (patch: (values: WireValues) => WireValues): Change => (object, context) => applyValues(object, patch({ ...object.values }), context);

/** CLUSTER BY ( <expr>, ... ) and DROP CLUSTERING KEY (ALTER TABLE / ALTER DYNAMIC TABLE docs). */
export const clusteringClauses: AlterClause[] = [
  {
    read(stream) {
      if (!stream.accept("CLUSTER", "BY")) return undefined;
      const expressions = splitExpressions(stream.parenthesised());
      return update((values) => ({ ...values, cluster_by: expressions }));
    },
  },
  {
    read(stream) {
      if (!stream.accept("DROP", "CLUSTERING", "KEY")) return undefined;
      return update(({ cluster_by: _dropped, ...values }) => values);
    },
  },
];

/** An option clause (CREATE's) as an ALTER clause: the same text, its values re-checked by the kind. */
export function alterClauseOf(clause: OptionClause): AlterClause {
  return { read: (stream) => { const patch = clause.read(stream); return patch ? update(patch) : undefined; } };
}

/** A fixed keyword sequence that sets wire values (ALTER SEQUENCE ... SET NOORDER). */
export function keywordClause(words: string[], patch: (values: WireValues) => WireValues): AlterClause {
  return { read: (stream) => (stream.accept(...words) ? update(patch) : undefined) };
}

/**
 * KEY = 'value' pairs inside parentheses, as wire values keyed by lower-case names (CREDENTIALS = (...)); a value
 * that is itself a list (a storage location's ENCRYPTION = ( TYPE = ... )) becomes a nested object.
 */
export function readOptionList(stream: TokenStream): WireValues {
  stream.expectSymbol("(");
  const options: WireValues = {};
  while (!stream.acceptSymbol(")")) {
    const key = stream.next().value.toLowerCase();
    stream.expectSymbol("=");
    if (stream.peek()?.type === "symbol" && stream.peek()?.value === "(") {
      options[key] = readOptionList(stream);
      stream.acceptSymbol(",");
      continue;
    }
    const token = stream.next();
    options[key] = token.type === "word" ? /^(TRUE|FALSE)$/i.test(token.value) ? token.value.toUpperCase() === "TRUE" : token.value : token.value;
    stream.acceptSymbol(",");
  }
  return options;
}

/** SET <KEYWORD> = ( ... ): an option list that becomes one wire value. */
export function optionListClause(keyword: string, toValues: (options: WireValues, values: WireValues) => WireValues): AlterClause {
  return {
    read(stream) {
      if (!stream.accept("SET", keyword)) return undefined;
      stream.expectSymbol("=");
      const options = readOptionList(stream);
      return update((values) => toValues(options, values));
    },
  };
}
