import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/sync/contract';
import { duration, hallClock, relativeTime } from './time';

/** Past this, the oldest waiting event means the upload is stuck, not just between two syncs. */
export const OUTBOX_STUCK_MINUTES = 10;

interface Tile {
  key: string;
  label: string;
  value: string;
  detail: string;
  tone?: 'ok' | 'warn' | 'danger' | 'muted';
}

function hqTile(status: SyncStatus, demo: boolean, t: TFunction): Tile {
  const base = { key: 'hq', label: t('syncPage.tiles.hq') };
  if (!status.registered) {
    return { ...base, value: t('syncPage.tiles.notConfigured'), detail: demo ? t('syncPage.tiles.demoAlone') : t('syncPage.tiles.unregistered'), tone: 'muted' };
  }
  const url = status.hqUrl ?? '';
  if (status.reachable === null) return { ...base, value: t('syncPage.tiles.notYet'), detail: url };
  if (status.reachable) return { ...base, value: t('syncPage.tiles.online'), detail: url, tone: 'ok' };
  return { ...base, value: t('syncPage.tiles.offline'), detail: `${url} · ${t('syncPage.tiles.offlineDetail')}`, tone: 'danger' };
}

/** The sync page's headline figures: HQ, last success, the outbox, the clock, conflicts. */
export function SyncTiles({ status, now, demo }: { status: SyncStatus; now: number; demo: boolean }) {
  const { t } = useTranslation();
  const failed = status.lastError !== null && status.lastAttemptAt !== null;
  const { pending, oldestPendingAt, oldestPendingAgeSeconds, rejected } = status.outbox;
  const stuck = (oldestPendingAgeSeconds ?? 0) >= OUTBOX_STUCK_MINUTES * 60;
  const drift = status.clock.driftMs;

  const outboxDetail = [
    oldestPendingAt && oldestPendingAgeSeconds !== null
      ? t(stuck ? 'syncPage.tiles.oldestStuck' : 'syncPage.tiles.oldest', { time: hallClock(oldestPendingAt, now), age: duration(oldestPendingAgeSeconds, t) })
      : t('syncPage.tiles.outboxEmpty'),
    rejected > 0 ? t('syncPage.tiles.rejectedCount', { count: rejected }) : '',
  ]
    .filter(Boolean)
    .join(' · ');

  const tiles: Tile[] = [
    hqTile(status, demo, t),
    {
      key: 'lastSuccess',
      label: t('syncPage.tiles.lastSuccess'),
      value: status.lastSuccessAt ? hallClock(status.lastSuccessAt, now) : t('syncPage.tiles.never'),
      detail: [
        status.lastSuccessAt ? relativeTime(status.lastSuccessAt, now, t) : '',
        status.lastAttemptAt ? t(failed ? 'syncPage.tiles.lastAttemptFailed' : 'syncPage.tiles.lastAttempt', { time: hallClock(status.lastAttemptAt, now) }) : '',
      ]
        .filter(Boolean)
        .join(' · '),
      tone: failed ? 'warn' : undefined,
    },
    {
      key: 'outbox',
      label: t('syncPage.tiles.outbox'),
      value: t('syncPage.tiles.outboxCount', { count: pending }),
      detail: outboxDetail,
      tone: stuck ? 'danger' : rejected > 0 ? 'warn' : undefined,
    },
    {
      key: 'clock',
      label: t('syncPage.tiles.clock'),
      value: drift === null ? t('syncPage.tiles.clockUnknown') : status.clock.warning ? duration(drift / 1000, t) : t('syncPage.tiles.clockOk'),
      detail:
        drift === null
          ? t('syncPage.tiles.clockUnknownDetail')
          : Math.abs(drift) < 1000
            ? t('syncPage.tiles.clockSame')
            : t(drift > 0 ? 'syncPage.tiles.clockSlow' : 'syncPage.tiles.clockFast', { drift: duration(drift / 1000, t) }),
      tone: status.clock.warning ? 'danger' : undefined,
    },
    {
      key: 'conflicts',
      label: t('syncPage.tiles.conflicts'),
      value: String(status.conflicts.open),
      detail: status.conflicts.open > 0 ? t('syncPage.tiles.conflictsOpen', { count: status.conflicts.open }) : t('syncPage.tiles.conflictsNone'),
      tone: status.conflicts.open > 0 ? 'warn' : undefined,
    },
  ];

  return (
    <dl className="sync-tiles" data-testid="sync-tiles">
      {tiles.map((tile) => (
        <div key={tile.key} className={tile.tone ? `sync-tile sync-tile--${tile.tone}` : 'sync-tile'} data-tile={tile.key}>
          <dt className="sync-tile__label">{tile.label}</dt>
          <dd className="sync-tile__value">{tile.value}</dd>
          <dd className="sync-tile__detail" title={tile.detail}>
            {tile.detail}
          </dd>
        </div>
      ))}
    </dl>
  );
}
