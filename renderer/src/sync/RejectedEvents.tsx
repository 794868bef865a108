import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { rejectCodes } from '../../../shared/sync/protocol';
import { eventTypes } from '../../../shared/sync/events';
import type { SyncStatus } from '../../../shared/sync/contract';
import { hallClock } from './time';

const knownCodes: readonly string[] = rejectCodes;
const knownTypes: readonly string[] = eventTypes;

/** Events HQ refused, newest first, each with what it was and why, in plain words. */
export function RejectedEvents({ status, now }: { status: SyncStatus; now: number }) {
  const { t } = useTranslation();
  const id = useId();
  const { rejected } = status;
  return (
    <section className="sync-section" aria-labelledby={`${id}-heading`} data-testid="rejected-events">
      <header className="sync-section__head">
        <h2 id={`${id}-heading`} className="page__subheading">
          {t('syncPage.rejected.heading')}
          {status.outbox.rejected > 0 && <span className="sync-count sync-count--danger">{status.outbox.rejected}</span>}
        </h2>
      </header>
      {rejected.length === 0 ? (
        <p className="sync-empty">{t('syncPage.rejected.none')}</p>
      ) : (
        <>
          <p className="sync-section__about">{t('syncPage.rejected.about')}</p>
          <div className="sync-scroll">
            <table className="sync-table">
              <thead>
                <tr>
                  <th scope="col">{t('syncPage.rejected.column.at')}</th>
                  <th scope="col">{t('syncPage.rejected.column.type')}</th>
                  <th scope="col">{t('syncPage.rejected.column.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {rejected.map((event) => (
                  <tr key={event.eventId} data-event-id={event.eventId}>
                    <td className="sync-table__at">{hallClock(event.createdAt, now)}</td>
                    <td>
                      {knownTypes.includes(event.type) ? t(`syncPage.eventTypes.${event.type}`) : event.type}
                      <span className="sync-table__code" title={t('syncPage.rejected.column.eventId')}>
                        {event.eventId.slice(0, 8)}
                      </span>
                    </td>
                    <td className="sync-table__reason">
                      {knownCodes.includes(event.code) ? t(`syncPage.rejected.codes.${event.code}`) : event.code}
                      <span className="sync-table__sub" title={t('syncPage.rejected.column.hqReason')}>
                        {event.code} · {event.reason}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {status.outbox.rejected > rejected.length && (
            <p className="sync-note">{t('syncPage.rejected.more', { shown: rejected.length, count: status.outbox.rejected })}</p>
          )}
        </>
      )}
    </section>
  );
}
