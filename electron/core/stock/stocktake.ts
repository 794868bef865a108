import { DomainError } from '../../../shared/contract/errors';
import type { CountedBucket, SerialState } from '../../../shared/stock/schemas';
import type { StocktakeConflictReason, stocktakeMethods } from '../../../shared/stock/stocktake-contract';
import type { EventPayload } from '../../../shared/sync/events';
import { commitAction, type CoreContext } from '../context';
import type { PieceHandlers } from '../handlers';
import type { OutboxEventInput } from '../outbox/outbox';
import { readDevice } from '../system/device';
import { applyStockMove, getStockItem, stockBalance, type StockItemRow, type StockMove } from './ledger';
import { recentStocktakes } from './stocktake-history';
import { countKey, loadCountedSerials, saveCountedSerials, type CountedSerials } from './stocktake-serials';
import {
  countedLine,
  getStocktake,
  openStocktake,
  requireOpen,
  serialDiscrepancies,
  stocktakeCounts,
  stocktakeSheet,
  stocktakeView,
  type CountRow,
} from './stocktake-sheet';

const BUCKET_LABEL: Record<CountedBucket, string> = { on_hand: '在库', display: '展示' };

type Adjustment = Pick<StockMove, 'sku' | 'qty' | 'serials'> & { adjust: NonNullable<StockMove['adjust']> };

function balanceIn(ctx: CoreContext, sku: string, bucket: CountedBucket): number {
  const balance = stockBalance(ctx, sku);
  return bucket === 'on_hand' ? balance.onHand : balance.display;
}

function serialsIn(ctx: CoreContext, sku: string, bucket: CountedBucket): string[] {
  const rows = ctx.store.stmt('SELECT serial FROM serial_unit WHERE sku = ? AND state = ? ORDER BY serial').all(sku, bucket) as {
    serial: string;
  }[];
  return rows.map((r) => r.serial);
}

function serialState(ctx: CoreContext, sku: string, serial: string): SerialState | 'absent' {
  const row = ctx.store.stmt('SELECT state FROM serial_unit WHERE sku = ? AND serial = ?').get(sku, serial) as
    | { state: SerialState }
    | undefined;
  return row?.state ?? 'absent';
}

/**
 * The adjustments one count calls for. The variance is counted − expected at count time,
 * so what moved after the count (a gift handed out meanwhile) is not counted twice.
 * Serial-numbered units are adjusted one by one: a missing unit is written off if it is
 * still booked in that bucket; a found unit is booked in if it was never here, written
 * off or sent away. A found unit the ledger has with a customer or elsewhere in the hall
 * blocks the approval: that needs a recovery, return or display move first.
 */
function adjustmentsFor(
  ctx: CoreContext,
  stocktakeId: number,
  item: StockItemRow,
  count: CountRow,
  serials: CountedSerials | undefined,
): Adjustment[] {
  const bucket = count.bucket;
  if (!item.serial_tracked || !serials) {
    const delta = count.counted - count.expected;
    if (delta === 0) return [];
    const now = balanceIn(ctx, item.sku, bucket);
    if (now + delta < 0) {
      const where = `${item.name}${BUCKET_LABEL[bucket]}`;
      throw new DomainError(
        'INSUFFICIENT_STOCK',
        `${where}：盘点时账面 ${count.expected}、实盘 ${count.counted}，此后账面又变为 ${now}，调整后将为负数；请重新盘点该物品`,
        { sku: item.sku, bucket, expected: count.expected, counted: count.counted, now },
      );
    }
    return [{ sku: item.sku, qty: Math.abs(delta), adjust: { bucket, delta } }];
  }
  const { missing, unexpected } = serialDiscrepancies(serials);
  const writeOff = missing.filter((s) => serialState(ctx, item.sku, s) === bucket);
  const found: string[] = [];
  const blocked: { serial: string; state: SerialState | 'absent' }[] = [];
  for (const serial of unexpected) {
    const state = serialState(ctx, item.sku, serial);
    if (state === bucket) continue; // booked into this bucket since the count
    if (state === 'absent' || state === 'damaged' || state === 'transferred') found.push(serial);
    else blocked.push({ serial, state });
  }
  if (blocked.length > 0) {
    const serials = blocked.map((b) => b.serial).join('、');
    throw new DomainError(
      'CONFLICT',
      `${item.name}以下串号账面不在${BUCKET_LABEL[bucket]}（已借出、已发放或在另一处），请先办理回收、退货或移库后重新盘点：${serials}`,
      { stocktakeId, sku: item.sku, bucket, blocked, reason: 'serials_elsewhere' satisfies StocktakeConflictReason },
    );
  }
  const adjustments: Adjustment[] = [];
  if (writeOff.length > 0) {
    adjustments.push({ sku: item.sku, qty: writeOff.length, serials: writeOff, adjust: { bucket, delta: -writeOff.length } });
  }
  if (found.length > 0) {
    adjustments.push({ sku: item.sku, qty: found.length, serials: found, adjust: { bucket, delta: found.length } });
  }
  return adjustments;
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return [...twice];
}

/**
 * HQ hears of a stocktake once, when it is approved: its adjustments are what HQ books
 * (shared/sync/events.ts). Opening, counting and cancelling stay at the counter, in the
 * audit log: they change nothing HQ keeps. Serials and the uncounted lines ride along
 * for readers of the outbox; the sync schema does not carry them (yet).
 */
function stocktakeApprovedEvent(
  stocktakeId: number,
  adjustments: { sku: string; bucket: CountedBucket; delta: number; serials: string[] }[],
  approvedBy: string,
  extras: { hallCode: string; staffNo: string; at: string; notCounted: { sku: string; bucket: CountedBucket }[] },
): OutboxEventInput {
  const payload: EventPayload<'stocktake.approved'> = {
    stocktakeId,
    adjustments: adjustments.map((a) => ({ sku: a.sku, bucket: a.bucket, delta: a.delta, serials: a.serials })),
    approvedBy,
  };
  return {
    type: 'stocktake.approved',
    payload: {
      ...payload,
      hallCode: extras.hallCode,
      staffNo: extras.staffNo,
      at: extras.at,
      notCounted: extras.notCounted.map(({ sku, bucket }) => ({ sku, bucket })),
    },
  };
}

export function stocktakeHandlers(ctx: CoreContext): PieceHandlers<typeof stocktakeMethods> {
  const hallCode = () => readDevice(ctx)?.hallCode ?? '';
  return {
    'stocktake.start': ({ note }, { actor, session }) =>
      commitAction(ctx, actor, () => {
        const open = openStocktake(ctx);
        if (open) {
          const message = `已有进行中的盘点（编号 ${open.id}），请先审核或取消`;
          throw new DomainError('CONFLICT', message, { stocktakeId: open.id, reason: 'already_open' satisfies StocktakeConflictReason });
        }
        const at = ctx.clock.now().toISOString();
        const staffNo = session.staff.staffNo;
        const info = ctx.store
          .stmt(`INSERT INTO stocktake (status, started_by, started_at, note) VALUES ('open', ?, ?, ?)`)
          .run(staffNo, at, note ?? null);
        const id = Number(info.lastInsertRowid);
        return {
          result: { stocktake: stocktakeView(getStocktake(ctx, id)) },
          audit: { action: 'stocktake.start', subject: `stocktake:${id}`, details: note ? { note } : {} },
        };
      }),

    'stocktake.count': (input, { actor, session }) =>
      commitAction(ctx, actor, () => {
        requireOpen(getStocktake(ctx, input.stocktakeId));
        const item = getStockItem(ctx, input.sku);
        let serials: CountedSerials | undefined;
        let counted: number;
        if (item.serial_tracked) {
          const scanned = input.serials ?? (input.counted === 0 ? [] : undefined);
          if (!scanned) throw new DomainError('VALIDATION', `${item.name}按串号管理，请逐台扫描串号`, { sku: item.sku });
          const twice = duplicates(scanned);
          if (twice.length > 0) throw new DomainError('VALIDATION', `串号重复扫描：${twice.join('、')}`, { serials: twice });
          if (input.counted !== undefined && input.counted !== scanned.length) {
            throw new DomainError('VALIDATION', `盘点数量 ${input.counted} 与扫描的串号数 ${scanned.length} 不一致`, {
              counted: input.counted,
              scanned: scanned.length,
            });
          }
          serials = { scanned: [...scanned], expected: serialsIn(ctx, item.sku, input.bucket) };
          counted = scanned.length;
        } else {
          if (input.serials && input.serials.length > 0) {
            throw new DomainError('VALIDATION', `${item.name}不按串号管理，请直接填写数量`, { sku: item.sku });
          }
          if (input.counted === undefined) throw new DomainError('VALIDATION', '请填写盘点数量', { sku: item.sku });
          counted = input.counted;
        }
        // The ledger's balance now is what this count is measured against, whatever moves later.
        const expected = balanceIn(ctx, item.sku, input.bucket);
        const at = ctx.clock.now().toISOString();
        const staffNo = session.staff.staffNo;
        ctx.store
          .stmt(
            `INSERT INTO stocktake_count (stocktake_id, sku, bucket, counted, expected, counted_by, counted_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (stocktake_id, sku, bucket) DO UPDATE SET
               counted = excluded.counted, expected = excluded.expected,
               counted_by = excluded.counted_by, counted_at = excluded.counted_at`,
          )
          .run(input.stocktakeId, item.sku, input.bucket, counted, expected, staffNo, at);
        if (serials) saveCountedSerials(ctx, input.stocktakeId, item.sku, input.bucket, serials);
        const count: CountRow = { sku: item.sku, bucket: input.bucket, counted, expected, counted_by: staffNo, counted_at: at };
        const line = countedLine({ sku: item.sku, name: item.name, serialTracked: item.serial_tracked === 1 }, count, serials);
        const scanned = serials ? { serials: serials.scanned } : {};
        return {
          result: { line },
          audit: {
            action: 'stocktake.count',
            subject: `stocktake:${input.stocktakeId}`,
            details: { sku: item.sku, bucket: input.bucket, counted, expected, ...scanned },
          },
        };
      }),

    'stocktake.list': ({ limit }) => ({ stocktakes: recentStocktakes(ctx, limit ?? 20) }),

    'stocktake.review': ({ stocktakeId }) => {
      const row = stocktakeId !== undefined ? getStocktake(ctx, stocktakeId) : openStocktake(ctx);
      if (!row) throw new DomainError('NOT_FOUND', '目前没有进行中的盘点');
      const lines = stocktakeSheet(ctx, row.id);
      const counted = lines.filter((l) => l.counted !== null);
      const withVariance = counted.filter((l) => l.variance !== 0 || l.missingSerials.length > 0 || l.unexpectedSerials.length > 0);
      return {
        stocktake: stocktakeView(row),
        lines,
        summary: {
          lines: lines.length,
          counted: counted.length,
          notCounted: lines.length - counted.length,
          withVariance: withVariance.length,
        },
      };
    },

    'stocktake.approve': ({ stocktakeId, note }, { actor, session, approvedBy }) =>
      commitAction(ctx, actor, () => {
        const row = getStocktake(ctx, stocktakeId);
        requireOpen(row);
        const counts = stocktakeCounts(ctx, stocktakeId);
        if (counts.length === 0) {
          const message = '这次盘点还没有录入任何数量，无法审核；如不再盘点请取消';
          throw new DomainError('CONFLICT', message, { stocktakeId, reason: 'nothing_counted' satisfies StocktakeConflictReason });
        }
        const notCounted = stocktakeSheet(ctx, stocktakeId)
          .filter((l) => l.counted === null)
          .map((l) => ({ sku: l.sku, name: l.name, bucket: l.bucket }));
        const serials = loadCountedSerials(ctx, stocktakeId);
        // Every count is checked before anything is written, so a refusal names its item and books nothing.
        const planned = counts.flatMap((c) =>
          adjustmentsFor(ctx, stocktakeId, getStockItem(ctx, c.sku), c, serials.get(countKey(c.sku, c.bucket))),
        );
        const staffNo = session.staff.staffNo;
        const approver = approvedBy?.staffNo ?? staffNo;
        const applied = planned.map(({ adjust, ...a }) => ({
          bucket: adjust.bucket,
          delta: adjust.delta,
          move: applyStockMove(ctx, {
            ...a,
            adjust,
            reason: 'stocktake_adjust',
            ref: { type: 'stocktake', id: String(stocktakeId) },
            note: note ?? `盘点 #${stocktakeId}`,
            staffNo,
          }),
        }));
        const at = ctx.clock.now().toISOString();
        ctx.store
          .stmt(`UPDATE stocktake SET status = 'approved', closed_by = ?, closed_at = ? WHERE id = ?`)
          .run(approver, at, stocktakeId);
        const adjustments = applied.map(({ bucket, delta, move }) => ({
          sku: move.sku,
          bucket,
          delta,
          serials: move.serials,
          groupId: move.groupId,
        }));
        return {
          result: { stocktake: stocktakeView(getStocktake(ctx, stocktakeId)), adjustments, notCounted },
          audit: {
            action: 'stocktake.approve',
            subject: `stocktake:${stocktakeId}`,
            details: {
              adjustments: adjustments.map(({ groupId: _g, ...a }) => a),
              notCounted: notCounted.map((n) => `${n.sku}:${n.bucket}`),
              approvedBy: approver,
              ...(note ? { note } : {}),
            },
          },
          event: stocktakeApprovedEvent(stocktakeId, adjustments, approver, { hallCode: hallCode(), staffNo, at, notCounted }),
        };
      }),

    'stocktake.cancel': ({ stocktakeId, note }, { actor, session }) =>
      commitAction(ctx, actor, () => {
        requireOpen(getStocktake(ctx, stocktakeId));
        const at = ctx.clock.now().toISOString();
        const staffNo = session.staff.staffNo;
        ctx.store
          .stmt(`UPDATE stocktake SET status = 'cancelled', closed_by = ?, closed_at = ? WHERE id = ?`)
          .run(staffNo, at, stocktakeId);
        return {
          result: { stocktake: stocktakeView(getStocktake(ctx, stocktakeId)) },
          audit: { action: 'stocktake.cancel', subject: `stocktake:${stocktakeId}`, details: note ? { note } : {} },
        };
      }),
  };
}
