import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockItemView } from '../../../shared/stock/schemas';
import { shanghaiDate } from '../../../shared/time/shanghai';
import { api } from '../api/client';
import { describeError } from '../api/describeError';
import type { CounterInfo } from '../api/types';
import { StockActions } from './actions/StockActions';
import type { MoveKind } from './actions/moveKinds';
import { exportStockXlsx } from './export/exportStockXlsx';
import { noStockFilter, type StockGridFilter } from './grid/model';
import { StockGrid } from './grid/StockGrid';
import { StockToolbar } from './grid/StockToolbar';
import { useStockTable } from './grid/useStockTable';
import type { StockItems } from './useStockItems';

interface StockOverviewProps {
  info: CounterInfo;
  stock: StockItems;
  manager: boolean;
  active: string | null;
  onActive: (sku: string | null) => void;
  onOpen: (item: StockItemView) => void;
  onStart: (kind: MoveKind) => void;
}

type Exported = { kind: 'done'; file: string; rows: number } | { kind: 'failed'; message: string } | null;

/** The stock at a glance: filters, the low-stock alert, the movements this staff member may start, the grid and its export. */
export function StockOverview({ info, stock, manager, active, onActive, onOpen, onStart }: StockOverviewProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<StockGridFilter>(noStockFilter);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<Exported>(null);
  const grid = useRef<HTMLTableElement>(null);
  const { table, rows } = useStockTable(stock.items, filter);

  async function exportView(): Promise<void> {
    setExporting(true);
    setExported(null);
    try {
      // The file is dated by the core's clock (the counter's business day), not the PC's.
      const now = await api.call['system.info']({});
      const date = shanghaiDate(now.ok ? new Date(now.value.now) : new Date());
      const file = await exportStockXlsx(rows, info.hall, date);
      setExported({ kind: 'done', file, rows: rows.length });
    } catch (error) {
      setExported({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setExporting(false);
    }
  }

  return (
    <div className="stock-overview">
      <StockToolbar
        filter={filter}
        onFilter={setFilter}
        shown={rows.length}
        total={stock.items?.length ?? 0}
        alerts={stock.alerts}
        onToGrid={() => grid.current?.focus()}
      />
      <div className="stock-overview__bar">
        <StockActions manager={manager} place="page" onStart={onStart} />
        {exported && (
          <p className={exported.kind === 'done' ? 'stock-note' : 'form-error'} role="status" data-testid="export-note">
            {exported.kind === 'done'
              ? t('stock.toolbar.exported', { file: exported.file, rows: exported.rows })
              : t('stock.toolbar.exportFailed', { reason: exported.message })}
          </p>
        )}
        <button
          type="button"
          className="button stock-overview__export"
          onClick={() => void exportView()}
          disabled={exporting || rows.length === 0}
          data-testid="stock-export"
        >
          {exporting ? t('stock.toolbar.exporting') : t('stock.toolbar.export')}
        </button>
      </div>
      {stock.error && (
        <p className="form-error" role="alert">
          {describeError(stock.error)}
        </p>
      )}
      {stock.items === null && !stock.error ? (
        <p className="stock-note">{t('stock.grid.loading')}</p>
      ) : (
        <StockGrid table={table} active={active} onActive={onActive} onOpen={onOpen} gridRef={grid} />
      )}
      <p className="stock-keys">{t('stock.grid.keys')}</p>
    </div>
  );
}
