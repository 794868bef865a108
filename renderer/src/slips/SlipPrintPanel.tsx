import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlipPrintOutcome } from '../../../shared/slips/contract';
import { describeError } from '../api/describeError';
import { SlipPreview } from './SlipPreview';
import { useSlipPrinting } from './useSlipPrinting';
import './panel.css';

export interface SlipPrintPanelProps {
  slipNo: string;
  /**
   * True right after the business committed: the slip prints by itself when the counter
   * prints automatically. False for a slip looked up later (a reprint).
   */
  fresh?: boolean;
  onPrinted?: (outcome: SlipPrintOutcome) => void;
}

/**
 * The slip step of every flow (enrolment, redemption, prize, void, reprint): the preview of
 * exactly what will print next — with its 补打 mark once the slip has been printed — one
 * 打印 / 补打 button, and what came of it. In the browser the print is a PDF, linked here.
 */
export function SlipPrintPanel({ slipNo, fresh = false, onPrinted }: SlipPrintPanelProps) {
  const { t } = useTranslation();
  const { slip, settings, busy, outcome, problem, print } = useSlipPrinting(slipNo, fresh, onPrinted);
  const button = useRef<HTMLButtonElement>(null);
  const ready = slip !== null && settings !== null;

  // Keyboard first: once the slip is shown, Enter prints (or reprints) it.
  useEffect(() => {
    if (ready) button.current?.focus();
  }, [ready]);

  if (!ready) {
    return (
      <section className="slip-panel" aria-busy={problem === null} data-testid="slip-panel">
        <p className={problem ? 'form-error' : 'slip-panel__note'} role={problem ? 'alert' : undefined}>
          {problem ? describeError(problem) : t('slips.loading')}
        </p>
      </section>
    );
  }

  const reprint = slip.printCount > 0;
  return (
    <section className="slip-panel" aria-labelledby={`slip-panel-${slipNo}`} data-testid="slip-panel">
      <header className="slip-panel__head">
        <h2 id={`slip-panel-${slipNo}`} className="slip-panel__title">
          {t('slips.title', { slipNo })}
        </h2>
        <span className="slip-panel__count" data-testid="slip-print-count">
          {reprint ? t('slips.printedTimes', { count: slip.printCount }) : t('slips.notPrinted')}
        </span>
      </header>
      {slip.voidedBySlip ? <p className="slip-panel__voided">{t('slips.voidedBy', { slipNo: slip.voidedBySlip })}</p> : null}
      <div className="slip-panel__actions">
        {/* aria-disabled, not disabled: a disabled button drops the focus, and Enter must still reach it after an auto-print. */}
        <button ref={button} type="button" className="button button--primary" aria-disabled={busy} onClick={print} data-testid="slip-print">
          {busy ? t('slips.printing') : reprint ? t('slips.reprint', { count: slip.printCount }) : t('slips.print')}
        </button>
        <span className="slip-panel__note">{t('slips.paperNote', { paper: t(`slips.paper.${settings.paper}`), copies: settings.copies })}</span>
      </div>
      <PrintOutcome outcome={outcome} />
      {problem ? (
        <p className="form-error" role="alert">
          {describeError(problem)}
        </p>
      ) : null}
      <SlipPreview slip={slip.slip} paper={settings.paper} reprintCount={slip.printCount} voidedBy={slip.voidedBySlip} />
    </section>
  );
}

function PrintOutcome({ outcome }: { outcome: SlipPrintOutcome | null }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  if (outcome.device === 'failed') {
    return (
      <p className="form-error" role="alert" data-testid="slip-print-outcome">
        {t('slips.failed', { reason: outcome.failure ?? '' })}
      </p>
    );
  }
  const pdfOnly = outcome.device === 'pdf_only';
  const reprint = outcome.reprintCount > 0;
  const key = pdfOnly ? (reprint ? 'slips.pdfMadeReprint' : 'slips.pdfMade') : reprint ? 'slips.reprinted' : 'slips.printed';
  const done = t(key, { count: outcome.reprintCount });
  return (
    <p className="slip-panel__done" role="status" data-testid="slip-print-outcome">
      {done}{' '}
      {pdfOnly ? (
        <a href={`/slips/${encodeURIComponent(outcome.pdfFile)}`} target="_blank" rel="noreferrer" data-testid="slip-pdf-link">
          {t('slips.openPdf')}
        </a>
      ) : (
        <span className="slip-panel__note">{t('slips.pdfKept', { file: outcome.pdfFile })}</span>
      )}
    </p>
  );
}
