import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demoStock from '../../resources/demo/stock.json';
import { expectOk } from '../support/core';
import { demo, eventsSince, onHand, openEnrolmentCounter, type EnrolmentCounter } from '../support/enrolment';

// docs/demo.md: 曹颖's iTV trial, enrolled 2026-10-21, installed 10-23, cancelled 11-12; the
// recovery was due 11-19, so on the demo day both lent units are two days overdue.
const CAO = demo['曹颖']!;
const LENT = ['E8B2026000208', 'STB2026000108'];

let e: EnrolmentCounter;
beforeAll(async () => {
  e = await openEnrolmentCounter();
});
afterAll(() => e.counter.close());

function opening(sku: string): number {
  const item = demoStock.items.find((i) => i.sku === sku);
  if (!item) throw new Error(`no demo item ${sku}`);
  return item.serials?.length ?? item.received ?? 0;
}

describe('the demo hall opens with one lent iTV set whose recovery is overdue', () => {
  it('shows both units with 曹颖 since the day they were lent, with the enrolment and the overdue recovery', async () => {
    const { today, units, summary } = expectOk(await e.clerk.call['equipment.units']({ show: 'overdue' }));
    expect(today).toBe('2026-11-21');
    expect(summary).toEqual({ held: 2, recoveryOpen: 2, overdue: 2 });
    expect(units.map((u) => u.serial).sort()).toEqual(LENT);
    const trial = expectOk(await e.clerk.call['trial.list']({})).trials.find((t) => t.customerId === e.id('曹颖'));
    for (const unit of units) {
      expect(unit).toMatchObject({
        state: 'lent',
        holder: { customerId: e.id('曹颖'), name: '曹颖', phoneMasked: '187****3030' },
        since: { on: '2026-10-21', reason: 'lent' },
        loan: { lentOn: '2026-10-21', status: 'recovery_open', enrolmentNo: trial?.enrolmentNo },
        recovery: { openedOn: '2026-11-12', dueOn: '2026-11-19', overdue: true, daysOverdue: 2 },
      });
    }
    expect(trial).toMatchObject({
      status: 'cancel_requested',
      enrolledOn: '2026-10-21',
      completionOn: '2026-10-23',
      freeUntil: '2026-12-31',
      cancelRequestedOn: '2026-11-12',
      recovery: { status: 'open', dueOn: '2026-11-19' },
    });
  });

  it('books the loan in the ledger: one set-top box and one e8-b modem fewer on the shelf, one each lent', () => {
    for (const sku of ['STB-ITV', 'MODEM-E8B']) {
      expect(onHand(e.ctx, sku)).toBe(opening(sku) - 1);
      expect(e.ctx.store.stmt("SELECT COALESCE(SUM(qty), 0) AS n FROM stock_movement WHERE sku = ? AND bucket = 'lent'").get(sku)).toEqual({ n: 1 });
    }
    const moves = e.ctx.store
      .stmt("SELECT reason, serial, ref_type, at FROM stock_movement WHERE serial IN (?, ?) AND reason <> 'received' ORDER BY id")
      .all(...LENT) as { reason: string; serial: string; ref_type: string; at: string }[];
    expect(moves.every((m) => m.reason === 'lent' && m.at.startsWith('2026-10-21'))).toBe(true);
  });

  it('lists the recovery as overdue and keeps the recovery follow-up open; the trial calls were cancelled with it', async () => {
    const { orders } = expectOk(await e.clerk.call['lists.recoveries']({}));
    expect(orders.filter((o) => o.customer.customerId === e.id('曹颖'))).toMatchObject([{ status: 'open', dueOn: '2026-11-19', overdue: true, daysOverdue: 2 }]);
    const { followUps } = expectOk(await e.clerk.call['followup.list']({ status: 'all' }));
    const hers = followUps.filter((f) => f.customerId === e.id('曹颖')).map((f) => [f.kind, f.status, f.dueOn, f.overdue]);
    expect(hers).toEqual(
      expect.arrayContaining([
        ['equipment_recovery', 'open', '2026-11-19', true],
        ['trial_usage_call', 'cancelled', '2026-11-06', false],
      ]),
    );
  });

  it('wrote what HQ must hear, each event valid, and an audit chain that verifies', async () => {
    expect(eventsSince(e.ctx, 0).map((ev) => ev.type)).toEqual(['enrolment.created', 'trial.changed', 'trial.changed']);
    const slips = expectOk(await e.manager.call['slip.list']({})).slips;
    expect(slips.map((s) => s.kind).sort()).toEqual(['enrolment', 'trial_cancel']);
    expect(expectOk(await e.manager.call['audit.verify']({}))).toMatchObject({ intact: true });
  });

  it('leaves 曹颖 out of another iTV trial while this one is not over', async () => {
    const result = await e.clerk.call['campaign.evaluate']({ customerId: e.id('曹颖'), campaignId: 'ZY2026-ITV-TRIAL', options: {} });
    expect(expectOk(result).evaluation.reasons.map((r) => r.code)).toContain('PER_CUSTOMER_LIMIT_REACHED');
    expect(CAO.phone).toBe('18785203030');
  });
});
