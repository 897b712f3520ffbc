// Connector sessions: a login opens one, identified by a session token (short-lived, renewable) and a master
// token (long-lived, renews the session token). snowflake-sdk services/sf.js TokenInfo keeps both.
import { generateSecret } from "../accounts";
import type { AccountState } from "../state";

export interface SessionDetails {
  account: AccountState;
  user: string;
  role: string;
  warehouse: string | null;
  database: string | null;
  schema: string | null;
  /** The AUTHENTICATOR the login used. */
  authenticator: string;
}

export interface Session extends SessionDetails {
  id: number;
  masterToken: string;
  /** Epoch milliseconds. */
  masterExpiresAt: number;
  ended: boolean;
}

interface SessionTokenRecord {
  session: Session;
  expiresAt: number;
}

export type TokenCheck =
  | { status: "valid"; session: Session }
  | { status: "expired"; session: Session }
  | { status: "ended"; session: Session }
  | { status: "unknown" };

export interface SessionLifetimes {
  sessionTokenSeconds: number;
  masterTokenSeconds: number;
}

// Session ids are large integers in Snowflake; any unique number serves the driver (sf.js setSessionId).
const FIRST_SESSION_ID = 1_000_000_000_001;

export class SessionStore {
  private readonly sessionTokens = new Map<string, SessionTokenRecord>();
  private readonly masterTokens = new Map<string, Session>();
  private nextId = FIRST_SESSION_ID;

  constructor(readonly lifetimes: SessionLifetimes) {}

  open(details: SessionDetails): { session: Session; sessionToken: string } {
    const session: Session = {
      ...details,
      id: this.nextId++,
      masterToken: generateSecret("master"),
      masterExpiresAt: Date.now() + this.lifetimes.masterTokenSeconds * 1000,
      ended: false,
    };
    this.masterTokens.set(session.masterToken, session);
    return { session, sessionToken: this.issueSessionToken(session) };
  }

  checkSessionToken(token: string): TokenCheck {
    const record = this.sessionTokens.get(token);
    if (!record) return { status: "unknown" };
    if (record.session.ended) return { status: "ended", session: record.session };
    if (record.expiresAt <= Date.now()) return { status: "expired", session: record.session };
    return { status: "valid", session: record.session };
  }

  checkMasterToken(token: string): TokenCheck {
    const session = this.masterTokens.get(token);
    if (!session) return { status: "unknown" };
    if (session.ended) return { status: "ended", session };
    if (session.masterExpiresAt <= Date.now()) return { status: "expired", session };
    return { status: "valid", session };
  }

  /** A fresh session token; the replaced one stays known but expired, so it keeps answering 390112. */
  renew(session: Session, oldSessionToken: string): string {
    const old = this.sessionTokens.get(oldSessionToken);
    if (old) old.expiresAt = Math.min(old.expiresAt, Date.now());
    return this.issueSessionToken(session);
  }

  /** Seconds left on the master token (renewal answers repeat it; sf.js TokenInfo.update overwrites both tokens). */
  masterSecondsLeft(session: Session): number {
    return Math.max(0, Math.floor((session.masterExpiresAt - Date.now()) / 1000));
  }

  end(session: Session): void {
    session.ended = true;
  }

  /** Sessions neither ended nor past their master token. */
  active(): number {
    const now = Date.now();
    return [...this.masterTokens.values()].filter((session) => !session.ended && session.masterExpiresAt > now).length;
  }

  /** Every current session token expires now (master tokens stay valid), so clients must renew. */
  expireAll(): void {
    const now = Date.now();
    for (const record of this.sessionTokens.values()) record.expiresAt = Math.min(record.expiresAt, now);
  }

  private issueSessionToken(session: Session): string {
    const token = generateSecret("session");
    this.sessionTokens.set(token, { session, expiresAt: Date.now() + this.lifetimes.sessionTokenSeconds * 1000 });
    return token;
  }
}
