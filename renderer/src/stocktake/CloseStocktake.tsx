import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockItemView } from '../../../shared/stock/schemas';
import { api } from '../api/client';
import { Dialog, useManagerApproval } from '../approval';
import { itemName } from '../stock/format';
import { conflictReason, describeStocktakeError } from './errors';
import type { ApprovedResult } from './StocktakePanel';
import type { StocktakeSheet } from './useStocktake';

interface CloseStocktakeProps {
  sheet: StocktakeSheet;
  manager: boolean;
  itemsBySku: ReadonlyMap<string, StockItemView>;
  onApproved: (result: ApprovedResult) => void;
  onCancelled: () => void;
  /** The stocktake was closed elsewhere meanwhile: read it again. */
  onStale: () => void;
}

type Closing = 'approve' | 'cancel' | null;

/**
 * Ends the stocktake. Approval books every variance as a stocktake adjustment (a clerk's
 * approval needs a manager's PIN); cancelling leaves the ledger alone and is a manager's.
 * Both ask once more, showing what will happen, before anything is written.
 */
export function CloseStocktake({ sheet, manager, itemsBySku, onApproved, onCancelled, onStale }: CloseStocktakeProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const approval = useManagerApproval();
  const [closing, setClosing] = useState<Closing>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const stocktakeId = sheet.stocktake.stocktakeId;
  const nameOf = (sku: string): string => {
    const known = itemsBySku.get(sku);
    return known ? itemName(known, i18n.language) : sku;
  };

  async function confirm(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy || closing === null) return;
    setBusy(true);
    setError('');
    const trimmed = note.trim().slice(0, 200);
    const withNote = trimmed === '' ? {} : { note: trimmed };
    if (closing === 'approve') {
      const outcome = await approval.withApproval(
        (grant) => api.call['stocktake.approve']({ stocktakeId, ...withNote, ...(grant ? { approval: grant } : {}) }),
        t('stocktake.close.purpose', { id: stocktakeId, lines: sheet.summary.withVariance }),
      );
      setBusy(false);
      if (outcome === 'cancelled') {
        setError(t('stock.move.notApproved'));
        return;
      }
      if (outcome.ok) {
        setClosing(null);
        setNote('');
        onApproved(outcome.value);
        return;
      }
      setError(describeStocktakeError(outcome.error, t, nameOf));
      if (conflictReason(outcome.error) === 'closed') onStale();
      return;
    }
    const result = await api.call['stocktake.cancel']({ stocktakeId, ...withNote });
    setBusy(false);
    if (result.ok) {
      setClosing(null);
      setNote('');
      onCancelled();
    } else {
      setError(describeStocktakeError(result.error, t, nameOf));
      if (conflictReason(result.error) === 'closed') onStale();
    }
  }

  return (
    <div className="stocktake__close">
      <button type="button" className="button button--primary" onClick={() => setClosing('approve')} data-testid="stocktake-approve">
        {t('stocktake.close.approve')}
        {!manager && <span className="stock-actions__approval">{t('stock.actions.needsManager')}</span>}
      </button>
      {manager && (
        <button type="button" className="button" onClick={() => setClosing('cancel')} data-testid="stocktake-cancel">
          {t('stocktake.close.cancel')}
        </button>
      )}
      {closing && (
        <Dialog labelledBy={`${id}-heading`} onClose={() => !busy && setClosing(null)} size="medium" testId={`stocktake-${closing}-confirm`}>
          <div className="modal__head">
            <h2 id={`${id}-heading`} className="modal__title">
              {t(`stocktake.close.${closing}Heading`, { id: stocktakeId })}
            </h2>
          </div>
          <p>
            {closing === 'approve'
              ? t('stocktake.close.approveExplain', sheet.summary)
              : t('stocktake.close.cancelExplain', sheet.summary)}
          </p>
          <form className="move" noValidate onSubmit={(event) => void confirm(event)}>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-note`}>
                {t('stocktake.close.note')}
              </label>
              <input
                id={`${id}-note`}
                className="field__input field__input--text"
                autoComplete="off"
                maxLength={200}
                autoFocus
                value={note}
                onChange={(event) => setNote(event.target.value)}
              />
            </div>
            <div className="form-error" role="alert" data-testid="stocktake-close-error">
              {error}
            </div>
            <div className="modal__buttons">
              <button type="button" className="button" onClick={() => setClosing(null)} disabled={busy}>
                {t('stocktake.close.back')}
                <kbd className="button__key">Esc</kbd>
              </button>
              <button type="submit" className={`button ${closing === 'approve' ? 'button--primary' : 'button--danger'}`} disabled={busy}>
                {busy ? t('stocktake.close.working') : t(`stocktake.close.${closing}Confirm`)}
                <kbd className="button__key">Enter</kbd>
              </button>
            </div>
          </form>
          {approval.dialog}
        </Dialog>
      )}
    </div>
  );
}
