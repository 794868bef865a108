import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { conflictReason, describeStocktakeError } from './errors';

interface StartStocktakeProps {
  onStarted: () => void;
  /** Another counter opened one meanwhile: the panel reads it, so this counter can count in it. */
  onAlreadyOpen: () => void;
}

/** A manager opens a stocktake, with a note saying which count this is (月度盘点…). */
export function StartStocktake({ onStarted, onAlreadyOpen }: StartStocktakeProps) {
  const { t } = useTranslation();
  const id = useId();
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function start(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const trimmed = note.trim();
    const result = await api.call['stocktake.start'](trimmed === '' ? {} : { note: trimmed.slice(0, 200) });
    setBusy(false);
    if (result.ok) {
      setNote('');
      setError('');
      onStarted();
    } else {
      setError(describeStocktakeError(result.error, t, (sku) => sku));
      if (conflictReason(result.error) === 'already_open') onAlreadyOpen();
    }
  }

  return (
    <form className="stocktake__start" noValidate onSubmit={(event) => void start(event)} data-testid="stocktake-start">
      <p className="stocktake__about">{t('stocktake.noneOpen')}</p>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-note`}>
          {t('stocktake.startNote')}
        </label>
        <input
          id={`${id}-note`}
          className="field__input field__input--text"
          autoComplete="off"
          maxLength={200}
          value={note}
          placeholder={t('stocktake.startNoteHint')}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <div className="form-error" role="alert">
        {error}
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('stocktake.starting') : t('stocktake.start')}
      </button>
    </form>
  );
}
