// Single-use secrets with a deadline: OAuth authorization codes, SSO requests and SSO tokens.
import { generateSecret } from "../accounts";
import { SessionDefaults } from "../defaults";

export class OneTimeTokens<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();

  constructor(private readonly kind: string) {}

  issue(value: T, lifetimeSeconds: number = SessionDefaults.oneTimeTokenLifetimeSeconds): string {
    const token = generateSecret(this.kind);
    this.entries.set(token, { value, expiresAt: Date.now() + lifetimeSeconds * 1000 });
    return token;
  }

  /** The value, once: a second redemption (or one after the deadline) finds nothing. */
  redeem(token: string | undefined): T | undefined {
    if (token === undefined) return undefined;
    const entry = this.entries.get(token);
    this.entries.delete(token);
    return entry && entry.expiresAt > Date.now() ? entry.value : undefined;
  }
}
