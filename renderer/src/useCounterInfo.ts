import { useCallback, useEffect, useState } from 'react';
import { api } from './api/client';
import type { ApiError, CounterInfo } from './api/types';

export interface CounterInfoState {
  info: CounterInfo | null;
  failure: ApiError | null;
  retry: () => void;
}

/** Which hall and counter this is; asked once at start, since it can't change while the app runs. */
export function useCounterInfo(): CounterInfoState {
  const [info, setInfo] = useState<CounterInfo | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let alive = true;
    void api.call['system.info']({}).then((result) => {
      if (!alive) return;
      if (result.ok) setInfo(result.value);
      else setFailure(result.error);
    });
    return () => {
      alive = false;
    };
  }, [attempt]);

  const retry = useCallback(() => {
    setFailure(null);
    setAttempt((n) => n + 1);
  }, []);
  return { info, failure, retry };
}
