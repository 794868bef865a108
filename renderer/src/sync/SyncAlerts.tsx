import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/sync/contract';
import { OUTBOX_STUCK_MINUTES } from './SyncTiles';
import { duration } from './time';

const EXPLAINED = ['HQ_UNREACHABLE', 'TIMESTAMP_SKEW', 'DEVICE_REVOKED', 'DEVICE_UNKNOWN', 'SIGNATURE_INVALID', 'NONCE_REPLAYED', 'BUSY', 'BAD_ANSWER', 'INTERNAL'];

/** Why the last sync failed, in the counter's words; HQ's own code and words for the rest. */
export function lastErrorText(error: { code: string; message: string }, t: TFunction): string {
  const reason = EXPLAINED.includes(error.code) ? t(`syncPage.errorCodes.${error.code}`) : t('syncPage.errorCodes.other', { code: error.code, message: error.message });
  return t('syncPage.lastError', { reason });
}

/** What needs attention beyond the figures: a failed sync, a wrong clock, an outbox that does not drain. */
export function SyncAlerts({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const drift = status.clock.driftMs;
  const age = status.outbox.oldestPendingAgeSeconds;
  return (
    <>
      {status.lastError && !status.running && (
        <p className="sync-alert sync-alert--warn" data-testid="sync-last-error">
          {lastErrorText(status.lastError, t)}
        </p>
      )}
      {status.clock.warning && drift !== null && (
        <p className="sync-alert sync-alert--danger" data-testid="sync-clock-warning">
          {t('syncPage.clockWarning', {
            drift: duration(drift / 1000, t),
            direction: t(drift > 0 ? 'syncPage.clockDirection.slow' : 'syncPage.clockDirection.fast'),
          })}
        </p>
      )}
      {age !== null && age >= OUTBOX_STUCK_MINUTES * 60 && (
        <p className="sync-alert sync-alert--danger" data-testid="sync-outbox-warning">
          {t('syncPage.outboxWarning', { age: duration(age, t), limit: OUTBOX_STUCK_MINUTES })}
        </p>
      )}
    </>
  );
}
