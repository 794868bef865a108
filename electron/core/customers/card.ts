import type { CustomerCard } from '../../../shared/customers/contract';
import { maskPhone, retentionLight } from '../../../shared/customers/snapshot';
import { shanghaiDate } from '../../../shared/time/shanghai';
import type { CoreContext } from '../context';
import { pointsAvailability } from '../points/balance';
import type { CustomerRecord } from './repository';

export function customerCard(ctx: CoreContext, record: CustomerRecord): CustomerCard {
  const s = record.snapshot;
  const points = pointsAvailability(ctx, record.id, shanghaiDate(ctx.clock.now()));
  return {
    customerId: record.id,
    phoneMasked: maskPhone(s.phone),
    name: s.name,
    idLast4: s.idLast4,
    kind: s.kind,
    brand: s.brand,
    planCode: s.planCode,
    tenureStart: s.tenureStart,
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
