import { maskPhone } from '../../../shared/customers/snapshot';
import type { StockReason } from '../../../shared/stock/movements';
import type { MovementView, SerialState, SerialUnitView } from '../../../shared/stock/schemas';
import type { stockViewMethods } from '../../../shared/stock/views-contract';
import type { CoreContext } from '../context';
import type { PieceHandlers } from '../handlers';
import { equipmentUnits } from './equipment';
import { itemView, lastMovementAt, listStockItems, lowStockItems } from './items';
import { getStockItem, stockBalance } from './ledger';

const DEFAULT_PAGE = 50;

interface MovementRow {
  id: number;
  group_id: string;
  reason: StockReason;
  at: string;
  staff_no: string;
  staff_name: string | null;
  ref_type: string | null;
  ref_id: string | null;
  customer_id: number | null;
  phone: string | null;
  note: string | null;
  on_hand: number;
  display: number;
  lent: number;
  serials: string | null;
}

/**
 * The rows one movement wrote (a move between buckets is two rows, a serial-numbered
 * delivery one row per unit) share a group id and have consecutive ids; a movement is
 * named by its first row's id, so paging with `id < beforeId` never splits one.
 */
function movementPage(ctx: CoreContext, sku: string, limit: number, beforeId: number | undefined): MovementRow[] {
  return ctx.store
    .stmt(
      `SELECT MIN(m.id) AS id, m.group_id, m.reason, m.at, m.staff_no, s.name AS staff_name,
              m.ref_type, m.ref_id, m.customer_id, c.phone, m.note,
              COALESCE(SUM(m.qty) FILTER (WHERE m.bucket = 'on_hand'), 0) AS on_hand,
              COALESCE(SUM(m.qty) FILTER (WHERE m.bucket = 'display'), 0) AS display,
              COALESCE(SUM(m.qty) FILTER (WHERE m.bucket = 'lent'), 0) AS lent,
              group_concat(m.serial, ',') AS serials
       FROM stock_movement m
       LEFT JOIN staff s ON s.staff_no = m.staff_no
       LEFT JOIN customer c ON c.id = m.customer_id
       WHERE m.sku = @sku AND m.id < @before
       GROUP BY m.group_id
       ORDER BY id DESC
       LIMIT @limit`,
    )
    .all({ sku, before: beforeId ?? Number.MAX_SAFE_INTEGER, limit }) as MovementRow[];
}

function toMovementView(r: MovementRow): MovementView {
  // Serials never contain a comma (shared/stock Serial); a two-bucket move lists each unit twice.
  const serials = r.serials ? [...new Set(r.serials.split(','))].sort() : [];
  return {
    id: r.id,
    groupId: r.group_id,
    at: r.at,
    reason: r.reason,
    deltas: { onHand: r.on_hand, display: r.display, lent: r.lent },
    serials,
    staffNo: r.staff_no,
    staffName: r.staff_name,
    ref: r.ref_type !== null && r.ref_id !== null ? { type: r.ref_type, id: r.ref_id } : null,
    customer: r.customer_id !== null ? { customerId: r.customer_id, phoneMasked: maskPhone(r.phone ?? '') } : null,
    note: r.note,
  };
}

interface UnitRow {
  serial: string;
  state: SerialState;
  updated_at: string;
  customer_id: number | null;
  phone: string | null;
  name: string | null;
}

function serialUnits(ctx: CoreContext, sku: string): SerialUnitView[] {
  const rows = ctx.store
    .stmt(
      `SELECT u.serial, u.state, u.updated_at, u.customer_id, c.phone, c.name
       FROM serial_unit u LEFT JOIN customer c ON c.id = u.customer_id
       WHERE u.sku = ? ORDER BY u.serial`,
    )
    .all(sku) as UnitRow[];
  return rows.map((r) => ({
    serial: r.serial,
    state: r.state,
    holder:
      r.customer_id !== null ? { customerId: r.customer_id, phoneMasked: maskPhone(r.phone ?? ''), name: r.name ?? '' } : null,
    updatedAt: r.updated_at,
  }));
}

export function stockViewHandlers(ctx: CoreContext): PieceHandlers<typeof stockViewMethods> {
  return {
    'stock.list': ({ category }) => ({ items: listStockItems(ctx, category) }),
    'stock.alerts': () => ({ items: lowStockItems(ctx) }),
    'stock.item': ({ sku, limit, beforeId }) => {
      const item = getStockItem(ctx, sku);
      const balance = stockBalance(ctx, sku);
      const pageSize = limit ?? DEFAULT_PAGE;
      // One row more than asked tells whether another page exists.
      const rows = movementPage(ctx, sku, pageSize + 1, beforeId);
      const page = rows.slice(0, pageSize);
      return {
        item: itemView(item, balance, lastMovementAt(ctx, sku)),
        balance,
        movements: page.map(toMovementView),
        nextBeforeId: rows.length > pageSize ? (page[page.length - 1]?.id ?? null) : null,
        units: item.serial_tracked ? serialUnits(ctx, sku) : [],
      };
    },
    'equipment.units': ({ sku, show }) => equipmentUnits(ctx, sku, show ?? 'held'),
  };
}
