import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

const SERIAL = /^[A-Z0-9][A-Z0-9_-]{3,39}$/;

interface SerialScanProps {
  id: string;
  sku: string;
  label: string;
  quantity: number;
  serials: string[];
  onSerials: (serials: string[]) => void;
  invalid: boolean;
  describedBy: string;
  /** All units of this item are scanned: the scanner's next code belongs to the next field. */
  onComplete: () => void;
}

/**
 * Lent equipment by serial: the scanner types the serial and presses Enter, which adds it
 * to the list; once every unit is scanned the focus moves on. An empty Enter with the list
 * complete goes on to the form (check the enrolment).
 */
export function SerialScan({ id, sku, label, quantity, serials, onSerials, invalid, describedBy, onComplete }: SerialScanProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [note, setNote] = useState('');

  function onKey(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key !== 'Enter') return;
    const serial = typed.trim().toUpperCase();
    // Nothing typed and nothing missing: Enter is the form's (check the enrolment).
    if (serial === '' && serials.length >= quantity) return;
    event.preventDefault();
    if (serial === '') return setNote(t('enrol.serials.scanNext', { left: quantity - serials.length }));
    if (!SERIAL.test(serial)) return setNote(t('enrol.serials.badSerial', { serial }));
    if (serials.includes(serial)) return setNote(t('enrol.serials.duplicate', { serial }));
    if (serials.length >= quantity) return setNote(t('enrol.serials.full', { quantity }));
    const next = [...serials, serial];
    onSerials(next);
    setTyped('');
    setNote('');
    if (next.length >= quantity) onComplete();
  }

  return (
    <div className="field serial-scan">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="field__input field__input--serial"
        autoComplete="off"
        spellCheck={false}
        maxLength={40}
        value={typed}
        data-field={`equipmentSerials.${sku}`}
        aria-invalid={invalid}
        aria-describedby={`${id}-hint ${describedBy}`}
        onChange={(event) => {
          setTyped(event.target.value);
          setNote('');
        }}
        onKeyDown={onKey}
      />
      <div id={`${id}-hint`} className="field__hint" role="status">
        {note || t('enrol.serials.hint', { done: serials.length, quantity })}
      </div>
      {serials.length > 0 && (
        <ul className="serial-scan__list" aria-label={t('enrol.serials.scanned', { sku })}>
          {serials.map((serial) => (
            <li key={serial} className="serial-scan__serial">
              <span className="serial-scan__code" data-testid="scanned-serial">
                {serial}
              </span>
              <button
                type="button"
                className="serial-scan__remove"
                aria-label={t('enrol.serials.remove', { serial })}
                onClick={() => onSerials(serials.filter((s) => s !== serial))}
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
