import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncProgress, SyncStatus } from '../../../shared/sync/contract';
import { api } from '../api/client';
import { describeError } from '../api/describeError';
import type { ApiError } from '../api/types';
import { hallClock, relativeTime } from './time';

interface SyncToolbarProps {
  status: SyncStatus;
  now: number;
  /** The sync started (or was joined): poll fast from now on. */
  onStarted: () => void;
}

function ProgressLine({ progress }: { progress: SyncProgress | null }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const number = (n: number): string => n.toLocaleString(i18n.language);
  let text = t('syncPage.syncing');
  if (progress?.phase === 'push') {
    text = progress.total === null ? t('syncPage.progress.pushUnknown', { rows: number(progress.rows) }) : t('syncPage.progress.push', { rows: number(progress.rows), total: number(progress.total) });
  } else if (progress?.phase === 'pull') {
    text =
      progress.total === null || progress.percent === null
        ? t('syncPage.progress.pullUnknown', { rows: number(progress.rows) })
        : t('syncPage.progress.pull', { rows: number(progress.rows), total: number(progress.total), percent: progress.percent });
  }
  return (
    <div className="sync-progress" data-testid="sync-progress">
      <span id={`${id}-text`} className="sync-progress__text" role="status">
        {text}
      </span>
      {/* Native <progress>: no inline width (the CSP allows no style attribute); no value while the total is unknown. */}
      {progress && progress.percent !== null ? (
        <progress className="sync-progress__bar" aria-labelledby={`${id}-text`} max={100} value={progress.percent} />
      ) : (
        <progress className="sync-progress__bar" aria-labelledby={`${id}-text`} />
      )}
      <span className="sync-progress__hint">{t('syncPage.progress.keepWorking')}</span>
    </div>
  );
}

/** "Sync now", and while a sync runs what it is doing and how far it got. */
export function SyncToolbar({ status, now, onStarted }: SyncToolbarProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);

  async function syncNow(): Promise<void> {
    setAsking(true);
    setFailure(null);
    const result = await api.call['sync.now']({});
    setAsking(false);
    // Started or joined a running one: either way the progress line shows it.
    if (result.ok) onStarted();
    else setFailure(result.error);
  }

  function nextSync(next: string): string {
    const when = Date.parse(next) <= now ? t('syncPage.time.now') : relativeTime(next, now, t);
    return t('syncPage.next', { time: t('syncPage.time.at', { time: hallClock(next, now), ago: when }) });
  }

  const busy = asking || status.running;
  return (
    <div className="sync-toolbar">
      <button
        type="button"
        className="button button--primary sync-toolbar__now"
        disabled={busy || !status.registered}
        data-testid="sync-now"
        onClick={() => void syncNow()}
      >
        {busy ? t('syncPage.syncing') : t('syncPage.syncNow')}
      </button>
      {status.running ? (
        <ProgressLine progress={status.progress} />
      ) : (
        <p className="sync-toolbar__next" data-testid="sync-next">
          {!status.registered
            ? t('syncPage.notRegistered')
            : status.nextSyncAt
              ? nextSync(status.nextSyncAt)
              : t('syncPage.nextWaiting')}
        </p>
      )}
      {failure && (
        <p className="form-error sync-toolbar__feedback" role="alert">
          {describeError(failure)}
        </p>
      )}
    </div>
  );
}
