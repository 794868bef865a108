import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pointsAvailability } from '../../electron/core/points/balance';
import { readSlip } from '../../electron/core/slips/slips';
import { expectOk } from '../support/core';
import { demo, enrol, expectNoSecretsInSlipsAndAudit, onHand, openEnrolmentCounter, walkIn, type EnrolmentCounter, type Enrolled } from '../support/enrolment';

let e: EnrolmentCounter;
beforeEach(async () => {
  e = await openEnrolmentCounter(); // 2026-11-21 09:30 Shanghai, a Saturday
});
afterEach(() => e.counter.close());

const rows = (sql: string, ...params: unknown[]): unknown[] => e.ctx.store.db.prepare(sql).all(...params);
/** The twelve months from December 2026 on, when monthly instalments are credited. */
const TWELVE_MONTHS = ['2026-12', ...Array.from({ length: 11 }, (_, i) => `2027-${String(i + 1).padStart(2, '0')}`)];

/** Every enrolment is one transaction: one enrolment, one slip, exactly one event and one audit entry. */
function expectOneAction(done: Enrolled, campaignId: string, phone: string): void {
  expect(done.grown).toMatchObject({ enrolment: 1, slip: 1, outbox: 1, audit_log: 1 });
  expect(done.events).toHaveLength(1);
  expect(done.events[0]).toMatchObject({
    type: 'enrolment.created',
    payload: { enrolmentNo: done.enrolmentNo, slipNo: done.slipNo, customerPhone: phone, campaignId, campaignVersion: 1, enrolledOn: '2026-11-21', staffNo: '1001' },
  });
  expect(done.audits).toHaveLength(1);
  expect(done.audits[0]).toMatchObject({ action: 'enrolment.create', subject: `enrolment:${done.enrolmentNo}`, details: { campaignId, slipNo: done.slipNo } });
  expect(done.enrolmentNo).toMatch(/^ZY-HC-001-01-EN20261121-\d{4}$/);
  expect(done.slipNo).toMatch(/^ZY-HC-001-20261121-01-\d{4}$/);
  expect(readSlip(e.ctx, done.slipNo).data).toEqual(done.slip);
  expect(done.slip.kind).toBe('enrolment');
  expect(done.slip.customer).toEqual({ phoneMasked: `${phone.slice(0, 3)}****${phone.slice(7)}`, nameMasked: expect.stringMatching(/^.\*+$/) as unknown });
}

describe('an enrolment for each of the ten kinds, with the demo customers on 2026-11-21', () => {
  it('signup gift: a new customer signs STD-129 and takes a 32-inch TV from stock; the plan goes onto the walk-in snapshot', async () => {
    const tvBefore = onHand(e.ctx, 'TV-32');
    const done = await enrol(e, '高峰', 'ZY2026-SIGNUP-TV', { chosenPlanCode: 'STD-129' });
    expectOneAction(done, 'ZY2026-SIGNUP-TV', demo['高峰']!.phone);
    expect(done.grown).toEqual({ enrolment: 1, slip: 1, outbox: 1, audit_log: 1, stock_movement: 1 });
    expect(onHand(e.ctx, 'TV-32')).toBe(tvBefore - 1);
    expect(rows(`SELECT sku, bucket, qty, reason, ref_type, ref_id, customer_id FROM stock_movement WHERE ref_id = ?`, done.enrolmentNo)).toEqual([
      { sku: 'TV-32', bucket: 'on_hand', qty: -1, reason: 'issued_enrolment', ref_type: 'enrolment', ref_id: done.enrolmentNo, customer_id: e.id('高峰') },
    ]);
    const stored = rows(`SELECT campaign_id, campaign_version, enrolled_on, status, options, snapshot FROM enrolment WHERE id = ?`, done.enrolmentId)[0] as {
      options: string;
      snapshot: string;
    };
    expect(stored).toMatchObject({ campaign_id: 'ZY2026-SIGNUP-TV', campaign_version: 1, enrolled_on: '2026-11-21', status: 'active' });
    expect(JSON.parse(stored.options)).toEqual({ chosenPlanCode: 'STD-129' });
    // The snapshot the engine used (before the plan was signed) is what the enrolment keeps.
    expect(JSON.parse(stored.snapshot)).toMatchObject({ phone: demo['高峰']!.phone, kind: 'new', planCode: 'NONE' });
    const card = expectOk(await e.clerk.call['customer.get']({ customerId: e.id('高峰') })).customer;
    expect(card).toMatchObject({ kind: 'new', planCode: 'STD-129', brand: 'standard' });
    expect(done.events[0]?.payload).toMatchObject({ giftSkus: [{ sku: 'TV-32', quantity: 1 }], bonusLot: null });
    expect(done.slip.given).toEqual([{ label: '32英寸彩电', quantity: 1, valueFen: 129900 }]);
    expect(done.slip.taken).toEqual([]);
    expect(done.slip.terms).toContain('指定套餐须在网使用满12个月，期间变更为非指定套餐的，须按赠品价值补缴差价。');
  });

  it('prepay bonus: ¥1,200 prepaid, ¥600 bonus as 12 instalments of ¥50 from December; the slip shows payment and schedule', async () => {
    const done = await enrol(e, '林婷', 'ZY2026-PREPAY-BONUS', { prepayFen: 120000 });
    expectOneAction(done, 'ZY2026-PREPAY-BONUS', demo['林婷']!.phone);
    expect(done.grown).toEqual({ enrolment: 1, slip: 1, outbox: 1, audit_log: 1, credit_schedule: 12 });
    const credits = rows(`SELECT purpose, month, amount_fen, status FROM credit_schedule WHERE enrolment_id = ? ORDER BY month`, done.enrolmentId) as {
      amount_fen: number;
      month: string;
    }[];
    expect(credits.map((c) => c.month)).toEqual(TWELVE_MONTHS);
    expect(credits.every((c) => c.amount_fen === 5000)).toBe(true);
    expect(credits.reduce((s, c) => s + c.amount_fen, 0)).toBe(60000);
    expect(credits[0]).toEqual({ purpose: 'prepay_bonus', month: '2026-12', amount_fen: 5000, status: 'scheduled' });
    expect(done.slip.taken).toEqual([
      { label: '预存话费', labelEn: 'Prepayment', valueFen: 120000 },
      { label: '本次应付合计', labelEn: 'Total to pay', valueFen: 120000 },
    ]);
    expect(done.slip.schedule).toHaveLength(12);
    expect(done.slip.terms).toContain('赠送话费¥600.00自2026-12起分12个月返还，返还明细见下表。');
  });

  it('prepay bonus with the TV for a walk-in registered at the counter: the bonus pays ¥600 of the TV, nothing is left to return', async () => {
    const registered = expectOk(
      await e.clerk.call['customer.registerWalkIn']({ phone: walkIn.phone, name: walkIn.name, idNumber: walkIn.idNumber, birthday: walkIn.birthday }),
    ).customer;
    const tvBefore = onHand(e.ctx, 'TV-32');
    const done = await enrol(e, registered.customerId, 'ZY2026-PREPAY-BONUS', { prepayFen: 120000, useBonusForGift: true });
    expectOneAction(done, 'ZY2026-PREPAY-BONUS', walkIn.phone);
    expect(done.grown).toEqual({ enrolment: 1, slip: 1, outbox: 1, audit_log: 1, stock_movement: 1 });
    expect(onHand(e.ctx, 'TV-32')).toBe(tvBefore - 1);
    expect(done.slip.taken).toEqual([
      { label: '预存话费', labelEn: 'Prepayment', valueFen: 120000 },
      { label: '32英寸彩电价款', labelEn: 'Gift price', valueFen: 129900 },
      { label: '赠费/立减抵扣', labelEn: 'Offset', valueFen: -60000 },
      { label: '本次应付合计', labelEn: 'Total to pay', valueFen: 189900 },
    ]);
    expect(done.slip.given).toEqual([{ label: '32英寸彩电（抵扣购买）', quantity: 1, valueFen: 129900 }]);
  });

  it('referral: both get ¥50; the referrer by the 5th working day (2026-11-27) as a task, the new customer on the December bill', async () => {
    const done = await enrol(e, '罗斌', 'ZY2026-REFERRAL', { referrerPhone: demo['李明']!.phone });
    expectOneAction(done, 'ZY2026-REFERRAL', demo['罗斌']!.phone);
    expect(done.grown).toEqual({ enrolment: 1, slip: 1, outbox: 1, audit_log: 1, referral_credit: 1, follow_up: 1, credit_schedule: 1 });
    expect(rows(`SELECT referrer_customer_id, referrer_fen, referrer_due_by, referee_fen, referee_bill_month, status FROM referral_credit WHERE enrolment_id = ?`, done.enrolmentId)).toEqual([
      { referrer_customer_id: e.id('李明'), referrer_fen: 5000, referrer_due_by: '2026-11-27', referee_fen: 5000, referee_bill_month: '2026-12', status: 'due' },
    ]);
    expect(rows(`SELECT kind, customer_id, ref_type, due_on, status FROM follow_up WHERE kind = 'referral_credit_due'`)).toEqual([
      { kind: 'referral_credit_due', customer_id: e.id('李明'), ref_type: 'referral_credit', due_on: '2026-11-27', status: 'open' },
    ]);
    expect(rows(`SELECT purpose, month, amount_fen FROM credit_schedule WHERE enrolment_id = ?`, done.enrolmentId)).toEqual([
      { purpose: 'bill_credit', month: '2026-12', amount_fen: 5000 },
    ]);
    // HQ needs the referrer's number to credit them; the audit entry and the slip only show it masked.
    expect(done.events[0]?.payload).toMatchObject({ options: { referrerPhone: demo['李明']!.phone } });
    expect(JSON.stringify(done.audits[0]?.details)).toContain('139****0101');
    expect(done.slip.terms).toContain('推荐人139****0101的奖励¥50.00于2026-11-27前到账。');
    const view = expectOk(await e.clerk.call['enrolment.get']({ enrolmentNo: done.enrolmentNo })).enrolment;
    expect(view.options).toEqual({ referrerPhoneMasked: '139****0101' });
    expect(view.benefits[0]).toMatchObject({ type: 'referral_credit', referrerPhoneMasked: '139****0101' });
    expect(JSON.stringify(view)).not.toContain(demo['李明']!.phone);
  });

  it('upgrade gift: STD-59 → STD-129 at 80% for 12 months from December, and a 43-inch TV', async () => {
    const tvBefore = onHand(e.ctx, 'TV-43');
    const done = await enrol(e, '李明', 'ZY2026-UPGRADE-GIFT', { chosenPlanCode: 'STD-129' });
    expectOneAction(done, 'ZY2026-UPGRADE-GIFT', demo['李明']!.phone);
    expect(done.grown).toEqual({ enrolment: 1, slip: 1, outbox: 1, audit_log: 1, discount: 1, stock_movement: 1 });
    expect(rows(`SELECT target, percent, from_month, to_month FROM discount WHERE enrolment_id = ?`, done.enrolmentId)).toEqual([
      { target: 'plan_fee', percent: 80, from_month: '2026-12', to_month: '2027-11' },
    ]);
    expect(onHand(e.ctx, 'TV-43')).toBe(tvBefore - 1);
    expect(done.slip.terms).toContain('2026-12至2027-11，STD-129月费¥129.00按¥103.20收取。');
    // An existing customer keeps HQ's snapshot: the new plan starts next month at HQ.
    expect(expectOk(await e.clerk.call['customer.get']({ customerId: e.id('李明') })).customer.planCode).toBe('STD-59');
  });

  it('spend threshold: ¥550 spent, ¥60 off; with the TV, the whole ¥150 of a ¥1,000 spend pays towards it', async () => {
    const plain = await enrol(e, '王秀英', 'ZY2026-SPEND-TIERS', { spendFen: 55000 });
    expectOneAction(plain, 'ZY2026-SPEND-TIERS', demo['王秀英']!.phone);
    expect(plain.grown).toEqual({ enrolment: 1, slip: 1, outbox: 1, audit_log: 1 });
    expect(plain.slip.taken).toEqual([
      { label: '厅内消费', labelEn: 'Spend', valueFen: 55000 },
      { label: '满减立减', labelEn: 'Deduction', valueFen: -6000 },
      { label: '本次应付合计', labelEn: 'Total to pay', valueFen: 49000 },
    ]);
    const tvBefore = onHand(e.ctx, 'TV-32');
    const withTv = await enrol(e, '黄磊', 'ZY2026-SPEND-TIERS', { spendFen: 100000, useBonusForGift: true });
    expect(withTv.grown).toEqual({ enrolment: 1, slip: 1, outbox: 1, audit_log: 1, stock_movement: 1 });
    expect(onHand(e.ctx, 'TV-32')).toBe(tvBefore - 1);
    const payment = (JSON.parse((rows('SELECT benefits FROM enrolment WHERE id = ?', withTv.enrolmentId)[0] as { benefits: string }).benefits) as { type: string }[]).find(
      (b) => b.type === 'payment',
    );
    expect(payment).toEqual({ type: 'payment', prepayFen: 0, spendFen: 100000, deductionFen: 0, giftPriceFen: 129900, giftOffsetFen: 15000, customerPaysFen: 214900 });
  });

  it('lottery: ¥260 spent earns 5 draw chances (one per ¥50, at most 5)', async () => {
    const done = await enrol(e, '唐宁', 'ZY2026-LOTTERY', { spendFen: 26000 });
    expectOneAction(done, 'ZY2026-LOTTERY', demo['唐宁']!.phone);
    expect(done.grown).toEqual({ enrolment: 1, slip: 1, outbox: 1, audit_log: 1, lottery_chance: 1 });
    expect(rows(`SELECT customer_id, chances, granted_on FROM lottery_chance WHERE enrolment_id = ?`, done.enrolmentId)).toEqual([
      { customer_id: e.id('唐宁'), chances: 5, granted_on: '2026-11-21' },
    ]);
    expect(done.slip.given).toEqual([{ label: '抽奖机会', labelEn: 'Draw chances', quantity: 5 }]);
  });

  it('iTV trial: box and e8-b modem lent by serial, trial awaiting install with its planned dates, three tasks', async () => {
    const done = await enrol(e, '徐敏', 'ZY2026-ITV-TRIAL', {
      equipmentSerials: { 'STB-ITV': ['STB2026000101'], 'MODEM-E8B': ['E8B2026000201'] },
      oldModemSerial: 'MDSTD1010',
    });
    expectOneAction(done, 'ZY2026-ITV-TRIAL', demo['徐敏']!.phone);
    // A lend is two ledger rows per unit (off the shelf, into the lent bucket).
    expect(done.grown).toEqual({ enrolment: 1, slip: 1, outbox: 1, audit_log: 1, trial: 1, equipment_loan: 2, stock_movement: 4, follow_up: 3 });
    const xu = e.id('徐敏');
    expect(rows(`SELECT status, install_by, completion_on, free_until, conversion_on, monthly_fee_fen, term_months FROM trial WHERE enrolment_id = ?`, done.enrolmentId)).toEqual([
      { status: 'awaiting_install', install_by: '2026-11-28', completion_on: '2026-11-21', free_until: '2027-01-31', conversion_on: '2027-02-01', monthly_fee_fen: 3500, term_months: 24 },
    ]);
    expect(rows(`SELECT sku, serial, customer_id, lent_on, status FROM equipment_loan WHERE enrolment_id = ? ORDER BY id`, done.enrolmentId)).toEqual([
      { sku: 'STB-ITV', serial: 'STB2026000101', customer_id: xu, lent_on: '2026-11-21', status: 'lent' },
      { sku: 'MODEM-E8B', serial: 'E8B2026000201', customer_id: xu, lent_on: '2026-11-21', status: 'lent' },
    ]);
    expect(rows(`SELECT sku, serial, state, customer_id FROM serial_unit WHERE serial IN ('STB2026000101', 'E8B2026000201') ORDER BY sku`)).toEqual([
      { sku: 'MODEM-E8B', serial: 'E8B2026000201', state: 'lent', customer_id: xu },
      { sku: 'STB-ITV', serial: 'STB2026000101', state: 'lent', customer_id: xu },
    ]);
    expect(rows(`SELECT kind, due_on, ref_type FROM follow_up WHERE customer_id = ? ORDER BY due_on`, xu)).toEqual([
      { kind: 'install_due', due_on: '2026-11-28', ref_type: 'trial' },
      { kind: 'trial_usage_call', due_on: '2026-12-05', ref_type: 'trial' },
      { kind: 'trial_expiry_notice', due_on: '2027-01-17', ref_type: 'trial' },
    ]);
    expect(done.slip.given).toEqual([
      { label: 'iTV全能包（免费体验）', labelEn: 'Free trial' },
      { label: 'iTV机顶盒（借用）', quantity: 1, serial: 'STB2026000101' },
      { label: 'e8-b光猫（借用）', quantity: 1, serial: 'E8B2026000201' },
    ]);
    expect(done.slip.terms).toContain('免费体验至2027-01-31；未办理注销的，2027-02-01起按iTV全能包¥35.00/月收费，协议期至2029-01-31。');
    expect(done.slip.terms).toContain('安装时收回原普通光猫（串号 MDSTD1010）。');
    expect(done.audits[0]?.details).toMatchObject({ lent: [{ sku: 'STB-ITV', serial: 'STB2026000101' }, { sku: 'MODEM-E8B', serial: 'E8B2026000201' }] });
  });

  it('contract re-binding: 剩多少送多少 (¥360 over 12 months) for a contract ending in 2 months; 存多少送多少 for one ending this month', async () => {
    const remaining = await enrol(e, '黄磊', 'ZY2026-REBINDING');
    expectOneAction(remaining, 'ZY2026-REBINDING', demo['黄磊']!.phone);
    expect(remaining.grown).toEqual({ enrolment: 1, slip: 1, outbox: 1, audit_log: 1, credit_schedule: 12 });
    const credits = rows(`SELECT purpose, month, amount_fen FROM credit_schedule WHERE enrolment_id = ? ORDER BY month`, remaining.enrolmentId) as { amount_fen: number }[];
    expect(credits[0]).toEqual({ purpose: 'rebinding_bonus', month: '2026-12', amount_fen: 3000 });
    expect(credits.reduce((s, c) => s + c.amount_fen, 0)).toBe(36000);
    expect(remaining.slip.given[0]).toEqual({ label: '剩多少送多少（分12个月返还）', labelEn: 'Bonus credit', valueFen: 36000 });
    expect(remaining.slip.taken).toEqual([]);

    const matched = await enrol(e, '杨帆', 'ZY2026-REBINDING', { prepayFen: 60000 });
    const matchedCredits = rows(`SELECT amount_fen FROM credit_schedule WHERE enrolment_id = ?`, matched.enrolmentId) as { amount_fen: number }[];
    expect(matchedCredits.reduce((s, c) => s + c.amount_fen, 0)).toBe(60000);
    expect(matched.slip.given[0]).toMatchObject({ label: '存多少送多少（分12个月返还）', valueFen: 60000 });
    expect(matched.slip.taken).toEqual([
      { label: '预存话费', labelEn: 'Prepayment', valueFen: 60000 },
      { label: '本次应付合计', labelEn: 'Total to pay', valueFen: 60000 },
    ]);
  });

  it('tenure discount: 12 years of 全球通 pays 70% of voice for 12 months from December', async () => {
    const done = await enrol(e, '王秀英', 'ZY2026-TENURE-CARE');
    expectOneAction(done, 'ZY2026-TENURE-CARE', demo['王秀英']!.phone);
    expect(done.grown).toEqual({ enrolment: 1, slip: 1, outbox: 1, audit_log: 1, discount: 1 });
    expect(rows(`SELECT target, percent, from_month, to_month FROM discount WHERE enrolment_id = ?`, done.enrolmentId)).toEqual([
      { target: 'voice', percent: 70, from_month: '2026-12', to_month: '2027-11' },
    ]);
    expect(done.slip.given).toEqual([{ label: '语音通话费70%计收（2026-12至2027-11）', labelEn: 'Discount' }]);
  });

  it('upgrade points: GOTONE-88 → GOTONE-158 grants a 3,000-point lot expiring 2026-12-31, spendable at once', async () => {
    const zhang = e.id('张伟');
    const done = await enrol(e, '张伟', 'ZY2026-UPGRADE-POINTS', { chosenPlanCode: 'GOTONE-158' });
    expectOneAction(done, 'ZY2026-UPGRADE-POINTS', demo['张伟']!.phone);
    expect(done.grown).toEqual({ enrolment: 1, slip: 1, outbox: 1, audit_log: 1, points_lot: 1, points_entry: 1 });
    const lotKey = `CB-${done.enrolmentNo}`;
    expect(rows(`SELECT customer_id, lot_key, hq_remaining, earned_on, expires_on, source FROM points_lot WHERE lot_key = ?`, lotKey)).toEqual([
      { customer_id: zhang, lot_key: lotKey, hq_remaining: 0, earned_on: '2026-11-21', expires_on: '2026-12-31', source: 'campaign' },
    ]);
    expect(rows(`SELECT delta, reason, ref, acked FROM points_entry WHERE ref = ?`, done.enrolmentNo)).toEqual([
      { delta: 3000, reason: 'campaign_bonus', ref: done.enrolmentNo, acked: 0 },
    ]);
    expect(pointsAvailability(e.ctx, zhang, '2026-11-21').available).toBe(3000);
    expect(done.slip.points).toEqual({ before: 0, after: 3000 });
    expect(done.events[0]?.payload).toMatchObject({ bonusLot: { lotKey, points: 3000, expiresOn: '2026-12-31' } });
  });

  it('lists a customer’s enrolments newest first, and keeps full numbers out of every slip and audit entry', async () => {
    await enrol(e, '李明', 'ZY2026-UPGRADE-GIFT', { chosenPlanCode: 'STD-129' });
    await enrol(e, '李明', 'ZY2026-LOTTERY', { spendFen: 5000 });
    await enrol(e, '罗斌', 'ZY2026-REFERRAL', { referrerPhone: demo['李明']!.phone });
    const listed = expectOk(await e.clerk.call['enrolment.listForCustomer']({ customerId: e.id('李明'), limit: 20 })).enrolments;
    expect(listed.map((x) => x.campaignId)).toEqual(['ZY2026-LOTTERY', 'ZY2026-UPGRADE-GIFT']);
    expect(listed[0]).toMatchObject({ phoneMasked: '139****0101', kind: 'lottery', campaignName: '办业务抽大奖：每满50元得一次抽奖机会', trial: null });
    expectNoSecretsInSlipsAndAudit(e.ctx);
  });
});
