import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiResult } from '../../../shared/contract/errors';
import type { StockItemView } from '../../../shared/stock/schemas';
import { api } from '../api/client';
import type { ApiError } from '../api/types';

export interface StockItems {
  /** Every active item (stock.list), in the core's order; null until the first answer. */
  items: StockItemView[] | null;
  /** Low-stock alerts (stock.alerts), emptiest first. */
  alerts: StockItemView[];
  error: ApiError | null;
  refresh: () => Promise<void>;
}

type Answers = [ApiResult<{ items: StockItemView[] }>, ApiResult<{ items: StockItemView[] }>];

function readStock(): Promise<Answers> {
  return Promise.all([api.call['stock.list']({}), api.call['stock.alerts']({})]);
}

/** The hall's stock, read on opening and again after every movement this screen makes. */
export function useStockItems(): StockItems {
  const [items, setItems] = useState<StockItemView[] | null>(null);
  const [alerts, setAlerts] = useState<StockItemView[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  // Answers can cross (a refresh right after another); only the newest request is shown.
  const latest = useRef(0);

  const show = useCallback((request: number, [list, low]: Answers) => {
    if (request !== latest.current) return;
    if (list.ok) {
      setItems(list.value.items);
      setError(null);
    } else setError(list.error);
    if (low.ok) setAlerts(low.value.items);
  }, []);

  const refresh = useCallback(async () => {
    const request = ++latest.current;
    show(request, await readStock());
  }, [show]);

  useEffect(() => {
    const request = ++latest.current;
    void readStock().then((answers) => show(request, answers));
    return () => {
      latest.current += 1;
    };
  }, [show]);

  return { items, alerts, error, refresh };
}
