import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiResult } from '../../../shared/contract/errors';
import type { MethodOutput } from '../../../shared/contract/index';
import { api } from '../api/client';
import type { ApiError } from '../api/types';

export type StocktakeSheet = MethodOutput<'stocktake.review'>;

export interface StocktakeState {
  /** The open stocktake's sheet; null when none is open (or before the first answer). */
  sheet: StocktakeSheet | null;
  /** The core has answered at least once. */
  known: boolean;
  error: ApiError | null;
  reload: () => Promise<void>;
}

function readSheet(): Promise<ApiResult<StocktakeSheet>> {
  return api.call['stocktake.review']({});
}

/** The open stocktake (stocktake.review without an id), read when the view is shown and after every change made here. */
export function useStocktake(visible: boolean): StocktakeState {
  const [sheet, setSheet] = useState<StocktakeSheet | null>(null);
  const [known, setKnown] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(0);

  const show = useCallback((request: number, result: ApiResult<StocktakeSheet>) => {
    if (request !== latest.current) return;
    setKnown(true);
    if (result.ok) {
      setSheet(result.value);
      setError(null);
    } else if (result.error.code === 'NOT_FOUND') {
      // No stocktake is open: not a fault, the screen offers to start one.
      setSheet(null);
      setError(null);
    } else setError(result.error);
  }, []);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    show(request, await readSheet());
  }, [show]);

  useEffect(() => {
    // Another counter may have counted meanwhile: the sheet is read each time it is shown.
    if (!visible) return;
    const request = ++latest.current;
    void readSheet().then((result) => show(request, result));
  }, [visible, show]);

  useEffect(
    () => () => {
      latest.current += 1;
    },
    [],
  );

  return { sheet, known, error, reload };
}
