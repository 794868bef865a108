import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/contract/index';
import type { CountedBucket, StockItemView } from '../../../shared/stock/schemas';
import { describeError } from '../api/describeError';
import { hallTime } from '../stock/format';
import { CountForm, emptyCount, type CountDraft } from './CountForm';
import { ApprovedStocktake } from './ApprovedStocktake';
import { CloseStocktake } from './CloseStocktake';
import { StartStocktake } from './StartStocktake';
import { StocktakeHistory } from './StocktakeHistory';
import { useStocktake } from './useStocktake';
import { VarianceReview } from './VarianceReview';
import './stocktake.css';

export type ApprovedResult = MethodOutput<'stocktake.approve'>;

interface StocktakePanelProps {
  visible: boolean;
  manager: boolean;
  itemsBySku: ReadonlyMap<string, StockItemView>;
  /** The ledger changed (an approval booked adjustments): the grid reads the stock again. */
  onStockChanged: () => void;
}

/**
 * The stocktake (盘点): a manager opens it; anyone counts, line by line; the sheet shows
 * book against shelf; approval (a clerk needs a manager's PIN) books the variances, or a
 * manager cancels it and the ledger stays as it was.
 */
export function StocktakePanel({ visible, manager, itemsBySku, onStockChanged }: StocktakePanelProps) {
  const { t } = useTranslation();
  const { sheet, known, error, reload } = useStocktake(visible);
  const [count, setCount] = useState<CountDraft>(emptyCount);
  const [approved, setApproved] = useState<ApprovedResult | null>(null);
  const [closedCount, setClosedCount] = useState(0);
  const skuRef = useRef<HTMLInputElement>(null);
  const amountRef = useRef<HTMLInputElement>(null);

  function countLine(sku: string, bucket: CountedBucket): void {
    setCount({ sku, bucket, counted: '', serials: [] });
    // The item is filled in; the clerk goes straight on to how many (after the form shows the right box).
    requestAnimationFrame(() => amountRef.current?.focus());
  }

  if (!known) return <p className="stock-note">{t('stocktake.loading')}</p>;

  return (
    <div className="stocktake">
      {error && (
        <p className="form-error" role="alert">
          {describeError(error)}
        </p>
      )}
      {approved && <ApprovedStocktake result={approved} itemsBySku={itemsBySku} onDismiss={() => setApproved(null)} />}
      {sheet === null ? (
        manager ? (
          <StartStocktake onStarted={() => void reload()} onAlreadyOpen={() => void reload()} />
        ) : (
          <p className="planned" data-testid="stocktake-none">
            {t('stocktake.noneOpenClerk')}
          </p>
        )
      ) : (
        <>
          <div className="stocktake__head" data-testid="stocktake-open">
            <p className="stocktake__title">
              {t('stocktake.openTitle', { id: sheet.stocktake.stocktakeId })}
              <span className="stocktake__meta">
                {t('stocktake.startedBy', { staffNo: sheet.stocktake.startedBy, at: hallTime(sheet.stocktake.startedAt) })}
                {sheet.stocktake.note ? ` · ${sheet.stocktake.note}` : ''}
              </span>
            </p>
            <CloseStocktake
              sheet={sheet}
              manager={manager}
              itemsBySku={itemsBySku}
              onApproved={(result) => {
                setApproved(result);
                setClosedCount((n) => n + 1);
                setCount(emptyCount);
                onStockChanged();
                void reload();
              }}
              onCancelled={() => {
                setClosedCount((n) => n + 1);
                setCount(emptyCount);
                void reload();
              }}
              onStale={() => {
                setClosedCount((n) => n + 1);
                void reload();
              }}
            />
          </div>
          <CountForm
            stocktakeId={sheet.stocktake.stocktakeId}
            draft={count}
            onDraft={setCount}
            itemsBySku={itemsBySku}
            onCounted={() => void reload()}
            skuRef={skuRef}
            amountRef={amountRef}
          />
          <VarianceReview sheet={sheet} itemsBySku={itemsBySku} onCount={countLine} canCount />
        </>
      )}
      <StocktakeHistory visible={visible} version={closedCount} />
    </div>
  );
}
