import { createHash } from 'node:crypto';
import type { CoreContext } from '../../electron/core/context';
import { upsertSnapshot } from '../../electron/core/customers/repository';
import type { CustomerSnapshot, PointsLotSnapshot } from '../../shared/customers/snapshot';

/** A points lot as a test names it; the key defaults to one unique to the customer (not the phone itself: lot keys reach audit details). */
export interface LotFixture {
  lotId?: string;
  remaining: number;
  earnedOn?: string;
  expiresOn: string;
}

/**
 * An existing (HQ) customer's snapshot with sensible defaults: a standard-brand customer
 * with no contract, no broadband and no points unless given.
 */
export function customerSnapshot(
  overrides: Partial<Omit<CustomerSnapshot, 'pointsLots'>> & { phone: string; lots?: readonly LotFixture[] },
): CustomerSnapshot {
  const { lots = [], ...rest } = overrides;
  const tag = createHash('sha256').update(`lot:${overrides.phone}`).digest('hex').slice(0, 8).toUpperCase();
  const pointsLots: PointsLotSnapshot[] = lots.map((lot, i) => ({
    lotId: lot.lotId ?? `HQ-${tag}-${i + 1}`,
    remaining: lot.remaining,
    earnedOn: lot.earnedOn ?? '2025-01-01',
    expiresOn: lot.expiresOn,
  }));
  return {
    name: '测试客户',
    idHash: createHash('sha256').update(`id:${overrides.phone}`).digest('hex'),
    idLast4: '123X',
    kind: 'existing',
    brand: 'standard',
    planCode: 'P-58',
    planTier: 2,
    tenureStart: '2018-05-01',
    arpuFen: 8_800,
    monthlyMinutes: 320,
    contract: null,
    broadband: null,
    birthday: null,
    valueSegment: 'valuable',
    retentionBase: false,
    churned: false,
    snapshotVersion: 1,
    snapshotAt: '2026-11-20T16:00:00.000Z',
    ...rest,
    pointsLots,
  };
}

/** Writes a customer as if HQ's pull had delivered it; returns the customer id. */
export function addHqCustomer(
  ctx: CoreContext,
  overrides: Parameters<typeof customerSnapshot>[0],
): number {
  return ctx.store.tx(() => upsertSnapshot(ctx, customerSnapshot(overrides), 'hq'));
}
