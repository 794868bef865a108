import { randomBytes } from 'node:crypto';
import type { StaffView } from '../../../shared/staff/contract';

export const SESSION_MS = 12 * 60 * 60 * 1000;

export interface Session {
  readonly token: string;
  readonly staff: StaffView;
  readonly expiresAt: number;
  locked: boolean;
}

/**
 * Sessions live in memory: a restart of the counter logs everyone out, and reading a
 * session never writes to the database.
 */
export class SessionTable {
  private readonly sessions = new Map<string, Session>();

  open(staff: StaffView, now: Date): Session {
    const session: Session = {
      token: randomBytes(32).toString('base64url'),
      staff,
      expiresAt: now.getTime() + SESSION_MS,
      locked: false,
    };
    this.sessions.set(session.token, session);
    return session;
  }

  find(token: string | undefined, now: Date): Session | undefined {
    if (!token) return undefined;
    const session = this.sessions.get(token);
    if (session && session.expiresAt <= now.getTime()) {
      this.sessions.delete(token);
      return undefined;
    }
    return session;
  }

  close(token: string): void {
    this.sessions.delete(token);
  }

  closeAllOf(staffId: number): void {
    for (const [token, s] of this.sessions) if (s.staff.id === staffId) this.sessions.delete(token);
  }
}
