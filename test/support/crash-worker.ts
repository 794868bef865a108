/**
 * The crash test's child: a counter doing business as fast as it can until it is
 * killed. After each call that succeeds it writes `ACK <kind> <id>` to stdout with a
 * synchronous write — from that moment the caller has been told it happened, so the
 * parent may hold the database to it after any crash.
 */
import { writeSync } from 'node:fs';
import { createClient } from '../../shared/contract/client';
import { frozenClock } from '../../electron/core/clock';
import { createCore } from '../../electron/core/core';
import { findByPhone } from '../../electron/core/customers/repository';
import { createFileLogger } from '../../electron/core/log';
import { join } from 'node:path';
import { idNumberCheckChar } from '../../shared/customers/id-number';
import { addHqCustomer } from './customers';

const [dataDir, seedArg] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: crash-worker <dataDir> <seed>');
let seed = Number(seedArg ?? 1);
const random = (): number => {
  // A small deterministic generator: the parent can replay a failing run from its seed.
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

export const CRASH_CUSTOMERS = 40;
export const crashPhone = (i: number): string => `1370000${String(i).padStart(4, '0')}`;
const ack = (kind: string, id: string): void => {
  writeSync(1, `ACK ${kind} ${id}\n`);
};

async function main(): Promise<void> {
  const clock = frozenClock('2026-11-21T02:00:00.000Z');
  const core = createCore({
    dataDir: dataDir as string,
    clock,
    appVersion: 'crash',
    log: createFileLogger(join(dataDir as string, 'logs'), clock),
    demo: {},
  });
  const { ctx } = core;
  if (!findByPhone(ctx, crashPhone(CRASH_CUSTOMERS))) {
    for (let i = 1; i <= CRASH_CUSTOMERS; i++) {
      addHqCustomer(ctx, { phone: crashPhone(i), lots: [{ remaining: 60_000, expiresOn: '2027-06-30' }] });
    }
  }
  const client = createClient((method, envelope) => core.dispatch(method, envelope));
  const manager = createClient((method, envelope) => core.dispatch(method, envelope));
  for (const [c, staffNo, pin] of [[client, '1001', '111111'], [manager, '8001', '800800']] as const) {
    const login = await c.call['session.login']({ staffNo, pin });
    if (!login.ok) throw new Error(`login ${staffNo}: ${login.error.code}`);
    c.setSession(login.value.token);
  }
  writeSync(1, 'READY\n');

  const redeemed: string[] = [];
  let walkIns = 0;
  const items = ['SVC-DATA-1G', 'SVC-VOICE-100', 'V12580-C', 'V12580-B', 'JF-UMBRELLA', 'JF-THERMOS'];
  for (;;) {
    const roll = random();
    if (roll < 0.7) {
      const customer = findByPhone(ctx, crashPhone(1 + Math.floor(random() * CRASH_CUSTOMERS)));
      if (!customer) throw new Error('crash customer missing');
      const r = await client.call['redemption.create']({
        customerId: customer.id,
        lines: [{ catalogueCode: pick(items), quantity: 1 }],
      });
      if (r.ok) {
        redeemed.push(r.value.redemption.redemptionNo);
        ack('redemption', r.value.redemption.redemptionNo);
      }
    } else if (roll < 0.8) {
      // Enrolments: a walk-in signs up and takes a TV from stock, or a regular joins 满减 / 抽奖.
      let enrolled: { ok: true; value: { enrolmentNo: string } } | { ok: false } = { ok: false };
      if (random() < 0.5) {
        walkIns++;
        const phone = `1360${String(process.pid % 1000).padStart(3, '0')}${String(walkIns).padStart(4, '0')}`;
        const first17 = `520302199${String(walkIns % 1000).padStart(3, '0')}0101${String(process.pid % 100).padStart(2, '0')}`.slice(0, 17);
        const reg = await client.call['customer.registerWalkIn']({ phone, name: '散客', idNumber: first17 + idNumberCheckChar(first17) });
        if (reg.ok) {
          ack('walkin', phone);
          enrolled = await client.call['enrolment.create']({
            customerId: reg.value.customer.customerId,
            campaignId: 'ZY2026-SIGNUP-TV',
            options: { chosenPlanCode: 'STD-129' },
          });
        }
      } else {
        const customer = findByPhone(ctx, crashPhone(1 + Math.floor(random() * CRASH_CUSTOMERS)));
        if (!customer) throw new Error('crash customer missing');
        enrolled = await client.call['enrolment.create']({
          customerId: customer.id,
          campaignId: pick(['ZY2026-SPEND-TIERS', 'ZY2026-LOTTERY']),
          options: { spendFen: 60_000 },
        });
      }
      if (enrolled.ok) ack('enrolment', enrolled.value.enrolmentNo);
    } else if (roll < 0.88 && redeemed.length > 0) {
      const redemptionNo = redeemed.splice(Math.floor(random() * redeemed.length), 1)[0] as string;
      const v = await manager.call['redemption.void']({ redemptionNo, reason: '崩溃测试作废' });
      if (v.ok) ack('void', redemptionNo);
    } else {
      const sku = pick(['GIFT-UMBRELLA', 'GIFT-THERMOS', 'TV-32']);
      const deliveryRef = `CRASH-${Date.now()}-${Math.floor(random() * 1e9)}`;
      const s = await manager.call['stock.receive']({ sku, qty: 1 + Math.floor(random() * 3), deliveryRef });
      if (s.ok) ack('receive', deliveryRef);
    }
  }
}

main().catch((err: unknown) => {
  writeSync(2, `crash-worker failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(3);
});
