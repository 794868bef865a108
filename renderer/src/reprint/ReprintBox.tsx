import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SlipNo } from '../../../shared/slips/contract';
import { ReprintDialog } from './ReprintDialog';

/**
 * The reprint box at the top of the counter pages: scan the barcode of any slip (or type
 * its number) and Enter shows it, ready to print again.
 */
export function ReprintBox() {
  const { t } = useTranslation();
  const id = useId();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState(false);
  const [open, setOpen] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const slipNo = typed.trim().toUpperCase();
    if (!SlipNo.safeParse(slipNo).success) {
      setProblem(true);
      return;
    }
    setProblem(false);
    setOpen(slipNo);
  }

  function onKey(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Escape' && typed !== '') {
      event.preventDefault();
      event.stopPropagation();
      setTyped('');
      setProblem(false);
    }
  }

  return (
    <>
      <form className="reprint-box" role="search" aria-label={t('reprint.label')} noValidate onSubmit={submit}>
        <label className="reprint-box__label" htmlFor={`${id}-slip`}>
          {t('reprint.label')}
        </label>
        <input
          id={`${id}-slip`}
          className="reprint-box__input"
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          placeholder={t('reprint.placeholder')}
          value={typed}
          aria-invalid={problem}
          aria-describedby={`${id}-problem`}
          onChange={(event) => {
            setTyped(event.target.value);
            setProblem(false);
          }}
          onKeyDown={onKey}
          data-testid="reprint-input"
        />
        <button type="submit" className="button button--compact">
          {t('reprint.open')}
        </button>
        <span id={`${id}-problem`} className="reprint-box__problem" role="alert">
          {problem ? t('reprint.badNumber') : ''}
        </span>
      </form>
      {open !== null && <ReprintDialog slipNo={open} onClose={() => setOpen(null)} />}
    </>
  );
}
