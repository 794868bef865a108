import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictView } from '../../../shared/sync/contract';
import { conflictText, type ItemName } from './conflictText';
import { hallClock, timeAndAgo } from './time';
import './conflict.css';

interface ConflictCardProps {
  conflict: ConflictView;
  itemName: ItemName;
  now: number;
  /** Only a manager closes a conflict; a clerk sees the task as it stands. */
  canResolve: boolean;
  onResolve: (conflict: ConflictView) => void;
}

/** One conflict as a task: what happened, its figures, what to do, and the way to close it. */
export function ConflictCard({ conflict, itemName, now, canResolve, onResolve }: ConflictCardProps) {
  const { t } = useTranslation();
  const id = useId();
  const text = conflictText(conflict, t, itemName);
  const open = conflict.status === 'open';
  return (
    <article
      className={open ? 'conflict' : 'conflict conflict--resolved'}
      aria-labelledby={`${id}-title`}
      data-conflict-id={conflict.conflictId}
      data-testid="conflict-task"
    >
      <header className="conflict__head">
        <span className={`conflict__kind conflict__kind--${conflict.kind}`}>{t(`syncPage.conflicts.kind.${conflict.kind}`)}</span>
        <h3 id={`${id}-title`} className="conflict__title">
          {text.title}
        </h3>
        <span className="conflict__meta">
          {conflict.conflictId} · {t('syncPage.conflicts.raised', { time: timeAndAgo(conflict.raisedAt, now, t) })}
        </span>
      </header>
      <p className="conflict__what">
        <span className="conflict__label">{t('syncPage.conflicts.what')}</span>
        {text.what}
      </p>
      {text.figures.length > 0 && (
        <dl className="conflict__figures" aria-label={t('syncPage.conflicts.figures')}>
          {text.figures.map((figure) => (
            <div key={figure.label} className={figure.bad ? 'conflict__figure conflict__figure--bad' : 'conflict__figure'}>
              <dt>{figure.label}</dt>
              <dd>{figure.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {open ? (
        <div className="conflict__todo">
          <span className="conflict__label">{t('syncPage.conflicts.todo')}</span>
          <ol className="conflict__steps">
            {text.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </div>
      ) : (
        <p className="conflict__resolution">
          {t('syncPage.conflicts.resolvedBy', { time: conflict.resolvedAt ? hallClock(conflict.resolvedAt, now) : '—', who: conflict.resolvedBy ?? '—' })}
          {' · '}
          {t('syncPage.conflicts.note', { note: conflict.note ?? '' })}
          {conflict.resolutionPending && <span className="conflict__pending">{t('syncPage.conflicts.pendingUpload')}</span>}
        </p>
      )}
      <footer className="conflict__foot">
        <details className="conflict__hq">
          <summary>{t('syncPage.conflicts.hqAdvice')}</summary>
          <p>{conflict.title}</p>
          <p>{conflict.advice}</p>
        </details>
        {open &&
          (canResolve ? (
            <button type="button" className="button button--primary conflict__resolve" onClick={() => onResolve(conflict)}>
              {t('syncPage.conflicts.resolve')}
            </button>
          ) : (
            <span className="conflict__readonly">{t('syncPage.conflicts.readOnly')}</span>
          ))}
      </footer>
    </article>
  );
}
