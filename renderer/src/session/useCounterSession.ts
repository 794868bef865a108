import { useCallback, useEffect, useState } from 'react';
import { api, onSessionTrouble } from '../api/client';
import type { StaffView } from '../api/types';

/** Why the login screen is showing, when it is not a fresh start. */
export type LoginNotice = 'session_ended' | null;

export interface CounterSession {
  staff: StaffView | null;
  locked: boolean;
  notice: LoginNotice;
  loggedIn: (token: string, staff: StaffView) => void;
  lock: () => Promise<void>;
  unlocked: () => void;
  logout: () => Promise<void>;
}

/**
 * Who is at the counter and whether the screen is locked. The core is the judge: any
 * answer saying the screen is locked or the session is gone moves the UI there, so a
 * lock made elsewhere or an expired session can't leave a stale counter on screen.
 */
export function useCounterSession(): CounterSession {
  const [staff, setStaff] = useState<StaffView | null>(null);
  const [locked, setLocked] = useState(false);
  const [notice, setNotice] = useState<LoginNotice>(null);

  const leave = useCallback((why: LoginNotice) => {
    api.setSession(undefined);
    setStaff(null);
    setLocked(false);
    setNotice(why);
  }, []);

  useEffect(
    () =>
      onSessionTrouble((trouble) => {
        if (trouble === 'screen_locked') setLocked(true);
        else leave('session_ended');
      }),
    [leave],
  );

  const loggedIn = useCallback((token: string, who: StaffView) => {
    api.setSession(token);
    setStaff(who);
    setLocked(false);
    setNotice(null);
  }, []);

  const lock = useCallback(async () => {
    const result = await api.call['session.lock']({});
    if (result.ok) setLocked(true);
  }, []);

  const unlocked = useCallback(() => setLocked(false), []);

  const logout = useCallback(async () => {
    // Whatever the core answers, this counter forgets the session: a clerk who pressed
    // logout must never find the screen still open.
    await api.call['session.logout']({});
    leave(null);
  }, [leave]);

  return { staff, locked, notice, loggedIn, lock, unlocked, logout };
}
