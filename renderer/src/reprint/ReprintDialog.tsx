import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../approval';
import { SlipPrintPanel } from '../slips/SlipPrintPanel';
import './reprint.css';

interface ReprintDialogProps {
  slipNo: string;
  onClose: () => void;
}

/**
 * Any slip again (补打): the slip as it was frozen, marked 补打 with its count from the
 * second print on. Enter prints, Escape closes; the focus goes back where it was.
 */
export function ReprintDialog({ slipNo, onClose }: ReprintDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Dialog labelledBy={`${id}-title`} onClose={onClose} size="medium" testId="reprint-dialog">
      <div className="modal__head">
        <h2 id={`${id}-title`} className="modal__title">
          {t('reprint.title')}
        </h2>
        <button type="button" className="button" onClick={onClose}>
          {t('reprint.close')}
          <kbd className="button__key">Esc</kbd>
        </button>
      </div>
      <SlipPrintPanel slipNo={slipNo} fresh={false} />
    </Dialog>
  );
}
