import { useTranslation } from 'react-i18next';
import type { StockField } from '../errors';
import { extraFields, type MoveDraft, type MoveKind } from './moveKinds';

interface MoveExtraFieldsProps {
  kind: MoveKind;
  id: string;
  draft: MoveDraft;
  onChange: (next: Partial<MoveDraft>) => void;
  /** The problem with a field (a message key, '' when the core named it), or undefined. */
  issue: (field: StockField) => string | undefined;
  errorId: string;
}

type TextField = 'deliveryRef' | 'slipNo' | 'toHall' | 'fromHall' | 'note';

// Codes that are upper-case on paper (hall codes) are typed or scanned in any case.
const UPPER: ReadonlySet<TextField> = new Set(['toHall', 'fromHall']);

/** The fields a movement asks for beyond the item and how many: delivery note, hall, slip, where from, why. */
export function MoveExtraFields({ kind, id, draft, onChange, issue, errorId }: MoveExtraFieldsProps) {
  const { t } = useTranslation();
  const noteRequired = kind === 'damage' || (kind === 'return' && draft.slipNo.trim() === '');

  function text(field: TextField) {
    const hint = field === 'note' ? (noteRequired ? t('stock.move.hint.noteRequired') : t('stock.move.hint.noteOptional')) : t(`stock.move.hint.${field}`);
    return (
      <div key={field} className={`field move__${field}`}>
        <label className="field__label" htmlFor={`${id}-${field}`}>
          {t(`stock.move.field.${field}`)}
        </label>
        <input
          id={`${id}-${field}`}
          className="field__input field__input--text"
          autoComplete="off"
          spellCheck={false}
          maxLength={field === 'note' ? 200 : 64}
          value={draft[field]}
          aria-invalid={issue(field) !== undefined}
          aria-describedby={`${id}-${field}-hint ${errorId}`}
          onChange={(event) => onChange({ [field]: UPPER.has(field) ? event.target.value.toUpperCase() : event.target.value })}
        />
        <div id={`${id}-${field}-hint`} className="field__hint">
          {hint}
        </div>
      </div>
    );
  }

  return (
    <>
      {extraFields[kind].map((field) =>
        field === 'from' ? (
          <fieldset key="from" id={`${id}-from`} className="move__from">
            <legend className="field__label">{t('stock.move.field.from')}</legend>
            {(['on_hand', 'display'] as const).map((bucket) => (
              <label key={bucket} className="move__choice">
                <input
                  type="radio"
                  name={`${id}-from`}
                  value={bucket}
                  checked={draft.from === bucket}
                  onChange={() => onChange({ from: bucket, serials: [] })}
                />
                {t(`stock.bucket.${bucket}`)}
              </label>
            ))}
          </fieldset>
        ) : (
          text(field)
        ),
      )}
    </>
  );
}
