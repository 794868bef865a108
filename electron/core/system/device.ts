import type { CoreContext } from '../context';

export interface Device {
  hallCode: string;
  hallName: string;
  counterCode: string;
  counterName: string;
  mode: 'demo' | 'hq';
}

interface DeviceRow {
  hall_code: string;
  hall_name: string;
  counter_code: string;
  counter_name: string;
  mode: 'demo' | 'hq';
}

/** This counter's identity, or undefined before it is set up (demo seed or HQ registration). */
export function readDevice(ctx: CoreContext): Device | undefined {
  const row = ctx.store.stmt('SELECT * FROM device WHERE id = 1').get() as DeviceRow | undefined;
  return row
    ? { hallCode: row.hall_code, hallName: row.hall_name, counterCode: row.counter_code, counterName: row.counter_name, mode: row.mode }
    : undefined;
}
