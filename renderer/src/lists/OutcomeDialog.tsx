import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../approval';
import { api } from '../api/client';
import { describeError } from '../api/describeError';
import type { ApiError } from '../api/types';

export interface OutcomeChoice {
  key: string;
  /** In the screen's language. */
  label: string;
  /** What is written on the task: always Chinese, since the outcomes are reported on in Chinese. */
  stored: string;
}

interface OutcomeDialogProps {
  title: string;
  about: string;
  followUpId: number;
  choices: readonly OutcomeChoice[];
  hint?: string;
  onDone: () => void;
  onClose: () => void;
}

const OTHER = 'other';

/** Closes a follow-up task (followup.complete) with a chosen outcome and an optional note. */
export function OutcomeDialog({ title, about, followUpId, choices, hint, onDone, onClose }: OutcomeDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [choice, setChoice] = useState<string>(choices[0]?.key ?? OTHER);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | string | null>(null);

  function outcomeText(): string {
    const chosen = choices.find((c) => c.key === choice);
    const extra = note.trim();
    if (!chosen) return extra;
    return extra ? `${chosen.stored}；${extra}` : chosen.stored;
  }

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    const outcome = outcomeText();
    if (outcome.length < 2) {
      setError(t('lists.complete.needOutcome'));
      return;
    }
    setSaving(true);
    setError(null);
    const result = await api.call['followup.complete']({ id: followUpId, outcome: outcome.slice(0, 200) });
    setSaving(false);
    if (result.ok) onDone();
    else setError(result.error);
  }

  return (
    <Dialog labelledBy={`${id}-title`} onClose={onClose} testId="outcome-dialog">
      <h2 id={`${id}-title`} className="modal__title">
        {title}
      </h2>
      <p className="lists-dialog__about">{about}</p>
      <form className="lists-dialog__form" onSubmit={(event) => void save(event)}>
        <fieldset className="lists-dialog__choices">
          <legend className="field__label">{t('lists.complete.choose')}</legend>
          {[...choices, { key: OTHER, label: t('lists.complete.other'), stored: '' }].map((c, index) => (
            <label key={c.key} className="lists-dialog__choice">
              <input type="radio" name={`${id}-choice`} checked={choice === c.key} autoFocus={index === 0} onChange={() => setChoice(c.key)} />
              {c.label}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span className="field__label">{t('lists.complete.note')}</span>
          <input
            className="lists-dialog__input"
            value={note}
            maxLength={120}
            placeholder={t('lists.complete.notePlaceholder')}
            onChange={(event) => setNote(event.target.value)}
          />
        </label>
        {hint && <p className="field__hint">{hint}</p>}
        <p className="form-error" role="alert">
          {error === null ? '' : typeof error === 'string' ? error : describeError(error)}
        </p>
        <div className="modal__buttons">
          <button type="button" className="button" onClick={onClose}>
            {t('lists.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('lists.common.saving') : t('lists.common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
