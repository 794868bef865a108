import type { ProvisionedStaff } from '../../../shared/sync/protocol';
import type { CoreContext } from '../context';
import { findStaff } from './accounts';

/**
 * The staff HQ provisioned with this counter's registration (its hall manager), written
 * inside the registration's transaction with the PIN hash as HQ made it: the PIN itself
 * never reached HQ's database or the wire. A staff number already here (a demo hall
 * registering) keeps its local account. Answers the staff numbers added.
 */
export function insertProvisionedStaff(ctx: CoreContext, staff: readonly ProvisionedStaff[]): string[] {
  const insert = ctx.store.stmt('INSERT INTO staff (staff_no, name, role, pin_salt, pin_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const added: string[] = [];
  for (const s of staff) {
    if (findStaff(ctx, s.staffNo)) continue;
    insert.run(s.staffNo, s.name, s.role, Buffer.from(s.pinScrypt.salt, 'base64'), Buffer.from(s.pinScrypt.hash, 'base64'), ctx.clock.now().toISOString());
    added.push(s.staffNo);
  }
  return added;
}
