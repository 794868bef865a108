import type { Actor } from '../audit/log';
import type { StaffCall } from '../handlers';

/** The staff member at the counter, as the audit log, the events and the slips name them. */
export interface CounterStaff {
  actor: Actor;
  staffNo: string;
  name: string;
}

export function counterStaff(call: StaffCall): CounterStaff {
  return { actor: call.actor, staffNo: call.session.staff.staffNo, name: call.session.staff.name };
}

/** Date-driven changes (trial conversion at start-up and daily) are the system's, not a clerk's. */
export const SYSTEM_STAFF: CounterStaff = { actor: { kind: 'system', name: 'trial-advance' }, staffNo: 'SYSTEM', name: '系统' };
