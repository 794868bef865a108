import { useId, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StockCategory, type StockItemView } from '../../../../shared/stock/schemas';
import { itemName } from '../format';
import type { StockGridFilter } from './model';

interface StockToolbarProps {
  filter: StockGridFilter;
  onFilter: (filter: StockGridFilter) => void;
  shown: number;
  total: number;
  alerts: StockItemView[];
  /** Arrow down or Enter in the search box goes on to the rows. */
  onToGrid: () => void;
}

const ALERTS_NAMED = 3;

/** Search, category and low-stock filters and the counts, above the grid. */
export function StockToolbar({ filter, onFilter, shown, total, alerts, onToGrid }: StockToolbarProps) {
  const { t, i18n } = useTranslation();
  const id = useId();

  function onSearchKey(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' || event.key === 'Enter') {
      event.preventDefault();
      onToGrid();
    }
  }

  const named = alerts
    .slice(0, ALERTS_NAMED)
    .map((item) => `${itemName(item, i18n.language)} ${item.onHand}/${item.lowThreshold}`)
    .join('、');

  return (
    <div className="stock-toolbar" role="search">
      <div className="stock-toolbar__field stock-toolbar__field--search">
        <label htmlFor={`${id}-search`} className="stock-toolbar__label">
          {t('stock.toolbar.search')}
        </label>
        <input
          id={`${id}-search`}
          className="stock-toolbar__input"
          type="search"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('stock.toolbar.searchHint')}
          value={filter.search}
          onChange={(event) => onFilter({ ...filter, search: event.target.value })}
          onKeyDown={onSearchKey}
        />
      </div>
      <div className="stock-toolbar__field">
        <label htmlFor={`${id}-category`} className="stock-toolbar__label">
          {t('stock.toolbar.category')}
        </label>
        <select
          id={`${id}-category`}
          className="stock-toolbar__input"
          value={filter.category ?? ''}
          onChange={(event) => {
            const parsed = StockCategory.safeParse(event.target.value);
            onFilter({ ...filter, category: parsed.success ? parsed.data : null });
          }}
        >
          <option value="">{t('stock.toolbar.allCategories')}</option>
          {StockCategory.options.map((category) => (
            <option key={category} value={category}>
              {t(`stock.category.${category}`)}
            </option>
          ))}
        </select>
      </div>
      <label className="stock-toolbar__check">
        <input type="checkbox" checked={filter.lowOnly} onChange={(event) => onFilter({ ...filter, lowOnly: event.target.checked })} />
        {t('stock.toolbar.lowOnly')}
      </label>
      <p className={`stock-alerts${alerts.length > 0 ? ' stock-alerts--on' : ''}`} data-testid="stock-alerts" title={named}>
        {alerts.length > 0 ? t('stock.toolbar.alerts', { count: alerts.length }) : t('stock.toolbar.noAlerts')}
        {alerts.length > 0 && <span className="stock-alerts__names">{named}</span>}
      </p>
      <p className="stock-toolbar__count" data-testid="stock-count" aria-live="polite">
        {t('stock.toolbar.count', { shown, total })}
      </p>
    </div>
  );
}
