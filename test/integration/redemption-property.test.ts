import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointsAvailability } from '../../electron/core/points/balance';
import { shanghaiDate } from '../../shared/time/shanghai';
import { demoPin } from '../support/core';
import { addHqCustomer } from '../support/customers';
import { count, onHand, openPointsMall, type PointsMall } from '../support/points';

const PHONES = ['13811112222', '15933334444'] as const;
const LOTS = [
  [
    { remaining: 3000, expiresOn: '2026-11-01' }, // expired: never spendable
    { remaining: 6000, expiresOn: '2026-12-31' },
    { remaining: 15000, expiresOn: '2027-06-30' },
  ],
  [
    { remaining: 4000, expiresOn: '2026-11-25' },
    { remaining: 2500, expiresOn: '2027-03-31' },
  ],
];
const GIFTS: Record<string, string> = {
  'JF-THERMOS': 'GIFT-THERMOS',
  'JF-UMBRELLA': 'GIFT-UMBRELLA',
  'JF-EARBUDS': 'GIFT-EARBUDS',
  'JF-RICECOOKER': 'GIFT-RICECOOKER',
};
// Real items of every kind, one not on offer yet and one that does not exist.
const CODES = [...Object.keys(GIFTS), 'V12580-A', 'V12580-C', 'SVC-DATA-1G', 'SVC-CRBT-1M', 'SVC-DATA-CNY', 'NO-SUCH-ITEM'];

type Command =
  | { kind: 'redeem'; customer: 0 | 1; lines: { catalogueCode: string; quantity: number }[] }
  | { kind: 'void'; target: number; as: 'clerk-alone' | 'clerk-approved' | 'manager' };

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('redeem' as const),
      customer: fc.constantFrom(0 as const, 1 as const),
      lines: fc.array(fc.record({ catalogueCode: fc.constantFrom(...CODES), quantity: fc.integer({ min: 1, max: 3 }) }), {
        minLength: 1,
        maxLength: 3,
      }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('void' as const),
      target: fc.nat({ max: 20 }),
      as: fc.constantFrom('clerk-alone' as const, 'clerk-approved' as const, 'manager' as const),
    }),
  },
);

/** What the runs did, so the test can tell it exercised commits and refusals alike. */
const tally = { redeemed: 0, voided: 0, refused: 0 };

interface Redeemed {
  no: string;
  customer: 0 | 1;
  total: number;
  gifts: Record<string, number>;
  vouchers: number;
  voided: boolean;
}

async function run(mall: PointsMall, commands: Command[]): Promise<void> {
  const { ctx } = mall;
  const today = shanghaiDate(mall.counter.clock.now());
  const ids = PHONES.map((phone, i) => addHqCustomer(ctx, { phone, lots: LOTS[i] }));
  const available = () => ids.map((id) => pointsAvailability(ctx, id, today).available);
  const initialPoints = available();
  const skus = Object.values(GIFTS);
  const initialStock = Object.fromEntries(skus.map((sku) => [sku, onHand(ctx, sku)]));
  const done: Redeemed[] = [];

  for (const cmd of commands) {
    const digest = mall.digest();
    const outbox = count(ctx, 'outbox');
    const audit = count(ctx, 'audit_log');
    let ok: boolean;
    if (cmd.kind === 'redeem') {
      const result = await mall.clerk.call['redemption.create']({ customerId: ids[cmd.customer] ?? 0, lines: cmd.lines });
      ok = result.ok;
      if (result.ok) {
        const r = result.value.redemption;
        done.push({
          no: r.redemptionNo,
          customer: cmd.customer,
          total: r.totalPoints,
          gifts: Object.fromEntries(r.lines.filter((l) => l.stockSku).map((l) => [l.stockSku ?? '', l.quantity])),
          vouchers: r.lines.reduce((n, l) => n + l.vouchers.length, 0),
          voided: false,
        });
        expect(r.lines.reduce((n, l) => n + l.points, 0)).toBe(r.totalPoints);
      } else {
        expect(['INSUFFICIENT_POINTS', 'INSUFFICIENT_STOCK', 'LIMIT_EXCEEDED', 'NOT_ELIGIBLE', 'NOT_FOUND']).toContain(result.error.code);
      }
    } else {
      const target = done[cmd.target % Math.max(done.length, 1)];
      const redemptionNo = target?.no ?? 'ZY-HC-001-01-RD20261121-0999';
      const input = { redemptionNo, reason: '性质测试作废' };
      const result =
        cmd.as === 'manager'
          ? await mall.manager.call['redemption.void'](input)
          : await mall.clerk.call['redemption.void'](
              cmd.as === 'clerk-approved' ? { ...input, approval: { staffNo: '8001', pin: demoPin('8001') } } : input,
            );
      ok = result.ok;
      if (result.ok && target) target.voided = true;
      else if (!result.ok) {
        // The approval is checked before anything is looked up.
        const expected = cmd.as === 'clerk-alone' ? 'FORBIDDEN' : !target ? 'NOT_FOUND' : 'CONFLICT';
        expect(result.error.code).toBe(expected);
      }
    }

    if (ok) tally[cmd.kind === 'redeem' ? 'redeemed' : 'voided']++;
    else tally.refused++;
    if (ok) {
      // One committed action: exactly one event for HQ and one audit entry.
      expect(count(ctx, 'outbox')).toBe(outbox + 1);
      expect(count(ctx, 'audit_log')).toBe(audit + 1);
    } else {
      expect(mall.digest()).toBe(digest);
    }

    // Points are conserved: what is available plus what completed redemptions hold is what HQ gave.
    const now = available();
    ids.forEach((_, i) => {
      const held = done.filter((d) => d.customer === i && !d.voided).reduce((s, d) => s + d.total, 0);
      expect((now[i] ?? 0) + held).toBe(initialPoints[i]);
      expect(now[i]).toBeGreaterThanOrEqual(0);
    });
    // Stock on hand = initial − issued + returned, never negative; the ledger agrees.
    for (const sku of skus) {
      const issued = done.reduce((s, d) => s + (d.gifts[sku] ?? 0), 0);
      const returned = done.filter((d) => d.voided).reduce((s, d) => s + (d.gifts[sku] ?? 0), 0);
      const have = onHand(ctx, sku);
      expect(have).toBe((initialStock[sku] ?? 0) - issued + returned);
      expect(have).toBeGreaterThanOrEqual(0);
    }
    const codes = ctx.store.stmt('SELECT status, COUNT(*) AS n FROM voucher_code GROUP BY status').all() as { status: string; n: number }[];
    const byStatus = Object.fromEntries(codes.map((c) => [c.status, c.n]));
    expect(byStatus.issued ?? 0).toBe(done.filter((d) => !d.voided).reduce((s, d) => s + d.vouchers, 0));
    expect(byStatus.revoked ?? 0).toBe(done.filter((d) => d.voided).reduce((s, d) => s + d.vouchers, 0));
  }

  // Full phone numbers go to HQ only: never into the audit log or onto a slip.
  const auditText = (ctx.store.stmt('SELECT details FROM audit_log').all() as { details: string }[]).map((r) => r.details).join('\n');
  const slipText = (ctx.store.stmt('SELECT data FROM slip').all() as { data: string }[]).map((r) => r.data).join('\n');
  for (const phone of PHONES) {
    expect(auditText).not.toContain(phone);
    expect(slipText).not.toContain(phone);
  }
  expect(count(ctx, 'redemption')).toBe(done.length);
}

describe('random sequences of redemptions and voids for two customers', () => {
  it('conserve points and stock, write one event and one audit entry per action, and leave no trace when refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 12 }), async (commands) => {
        const mall = await openPointsMall();
        try {
          await run(mall, commands);
        } finally {
          mall.counter.close();
        }
      }),
      { numRuns: 30 },
    );
    // The sequences must really exercise both paths, not only refusals.
    expect(tally.redeemed).toBeGreaterThan(10);
    expect(tally.voided).toBeGreaterThan(3);
    expect(tally.refused).toBeGreaterThan(10);
  }, 180_000);
});
