import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiResult } from '../../../../shared/contract/errors';
import type { MethodOutput } from '../../../../shared/contract/index';
import type { MovementView } from '../../../../shared/stock/schemas';
import { api } from '../../api/client';
import type { ApiError } from '../../api/types';

type ItemAnswer = MethodOutput<'stock.item'>;

const PAGE = 20;

export interface ItemCard {
  card: Omit<ItemAnswer, 'movements' | 'nextBeforeId'> | null;
  movements: MovementView[];
  /** Another page of history exists. */
  more: boolean;
  loadingMore: boolean;
  error: ApiError | null;
  loadMore: () => Promise<void>;
  /** Reads the card again from its newest movement (after this counter booked one). */
  reload: () => Promise<void>;
}

/** One item's card (stock.item): balances, units, and its movement history a page at a time. */
export function useItemCard(sku: string): ItemCard {
  const [card, setCard] = useState<ItemCard['card']>(null);
  const [movements, setMovements] = useState<MovementView[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const alive = useRef(true);

  const show = useCallback((result: ApiResult<ItemAnswer>) => {
    if (!alive.current) return;
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const { movements: first, nextBeforeId, ...rest } = result.value;
    setCard(rest);
    setMovements(first);
    setNext(nextBeforeId);
    setError(null);
  }, []);

  const reload = useCallback(async () => show(await api.call['stock.item']({ sku, limit: PAGE })), [sku, show]);

  useEffect(() => {
    alive.current = true;
    void api.call['stock.item']({ sku, limit: PAGE }).then(show);
    return () => {
      alive.current = false;
    };
  }, [sku, show]);

  const loadMore = useCallback(async () => {
    if (next === null || loadingMore) return;
    setLoadingMore(true);
    const result = await api.call['stock.item']({ sku, limit: PAGE, beforeId: next });
    if (!alive.current) return;
    setLoadingMore(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setMovements((shown) => [...shown, ...result.value.movements]);
    setNext(result.value.nextBeforeId);
  }, [sku, next, loadingMore]);

  return { card, movements, more: next !== null, loadingMore, error, loadMore, reload };
}
