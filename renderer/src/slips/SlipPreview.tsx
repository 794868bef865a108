import { useTranslation } from 'react-i18next';
import { SlipView, type SlipViewProps } from './SlipView';
import './preview.css';

/**
 * A print preview: the slip on its paper at true size (an A4 sheet shrunk to fit), the
 * very component the print page draws, so what the clerk sees is what prints.
 */
export function SlipPreview(props: SlipViewProps) {
  const { t } = useTranslation();
  return (
    <figure className={`slip-preview slip-preview--p${props.paper}`} aria-label={t('slips.preview')} data-testid="slip-preview">
      <div className="slip-preview__paper">
        <SlipView {...props} />
      </div>
    </figure>
  );
}
