import { useCallback, useMemo, useState } from 'react';
import type { StockItemView, StockMoveResult } from '../../../shared/stock/schemas';
import type { CounterInfo, StaffView } from '../api/types';
import { LentEquipment } from '../equipment/LentEquipment';
import { PageFrame } from '../pages/PageFrame';
import { StocktakePanel } from '../stocktake/StocktakePanel';
import { emptyDraft, moveKinds, type MoveDraft, type MoveKind } from './actions/moveKinds';
import { MoveOutcome, type BookedMove } from './actions/MoveOutcome';
import { StockMoveDialog } from './actions/StockMoveDialog';
import { StockItemDetail } from './detail/StockItemDetail';
import { StockOverview } from './StockOverview';
import { stockTabPanelId, StockTabs, type StockTab } from './StockTabs';
import { useStockItems } from './useStockItems';
import './stock.css';

type Drafts = Record<MoveKind, MoveDraft>;

function emptyDrafts(): Drafts {
  return Object.fromEntries(moveKinds.map((kind) => [kind, emptyDraft()])) as Drafts;
}

/**
 * The stock page (库存): the grid, the stocktake and the lent equipment. The views stay
 * mounted while another is shown, and the movement forms' drafts live here, so switching
 * views or closing a form never throws away what was typed; a draft is emptied only when
 * its movement is booked.
 */
export function StockPage({ info, staff }: { info: CounterInfo; staff: StaffView }) {
  const manager = staff.role === 'manager';
  const stock = useStockItems();
  const [tab, setTab] = useState<StockTab>('grid');
  const [active, setActive] = useState<string | null>(null);
  const [detail, setDetail] = useState<string | null>(null);
  const [moving, setMoving] = useState<MoveKind | null>(null);
  const [drafts, setDrafts] = useState<Drafts>(emptyDrafts);
  const [booked, setBooked] = useState<BookedMove | null>(null);
  const [version, setVersion] = useState(0);

  const itemsBySku = useMemo(() => new Map((stock.items ?? []).map((item) => [item.sku, item])), [stock.items]);

  const setDraft = useCallback((kind: MoveKind, draft: MoveDraft) => setDrafts((all) => ({ ...all, [kind]: draft })), []);

  /** Opens a movement form; from an item's card or a selected row the item is filled in. */
  const start = useCallback((kind: MoveKind, sku: string | null) => {
    setDrafts((all) => {
      const draft = all[kind];
      if (sku === null || draft.sku === sku) return all;
      // Another item's scanned serials don't belong to this one; what else was typed stays.
      return { ...all, [kind]: { ...draft, sku, serials: [] } };
    });
    setMoving(kind);
  }, []);

  const done = useCallback(
    (kind: MoveKind, result: StockMoveResult) => {
      setMoving(null);
      setDrafts((all) => ({ ...all, [kind]: emptyDraft() }));
      setBooked({ kind, result });
      setActive(result.movement.sku);
      setVersion((v) => v + 1);
      void stock.refresh();
    },
    [stock],
  );

  const open = useCallback((item: StockItemView) => setDetail(item.sku), []);

  /** The ledger moved elsewhere on this page (a stocktake approved): every view reads it again. */
  const stockChanged = useCallback(() => {
    setVersion((v) => v + 1);
    void stock.refresh();
  }, [stock]);

  return (
    <PageFrame page="stock">
      <div className={`stock-page${booked ? ' stock-page--outcome' : ''}`}>
        <StockTabs current={tab} onSelect={setTab} />
        {booked && <MoveOutcome booked={booked} item={itemsBySku.get(booked.result.movement.sku)} onDismiss={() => setBooked(null)} />}
        <div id={stockTabPanelId('grid')} role="tabpanel" aria-labelledby="stock-tab-grid" hidden={tab !== 'grid'}>
          <StockOverview
            info={info}
            stock={stock}
            manager={manager}
            active={active}
            onActive={setActive}
            onOpen={open}
            onStart={(kind) => start(kind, drafts[kind].sku === '' ? active : null)}
          />
        </div>
        <div id={stockTabPanelId('stocktake')} role="tabpanel" aria-labelledby="stock-tab-stocktake" hidden={tab !== 'stocktake'}>
          <StocktakePanel visible={tab === 'stocktake'} manager={manager} itemsBySku={itemsBySku} onStockChanged={stockChanged} />
        </div>
        <div id={stockTabPanelId('equipment')} role="tabpanel" aria-labelledby="stock-tab-equipment" hidden={tab !== 'equipment'}>
          <LentEquipment visible={tab === 'equipment'} version={version} />
        </div>
        {detail !== null && (
          <StockItemDetail sku={detail} manager={manager} version={version} onStart={start} onClose={() => setDetail(null)} />
        )}
        {moving !== null && (
          <StockMoveDialog
            kind={moving}
            draft={drafts[moving]}
            onDraft={(draft) => setDraft(moving, draft)}
            itemsBySku={itemsBySku}
            onDone={done}
            onClose={() => setMoving(null)}
          />
        )}
      </div>
    </PageFrame>
  );
}
