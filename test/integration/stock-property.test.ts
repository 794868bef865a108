import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContractClient } from '../../shared/contract/client';
import type { ApiResult } from '../../shared/contract/errors';
import { demoPin, loginAs, openTestCounter, type TestCounter } from '../support/core';

/**
 * Random sequences of stock writes and stocktakes (some of them invalid) against a model
 * of the ledger. After every step: each bucket equals the sum of its movements, equals the
 * model and is never negative; serial units are where the model says; a successful action
 * added exactly one audit entry and one outbox event (none for the stocktake steps HQ does
 * not hear of: open, count, cancel); a refused one left every table as it was.
 */

type Bucket = 'on_hand' | 'display';
type AllBuckets = Bucket | 'lent';
type UnitState = 'on_hand' | 'display' | 'lent' | 'issued' | 'damaged' | 'transferred' | 'absent';
type Reason = 'received' | 'damaged' | 'transfer_out' | 'to_display' | 'from_display' | 'stocktake_adjust';

const PLAIN = ['GIFT-THERMOS', 'TV-43'] as const; // 29 + 1 on display; 6
const SERIAL_SKU = 'MODEM-STD'; // STD…301–304 on hand
const POOL = ['STD2026000301', 'STD2026000302', 'STD2026000303', 'STD2026000304', 'STD2026000305', 'STD2026000306'];
const SKUS = [...PLAIN, SERIAL_SKU];
const MANAGER = { staffNo: '8001', pin: demoPin('8001') };

interface Units {
  sku: string;
  qty: number;
  serials?: string[];
}
type Command =
  | ({ kind: 'receive'; reuseRef: boolean } & Units)
  | ({ kind: 'damage'; from: Bucket; byClerk: boolean } & Units)
  | ({ kind: 'transferOut' | 'toDisplay' | 'fromDisplay' } & Units)
  | { kind: 'start' }
  | { kind: 'count'; sku: string; bucket: Bucket; counted: number; serials?: string[] }
  | { kind: 'approve'; byClerk: boolean }
  | { kind: 'cancel' };

interface Count {
  counted: number;
  expected: number;
  scanned: string[];
  expectedSerials: string[];
}

interface MoveOptions {
  from?: Bucket;
  adjust?: { bucket: Bucket; delta: number };
}

function effectOf(reason: Reason, qty: number, opt: MoveOptions): Partial<Record<AllBuckets, number>> {
  switch (reason) {
    case 'received':
      return { on_hand: qty };
    case 'damaged':
      return { [opt.from ?? 'on_hand']: -qty };
    case 'transfer_out':
      return { on_hand: -qty };
    case 'to_display':
      return { on_hand: -qty, display: qty };
    case 'from_display':
      return { display: -qty, on_hand: qty };
    case 'stocktake_adjust':
      return { [opt.adjust?.bucket ?? 'on_hand']: opt.adjust?.delta ?? 0 };
  }
}

/** Where a serial-numbered unit must be for this movement, and where it is after. */
function serialRule(reason: Reason, opt: MoveOptions): { from: UnitState[]; after: UnitState } {
  switch (reason) {
    case 'received':
      return { from: ['absent', 'transferred'], after: 'on_hand' };
    case 'damaged':
      return { from: [opt.from ?? 'on_hand'], after: 'damaged' };
    case 'transfer_out':
      return { from: ['on_hand'], after: 'transferred' };
    case 'to_display':
      return { from: ['on_hand'], after: 'display' };
    case 'from_display':
      return { from: ['display'], after: 'on_hand' };
    case 'stocktake_adjust': {
      const bucket = opt.adjust?.bucket ?? 'on_hand';
      return (opt.adjust?.delta ?? 0) > 0
        ? { from: ['absent', 'damaged', 'transferred'], after: bucket }
        : { from: [bucket], after: 'damaged' };
    }
  }
}

/** The ledger as the test believes it is. Every refusal code the core gives is predicted here. */
class Model {
  bal = new Map<string, Record<AllBuckets, number>>();
  unit = new Map<string, UnitState>();
  deliveries = new Set<string>();
  stocktakes: ('open' | 'approved' | 'cancelled')[] = [];
  counts = new Map<string, Count>();

  static initial(): Model {
    const m = new Model();
    m.bal.set('GIFT-THERMOS', { on_hand: 29, display: 1, lent: 0 });
    m.bal.set('TV-43', { on_hand: 6, display: 0, lent: 0 });
    m.bal.set(SERIAL_SKU, { on_hand: 4, display: 0, lent: 0 });
    for (const s of POOL.slice(0, 4)) m.unit.set(s, 'on_hand');
    return m;
  }

  clone(): Model {
    const m = new Model();
    for (const [k, v] of this.bal) m.bal.set(k, { ...v });
    m.unit = new Map(this.unit);
    m.deliveries = new Set(this.deliveries);
    m.stocktakes = [...this.stocktakes];
    m.counts = new Map([...this.counts].map(([k, c]) => [k, { ...c }]));
    return m;
  }

  balance(sku: string): Record<AllBuckets, number> {
    const b = this.bal.get(sku);
    if (!b) throw new Error(`no ${sku}`);
    return b;
  }

  state(serial: string): UnitState {
    return this.unit.get(serial) ?? 'absent';
  }

  /** One ledger movement as moveStock does it; returns the refusal code, or null after applying it. */
  move(sku: string, reason: Reason, qty: number, serials: string[] | undefined, opt: MoveOptions = {}): string | null {
    const effect = effectOf(reason, qty, opt);
    const bal = this.balance(sku);
    const entries = Object.entries(effect) as [AllBuckets, number][];
    if (entries.some(([bucket, delta]) => bal[bucket] + delta < 0)) return 'INSUFFICIENT_STOCK';
    const list = serials ?? [];
    if (sku === SERIAL_SKU) {
      if (list.length !== qty || new Set(list).size !== list.length) return 'VALIDATION';
      const { from, after } = serialRule(reason, opt);
      if (list.some((s) => !from.includes(this.state(s)))) return 'CONFLICT';
      for (const s of list) this.unit.set(s, after);
    } else if (list.length > 0) return 'VALIDATION';
    for (const [bucket, delta] of entries) bal[bucket] += delta;
    return null;
  }

  /** The outcome of a command: the refusal code, or null when it succeeds (and `this` has been updated). */
  run(cmd: Command, step: number): string | null {
    const lastId = this.stocktakes.length;
    const closed = () => (lastId === 0 ? 'NOT_FOUND' : this.stocktakes[lastId - 1] !== 'open' ? 'CONFLICT' : null);
    switch (cmd.kind) {
      case 'receive': {
        const ref = `${cmd.sku}|${cmd.reuseRef ? 'DN-SAME' : `DN-${step}`}`;
        if (this.deliveries.has(ref)) return 'CONFLICT';
        const refused = this.move(cmd.sku, 'received', cmd.qty, cmd.serials, {});
        if (refused === null) this.deliveries.add(ref);
        return refused;
      }
      case 'damage':
        return this.move(cmd.sku, 'damaged', cmd.qty, cmd.serials, { from: cmd.from });
      case 'transferOut':
        return this.move(cmd.sku, 'transfer_out', cmd.qty, cmd.serials, {});
      case 'toDisplay':
        return this.move(cmd.sku, 'to_display', cmd.qty, cmd.serials, {});
      case 'fromDisplay':
        return this.move(cmd.sku, 'from_display', cmd.qty, cmd.serials, {});
      case 'start':
        if (this.stocktakes.includes('open')) return 'CONFLICT';
        this.stocktakes.push('open');
        this.counts.clear();
        return null;
      case 'count': {
        const refused = closed();
        if (refused) return refused;
        const scanned = cmd.serials ?? [];
        if (cmd.sku === SERIAL_SKU && new Set(scanned).size !== scanned.length) return 'VALIDATION';
        this.counts.set(`${cmd.sku}|${cmd.bucket}`, {
          counted: cmd.sku === SERIAL_SKU ? scanned.length : cmd.counted,
          expected: this.balance(cmd.sku)[cmd.bucket],
          scanned,
          expectedSerials: cmd.sku === SERIAL_SKU ? POOL.filter((s) => this.state(s) === cmd.bucket) : [],
        });
        return null;
      }
      case 'approve': {
        const refused = closed();
        if (refused) return refused;
        if (this.counts.size === 0) return 'CONFLICT';
        const planned: { sku: string; bucket: Bucket; delta: number; serials?: string[] }[] = [];
        // The core reads counts ordered by sku, then bucket.
        for (const key of [...this.counts.keys()].sort()) {
          const [sku = '', bucket = 'on_hand'] = key.split('|') as [string, Bucket];
          const c = this.counts.get(key) as Count;
          if (sku !== SERIAL_SKU) {
            const delta = c.counted - c.expected;
            if (delta === 0) continue;
            if (this.balance(sku)[bucket] + delta < 0) return 'INSUFFICIENT_STOCK';
            planned.push({ sku, bucket, delta });
            continue;
          }
          const writeOff = c.expectedSerials.filter((s) => !c.scanned.includes(s) && this.state(s) === bucket);
          const unexpected = c.scanned.filter((s) => !c.expectedSerials.includes(s) && this.state(s) !== bucket);
          if (unexpected.some((s) => !['absent', 'damaged', 'transferred'].includes(this.state(s)))) return 'CONFLICT';
          if (writeOff.length > 0) planned.push({ sku, bucket, delta: -writeOff.length, serials: writeOff });
          if (unexpected.length > 0) planned.push({ sku, bucket, delta: unexpected.length, serials: unexpected });
        }
        for (const p of planned) {
          const adjust = { bucket: p.bucket, delta: p.delta };
          const failed = this.move(p.sku, 'stocktake_adjust', Math.abs(p.delta), p.serials, { adjust });
          if (failed) return failed;
        }
        this.stocktakes[lastId - 1] = 'approved';
        return null;
      }
      case 'cancel': {
        const refused = closed();
        if (refused) return refused;
        this.stocktakes[lastId - 1] = 'cancelled';
        return null;
      }
    }
  }
}

const units: fc.Arbitrary<Units> = fc.oneof(
  fc.record({ sku: fc.constantFrom(...PLAIN), qty: fc.integer({ min: 1, max: 8 }) }),
  fc
    .record({ picked: fc.subarray(POOL, { minLength: 1, maxLength: 3 }), duplicate: fc.integer({ min: 0, max: 9 }) })
    .map(({ picked, duplicate }) => {
      // Now and then the scanner reads the same box twice.
      const serials = duplicate === 0 ? [...picked, picked[0] ?? ''] : picked;
      return { sku: SERIAL_SKU, qty: serials.length, serials };
    }),
);

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 3, arbitrary: units.chain((u) => fc.boolean().map((reuseRef) => ({ kind: 'receive' as const, reuseRef, ...u }))) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(units, fc.constantFrom<Bucket>('on_hand', 'display'), fc.boolean())
      .map(([u, from, byClerk]) => ({ kind: 'damage' as const, from, byClerk, ...u })),
  },
  { weight: 3, arbitrary: units.map((u) => ({ kind: 'transferOut' as const, ...u })) },
  { weight: 3, arbitrary: units.map((u) => ({ kind: 'toDisplay' as const, ...u })) },
  { weight: 3, arbitrary: units.map((u) => ({ kind: 'fromDisplay' as const, ...u })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'start' as const }) },
  {
    weight: 8,
    arbitrary: fc.oneof(
      fc.record({
        kind: fc.constant('count' as const),
        sku: fc.constantFrom(...PLAIN),
        bucket: fc.constantFrom<Bucket>('on_hand', 'display'),
        counted: fc.integer({ min: 0, max: 12 }),
      }),
      fc
        .record({
          bucket: fc.constantFrom<Bucket>('on_hand', 'display'),
          serials: fc.subarray(POOL),
          twice: fc.integer({ min: 0, max: 9 }),
        })
        .map(({ bucket, serials, twice }) => ({
          kind: 'count' as const,
          sku: SERIAL_SKU,
          bucket,
          counted: 0,
          serials: twice === 0 && serials.length > 0 ? [...serials, serials[0] ?? ''] : serials,
        })),
    ),
  },
  { weight: 3, arbitrary: fc.boolean().map((byClerk) => ({ kind: 'approve' as const, byClerk })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'cancel' as const }) },
);

function send(
  cmd: Command,
  step: number,
  staff: { manager: ContractClient; clerk: ContractClient },
  stocktakeId: number,
): Promise<ApiResult<unknown>> {
  const { manager, clerk } = staff;
  const moved = (u: Units) => ({ sku: u.sku, qty: u.qty, ...(u.serials ? { serials: u.serials } : {}) });
  switch (cmd.kind) {
    case 'receive':
      return manager.call['stock.receive']({ ...moved(cmd), deliveryRef: cmd.reuseRef ? 'DN-SAME' : `DN-${step}` });
    case 'damage':
      return cmd.byClerk
        ? clerk.call['stock.damage']({ ...moved(cmd), from: cmd.from, note: '破损', approval: MANAGER })
        : manager.call['stock.damage']({ ...moved(cmd), from: cmd.from, note: '破损' });
    case 'transferOut':
      return manager.call['stock.transferOut']({ ...moved(cmd), toHall: 'ZY-HC-002' });
    case 'toDisplay':
      return manager.call['stock.toDisplay'](moved(cmd));
    case 'fromDisplay':
      return manager.call['stock.fromDisplay'](moved(cmd));
    case 'start':
      return manager.call['stocktake.start']({});
    case 'count':
      return clerk.call['stocktake.count']({
        stocktakeId,
        sku: cmd.sku,
        bucket: cmd.bucket,
        ...(cmd.sku === SERIAL_SKU ? { serials: cmd.serials ?? [] } : { counted: cmd.counted }),
      });
    case 'approve':
      return cmd.byClerk
        ? clerk.call['stocktake.approve']({ stocktakeId, approval: MANAGER })
        : manager.call['stocktake.approve']({ stocktakeId });
    case 'cancel':
      return manager.call['stocktake.cancel']({ stocktakeId });
  }
}

function tableCounts(counter: TestCounter): Record<string, number> {
  const db = counter.core.ctx.store.db;
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  // Table names come from the schema itself, not from any input.
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

function checkLedger(counter: TestCounter, model: Model, items: { sku: string; onHand: number; display: number; lent: number }[]): void {
  const db = counter.core.ctx.store.db;
  const sums = db.prepare('SELECT sku, bucket, SUM(qty) AS qty FROM stock_movement GROUP BY sku, bucket').all() as {
    sku: string;
    bucket: AllBuckets;
    qty: number;
  }[];
  const sum = (sku: string, bucket: AllBuckets) => sums.find((s) => s.sku === sku && s.bucket === bucket)?.qty ?? 0;
  for (const item of items) {
    const listed = { on_hand: item.onHand, display: item.display, lent: item.lent };
    for (const bucket of ['on_hand', 'display', 'lent'] as const) {
      expect(listed[bucket], `${item.sku} ${bucket} = sum of its movements`).toBe(sum(item.sku, bucket));
      expect(listed[bucket]).toBeGreaterThanOrEqual(0);
    }
    if (SKUS.includes(item.sku)) expect(listed, item.sku).toEqual(model.balance(item.sku));
  }
  const units = db.prepare('SELECT serial, state FROM serial_unit WHERE sku = ?').all(SERIAL_SKU) as { serial: string; state: UnitState }[];
  expect(Object.fromEntries(units.map((u) => [u.serial, u.state]))).toEqual(Object.fromEntries([...model.unit]));
  // Serial-numbered units and the ledger agree bucket by bucket.
  for (const bucket of ['on_hand', 'display'] as const) {
    expect(units.filter((u) => u.state === bucket).length).toBe(sum(SERIAL_SKU, bucket));
  }
}

describe('the stock ledger under random sequences of writes and stocktakes', () => {
  it('keeps each bucket equal to its movements and never negative; one audit entry per action; no trace of a refusal', async () => {
    let ran = 0;
    await fc.assert(
      // Half the runs open a stocktake first, so that counts and approvals meet an open one.
      fc.asyncProperty(fc.boolean(), fc.array(command, { minLength: 5, maxLength: 30, size: 'max' }), async (startFirst, generated) => {
        const commands: Command[] = startFirst ? [{ kind: 'start' }, ...generated] : generated;
        const counter = openTestCounter();
        try {
          const manager = await loginAs(counter.client(), '8001');
          const clerk = await loginAs(counter.client(), '1001');
          let model = Model.initial();
          let stocktakeId = 0;
          for (const [step, cmd] of commands.entries()) {
            const before = tableCounts(counter);
            const next = model.clone();
            const predicted = next.run(cmd, step);
            const result = await send(cmd, step, { manager, clerk }, stocktakeId || 1);
            const label = `step ${step}: ${JSON.stringify(cmd)} → ${result.ok ? 'ok' : `${result.error.code} ${result.error.message}`}`;
            expect(result.ok ? null : result.error.code, label).toBe(predicted);
            const after = tableCounts(counter);
            if (result.ok) {
              model = next;
              if (cmd.kind === 'start') stocktakeId = (result.value as { stocktake: { stocktakeId: number } }).stocktake.stocktakeId;
              // HQ hears of every stock write and of an approved stocktake; opening, counting and cancelling stay local.
              const events = cmd.kind === 'start' || cmd.kind === 'count' || cmd.kind === 'cancel' ? 0 : 1;
              expect(after.outbox, label).toBe((before.outbox ?? 0) + events);
              expect(after.audit_log, label).toBe((before.audit_log ?? 0) + 1);
            } else {
              expect(after, label).toEqual(before);
            }
            const list = await manager.call['stock.list']({});
            if (!list.ok) throw new Error(list.error.message);
            checkLedger(counter, model, list.value.items);
          }
          ran++;
        } finally {
          counter.close();
        }
      }),
      { numRuns: 50 },
    );
    expect(ran).toBeGreaterThanOrEqual(50);
    // Fifty fresh counters, each seeded as the demo hall: minutes, not seconds, on a busy CI machine.
  }, 180_000);
});
