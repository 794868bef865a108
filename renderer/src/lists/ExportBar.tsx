import { useTranslation } from 'react-i18next';
import type { XlsxExport } from '../export/useXlsxExport';

interface ExportBarProps {
  exporter: XlsxExport;
  label?: string;
  disabled?: boolean;
  testId: string;
  onExport: () => void;
}

/** The export button of a list and the note that says which file was written. */
export function ExportBar({ exporter, label, disabled = false, testId, onExport }: ExportBarProps) {
  const { t } = useTranslation();
  const { busy, outcome } = exporter;
  return (
    <div className="lists-export">
      <button type="button" className="button" data-testid={testId} disabled={busy || disabled} onClick={onExport}>
        {busy ? t('lists.common.exporting') : (label ?? t('lists.common.export'))}
      </button>
      {outcome && (
        <p className={outcome.kind === 'done' ? 'lists-note' : 'form-error'} role="status" data-testid={`${testId}-note`}>
          {outcome.kind === 'done'
            ? t('lists.common.exported', { file: outcome.file, rows: outcome.rows })
            : t('lists.common.exportFailed', { reason: outcome.message })}
        </p>
      )}
    </div>
  );
}
