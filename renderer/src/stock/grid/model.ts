import {
  columnFilteringFeature,
  constructFilterFn,
  constructSortFn,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  rowSortingFeature,
  sortFn_basic,
  tableFeatures,
  type ColumnFiltersState,
  type TableFeatures,
} from '@tanstack/react-table';
import type { StockCategory, StockItemView } from '../../../../shared/stock/schemas';

/**
 * The stock grid's table model: features, columns, sort and filter functions. It has no
 * React and no DOM in it, so the benchmark (bench/grid.ts) measures exactly the row
 * models the screen uses.
 */

export const categoryOrder: readonly StockCategory[] = ['gift', 'prize', 'equipment', 'other'];

// Pinyin order for Chinese names (a manager looks for 保温杯 under B), numbers inside names
// compared as numbers (32英寸 before 43英寸).
const nameCollator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

const sortByName = constructSortFn({ sort: (a: string, b: string) => nameCollator.compare(a, b) });
const sortByCategory = constructSortFn({
  sort: (a: StockCategory, b: StockCategory) => categoryOrder.indexOf(a) - categoryOrder.indexOf(b),
});

// The haystack is built once per item, not once per keystroke: with 10,000 rows the search
// runs on every character typed.
const haystacks = new WeakMap<StockItemView, string>();
function haystack(item: StockItemView): string {
  let text = haystacks.get(item);
  if (text === undefined) {
    text = `${item.name}\n${item.nameEn ?? ''}\n${item.sku}`.toLowerCase();
    haystacks.set(item, text);
  }
  return text;
}

/** Search box: the item's Chinese or English name or its code, case-insensitive. */
const itemSearch = constructFilterFn<TableFeatures, StockItemView>({
  filter: (_value: unknown, search: string, row) => haystack(row.original).includes(search),
  resolveFilterValue: (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : ''),
  autoRemove: (value: unknown) => typeof value !== 'string' || value.trim() === '',
});

const categoryIs = constructFilterFn({
  filter: (value: StockCategory, wanted: StockCategory) => value === wanted,
  autoRemove: (value: unknown) => value === undefined || value === '',
});

/** The low-stock switch filters the on-hand column: on hand at or below the threshold. */
const lowOnly = constructFilterFn<TableFeatures, StockItemView>({
  filter: (_value: unknown, on: boolean, row) => !on || row.original.low,
  autoRemove: (value: unknown) => value !== true,
});

export const stockGridFeatures = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  sortedRowModel: createSortedRowModel(),
  sortFns: { name: sortByName, category: sortByCategory, basic: sortFn_basic },
  filterFns: { itemSearch, categoryIs, lowOnly },
});

export type StockGridFeatures = typeof stockGridFeatures;

const column = createColumnHelper<StockGridFeatures, StockItemView>();

/** Column ids in screen order; the export and the header labels follow the same list. */
export const stockColumnIds = ['item', 'category', 'onHand', 'lent', 'display', 'lowThreshold', 'lastMovementAt'] as const;
export type StockColumnId = (typeof stockColumnIds)[number];

export const stockColumns = column.columns([
  column.accessor('name', { id: 'item', sortFn: 'name' }),
  column.accessor('category', { id: 'category', sortFn: 'category', filterFn: 'categoryIs' }),
  column.accessor('onHand', { id: 'onHand', sortFn: 'basic', filterFn: 'lowOnly' }),
  column.accessor('lent', { id: 'lent', sortFn: 'basic' }),
  column.accessor('display', { id: 'display', sortFn: 'basic' }),
  column.accessor('lowThreshold', { id: 'lowThreshold', sortFn: 'basic' }),
  // Instants are ISO strings in UTC, so text order is time order; never-moved items go last.
  column.accessor((item) => item.lastMovementAt ?? undefined, { id: 'lastMovementAt', sortFn: 'basic', sortUndefined: 'last' }),
]);

/** What the toolbar sets; the grid turns it into table state. */
export interface StockGridFilter {
  search: string;
  category: StockCategory | null;
  lowOnly: boolean;
}

export const noStockFilter: StockGridFilter = { search: '', category: null, lowOnly: false };

export function columnFiltersFor(filter: StockGridFilter): ColumnFiltersState {
  const filters: ColumnFiltersState = [];
  if (filter.category) filters.push({ id: 'category', value: filter.category });
  if (filter.lowOnly) filters.push({ id: 'onHand', value: true });
  return filters;
}

/** The table options every stock grid shares, screen and benchmark alike. */
export const stockGridOptions = {
  features: stockGridFeatures,
  columns: stockColumns,
  getRowId: (item: StockItemView) => item.sku,
  globalFilterFn: 'itemSearch',
  getColumnCanGlobalFilter: (candidate: { id: string }) => candidate.id === 'item',
  enableSortingRemoval: true,
  // Every column sorts ascending on the first press (emptiest, oldest, A first), whatever its type.
  sortDescFirst: false,
} as const;
