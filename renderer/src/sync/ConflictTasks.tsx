import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictView, SyncStatus } from '../../../shared/sync/contract';
import { api } from '../api/client';
import { describeError } from '../api/describeError';
import { useContractQuery } from '../lists/useContractQuery';
import { ConflictCard } from './ConflictCard';
import { conflictText, type ItemName } from './conflictText';
import { ResolveConflictDialog } from './ResolveConflictDialog';

interface ConflictTasksProps {
  status: SyncStatus;
  now: number;
  isManager: boolean;
}

/** Item names for "43英寸彩电" rather than "TV-43"; asked only once a stock conflict is shown. */
function useItemName(wanted: boolean): ItemName {
  const { i18n } = useTranslation();
  const load = useCallback(() => api.call['stock.list']({}), []);
  const { data } = useContractQuery(load, 'items', wanted);
  return useMemo(() => {
    const names = new Map((data?.items ?? []).map((item) => [item.sku, i18n.language === 'en' && item.nameEn ? item.nameEn : item.name]));
    return (sku: string) => names.get(sku) ?? sku;
  }, [data, i18n.language]);
}

/**
 * The manager's conflict tasks, open first. Read again whenever the open count changes
 * or a sync succeeds, since both can bring new ones or close old ones.
 */
export function ConflictTasks({ status, now, isManager }: ConflictTasksProps) {
  const { t } = useTranslation();
  const id = useId();
  const [showResolved, setShowResolved] = useState(false);
  const [resolving, setResolving] = useState<ConflictView | null>(null);
  const [closed, setClosed] = useState<string | null>(null);
  const closedRef = useRef<HTMLParagraphElement>(null);
  const filter = showResolved ? 'all' : 'open';
  const load = useCallback(() => api.call['sync.conflicts']({ status: filter }), [filter]);
  const { data, error, reload } = useContractQuery(load, `${filter}:${status.conflicts.open}:${status.lastSuccessAt ?? ''}`, true);
  const conflicts = data?.conflicts ?? [];
  const itemName = useItemName(conflicts.some((c) => c.kind === 'negative_stock'));

  // The closed task's card leaves the list: the keyboard user continues from the confirmation.
  useEffect(() => {
    if (closed) closedRef.current?.focus();
  }, [closed]);

  return (
    <section className="sync-section" aria-labelledby={`${id}-heading`} data-testid="conflict-tasks">
      <header className="sync-section__head">
        <h2 id={`${id}-heading`} className="page__subheading">
          {t('syncPage.conflicts.heading')}
          {status.conflicts.open > 0 && <span className="sync-count">{status.conflicts.open}</span>}
        </h2>
        <label className="sync-section__toggle">
          <input type="checkbox" checked={showResolved} onChange={(event) => setShowResolved(event.target.checked)} />
          {t('syncPage.conflicts.showResolved')}
        </label>
      </header>
      <p className="sync-section__about">{t('syncPage.conflicts.about')}</p>
      {closed && (
        <p ref={closedRef} className="sync-done" role="status" tabIndex={-1} data-testid="conflict-closed">
          {t('syncPage.conflicts.closed', { id: closed })}
        </p>
      )}
      {error ? (
        <p className="form-error" role="alert">
          {t('syncPage.conflicts.loadFailed', { reason: describeError(error) })}
        </p>
      ) : (
        data &&
        (conflicts.length === 0 ? (
          <p className="sync-empty">{showResolved ? t('syncPage.conflicts.noneAtAll') : t('syncPage.conflicts.none')}</p>
        ) : (
          <div className="sync-conflicts">
            {conflicts.map((conflict) => (
              <ConflictCard key={conflict.conflictId} conflict={conflict} itemName={itemName} now={now} canResolve={isManager} onResolve={setResolving} />
            ))}
          </div>
        ))
      )}
      {resolving && (
        <ResolveConflictDialog
          conflict={resolving}
          title={conflictText(resolving, t, itemName).title}
          onClose={() => setResolving(null)}
          onDone={(resolved) => {
            setResolving(null);
            setClosed(resolved.conflictId);
            reload();
          }}
        />
      )}
    </section>
  );
}
