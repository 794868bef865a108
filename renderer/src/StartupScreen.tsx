import { useTranslation } from 'react-i18next';
import { describeError } from './api/describeError';
import type { ApiError } from './api/types';

interface StartupScreenProps {
  failure: ApiError | null;
  onRetry: () => void;
}

/** Before the counter knows which hall it is; a failure here means the local service is down. */
export function StartupScreen({ failure, onRetry }: StartupScreenProps) {
  const { t } = useTranslation();
  return (
    <main className="startup">
      <p className="startup__product">{t('app.product')}</p>
      {failure === null ? (
        <p className="startup__status" role="status">
          {t('app.starting')}
        </p>
      ) : (
        <>
          <p className="startup__title">{t('app.startFailed')}</p>
          <p className="form-error" role="alert">
            {describeError(failure)}
          </p>
          <button type="button" className="button button--primary" autoFocus onClick={onRetry}>
            {t('app.retry')}
          </button>
        </>
      )}
    </main>
  );
}
