import { useId, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountedBucket, StockItemView } from '../../../shared/stock/schemas';
import type { StocktakeLine } from '../../../shared/stock/stocktake-contract';
import { api } from '../api/client';
import { SerialScanner } from '../stock/actions/SerialScanner';
import { itemName, signed } from '../stock/format';
import { describeStocktakeError } from './errors';

/** What the count form holds between scans; kept by the panel so it survives a view switch. */
export interface CountDraft {
  sku: string;
  bucket: CountedBucket;
  counted: string;
  serials: string[];
}

export const emptyCount: CountDraft = { sku: '', bucket: 'on_hand', counted: '', serials: [] };

interface CountFormProps {
  stocktakeId: number;
  draft: CountDraft;
  onDraft: (draft: CountDraft) => void;
  itemsBySku: ReadonlyMap<string, StockItemView>;
  onCounted: (line: StocktakeLine) => void;
  /** The item-code box, which the sheet's "count" buttons fill and focus. */
  skuRef: RefObject<HTMLInputElement | null>;
  /** Whichever box takes the amount (a number, or the serial scanner). */
  amountRef: RefObject<HTMLInputElement | null>;
}

type Shown = { kind: 'counted'; line: StocktakeLine } | { kind: 'error'; message: string } | null;

/**
 * Counting one shelf line at a time, by scanner: the item code and Enter, then how many
 * were found (or every unit's serial, one scan each) and Enter. The form then empties
 * and waits for the next item code.
 */
export function CountForm({ stocktakeId, draft, onDraft, itemsBySku, onCounted, skuRef, amountRef }: CountFormProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [shown, setShown] = useState<Shown>(null);
  const [busy, setBusy] = useState(false);
  const item = itemsBySku.get(draft.sku.trim().toUpperCase());
  const nameOf = (sku: string): string => {
    const known = itemsBySku.get(sku);
    return known ? itemName(known, i18n.language) : sku;
  };

  function change(next: Partial<CountDraft>): void {
    onDraft({ ...draft, ...next });
    if (shown?.kind === 'error') setShown(null);
  }

  function focusAmount(): void {
    amountRef.current?.focus();
  }

  function onSkuKey(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Enter' && item) {
      event.preventDefault();
      focusAmount();
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    if (!item) {
      setShown({ kind: 'error', message: draft.sku.trim() === '' ? t('stocktake.count.needSku') : t('stock.move.unknownSku', { sku: draft.sku }) });
      skuRef.current?.focus();
      return;
    }
    const counted = Number(draft.counted);
    if (!item.serialTracked && (draft.counted.trim() === '' || !Number.isInteger(counted) || counted < 0 || counted > 100_000)) {
      setShown({ kind: 'error', message: t('stocktake.count.needCounted') });
      amountRef.current?.focus();
      return;
    }
    setBusy(true);
    // Serial-numbered items are counted by their scanned units; none scanned means none found.
    const amount = item.serialTracked ? { serials: draft.serials } : { counted };
    const result = await api.call['stocktake.count']({ stocktakeId, sku: item.sku, bucket: draft.bucket, ...amount });
    setBusy(false);
    if (!result.ok) {
      setShown({ kind: 'error', message: describeStocktakeError(result.error, t, nameOf) });
      focusAmount();
      return;
    }
    setShown({ kind: 'counted', line: result.value.line });
    onCounted(result.value.line);
    onDraft({ ...draft, sku: '', counted: '', serials: [] });
    skuRef.current?.focus();
  }

  const line = shown?.kind === 'counted' ? shown.line : null;
  return (
    <form className="count" noValidate onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-heading`} data-testid="count-form">
      <h3 id={`${id}-heading`} className="count__heading">
        {t('stocktake.count.heading')}
      </h3>
      <div className="count__row">
        <div className="field count__sku">
          <label className="field__label" htmlFor={`${id}-sku`}>
            {t('stock.move.field.sku')}
          </label>
          <input
            id={`${id}-sku`}
            ref={skuRef}
            className="field__input"
            autoComplete="off"
            spellCheck={false}
            list={`${id}-items`}
            value={draft.sku}
            onChange={(event) => change({ sku: event.target.value.toUpperCase(), serials: [] })}
            onKeyDown={onSkuKey}
          />
          <datalist id={`${id}-items`}>
            {[...itemsBySku.values()].map((known) => (
              <option key={known.sku} value={known.sku}>
                {itemName(known, i18n.language)}
              </option>
            ))}
          </datalist>
          <div className="move__item">{item ? itemName(item, i18n.language) : t('stocktake.count.skuHint')}</div>
        </div>
        <fieldset className="count__bucket">
          <legend className="field__label">{t('stocktake.count.bucket')}</legend>
          {(['on_hand', 'display'] as const).map((bucket) => (
            <label key={bucket} className="move__choice">
              <input type="radio" name={`${id}-bucket`} checked={draft.bucket === bucket} onChange={() => change({ bucket, serials: [] })} />
              {t(`stock.bucket.${bucket}`)}
            </label>
          ))}
        </fieldset>
        {!item?.serialTracked && (
          <div className="field count__counted">
            <label className="field__label" htmlFor={`${id}-counted`}>
              {t('stocktake.count.counted')}
            </label>
            <input
              id={`${id}-counted`}
              ref={amountRef}
              className="field__input"
              inputMode="numeric"
              autoComplete="off"
              value={draft.counted}
              onChange={(event) => change({ counted: event.target.value.replace(/\D/g, '').slice(0, 6) })}
            />
          </div>
        )}
        <button type="submit" className="button button--primary count__submit" disabled={busy}>
          {busy ? t('stocktake.count.saving') : t('stocktake.count.save')}
          <kbd className="button__key">Enter</kbd>
        </button>
      </div>
      {item?.serialTracked && (
        <SerialScanner
          id={`${id}-serials`}
          label={t('stocktake.count.serials')}
          serials={draft.serials}
          onChange={(serials) => change({ serials })}
          invalid={shown?.kind === 'error'}
          errorId={`${id}-error`}
          inputRef={amountRef}
        />
      )}
      <div id={`${id}-error`} className="form-error" role="alert">
        {shown?.kind === 'error' ? shown.message : ''}
      </div>
      {line && (
        <p className="count__done" role="status" data-testid="count-done">
          {t('stocktake.count.done', {
            item: nameOf(line.sku),
            bucket: t(`stock.bucket.${line.bucket}`),
            counted: line.counted ?? 0,
            expected: line.expected,
            variance: signed(line.variance ?? 0),
          })}
        </p>
      )}
    </form>
  );
}
