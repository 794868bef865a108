import { fullMonthsBetween, fullYearsBetween } from '../../../shared/calendar/dates';
import type { Plan } from '../../../shared/campaigns/plans';
import { DomainError } from '../../../shared/contract/errors';
import type { CustomerCard } from '../../../shared/customers/contract';
import { maskPhone, NO_PLAN, retentionLight } from '../../../shared/customers/snapshot';
import { shanghaiDate } from '../../../shared/time/shanghai';
import type { CoreContext } from '../context';
import { loadPlans } from '../enrolment/reference';
import { pointsAvailability } from '../points/balance';
import type { CustomerRecord } from './repository';

/** HQ's plan catalogue by code; empty on a counter that has not received it yet (the card then names no plan). */
function plansByCode(ctx: CoreContext): ReadonlyMap<string, Plan> {
  try {
    return new Map(loadPlans(ctx).plans.map((p) => [p.code, p]));
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') return new Map();
    throw error;
  }
}

/** The cards of several customers, reading the plan catalogue once. */
export function customerCards(ctx: CoreContext, records: readonly CustomerRecord[]): CustomerCard[] {
  const plans = plansByCode(ctx);
  const today = shanghaiDate(ctx.clock.now());
  return records.map((record) => cardOf(ctx, record, plans, today));
}

export function customerCard(ctx: CoreContext, record: CustomerRecord): CustomerCard {
  return cardOf(ctx, record, plansByCode(ctx), shanghaiDate(ctx.clock.now()));
}

function cardOf(ctx: CoreContext, record: CustomerRecord, plans: ReadonlyMap<string, Plan>, today: string): CustomerCard {
  const s = record.snapshot;
  const points = pointsAvailability(ctx, record.id, today);
  const planCode = s.planCode === NO_PLAN ? null : s.planCode;
  const plan = planCode === null ? undefined : plans.get(planCode);
  return {
    customerId: record.id,
    phoneMasked: maskPhone(s.phone),
    name: s.name,
    idLast4: s.idLast4,
    kind: s.kind,
    brand: s.brand,
    planCode,
    planName: plan?.name ?? null,
    planNameEn: plan?.nameEn ?? null,
    churned: s.churned,
    tenureStart: s.tenureStart,
    // A tenure starting after today (a snapshot dated ahead) reads as none yet, not negative.
    tenureYears: Math.max(fullYearsBetween(s.tenureStart, today), 0),
    tenureMonths: Math.max(fullMonthsBetween(s.tenureStart, today), 0),
    arpuFen: s.arpuFen,
    monthlyMinutes: s.monthlyMinutes,
    valueSegment: s.valueSegment,
    retentionLight: retentionLight(s),
    contract: s.contract,
    broadband: s.broadband,
    points: { available: points.available, pendingDebits: points.pendingDebits, nearestExpiry: points.nearestExpiry },
    lastServedAt: record.lastServedAt,
    snapshotAt: s.snapshotAt,
  };
}
