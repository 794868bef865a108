import { z } from 'zod';
import demoHall from '../../../resources/demo/hall.json';
import { StaffNo, Pin, StaffRole } from '../../../shared/staff/contract';
import { commitAction, type CoreContext } from '../context';
import { seedDemoBusiness } from '../enrolment/demo';
import { seedDemoCatalogue } from '../points/demo';
import { insertStaff } from '../staff/accounts';
import { seedDemoStock } from '../stock/demo';
import { readDevice } from '../system/device';

const DemoHall = z.object({
  hall: z.object({ code: z.string().min(1), name: z.string().min(1) }),
  counters: z.array(z.object({ code: z.string().min(1), name: z.string().min(1) })).min(1),
  staff: z.array(z.object({ staffNo: StaffNo, name: z.string().min(1), role: StaffRole, pin: Pin })).min(1),
});

/**
 * With no HQ configured, the first start turns this database into the demo hall
 * (README lists the PINs). A database that already has a device is left alone.
 */
export function seedDemoHall(ctx: CoreContext, counterCode?: string): boolean {
  if (readDevice(ctx)) return false;
  const demo = DemoHall.parse(demoHall);
  const counter = demo.counters.find((c) => c.code === (counterCode ?? demo.counters[0]?.code));
  if (!counter) throw new Error(`demo hall has no counter ${counterCode}`);
  commitAction(ctx, { kind: 'system', name: 'demo-seed' }, () => {
    ctx.store
      .stmt(
        `INSERT INTO device (id, hall_code, hall_name, counter_code, counter_name, mode, created_at)
         VALUES (1, ?, ?, ?, ?, 'demo', ?)`,
      )
      .run(demo.hall.code, demo.hall.name, counter.code, counter.name, ctx.clock.now().toISOString());
    for (const s of demo.staff) insertStaff(ctx, s);
    seedDemoStock(ctx);
    seedDemoCatalogue(ctx);
    seedDemoBusiness(ctx);
    return {
      result: null,
      audit: { action: 'demo.seed', subject: `hall:${demo.hall.code}`, details: { counter: counter.code, staff: demo.staff.length } },
    };
  });
  return true;
}
