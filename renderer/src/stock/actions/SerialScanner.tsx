import { useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Serial } from '../../../../shared/stock/schemas';

interface SerialScannerProps {
  id: string;
  label: string;
  serials: string[];
  onChange: (serials: string[]) => void;
  /** Units of this item where the movement takes them from, offered as the clerk types. */
  suggestions?: readonly string[];
  invalid: boolean;
  errorId: string;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
}

type ScanNote = { key: string; serial: string } | null;

/**
 * One unit per scan: a barcode scanner types the serial and presses Enter, which adds it
 * to the list and clears the box for the next. Enter on an empty box goes on to the
 * form's own Enter (submit). A pasted list (spaces, commas or new lines) adds every unit.
 */
export function SerialScanner({ id, label, serials, onChange, suggestions = [], invalid, errorId, inputRef, autoFocus }: SerialScannerProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [note, setNote] = useState<ScanNote>(null);

  function add(text: string): void {
    const scanned = text.split(/[\s,，;；]+/).filter((s) => s !== '');
    const next = [...serials];
    let last: ScanNote = null;
    for (const serial of scanned) {
      if (!Serial.safeParse(serial).success) last = { key: 'stock.scan.bad', serial };
      else if (next.includes(serial)) last = { key: 'stock.scan.twice', serial };
      else {
        next.push(serial);
        last = { key: 'stock.scan.added', serial };
      }
    }
    onChange(next);
    setNote(last);
    setTyped(last?.key === 'stock.scan.bad' ? (scanned[scanned.length - 1] ?? '') : '');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key !== 'Enter' || typed.trim() === '') return;
    event.preventDefault();
    add(typed);
  }

  return (
    <div className="field scan">
      <label className="field__label" htmlFor={id}>
        {label}
        <span className="scan__count" data-testid="scan-count">
          {t('stock.scan.count', { count: serials.length })}
        </span>
      </label>
      <input
        id={id}
        ref={inputRef}
        className="field__input scan__input"
        autoComplete="off"
        spellCheck={false}
        list={suggestions.length > 0 ? `${id}-units` : undefined}
        value={typed}
        autoFocus={autoFocus}
        aria-invalid={invalid}
        aria-describedby={`${id}-hint ${id}-note ${errorId}`}
        onChange={(event) => {
          setTyped(event.target.value);
          setNote(null);
        }}
        onKeyDown={onKeyDown}
      />
      {suggestions.length > 0 && (
        <datalist id={`${id}-units`}>
          {suggestions
            .filter((serial) => !serials.includes(serial))
            .map((serial) => (
              <option key={serial} value={serial} />
            ))}
        </datalist>
      )}
      <div id={`${id}-hint`} className="field__hint">
        {t('stock.scan.hint')}
      </div>
      <div id={`${id}-note`} className={`scan__note${note?.key === 'stock.scan.added' ? '' : ' scan__note--warn'}`} role="status">
        {note ? t(note.key, { serial: note.serial }) : ''}
      </div>
      {serials.length > 0 && (
        <ul className="scan__list" aria-label={t('stock.scan.listLabel')}>
          {serials.map((serial) => (
            <li key={serial} className="scan__unit">
              <span className="scan__serial">{serial}</span>
              <button
                type="button"
                className="scan__remove"
                aria-label={t('stock.scan.remove', { serial })}
                onClick={() => onChange(serials.filter((s) => s !== serial))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
