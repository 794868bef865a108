import { DomainError } from '../../../shared/contract/errors';
import type { customerMethods } from '../../../shared/customers/contract';
import { maskPhone, NO_PLAN, type CustomerSnapshot } from '../../../shared/customers/snapshot';
import type { EventPayload } from '../../../shared/sync/events';
import { shanghaiDate } from '../../../shared/time/shanghai';
import { commitAction, type CoreContext } from '../context';
import type { PieceHandlers } from '../handlers';
import { pointsAvailability } from '../points/balance';
import { customerCard, customerCards } from './card';
import { hashIdNumber, idLast4, idSalt } from './identity';
import { findByIdLast4AndName, findByPhone, findByPhoneLast4, getCustomer, upsertSnapshot } from './repository';

const LAST4_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

export function customerHandlers(ctx: CoreContext): PieceHandlers<typeof customerMethods> {
  return {
    'customer.find': (query) => {
      const found =
        query.by === 'phone'
          ? [findByPhone(ctx, query.phone)].filter((c) => c !== undefined)
          : query.by === 'phoneLast4'
            ? findByPhoneLast4(ctx, query.last4, new Date(ctx.clock.now().getTime() - LAST4_WINDOW_MS).toISOString())
            : findByIdLast4AndName(ctx, query.idLast4, query.name);
      return { customers: customerCards(ctx, found) };
    },
    'customer.get': ({ customerId }) => ({ customer: customerCard(ctx, getCustomer(ctx, customerId)) }),
    'customer.points': ({ customerId }) => {
      getCustomer(ctx, customerId);
      const p = pointsAvailability(ctx, customerId, shanghaiDate(ctx.clock.now()));
      return {
        available: p.available,
        pendingDebits: p.pendingDebits,
        lots: p.lots.map((l) => ({ lotKey: l.lotKey, available: l.available, earnedOn: l.earnedOn, expiresOn: l.expiresOn, source: l.source })),
      };
    },
    'customer.registerWalkIn': (input, { actor }) => {
      if (findByPhone(ctx, input.phone)) {
        throw new DomainError('CONFLICT', `号码 ${maskPhone(input.phone)} 已有客户资料，请直接查询`, { phoneMasked: maskPhone(input.phone) });
      }
      const now = ctx.clock.now();
      const id = commitAction(ctx, actor, () => {
        const snapshot: CustomerSnapshot = {
          phone: input.phone,
          name: input.name,
          idHash: hashIdNumber(idSalt(ctx), input.idNumber),
          idLast4: idLast4(input.idNumber),
          kind: 'new',
          brand: 'standard',
          planCode: NO_PLAN,
          planTier: 0,
          tenureStart: shanghaiDate(now),
          arpuFen: 0,
          monthlyMinutes: 0,
          contract: null,
          broadband: input.broadband ?? null,
          birthday: input.birthday ?? null,
          valueSegment: 'low',
          retentionBase: false,
          churned: false,
          pointsLots: [],
          snapshotVersion: 0,
          snapshotAt: now.toISOString(),
        };
        const customerId = upsertSnapshot(ctx, snapshot, 'counter');
        return {
          result: customerId,
          audit: { action: 'customer.register_walk_in', subject: `customer:${customerId}`, details: { phone: maskPhone(input.phone) } },
          // HQ gets what it needs to open the line; the ID number travels only as its hash.
          event: {
            type: 'customer.registered',
            payload: {
              phone: snapshot.phone,
              name: snapshot.name,
              idHash: snapshot.idHash,
              idLast4: snapshot.idLast4,
              tenureStart: snapshot.tenureStart,
              birthday: snapshot.birthday,
            } satisfies EventPayload<'customer.registered'>,
          },
        };
      });
      return { customer: customerCard(ctx, getCustomer(ctx, id)) };
    },
  };
}
