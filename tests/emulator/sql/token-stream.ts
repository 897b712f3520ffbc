// Reading a statement token by token; every unexpected token is Snowflake's syntax error naming it.
import { isReservedWord } from "../../../provider/engine/reserved-words";
import { syntaxError, tokenize, type Token } from "./tokens";

export class TokenStream {
  private readonly tokens: Token[];
  private index = 0;

  constructor(readonly text: string) {
    this.tokens = tokenize(text).filter((token, index, all) => !(token.type === "symbol" && token.value === ";" && index === all.length - 1));
  }

  get done(): boolean {
    return this.index >= this.tokens.length;
  }

  peek(offset = 0): Token | undefined {
    return this.tokens[this.index + offset];
  }

  next(): Token {
    const token = this.tokens[this.index];
    if (!token) throw syntaxError(this.text, this.text.length, "<EOF>");
    this.index++;
    return token;
  }

  /** Whether the next tokens are these keywords (case-insensitive); consumes them if so. */
  accept(...words: string[]): boolean {
    const matches = words.every((word, offset) => {
      const token = this.peek(offset);
      return token?.type === "word" && token.value.toUpperCase() === word;
    });
    if (matches) this.index += words.length;
    return matches;
  }

  expect(...words: string[]): void {
    for (const word of words) {
      const token = this.next();
      if (token.type !== "word" || token.value.toUpperCase() !== word) throw this.unexpected(token);
    }
  }

  acceptSymbol(symbol: string): boolean {
    const token = this.peek();
    if (token?.type === "symbol" && token.value === symbol) {
      this.index++;
      return true;
    }
    return false;
  }

  expectSymbol(symbol: string): void {
    const token = this.next();
    if (token.type !== "symbol" || token.value !== symbol) throw this.unexpected(token);
  }

  /** An identifier: unquoted (stored upper-cased; reserved words refused) or "quoted" (stored exactly). */
  identifier(): string {
    const token = this.next();
    if (token.type === "quoted") return token.value;
    if (token.type !== "word" || isReservedWord(token.value)) throw this.unexpected(token);
    return token.value.toUpperCase();
  }

  /** A dot-separated name, as stored parts. */
  qualifiedName(): string[] {
    const parts = [this.identifier()];
    while (this.acceptSymbol(".")) parts.push(this.identifier());
    return parts;
  }

  string(): string {
    const token = this.next();
    if (token.type !== "string") throw this.unexpected(token);
    return token.value;
  }

  /** The statement's text from the next token to the end, as written (embedded SQL). */
  rest(): string {
    const token = this.peek();
    if (!token) throw syntaxError(this.text, this.text.length, "<EOF>");
    const end = this.tokens[this.tokens.length - 1].end;
    this.index = this.tokens.length;
    return this.text.slice(token.start, end);
  }

  /** The text inside a parenthesised group, as written, consuming the group. */
  parenthesised(): string {
    const open = this.next();
    if (open.type !== "symbol" || open.value !== "(") throw this.unexpected(open);
    let depth = 1;
    while (depth > 0) {
      const token = this.next();
      if (token.type === "symbol" && token.value === "(") depth++;
      if (token.type === "symbol" && token.value === ")") depth--;
      if (depth === 0) return this.text.slice(open.end, token.start).trim();
    }
    throw syntaxError(this.text, this.text.length, "<EOF>");
  }

  expectEnd(): void {
    if (!this.done) throw this.unexpected(this.next());
  }

  unexpected(token: Token) {
    return syntaxError(this.text, token.start, this.text.slice(token.start, token.end));
  }
}
