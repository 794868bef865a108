import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiResult } from '../../../shared/contract/errors';
import type { ApiError } from '../api/types';

export interface ContractQuery<T> {
  data: T | null;
  error: ApiError | null;
  /** Reads again (after this screen changed something). */
  reload: () => void;
}

/**
 * Reads through the contract while the view is shown, again whenever `key` (what was
 * asked) changes, and on reload. Answers can cross; only the newest request is shown.
 */
export function useContractQuery<T>(load: () => Promise<ApiResult<T>>, key: string, visible: boolean): ContractQuery<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);
  const latest = useRef(0);
  const loader = useRef(load);

  useEffect(() => {
    loader.current = load;
  }, [load]);

  useEffect(() => {
    // Read each time the view is shown: other counters and other screens change these lists.
    if (!visible) return;
    const request = ++latest.current;
    void loader.current().then((result) => {
      if (request !== latest.current) return;
      if (result.ok) {
        setData(result.value);
        setError(null);
      } else setError(result.error);
    });
  }, [key, visible, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, reload };
}
