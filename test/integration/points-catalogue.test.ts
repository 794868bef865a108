import { afterEach, describe, expect, it } from 'vitest';
import demoCatalogue from '../../resources/demo/catalogue.json';
import { seedDemoCatalogue } from '../../electron/core/points/demo';
import { CatalogueFile } from '../../shared/points/catalogue';
import { databaseDigest, expectOk, loginAs, openTestCounter, type TestCounter } from '../support/core';
import { addHqCustomer } from '../support/customers';
import { onHand, openPointsMall, type PointsMall } from '../support/points';

let mall: PointsMall | undefined;
let other: TestCounter | undefined;
afterEach(() => {
  mall?.counter.close();
  other?.close();
  mall = undefined;
  other = undefined;
});

describe('the points-mall catalogue', () => {
  it('lists what is on offer today with price, limit and what can be redeemed now', async () => {
    mall = await openPointsMall();
    const before = mall.digest();
    const { items } = expectOk(await mall.clerk.call['catalogue.list']({}));
    expect(mall.digest()).toBe(before);

    // Gifts, then vouchers, then services; the Spring Festival pack (from 2027-01-20) is not on offer yet.
    const rank = items.map((i) => ['gift', 'voucher', 'service'].indexOf(i.kind));
    expect(rank).toEqual([...rank].sort((a, b) => a - b));
    expect(items.map((i) => i.code)).not.toContain('SVC-DATA-CNY');
    expect(items).toHaveLength(11);

    const thermos = items.find((i) => i.code === 'JF-THERMOS');
    expect(thermos).toMatchObject({ kind: 'gift', category: 'daily', pointsPrice: 4800, perCustomerLimit: 2, stockSku: 'GIFT-THERMOS', customerLimitLeft: null });
    // Display units are counted apart and never offered.
    expect(thermos?.available).toBe(onHand(mall.ctx, 'GIFT-THERMOS'));
    expect(thermos?.onDisplay).toBeGreaterThan(0);

    const vouchers = items.filter((i) => i.kind === 'voucher');
    expect(vouchers.map((v) => [v.code, v.voucherTier, v.faceValueFen, v.pointsPrice, v.available])).toEqual([
      ['V12580-C', 'C', 2000, 2000, 8],
      ['V12580-B', 'B', 5000, 5000, 6],
      ['V12580-A', 'A', 10000, 10000, 4],
    ]);
    const services = items.filter((i) => i.kind === 'service');
    expect(services.map((s) => s.code).sort()).toEqual(['SVC-CRBT-1M', 'SVC-DATA-1G', 'SVC-VOICE-100']);
    for (const s of services) expect(s.available).toBeNull();
  });

  it('filters by search text (code, Chinese or English name), category and kind', async () => {
    mall = await openPointsMall();
    const codes = async (input: Parameters<PointsMall['clerk']['call']['catalogue.list']>[0]) =>
      expectOk(await mall!.clerk.call['catalogue.list'](input)).items.map((i) => i.code);
    expect(await codes({ search: '12580' })).toEqual(['V12580-C', 'V12580-B', 'V12580-A']);
    expect(await codes({ search: 'power BANK' })).toEqual(['JF-POWERBANK']);
    expect(await codes({ search: '流量' })).toEqual(['SVC-DATA-1G']);
    expect(await codes({ category: 'digital' })).toEqual(['JF-POWERBANK', 'JF-EARBUDS']);
    expect(await codes({ kind: 'service', category: 'music' })).toEqual(['SVC-CRBT-1M']);
    expect(await codes({ search: '没有这种东西' })).toEqual([]);
  });

  it('with a customer, says how many more of each limited item they may take', async () => {
    mall = await openPointsMall();
    const id = addHqCustomer(mall.ctx, { phone: '13600003333', lots: [{ remaining: 40_000, expiresOn: '2027-06-30' }] });
    expectOk(await mall.clerk.call['redemption.create']({ customerId: id, lines: [{ catalogueCode: 'V12580-A', quantity: 1 }] }));
    const { items } = expectOk(await mall.clerk.call['catalogue.list']({ customerId: id }));
    expect(items.find((i) => i.code === 'V12580-A')).toMatchObject({ perCustomerLimit: 2, customerLimitLeft: 1, available: 3 });
    expect(items.find((i) => i.code === 'V12580-B')?.customerLimitLeft).toBeNull();
    expect(await mall.clerk.call['catalogue.list']({ customerId: 4242 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('gives each demo counter its own voucher blocks, so two counters never hand out the same code', async () => {
    mall = await openPointsMall();
    other = openTestCounter({ counterCode: '02' });
    const codesOf = (c: TestCounter) =>
      (c.core.ctx.store.stmt('SELECT code FROM voucher_code ORDER BY code').all() as { code: string }[]).map((r) => r.code);
    const here = codesOf(mall.counter);
    const there = codesOf(other);
    expect(here).toHaveLength(18);
    expect(there).toHaveLength(18);
    expect(here.filter((c) => there.includes(c))).toEqual([]);
    const clerk2 = await loginAs(other.client(), '1002');
    expect(expectOk(await clerk2.call['catalogue.list']({ kind: 'voucher' })).items.map((i) => i.available)).toEqual([8, 6, 4]);
  });

  it('seeds idempotently: running the demo catalogue seed again changes nothing', async () => {
    mall = await openPointsMall();
    const id = addHqCustomer(mall.ctx, { phone: '13600004444', lots: [{ remaining: 40_000, expiresOn: '2027-06-30' }] });
    expectOk(await mall.clerk.call['redemption.create']({ customerId: id, lines: [{ catalogueCode: 'V12580-C', quantity: 1 }] }));
    const before = databaseDigest(mall.counter.core.dbFile);
    mall.ctx.store.tx(() => seedDemoCatalogue(mall!.ctx));
    expect(databaseDigest(mall.counter.core.dbFile)).toBe(before);
  });

  it('validates the catalogue file: the demo one passes, a broken one is refused', () => {
    expect(CatalogueFile.safeParse(demoCatalogue).success).toBe(true);
    const items = demoCatalogue.items.map((i) => ({ ...i }));
    const broken = (change: (file: { items: Record<string, unknown>[]; voucherBlocks: unknown[] }) => void) => {
      const file = { items: structuredClone(items) as Record<string, unknown>[], voucherBlocks: structuredClone(demoCatalogue.voucherBlocks) as unknown[] };
      change(file);
      return CatalogueFile.safeParse(file).success;
    };
    expect(broken(() => undefined)).toBe(true);
    expect(broken((f) => (f.items[0]!.pointsPrice = 12.5))).toBe(false);
    expect(broken((f) => (f.items[0]!.validTo = '2026-09-01'))).toBe(false);
    expect(broken((f) => f.items.push({ ...f.items[0] }))).toBe(false);
    expect(broken((f) => (f.items[5]!.kind = 'gift'))).toBe(false);
    expect(broken((f) => f.voucherBlocks.push(structuredClone(f.voucherBlocks[0])))).toBe(false);
  });
});
