import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictView } from '../../../shared/sync/contract';
import { Dialog } from '../approval';
import { api } from '../api/client';
import { describeError } from '../api/describeError';
import type { ApiError } from '../api/types';
import './conflict.css';

interface ResolveConflictDialogProps {
  conflict: ConflictView;
  /** The task's title as the card shows it. */
  title: string;
  onDone: (resolved: ConflictView) => void;
  onClose: () => void;
}

const NOTE_MAX = 500;

/** The manager closes a conflict with a note saying what was found and done (sync.resolveConflict). */
export function ResolveConflictDialog({ conflict, title, onDone, onClose }: ResolveConflictDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiError | 'needNote' | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  async function save(event?: FormEvent): Promise<void> {
    event?.preventDefault();
    if (saving) return;
    if (note.trim().length < 2) {
      setProblem('needNote');
      noteRef.current?.focus();
      return;
    }
    setSaving(true);
    setProblem(null);
    const result = await api.call['sync.resolveConflict']({ conflictId: conflict.conflictId, note: note.trim() });
    setSaving(false);
    if (result.ok) onDone(result.value.conflict);
    else {
      setProblem(result.error);
      noteRef.current?.focus();
    }
  }

  function onNoteKey(event: KeyboardEvent<HTMLTextAreaElement>): void {
    // Enter makes a new line in a note; Ctrl+Enter saves, as in a chat box.
    if (event.key === 'Enter' && event.ctrlKey) {
      event.preventDefault();
      void save();
    }
  }

  return (
    <Dialog labelledBy={`${id}-title`} onClose={onClose} testId="resolve-conflict">
      <div className="modal__head">
        <h2 id={`${id}-title`} className="modal__title">
          {t('syncPage.conflicts.dialog.title', { id: conflict.conflictId })}
        </h2>
      </div>
      <p className="resolve__subject">{title}</p>
      <form className="resolve__form" noValidate onSubmit={(event) => void save(event)}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-note`}>
            {t('syncPage.conflicts.dialog.note')}
          </label>
          <textarea
            id={`${id}-note`}
            ref={noteRef}
            className="resolve__note"
            rows={4}
            maxLength={NOTE_MAX}
            autoFocus
            required
            value={note}
            aria-invalid={problem !== null}
            aria-describedby={`${id}-hint ${id}-error`}
            readOnly={saving}
            onChange={(event) => setNote(event.target.value)}
            onKeyDown={onNoteKey}
          />
          <span id={`${id}-hint`} className="field__hint">
            {t('syncPage.conflicts.dialog.noteHint')}
          </span>
        </div>
        <p id={`${id}-error`} className="form-error" role="alert">
          {problem === null ? '' : problem === 'needNote' ? t('syncPage.conflicts.dialog.needNote') : describeError(problem)}
        </p>
        <p className="field__hint">{t('syncPage.conflicts.dialog.after')}</p>
        <div className="modal__buttons">
          <button type="button" className="button" onClick={onClose}>
            {t('syncPage.conflicts.dialog.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('syncPage.conflicts.dialog.saving') : t('syncPage.conflicts.dialog.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
