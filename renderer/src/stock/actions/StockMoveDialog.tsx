import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockItemView, StockMoveResult } from '../../../../shared/stock/schemas';
import { Dialog, useManagerApproval } from '../../approval';
import { describeStockError, type StockField } from '../errors';
import { itemName } from '../format';
import { checkMove, clerkMayStart, extraFields, sendMove, serialsComeFrom, type MoveDraft, type MoveIssues, type MoveKind } from './moveKinds';
import { MoveExtraFields } from './MoveExtraFields';
import { SerialScanner } from './SerialScanner';
import { useItemUnits } from './useItemUnits';

interface StockMoveDialogProps {
  kind: MoveKind;
  /** What the form holds; kept by the page, so closing the form or a refusal loses nothing. */
  draft: MoveDraft;
  onDraft: (draft: MoveDraft) => void;
  itemsBySku: ReadonlyMap<string, StockItemView>;
  onDone: (kind: MoveKind, result: StockMoveResult) => void;
  onClose: () => void;
}

type Shown = { kind: 'issues'; issues: MoveIssues } | { kind: 'refused'; message: string; field: StockField | null } | null;

/**
 * One stock movement form (入库, 报损, 退回, 调拨, 上架/撤展). Keyboard first: a scanned item
 * code and Enter move on to the quantity (or to the serial scanner for serial-numbered
 * equipment), Enter there books it. Damage and returns by a clerk ask for a manager's
 * PIN on the way (step-up); the form keeps everything typed whatever the answer.
 */
export function StockMoveDialog({ kind, draft, onDraft, itemsBySku, onDone, onClose }: StockMoveDialogProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const approval = useManagerApproval();
  const [shown, setShown] = useState<Shown>(null);
  const [busy, setBusy] = useState(false);
  const sku = draft.sku.trim().toUpperCase();
  const item = itemsBySku.get(sku);
  const units = useItemUnits(item?.serialTracked ? item.sku : null);
  const from = serialsComeFrom(kind, draft);
  const suggestions = units.filter((unit) => unit.state === from).map((unit) => unit.serial);

  const nameOf = (code: string): string => {
    const known = itemsBySku.get(code);
    return known ? itemName(known, i18n.language) : code;
  };

  /** Every field's id is `${id}-${field}`; a radio group's first choice takes the focus for the group. */
  function focusField(field: StockField | null | undefined): void {
    const element = field ? document.getElementById(`${id}-${field}`) : null;
    (element instanceof HTMLFieldSetElement ? element.querySelector('input') : element)?.focus();
  }

  function change(next: Partial<MoveDraft>): void {
    onDraft({ ...draft, ...next });
    if (shown?.kind === 'issues') setShown(null);
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const checked = checkMove(kind, draft, item);
    if ('issues' in checked) {
      setShown({ kind: 'issues', issues: checked.issues });
      const order: StockField[] = ['sku', 'qty', 'serials', ...extraFields[kind]];
      focusField(order.find((field) => checked.issues[field] !== undefined));
      return;
    }
    const { move } = checked;
    setBusy(true);
    setShown(null);
    const purpose = t('stock.move.purpose', { action: t(`stock.move.kind.${kind}`), item: nameOf(move.sku), qty: move.qty });
    const outcome = await approval.withApproval((grant) => sendMove(kind, move, grant), purpose);
    setBusy(false);
    if (outcome === 'cancelled') {
      setShown({ kind: 'refused', message: t('stock.move.notApproved'), field: null });
      return;
    }
    if (outcome.ok) {
      onDone(kind, outcome.value);
      return;
    }
    const refused = describeStockError(outcome.error, t, nameOf);
    setShown({ kind: 'refused', ...refused });
    focusField(refused.field ?? 'sku');
  }

  function onSkuKey(event: KeyboardEvent<HTMLInputElement>): void {
    // A scanned item code ends with Enter: go on to how many rather than submitting half a form.
    if (event.key === 'Enter' && item) {
      event.preventDefault();
      focusField(item.serialTracked ? 'serials' : 'qty');
    }
  }

  const issue = (field: StockField): string | undefined =>
    shown?.kind === 'issues' ? shown.issues[field] : shown?.kind === 'refused' && shown.field === field ? '' : undefined;
  const issueText = shown?.kind === 'issues' ? Object.values(shown.issues).map((key) => t(key)).join('；') : (shown?.message ?? '');
  const errorId = `${id}-error`;

  return (
    <Dialog labelledBy={`${id}-heading`} onClose={onClose} size="medium" testId={`stock-move-${kind}`}>
      <div className="modal__head">
        <h2 id={`${id}-heading`} className="modal__title">
          {t(`stock.move.kind.${kind}`)}
        </h2>
        {clerkMayStart(kind) && <span className="move__approval-note">{t('stock.move.clerkNeedsManager')}</span>}
      </div>
      <form className="move" noValidate onSubmit={(event) => void submit(event)}>
        <div className="move__row">
          <div className="field move__sku">
            <label className="field__label" htmlFor={`${id}-sku`}>
              {t('stock.move.field.sku')}
            </label>
            <input
              id={`${id}-sku`}
              className="field__input"
              autoComplete="off"
              spellCheck={false}
              list={`${id}-items`}
              value={draft.sku}
              autoFocus={draft.sku === ''}
              aria-invalid={issue('sku') !== undefined}
              aria-describedby={`${id}-item ${errorId}`}
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
            <div id={`${id}-item`} className="move__item" data-testid="move-item">
              {item
                ? t('stock.move.itemLine', { name: itemName(item, i18n.language), onHand: item.onHand, display: item.display, lent: item.lent })
                : sku === ''
                  ? t('stock.move.skuHint')
                  : t('stock.move.unknownSku', { sku })}
            </div>
          </div>
          {!item?.serialTracked && (
            <div className="field move__qty">
              <label className="field__label" htmlFor={`${id}-qty`}>
                {t('stock.move.field.qty')}
              </label>
              <input
                id={`${id}-qty`}
                className="field__input"
                inputMode="numeric"
                autoComplete="off"
                value={draft.qty}
                autoFocus={draft.sku !== ''}
                aria-invalid={issue('qty') !== undefined}
                aria-describedby={errorId}
                onChange={(event) => change({ qty: event.target.value.replace(/\D/g, '').slice(0, 6) })}
              />
            </div>
          )}
        </div>
        {item?.serialTracked && (
          <SerialScanner
            id={`${id}-serials`}
            label={t('stock.move.field.serials')}
            serials={draft.serials}
            onChange={(serials) => change({ serials })}
            suggestions={suggestions}
            invalid={issue('serials') !== undefined}
            errorId={errorId}
            autoFocus={draft.sku !== ''}
          />
        )}
        <MoveExtraFields kind={kind} id={id} draft={draft} onChange={change} issue={issue} errorId={errorId} />
        <div id={errorId} className="form-error" role="alert" data-testid="move-error">
          {issueText}
        </div>
        <div className="modal__buttons">
          <button type="button" className="button" onClick={onClose}>
            {t('stock.move.cancel')}
            <kbd className="button__key">Esc</kbd>
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('stock.move.booking') : t('stock.move.submit', { action: t(`stock.move.kind.${kind}`) })}
            <kbd className="button__key">Enter</kbd>
          </button>
        </div>
      </form>
      {approval.dialog}
    </Dialog>
  );
}
