import type { Benefit, BenefitOf } from '../../../shared/campaigns/result';
import type { CoreContext } from '../context';
import { findByPhone } from '../customers/repository';
import { addFollowUp } from '../followups/tasks';
import { moveStock } from '../stock/ledger';

/** Where the benefits of one enrolment are written from. */
export interface EnrolmentTarget {
  enrolmentId: number;
  enrolmentNo: string;
  customerId: number;
  today: string;
  staffNo: string;
}

/** What the writes produced, for the event, the audit entry and the slip. */
export interface WrittenBenefits {
  giftSkus: { sku: string; quantity: number }[];
  bonusLot: { lotKey: string; points: number; expiresOn: string } | null;
  lent: { sku: string; serial: string }[];
  trialId: number | null;
  referrerCustomerId: number | null;
  followUps: number;
}

function writeGift(ctx: CoreContext, t: EnrolmentTarget, b: BenefitOf<'gift'>, out: WrittenBenefits): void {
  moveStock(ctx, {
    sku: b.sku,
    reason: 'issued_enrolment',
    qty: b.quantity,
    ref: { type: 'enrolment', id: t.enrolmentNo },
    customerId: t.customerId,
    note: b.purchased ? '以赠费/立减抵扣购买' : undefined,
    staffNo: t.staffNo,
  });
  out.giftSkus.push({ sku: b.sku, quantity: b.quantity });
}

function writeCredits(ctx: CoreContext, t: EnrolmentTarget, purpose: string, instalments: readonly { month: string; amountFen: number }[]): void {
  const insert = ctx.store.stmt(`INSERT INTO credit_schedule (enrolment_id, purpose, month, amount_fen) VALUES (?, ?, ?, ?)`);
  for (const i of instalments) insert.run(t.enrolmentId, purpose, i.month, i.amountFen);
}

/**
 * 老带新: the referrer's credit is a task due by its working day (the referrer is the
 * customer the call list shows); the new customer's comes with next month's bill, so it
 * is one instalment of the credit schedule.
 */
function writeReferral(ctx: CoreContext, t: EnrolmentTarget, b: BenefitOf<'referral_credit'>, out: WrittenBenefits): void {
  const referrer = findByPhone(ctx, b.referrerPhone);
  if (!referrer) throw new Error('referral_credit: the referrer passed the engine but is not in the cache');
  const row = ctx.store
    .stmt(
      `INSERT INTO referral_credit (enrolment_id, referrer_customer_id, referrer_fen, referrer_due_by, referee_fen, referee_bill_month)
       VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(t.enrolmentId, referrer.id, b.referrerFen, b.referrerDueBy, b.refereeFen, b.refereeBillMonth) as { id: number };
  out.referrerCustomerId = referrer.id;
  if (b.referrerFen > 0) {
    addFollowUp(ctx, { kind: 'referral_credit_due', customerId: referrer.id, ref: { type: 'referral_credit', id: String(row.id) }, dueOn: b.referrerDueBy });
    out.followUps++;
  }
  if (b.refereeFen > 0) writeCredits(ctx, t, 'bill_credit', [{ month: b.refereeBillMonth, amountFen: b.refereeFen }]);
}

/**
 * Bonus points are a lot of their own with the campaign's expiry: HQ's balance of it is 0
 * until HQ acknowledges the enrolment, so the points are available through this counter's
 * unacknowledged positive entry meanwhile.
 */
function writeBonusPoints(ctx: CoreContext, t: EnrolmentTarget, b: BenefitOf<'bonus_points'>, out: WrittenBenefits): void {
  const lotKey = `CB-${t.enrolmentNo}`;
  const lot = ctx.store
    .stmt(
      `INSERT INTO points_lot (customer_id, lot_key, hq_remaining, earned_on, expires_on, source)
       VALUES (?, ?, 0, ?, ?, 'campaign') RETURNING id`,
    )
    .get(t.customerId, lotKey, t.today, b.expiresOn) as { id: number };
  ctx.store
    .stmt(`INSERT INTO points_entry (customer_id, lot_id, delta, reason, ref, created_at) VALUES (?, ?, ?, 'campaign_bonus', ?, ?)`)
    .run(t.customerId, lot.id, b.points, t.enrolmentNo, ctx.clock.now().toISOString());
  out.bonusLot = { lotKey, points: b.points, expiresOn: b.expiresOn };
}

/**
 * The trial, its lent equipment by serial (each unit out of hall stock into the customer's
 * hands, with its loan) and its tasks: the install due within the promised days, then the
 * month-1 usage call and the month-3 expiry notice. The dates are the planned ones until
 * the installer's completion is confirmed.
 */
function writeTrial(ctx: CoreContext, t: EnrolmentTarget, b: BenefitOf<'trial'>, out: WrittenBenefits): void {
  const now = ctx.clock.now().toISOString();
  const trial = ctx.store
    .stmt(
      `INSERT INTO trial (enrolment_id, customer_id, package, status, install_by, completion_on, free_until, conversion_on,
                          monthly_fee_fen, term_months, updated_at)
       VALUES (?, ?, ?, 'awaiting_install', ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(t.enrolmentId, t.customerId, b.packageName, b.installBy, b.completionOn, b.freeUntil, b.conversionOn, b.monthlyFeeFen, b.termMonths, now) as {
    id: number;
  };
  out.trialId = trial.id;
  const bySku = new Map<string, string[]>();
  for (const unit of b.lend) bySku.set(unit.sku, [...(bySku.get(unit.sku) ?? []), unit.serial]);
  const loan = ctx.store.stmt(
    `INSERT INTO equipment_loan (enrolment_id, customer_id, sku, serial, lent_on, status) VALUES (?, ?, ?, ?, ?, 'lent')`,
  );
  for (const [sku, serials] of bySku) {
    moveStock(ctx, { sku, reason: 'lent', qty: serials.length, serials, ref: { type: 'enrolment', id: t.enrolmentNo }, customerId: t.customerId, staffNo: t.staffNo });
    for (const serial of serials) {
      loan.run(t.enrolmentId, t.customerId, sku, serial, t.today);
      out.lent.push({ sku, serial });
    }
  }
  const ref = { type: 'trial', id: String(trial.id) } as const;
  addFollowUp(ctx, { kind: 'install_due', customerId: t.customerId, ref, dueOn: b.installBy });
  for (const f of b.followUps) addFollowUp(ctx, { kind: f.kind, customerId: t.customerId, ref, dueOn: f.dueOn });
  out.followUps += 1 + b.followUps.length;
}

/**
 * Writes every benefit of an eligible evaluation as it is: the engine already decided
 * amounts, dates and serials. Runs inside the enrolment's transaction; a refusal from the
 * stock ledger (a unit no longer on hand) throws and takes the whole enrolment back.
 */
export function writeBenefits(ctx: CoreContext, t: EnrolmentTarget, benefits: readonly Benefit[]): WrittenBenefits {
  const out: WrittenBenefits = { giftSkus: [], bonusLot: null, lent: [], trialId: null, referrerCustomerId: null, followUps: 0 };
  for (const b of benefits) {
    switch (b.type) {
      case 'gift':
        writeGift(ctx, t, b, out);
        break;
      case 'credit_schedule':
        writeCredits(ctx, t, b.purpose, b.instalments);
        break;
      case 'referral_credit':
        writeReferral(ctx, t, b, out);
        break;
      case 'discount':
        ctx.store
          .stmt(`INSERT INTO discount (enrolment_id, target, percent, from_month, to_month) VALUES (?, ?, ?, ?, ?)`)
          .run(t.enrolmentId, b.target, b.percent, b.fromMonth, b.toMonth);
        break;
      case 'bonus_points':
        writeBonusPoints(ctx, t, b, out);
        break;
      case 'lottery_chances':
        ctx.store
          .stmt(`INSERT INTO lottery_chance (customer_id, enrolment_id, chances, granted_on) VALUES (?, ?, ?, ?)`)
          .run(t.customerId, t.enrolmentId, b.count, t.today);
        break;
      case 'trial':
        writeTrial(ctx, t, b, out);
        break;
      case 'spend_deduction':
      case 'payment':
        // Money taken at the counter today: it lives in the stored benefits and on the slip.
        break;
    }
  }
  return out;
}
