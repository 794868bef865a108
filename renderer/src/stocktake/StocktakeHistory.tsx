import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StocktakeHistoryEntry } from '../../../shared/stock/stocktake-contract';
import { api } from '../api/client';
import { describeError } from '../api/describeError';
import type { ApiError } from '../api/types';
import { hallTime } from '../stock/format';

interface StocktakeHistoryProps {
  visible: boolean;
  /** Bumped when a stocktake was started, approved or cancelled here, so the list is read again. */
  version: number;
}

/** The stocktakes before this one (stocktake.list): when each ran, who opened and closed it, and what its counts found. */
export function StocktakeHistory({ visible, version }: StocktakeHistoryProps) {
  const { t } = useTranslation();
  const id = useId();
  const [stocktakes, setStocktakes] = useState<StocktakeHistoryEntry[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    // Read each time the view is shown: another counter may have closed one meanwhile.
    if (!visible) return;
    const request = ++latest.current;
    void api.call['stocktake.list']({ limit: 10 }).then((result) => {
      if (request !== latest.current) return;
      if (result.ok) {
        setStocktakes(result.value.stocktakes);
        setError(null);
      } else setError(result.error);
    });
  }, [visible, version]);

  if (error) {
    return (
      <p className="form-error" role="alert">
        {describeError(error)}
      </p>
    );
  }
  if (!stocktakes || stocktakes.length === 0) return null;
  return (
    <section className="stocktake__history" aria-labelledby={`${id}-heading`} data-testid="stocktake-history">
      <h3 id={`${id}-heading`} className="stocktake__history-title">
        {t('stocktake.history.heading')}
      </h3>
      <table className="sheet__table">
        <thead>
          <tr>
            <th scope="col">{t('stocktake.history.stocktake')}</th>
            <th scope="col">{t('stocktake.history.status')}</th>
            <th scope="col">{t('stocktake.history.started')}</th>
            <th scope="col">{t('stocktake.history.closed')}</th>
            <th scope="col" className="sheet__num">
              {t('stocktake.history.counted')}
            </th>
            <th scope="col" className="sheet__num">
              {t('stocktake.history.variances')}
            </th>
          </tr>
        </thead>
        <tbody>
          {stocktakes.map((entry) => (
            <tr key={entry.stocktakeId} data-stocktake={entry.stocktakeId} data-status={entry.status}>
              <td>
                #{entry.stocktakeId}
                {entry.note ? <span className="stocktake__meta"> {entry.note}</span> : null}
              </td>
              <td>{t(`stocktake.history.state.${entry.status}`)}</td>
              <td>{t('stocktake.history.by', { staffNo: entry.startedBy, at: hallTime(entry.startedAt) })}</td>
              <td>{entry.closedBy ? t('stocktake.history.by', { staffNo: entry.closedBy, at: hallTime(entry.closedAt) }) : '—'}</td>
              <td className="sheet__num">{entry.countedLines}</td>
              <td className="sheet__num">{entry.varianceLines}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
