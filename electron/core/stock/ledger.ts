import { randomUUID } from 'node:crypto';
import { DomainError } from '../../../shared/contract/errors';
import { REASON_EFFECT, SERIAL_STATE_AFTER, type StockBucket, type StockReason } from '../../../shared/stock/movements';
import type { SerialState } from '../../../shared/stock/schemas';
import type { CoreContext } from '../context';
import { readDevice } from '../system/device';

export interface StockBalance {
  onHand: number;
  display: number;
  lent: number;
}

export interface StockItemRow {
  sku: string;
  name: string;
  name_en: string | null;
  category: 'gift' | 'prize' | 'equipment' | 'other';
  unit_value_fen: number;
  serial_tracked: 0 | 1;
  low_threshold: number;
  active: 0 | 1;
}

export interface StockMove {
  sku: string;
  reason: StockReason;
  /** Units moved, always positive; the reason says which way. Stocktake adjustments use `adjust`. */
  qty: number;
  /** For serial-numbered items: exactly `qty` serials. */
  serials?: readonly string[];
  /** Damage can come off the shelf or off the display. */
  from?: Extract<StockBucket, 'on_hand' | 'display'>;
  /** For stocktake adjustments: the bucket and the signed change. */
  adjust?: { bucket: Extract<StockBucket, 'on_hand' | 'display'>; delta: number };
  ref?: { type: string; id: string };
  customerId?: number;
  note?: string;
  staffNo: string;
}

export function getStockItem(ctx: CoreContext, sku: string): StockItemRow {
  const row = ctx.store.stmt('SELECT * FROM stock_item WHERE sku = ?').get(sku) as StockItemRow | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `没有这个库存品：${sku}`, { sku });
  return row;
}

export function stockBalance(ctx: CoreContext, sku: string): StockBalance {
  const rows = ctx.store
    .stmt('SELECT bucket, COALESCE(SUM(qty), 0) AS qty FROM stock_movement WHERE sku = ? GROUP BY bucket')
    .all(sku) as { bucket: StockBucket; qty: number }[];
  const balance: StockBalance = { onHand: 0, display: 0, lent: 0 };
  for (const r of rows) {
    if (r.bucket === 'on_hand') balance.onHand = r.qty;
    else if (r.bucket === 'display') balance.display = r.qty;
    else balance.lent = r.qty;
  }
  return balance;
}

function effectOf(move: StockMove): Partial<Record<StockBucket, number>> {
  if (move.reason === 'stocktake_adjust') {
    if (!move.adjust || move.adjust.delta === 0 || !Number.isInteger(move.adjust.delta)) {
      throw new Error('stocktake_adjust needs a non-zero whole adjust');
    }
    return { [move.adjust.bucket]: move.adjust.delta };
  }
  if (!Number.isInteger(move.qty) || move.qty <= 0) throw new DomainError('VALIDATION', '数量必须是正整数', { qty: move.qty });
  if (move.reason === 'damaged') return { [move.from ?? 'on_hand']: -move.qty };
  const per = REASON_EFFECT[move.reason];
  return Object.fromEntries(Object.entries(per).map(([bucket, sign]) => [bucket, sign * move.qty]));
}

const BUCKET_LABEL: Record<StockBucket, string> = { on_hand: '在库', display: '展示', lent: '借出' };
const BUCKET_KEY: Record<StockBucket, keyof StockBalance> = { on_hand: 'onHand', display: 'display', lent: 'lent' };

/** A movement as written: what HQ hears about and what the screens show. */
export interface AppliedMove {
  groupId: string;
  hallCode: string;
  sku: string;
  reason: StockReason;
  /** The signed change per bucket (zero for buckets it did not touch). */
  deltas: StockBalance;
  serials: string[];
  ref: { type: string; id: string } | null;
  customerId: number | null;
  note: string | null;
  staffNo: string;
  at: string;
}

/**
 * Writes one stock movement (two rows for a move between buckets) and returns its group
 * id. Runs inside the caller's transaction (or its own): refuses to take any bucket below
 * zero, and for serial-numbered items checks that each named unit is where the movement
 * says it comes from.
 */
export function moveStock(ctx: CoreContext, move: StockMove): string {
  return applyStockMove(ctx, move).groupId;
}

/** A ledger row written while a recording was open: HQ hears of it with the action's event. */
export interface RecordedRow {
  id: number;
  groupId: string;
}

// Per database, the recordings open now, innermost last.
const recordings = new WeakMap<CoreContext['store'], RecordedRow[][]>();

/**
 * Runs `work` and answers the ledger rows it wrote, for commitAction to attach to the
 * action's event. Recordings nest: an action inside an action keeps its rows to itself.
 */
export function recordStockMoves<T>(ctx: CoreContext, work: () => T): { result: T; rows: RecordedRow[] } {
  const open = recordings.get(ctx.store) ?? [];
  recordings.set(ctx.store, open);
  const rows: RecordedRow[] = [];
  open.push(rows);
  try {
    return { result: work(), rows };
  } finally {
    open.pop();
  }
}

/**
 * Movements HQ books on its own side, kept out of the action's event: the demo hall's
 * opening stock, which the demo HQ seeds from the same file (hq/src/admin/demo.ts).
 */
export function bookedByHq<T>(ctx: CoreContext, work: () => T): T {
  return recordStockMoves(ctx, work).result;
}

/** `moveStock`, answering the whole movement (for outbox events and screens). */
export function applyStockMove(ctx: CoreContext, move: StockMove): AppliedMove {
  const rows: RecordedRow[] = [];
  // A savepoint when the caller has a transaction open: a refusal halfway leaves no row behind either way.
  const applied = ctx.store.tx(() => writeMove(ctx, move, rows));
  // Recorded once its savepoint is released, so a refused movement is never reported.
  recordings.get(ctx.store)?.at(-1)?.push(...rows);
  return applied;
}

function writeMove(ctx: CoreContext, move: StockMove, written: RecordedRow[]): AppliedMove {
  const item = getStockItem(ctx, move.sku);
  const effect = effectOf(move);
  const before = stockBalance(ctx, move.sku);
  const deltas: StockBalance = { onHand: 0, display: 0, lent: 0 };
  for (const [bucket, delta] of Object.entries(effect) as [StockBucket, number][]) {
    const have = before[BUCKET_KEY[bucket]];
    if (have + delta < 0) {
      throw new DomainError(
        'INSUFFICIENT_STOCK',
        `${item.name}${BUCKET_LABEL[bucket]}数量不足：现有 ${have}，需要 ${-delta}`,
        { sku: move.sku, bucket, have, need: -delta },
      );
    }
    deltas[BUCKET_KEY[bucket]] = delta;
  }

  const serials = [...(move.serials ?? [])];
  const units = move.reason === 'stocktake_adjust' ? Math.abs(move.adjust?.delta ?? 0) : move.qty;
  const at = ctx.clock.now().toISOString();
  if (item.serial_tracked) {
    if (serials.length !== units || new Set(serials).size !== serials.length) {
      throw new DomainError('VALIDATION', `${item.name}按串号管理，需要逐台扫描 ${units} 个不同的串号`, {
        sku: move.sku,
        expected: units,
        got: serials.length,
      });
    }
    // Every unit is checked before any is moved, so the refusal names the first bad serial of the lot.
    for (const serial of serials) checkSerial(ctx, item, serial, move);
    for (const serial of serials) placeSerial(ctx, item.sku, serial, move, at);
  } else if (serials.length > 0) {
    throw new DomainError('VALIDATION', `${item.name}不按串号管理`, { sku: move.sku });
  }

  const hallCode = readDevice(ctx)?.hallCode ?? '';
  const groupId = randomUUID();
  const insert = ctx.store.stmt(
    `INSERT INTO stock_movement (hall_code, sku, bucket, qty, reason, serial, group_id, ref_type, ref_id, customer_id, note, staff_no, at)
     VALUES (@hall, @sku, @bucket, @qty, @reason, @serial, @group, @refType, @refId, @customer, @note, @staff, @at)`,
  );
  const rowsFor: { serial: string | null; per: number }[] =
    serials.length > 0 ? serials.map((s) => ({ serial: s, per: 1 })) : [{ serial: null, per: units }];
  for (const { serial, per } of rowsFor) {
    for (const [bucket, delta] of Object.entries(effect) as [StockBucket, number][]) {
      const info = insert.run({
        hall: hallCode,
        sku: move.sku,
        bucket,
        qty: Math.sign(delta) * per,
        reason: move.reason,
        serial,
        group: groupId,
        refType: move.ref?.type ?? null,
        refId: move.ref?.id ?? null,
        customer: move.customerId ?? null,
        note: move.note ?? null,
        staff: move.staffNo,
        at,
      });
      written.push({ id: Number(info.lastInsertRowid), groupId });
    }
  }
  return {
    groupId,
    hallCode,
    sku: move.sku,
    reason: move.reason,
    deltas,
    serials,
    ref: move.ref ? { type: move.ref.type, id: move.ref.id } : null,
    customerId: move.customerId ?? null,
    note: move.note ?? null,
    staffNo: move.staffNo,
    at,
  };
}

interface SerialRow {
  state: SerialState;
  customer_id: number | null;
}

/** Where a unit must be before a movement with this reason ('absent': never seen here). */
function allowedStates(move: StockMove): readonly (SerialState | 'absent')[] {
  switch (move.reason) {
    case 'received':
    case 'transfer_in':
      return ['absent', 'transferred'];
    case 'stocktake_adjust':
      // A unit found in the count, or one written off because it is missing.
      return (move.adjust?.delta ?? 0) > 0 ? ['absent', 'damaged', 'transferred'] : [move.adjust?.bucket ?? 'on_hand'];
    case 'recovered':
      return ['lent'];
    case 'from_display':
      return ['display'];
    case 'returned':
    case 'void_return':
      return ['issued'];
    case 'damaged':
      return [move.from ?? 'on_hand'];
    default:
      return ['on_hand'];
  }
}

const STATE_LABEL: Record<SerialState, string> = {
  on_hand: '在库',
  display: '展示中',
  lent: '已借出',
  issued: '已发放',
  damaged: '已报损',
  transferred: '已调出',
};

function checkSerial(ctx: CoreContext, item: StockItemRow, serial: string, move: StockMove): void {
  const unit = ctx.store.stmt('SELECT state, customer_id FROM serial_unit WHERE sku = ? AND serial = ?').get(item.sku, serial) as
    | SerialRow
    | undefined;
  const state = unit?.state ?? 'absent';
  if (!allowedStates(move).includes(state)) {
    const where = unit ? `当前${STATE_LABEL[unit.state]}` : '不在本厅库存记录中';
    throw new DomainError('CONFLICT', `串号 ${serial}（${item.name}）${where}，不能办理此操作`, {
      sku: item.sku,
      serial,
      state,
      reason: move.reason,
    });
  }
  // A unit comes back only from the customer who has it (when the caller names one).
  const holder = unit?.customer_id ?? null;
  const checksHolder = move.reason === 'recovered' || ((move.reason === 'returned' || move.reason === 'void_return') && holder !== null);
  if (checksHolder && move.customerId !== undefined && holder !== move.customerId) {
    throw new DomainError('CONFLICT', `串号 ${serial} 不在这位客户名下`, { sku: item.sku, serial });
  }
}

function placeSerial(ctx: CoreContext, sku: string, serial: string, move: StockMove, at: string): void {
  const adjust = move.reason === 'stocktake_adjust' ? move.adjust : undefined;
  // A unit missing at the count is written off; one found goes into the bucket that was counted.
  const after: SerialState = adjust ? (adjust.delta < 0 ? 'damaged' : adjust.bucket) : SERIAL_STATE_AFTER[move.reason];
  const holder = after === 'lent' || after === 'issued' ? (move.customerId ?? null) : null;
  ctx.store
    .stmt(
      `INSERT INTO serial_unit (sku, serial, state, customer_id, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (sku, serial) DO UPDATE SET
         state = excluded.state, customer_id = excluded.customer_id, updated_at = excluded.updated_at`,
    )
    .run(sku, serial, after, holder, at);
}
