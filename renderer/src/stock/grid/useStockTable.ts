import { useTable, type ReactTable, type SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { StockItemView } from '../../../../shared/stock/schemas';
import { columnFiltersFor, stockGridOptions, type StockGridFeatures, type StockGridFilter } from './model';

const NO_ITEMS: StockItemView[] = [];

export interface StockTable {
  table: ReactTable<StockGridFeatures, StockItemView>;
  /** The rows on screen, filtered and sorted: what the grid shows and the export writes. */
  rows: StockItemView[];
}

/** The grid's table: the shared model (./model) with this screen's filter and sort order. */
export function useStockTable(items: StockItemView[] | null, filter: StockGridFilter): StockTable {
  const [sorting, setSorting] = useState<SortingState>([]);
  const columnFilters = useMemo(() => columnFiltersFor(filter), [filter]);
  const table = useTable({
    ...stockGridOptions,
    data: items ?? NO_ITEMS,
    state: { sorting, columnFilters, globalFilter: filter.search },
    onSortingChange: setSorting,
  });
  const model = table.getRowModel();
  const rows = useMemo(() => model.rows.map((row) => row.original), [model]);
  return { table, rows };
}
