import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiResult } from '../../../shared/contract/errors';
import type { ApiError } from '../api/types';

export interface Read<T> {
  /** The answer for the current key; null while it is on its way (never another key's answer). */
  value: T | null;
  error: ApiError | null;
  loading: boolean;
  /** Reads again, e.g. after this screen changed what is shown. */
  reload: () => void;
}

type Answer<T> = { key: string; value: T | null; error: ApiError | null };

/**
 * One contract read for the screen, made again whenever `key` changes (the customer
 * chosen, a search typed) and on `reload`. A null key reads nothing. Answers that cross
 * are dropped unless they belong to the newest request.
 */
export function useRead<T>(key: string | null, read: () => Promise<ApiResult<T>>): Read<T> {
  const [answer, setAnswer] = useState<Answer<T> | null>(null);
  const [version, setVersion] = useState(0);
  const readRef = useRef(read);
  useEffect(() => {
    readRef.current = read;
  });

  useEffect(() => {
    if (key === null) return;
    let alive = true;
    void readRef.current().then((result) => {
      if (!alive) return;
      setAnswer((shown) =>
        result.ok
          ? { key, value: result.value, error: null }
          : // A failed re-read keeps what was shown, with the error beside it.
            { key, value: shown?.key === key ? shown.value : null, error: result.error },
      );
    });
    return () => {
      alive = false;
    };
  }, [key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const mine = answer !== null && answer.key === key;
  return { value: mine ? answer.value : null, error: mine ? answer.error : null, loading: key !== null && !mine, reload };
}
