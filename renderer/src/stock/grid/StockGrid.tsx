import type { ReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockItemView } from '../../../../shared/stock/schemas';
import { StockCell } from './StockCell';
import type { StockColumnId, StockGridFeatures } from './model';
import './grid.css';

/** Fixed row height: name over code, two lines. Fixed heights keep 10,000 rows cheap to place. */
const ROW_HEIGHT = 46;
const PAGE_ROWS = 10;

interface StockGridProps {
  table: ReactTable<StockGridFeatures, StockItemView>;
  /** The selected row (by item code), kept across re-sorts and refreshes. */
  active: string | null;
  onActive: (sku: string | null) => void;
  onOpen: (item: StockItemView) => void;
  gridRef?: Ref<HTMLTableElement>;
}

export function rowDomId(sku: string): string {
  return `stock-row-${sku}`;
}

/**
 * The stock grid: a real table for screen readers, with only the rows in view in the DOM.
 * The table itself takes the focus; arrows, Page Up/Down, Home and End move the selected
 * row, Enter opens it. Header buttons sort (again to reverse, a third time to clear).
 */
export function StockGrid({ table, active, onActive, onOpen, gridRef }: StockGridProps) {
  const { t, i18n } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  const [focused, setFocused] = useState(false);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const activeIndex = useMemo(() => (active === null ? -1 : rows.findIndex((row) => row.id === active)), [rows, active]);

  function moveTo(index: number): void {
    const target = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!target) return;
    onActive(target.id);
    virtualizer.scrollToIndex(target.index, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>): void {
    // Keys pressed on a header's sort button are the button's.
    if (event.target !== event.currentTarget) return;
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: PAGE_ROWS, PageUp: -PAGE_ROWS };
    const step = steps[event.key];
    if (step !== undefined) {
      event.preventDefault();
      moveTo(activeIndex < 0 ? 0 : activeIndex + step);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      moveTo(event.key === 'Home' ? 0 : rows.length - 1);
    } else if (event.key === 'Enter') {
      const row = rows[activeIndex];
      if (row) {
        event.preventDefault();
        onOpen(row.original);
      }
    }
  }

  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const items = virtualizer.getVirtualItems();

  return (
    <div className="grid__scroll" ref={scroller} data-testid="stock-grid-scroll">
      <table
        ref={gridRef}
        className="grid"
        role="grid"
        aria-label={t('stock.grid.label')}
        aria-rowcount={rows.length + 1}
        aria-activedescendant={focused && activeIndex >= 0 ? rowDomId(active ?? '') : undefined}
        tabIndex={0}
        data-testid="stock-grid"
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          if (event.target !== event.currentTarget) return;
          setFocused(true);
          if (activeIndex < 0 && rows[0]) onActive(rows[0].id);
        }}
        onBlur={() => setFocused(false)}
      >
        <thead className="grid__head">
          <tr className="grid__row grid__row--head" aria-rowindex={1}>
            {headers.map((header) => {
              const id = header.column.id as StockColumnId;
              const sorted = header.column.getIsSorted();
              return (
                <th
                  key={header.id}
                  className={`grid__cell grid__cell--${id}`}
                  scope="col"
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                >
                  <button
                    type="button"
                    className="grid__sort"
                    title={t('stock.grid.sortHint')}
                    onClick={header.column.getToggleSortingHandler()}
                  >
                    {t(`stock.column.${id}`)}
                    <span className={`grid__arrow grid__arrow--${sorted || 'none'}`} aria-hidden="true" />
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="grid__body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((virtual) => {
            const row = rows[virtual.index];
            if (!row) return null;
            const item = row.original;
            const selected = row.id === active;
            return (
              <tr
                key={row.id}
                id={rowDomId(row.id)}
                className={`grid__row${item.low ? ' grid__row--low' : ''}${selected ? ' grid__row--active' : ''}`}
                aria-rowindex={virtual.index + 2}
                aria-selected={selected}
                data-sku={row.id}
                style={{ transform: `translateY(${virtual.start}px)` }}
                onClick={() => {
                  onActive(row.id);
                  onOpen(item);
                }}
              >
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={`grid__cell grid__cell--${cell.column.id}`}>
                    <StockCell column={cell.column.id as StockColumnId} item={item} language={i18n.language} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p className="grid__empty">{t('stock.grid.empty')}</p>}
    </div>
  );
}
