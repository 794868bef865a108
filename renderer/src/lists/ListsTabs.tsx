import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export const listTabs = ['usage', 'expiry', 'recoveries', 'referrals', 'register'] as const;
export type ListTab = (typeof listTabs)[number];

export function listPanelId(tab: ListTab): string {
  return `lists-panel-${tab}`;
}

interface ListsTabsProps {
  current: ListTab;
  onSelect: (tab: ListTab) => void;
}

/** The lists page's views; left and right arrows move between them, as in any tab strip. */
export function ListsTabs({ current, onSelect }: ListsTabsProps) {
  const { t } = useTranslation();
  const buttons = useRef(new Map<ListTab, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = listTabs[(listTabs.indexOf(current) + step + listTabs.length) % listTabs.length] ?? current;
    onSelect(next);
    buttons.current.get(next)?.focus();
  }

  return (
    <div className="lists-tabs" role="tablist" aria-label={t('lists.tabs.label')} onKeyDown={onKeyDown}>
      {listTabs.map((tab) => (
        <button
          key={tab}
          ref={(element) => {
            if (element) buttons.current.set(tab, element);
            else buttons.current.delete(tab);
          }}
          type="button"
          role="tab"
          id={`lists-tab-${tab}`}
          className="lists-tabs__tab"
          aria-selected={tab === current}
          aria-controls={listPanelId(tab)}
          tabIndex={tab === current ? 0 : -1}
          onClick={() => onSelect(tab)}
        >
          {t(`lists.tabs.${tab}`)}
        </button>
      ))}
    </div>
  );
}
