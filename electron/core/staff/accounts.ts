import { DomainError } from '../../../shared/contract/errors';
import { shanghaiDateTime } from '../../../shared/time/shanghai';
import type { StaffView } from '../../../shared/staff/contract';
import { appendAudit, type Actor } from '../audit/log';
import type { CoreContext } from '../context';
import { hashPin, pinMatches } from './pin';

export const MAX_WRONG_PINS = 5;
export const LOCK_MS = 5 * 60 * 1000;

export interface StaffRow {
  id: number;
  staff_no: string;
  name: string;
  role: 'clerk' | 'manager';
  pin_salt: Buffer;
  pin_hash: Buffer;
  failed_pins: number;
  locked_until: string | null;
  active: 0 | 1;
}

export function staffView(row: StaffRow): StaffView {
  return { id: row.id, staffNo: row.staff_no, name: row.name, role: row.role };
}

export function staffActor(row: Pick<StaffRow, 'id' | 'staff_no'>): Actor {
  return { kind: 'staff', staffId: row.id, staffNo: row.staff_no };
}

export function findStaff(ctx: CoreContext, staffNo: string): StaffRow | undefined {
  return ctx.store.stmt('SELECT * FROM staff WHERE staff_no = ?').get(staffNo) as StaffRow | undefined;
}

export function getStaff(ctx: CoreContext, id: number): StaffRow {
  const row = ctx.store.stmt('SELECT * FROM staff WHERE id = ?').get(id) as StaffRow | undefined;
  if (!row) throw new DomainError('NOT_FOUND', '员工账号不存在');
  return row;
}

export function insertStaff(
  ctx: CoreContext,
  input: { staffNo: string; name: string; role: 'clerk' | 'manager'; pin: string },
): StaffRow {
  const { salt, hash } = hashPin(input.pin);
  const info = ctx.store
    .stmt('INSERT INTO staff (staff_no, name, role, pin_salt, pin_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(input.staffNo, input.name, input.role, salt, hash, ctx.clock.now().toISOString());
  return getStaff(ctx, Number(info.lastInsertRowid));
}

/**
 * Checks a PIN for `row` and records the outcome. The failure count must survive the
 * error we answer with, so it is committed here before the error is thrown.
 * Five wrong PINs in a row lock the account for five minutes; a locked account
 * refuses every PIN, right or wrong, until the lock lapses.
 */
export function checkPin(ctx: CoreContext, row: StaffRow, pin: string, purpose: 'login' | 'unlock' | 'approval'): void {
  const now = ctx.clock.now();
  if (row.locked_until && Date.parse(row.locked_until) > now.getTime()) {
    throw new DomainError('ACCOUNT_LOCKED', `账号已锁定，请于 ${shanghaiDateTime(new Date(row.locked_until))} 后再试，或请店长重置 PIN`, {
      until: row.locked_until,
    });
  }
  const actor = staffActor(row);
  if (pinMatches(pin, { salt: row.pin_salt, hash: row.pin_hash })) {
    if (row.failed_pins > 0 || row.locked_until) {
      ctx.store.stmt('UPDATE staff SET failed_pins = 0, locked_until = NULL WHERE id = ?').run(row.id);
    }
    return;
  }
  const failed = row.failed_pins + 1;
  const locks = failed >= MAX_WRONG_PINS;
  const lockedUntil = locks ? new Date(now.getTime() + LOCK_MS).toISOString() : null;
  ctx.store.tx(() => {
    ctx.store
      .stmt('UPDATE staff SET failed_pins = ?, locked_until = ? WHERE id = ?')
      .run(locks ? 0 : failed, lockedUntil, row.id);
    appendAudit(ctx.store, ctx.clock, actor, {
      action: locks ? 'staff.account_locked' : 'staff.wrong_pin',
      subject: `staff:${row.staff_no}`,
      details: { purpose, failed, ...(lockedUntil ? { lockedUntil } : {}) },
    });
  });
  if (locks) {
    throw new DomainError('WRONG_PIN', `PIN 错误，已连续${MAX_WRONG_PINS}次，账号锁定5分钟`, {
      attemptsLeft: 0,
      lockedUntil,
    });
  }
  throw new DomainError('WRONG_PIN', `PIN 错误，还可再试${MAX_WRONG_PINS - failed}次`, {
    attemptsLeft: MAX_WRONG_PINS - failed,
  });
}

/**
 * A manager approving a clerk's action at the counter (step-up). Wrong PINs count towards
 * the manager's own lock, so the approval prompt cannot be used to guess a PIN.
 */
export function approveAsManager(ctx: CoreContext, staffNo: string, pin: string): StaffView {
  const row = findStaff(ctx, staffNo);
  if (!row || !row.active || row.role !== 'manager') {
    throw new DomainError('FORBIDDEN', '授权人必须是本厅店长', { needApproval: 'manager' });
  }
  checkPin(ctx, row, pin, 'approval');
  return staffView(row);
}
