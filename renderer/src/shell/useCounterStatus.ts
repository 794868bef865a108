import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { CounterStatus } from '../api/types';
import { onStatusRefresh } from './statusRefresh';

export const STATUS_POLL_MS = 10_000;

/** HQ reachability and unsynced events for the top bar; `null` until known or when the call fails. */
export function useCounterStatus(): CounterStatus | null {
  const [status, setStatus] = useState<CounterStatus | null>(null);
  useEffect(() => {
    let alive = true;
    const poll = async (): Promise<void> => {
      const result = await api.call['system.status']({});
      if (alive) setStatus(result.ok ? result.value : null);
    };
    void poll();
    const timer = setInterval(() => void poll(), STATUS_POLL_MS);
    const unsubscribe = onStatusRefresh(() => void poll());
    return () => {
      alive = false;
      clearInterval(timer);
      unsubscribe();
    };
  }, []);
  return status;
}
