import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export const stockTabs = ['grid', 'stocktake', 'equipment'] as const;
export type StockTab = (typeof stockTabs)[number];

export function stockTabPanelId(tab: StockTab): string {
  return `stock-panel-${tab}`;
}

interface StockTabsProps {
  current: StockTab;
  onSelect: (tab: StockTab) => void;
}

/** The stock page's three views. Left and right arrows move between them, as in any tab strip. */
export function StockTabs({ current, onSelect }: StockTabsProps) {
  const { t } = useTranslation();
  const buttons = useRef(new Map<StockTab, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = stockTabs[(stockTabs.indexOf(current) + step + stockTabs.length) % stockTabs.length] ?? current;
    onSelect(next);
    buttons.current.get(next)?.focus();
  }

  return (
    <div className="stock-tabs" role="tablist" aria-label={t('stock.tabs.label')} onKeyDown={onKeyDown}>
      {stockTabs.map((tab) => (
        <button
          key={tab}
          ref={(element) => {
            if (element) buttons.current.set(tab, element);
            else buttons.current.delete(tab);
          }}
          type="button"
          role="tab"
          id={`stock-tab-${tab}`}
          className="stock-tabs__tab"
          aria-selected={tab === current}
          aria-controls={stockTabPanelId(tab)}
          tabIndex={tab === current ? 0 : -1}
          onClick={() => onSelect(tab)}
        >
          {t(`stock.tabs.${tab}`)}
        </button>
      ))}
    </div>
  );
}
