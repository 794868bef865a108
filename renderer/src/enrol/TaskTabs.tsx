import type { KeyboardEvent } from 'react';

export interface TaskTab<T extends string> {
  id: T;
  label: string;
  /** A count beside the label; `alert` draws the eye to it (a prize waiting). */
  count?: number;
  alert?: boolean;
}

interface TaskTabsProps<T extends string> {
  label: string;
  tabs: readonly TaskTab<T>[];
  current: T;
  onSelect: (tab: T) => void;
  idPrefix: string;
}

/** Tabs over the task column (campaigns, past business, prizes); ← → move between them. */
export function TaskTabs<T extends string>({ label, tabs, current, onSelect, idPrefix }: TaskTabsProps<T>) {
  function onKey(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const at = tabs.findIndex((tab) => tab.id === current);
    const next = tabs[(at + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    if (!next) return;
    event.preventDefault();
    onSelect(next.id);
    document.getElementById(`${idPrefix}-tab-${next.id}`)?.focus();
  }
  return (
    <div className="task-tabs" role="tablist" aria-label={label} onKeyDown={onKey}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          id={`${idPrefix}-tab-${tab.id}`}
          type="button"
          role="tab"
          className="task-tabs__tab"
          aria-selected={tab.id === current}
          aria-controls={`${idPrefix}-panel-${tab.id}`}
          tabIndex={tab.id === current ? 0 : -1}
          onClick={() => onSelect(tab.id)}
          data-testid={`tab-${tab.id}`}
        >
          {tab.label}
          {tab.count !== undefined && tab.count > 0 && <span className={`task-tabs__count${tab.alert ? ' task-tabs__count--alert' : ''}`}>{tab.count}</span>}
        </button>
      ))}
    </div>
  );
}
