import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../shared/customers/snapshot';
import { codes, evaluate, existing, only } from './fixtures';

// Today is 2026-11-21: a contract ending in November is "this month" (0).
const contract = (end: string, overrides: Partial<Contract> = {}): Contract => ({
  kind: 'deposit_bonus',
  start: '2024-12-01',
  end,
  amountFen: 120000,
  spentFen: 84000,
  remainingFen: 36000,
  ...overrides,
});
const customerWith = (c: Contract) => existing({ contract: c });

describe('contract re-binding 合约到期二次捆绑', () => {
  it('ends this month: deposit X, get X (存多少送多少), returned over 12 months', () => {
    const e = evaluate('rebinding', { customer: customerWith(contract('2026-11-30')), options: { prepayFen: 50000 } });
    expect(e.eligible).toBe(true);
    const [schedule] = only(e, 'credit_schedule');
    expect(schedule).toMatchObject({ purpose: 'rebinding_bonus', label: '存多少送多少', totalFen: 50000 });
    expect(schedule?.instalments.map((i) => i.amountFen)).toEqual([...Array<number>(8).fill(4167), ...Array<number>(4).fill(4166)]);
    expect(schedule?.instalments[0]?.month).toBe('2026-12');
    expect(schedule?.instalments[11]?.month).toBe('2027-11');
    expect(only(e, 'payment')[0]).toMatchObject({ prepayFen: 50000, customerPaysFen: 50000 });
  });

  it('counts a contract that ended earlier this month as ending this month', () => {
    const e = evaluate('rebinding', { customer: customerWith(contract('2026-11-05')), options: { prepayFen: 20000 } });
    expect(only(e, 'credit_schedule')[0]).toMatchObject({ label: '存多少送多少', totalFen: 20000 });
  });

  it('ends this month but no prepayment entered: asks for it; a zero prepayment gives nothing', () => {
    expect(codes(evaluate('rebinding', { customer: customerWith(contract('2026-11-30')), options: {} }))).toEqual(['OPTION_MISSING']);
    expect(codes(evaluate('rebinding', { customer: customerWith(contract('2026-11-30')), options: { prepayFen: 0 } }))).toEqual(['BONUS_ZERO']);
  });

  it.each(['2027-01-31', '2027-02-28', '2027-01-01'])('ends %s (2–3 months away): get what remains (剩多少送多少)', (end) => {
    const e = evaluate('rebinding', { customer: customerWith(contract(end)) });
    expect(only(e, 'credit_schedule')[0]).toMatchObject({ label: '剩多少送多少', totalFen: 36000 });
    expect(only(e, 'credit_schedule')[0]?.instalments.every((i) => i.amountFen === 3000)).toBe(true);
  });

  it('ends next month with nothing overspent: no tier applies yet, and the clerk is told to come back next month', () => {
    const e = evaluate('rebinding', { customer: customerWith(contract('2026-12-31')), options: { prepayFen: 50000 } });
    expect(codes(e)).toEqual(['NO_BONUS_BRANCH']);
    expect(e.reasons[0]?.values.actual).toEqual([['CONTRACT_END_OUT_OF_RANGE'], ['CONTRACT_END_OUT_OF_RANGE'], ['CONTRACT_NOT_OVERSPENT']]);
    expect(e.reasons[0]?.text).toContain('【存多少送多少】合约2026-12-31到期（1个月后到期）');
    expect(e.reasons[0]?.text).toContain('下月（到期当月）可办理');
  });

  it('still running with spend above the contract amount: get the excess (超多少送多少)', () => {
    const over = { spentFen: 130000, remainingFen: 0 };
    for (const end of ['2026-12-31', '2027-03-31', '2027-10-31']) {
      const e = evaluate('rebinding', { customer: customerWith(contract(end, over)) });
      expect(only(e, 'credit_schedule')[0]).toMatchObject({ label: '超多少送多少', totalFen: 10000 });
    }
  });

  it('takes the first tier that applies: ending this month beats the excess', () => {
    const e = evaluate('rebinding', { customer: customerWith(contract('2026-11-30', { spentFen: 130000 })), options: { prepayFen: 1000 } });
    expect(only(e, 'credit_schedule')[0]).toMatchObject({ label: '存多少送多少', totalFen: 1000 });
  });

  it('gives nothing for a contract with nothing left in months 2–3', () => {
    const e = evaluate('rebinding', { customer: customerWith(contract('2027-01-31', { spentFen: 120000, remainingFen: 0 })) });
    expect(codes(e)).toEqual(['BONUS_ZERO']);
  });

  it('refuses 4+ months away without overspend, and contracts that ended last month', () => {
    expect(codes(evaluate('rebinding', { customer: customerWith(contract('2027-03-31')) }))).toEqual(['NO_BONUS_BRANCH']);
    const ended = evaluate('rebinding', { customer: customerWith(contract('2026-10-31')), options: { prepayFen: 50000 } });
    expect(codes(ended)).toEqual(['NO_BONUS_BRANCH']);
    expect(ended.reasons[0]?.text).toContain('已于1个月前到期');
  });

  it('says once that there is no contract', () => {
    const e = evaluate('rebinding', { customer: existing(), options: { prepayFen: 50000 } });
    expect(codes(e)).toEqual(['NO_CONTRACT']);
    expect(e.reasons[0]?.text).not.toContain('【');
  });
});
