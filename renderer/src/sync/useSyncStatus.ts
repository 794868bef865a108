import { useCallback, useEffect, useState } from 'react';
import type { SyncStatus } from '../../../shared/sync/contract';
import { api } from '../api/client';
import type { ApiError } from '../api/types';
import { requestStatusRefresh } from '../shell/statusRefresh';

/** Often enough that a sync started elsewhere (the timer, another screen) shows within seconds. */
export const IDLE_POLL_MS = 3_000;
/** While a sync runs: the progress bar should move, not jump. */
export const RUNNING_POLL_MS = 400;

export interface SyncStatusReading {
  status: SyncStatus | null;
  /** When the answer came (ms since epoch): "3 分钟前" is counted from here. */
  readAt: number;
  error: ApiError | null;
  /** Asks again at once (after "sync now"), then keeps polling. */
  refresh: () => void;
}

/** Polls sync.status while the page is open: slowly when idle, fast while a sync runs. */
export function useSyncStatus(): SyncStatusReading {
  const [reading, setReading] = useState<Omit<SyncStatusReading, 'refresh'>>({ status: null, readAt: 0, error: null });
  const [kick, setKick] = useState(0);

  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // After "sync now" (kick > 0) a first answer of not running means it already finished.
    let wasRunning = kick > 0;
    const poll = async (): Promise<void> => {
      const result = await api.call['sync.status']({});
      if (!alive) return;
      // A sync just ended: the top bar's unsynced count and HQ state are stale now.
      const running = result.ok && result.value.running;
      if (wasRunning && !running) requestStatusRefresh();
      wasRunning = running;
      if (result.ok) setReading({ status: result.value, readAt: Date.now(), error: null });
      else setReading((previous) => ({ ...previous, error: result.error }));
      timer = setTimeout(() => void poll(), result.ok && result.value.running ? RUNNING_POLL_MS : IDLE_POLL_MS);
    };
    void poll();
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [kick]);

  const refresh = useCallback(() => setKick((n) => n + 1), []);
  return { ...reading, refresh };
}
