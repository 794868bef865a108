import { DomainError } from '../../../shared/contract/errors';
import type { sessionMethods, staffMethods } from '../../../shared/staff/contract';
import { appendAudit } from '../audit/log';
import { commitAction, type CoreContext } from '../context';
import type { PieceHandlers } from '../handlers';
import { checkPin, findStaff, getStaff, insertStaff, staffActor, staffView, type StaffRow } from './accounts';
import { hashPin, pinMatches } from './pin';
import type { SessionTable } from './sessions';

const WRONG_LOGIN = '工号或 PIN 错误';
const DISABLED_LOGIN = '该工号已停用，请联系店长';
// Checked against unknown staff numbers so that both answers take the same time.
const DECOY = hashPin('000000');

export function sessionHandlers(ctx: CoreContext, sessions: SessionTable): PieceHandlers<typeof sessionMethods> {
  return {
    'session.login': ({ staffNo, pin }) => {
      const row = findStaff(ctx, staffNo);
      // An unknown staff number answers like a wrong PIN: the login screen must not tell a
      // passer-by which numbers exist.
      if (!row) {
        pinMatches(pin, DECOY);
        throw new DomainError('WRONG_PIN', WRONG_LOGIN, { attemptsLeft: null });
      }
      if (!row.active) refuseDisabled(ctx, row, pin);
      checkPin(ctx, row, pin, 'login');
      const session = sessions.open(staffView(row), ctx.clock.now());
      commitAction(ctx, staffActor(row), () => ({
        result: null,
        audit: { action: 'session.login', subject: `staff:${row.staff_no}` },
      }));
      return { token: session.token, staff: session.staff, expiresAt: new Date(session.expiresAt).toISOString() };
    },
    'session.logout': (_input, { session, actor }) => {
      sessions.close(session.token);
      commitAction(ctx, actor, () => ({ result: null, audit: { action: 'session.logout', subject: `staff:${session.staff.staffNo}` } }));
      return { done: true };
    },
    'session.current': (_input, { session }) => ({
      staff: session.staff,
      locked: session.locked,
      expiresAt: new Date(session.expiresAt).toISOString(),
    }),
    'session.lock': (_input, { session, actor }) => {
      session.locked = true;
      commitAction(ctx, actor, () => ({ result: null, audit: { action: 'session.lock', subject: `staff:${session.staff.staffNo}` } }));
      return { done: true };
    },
    'session.unlock': ({ pin }, { session, actor }) => {
      checkPin(ctx, getStaff(ctx, session.staff.id), pin, 'unlock');
      session.locked = false;
      commitAction(ctx, actor, () => ({ result: null, audit: { action: 'session.unlock', subject: `staff:${session.staff.staffNo}` } }));
      return { staff: session.staff };
    },
  };
}

/**
 * A disabled account tells only its owner (the right PIN) that it is disabled; any other
 * PIN gets the unknown number's answer, so the login screen does not reveal which numbers
 * exist. Wrong PINs still count towards the lock, so a disabled account cannot be used to
 * guess a PIN that would work again once it is re-enabled.
 */
function refuseDisabled(ctx: CoreContext, row: StaffRow, pin: string): never {
  try {
    checkPin(ctx, row, pin, 'login');
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError('WRONG_PIN', WRONG_LOGIN, { attemptsLeft: null });
    throw error;
  }
  throw new DomainError('ACCOUNT_DISABLED', DISABLED_LOGIN, { staffNo: row.staff_no });
}

interface AccountRow {
  id: number;
  staff_no: string;
  name: string;
  role: 'clerk' | 'manager';
  active: 0 | 1;
  locked_until: string | null;
}

function accountView(r: Pick<StaffRow, 'id' | 'staff_no' | 'name' | 'role' | 'active' | 'locked_until'>, now: number) {
  return {
    id: r.id,
    staffNo: r.staff_no,
    name: r.name,
    role: r.role,
    active: r.active === 1,
    lockedUntil: r.locked_until && Date.parse(r.locked_until) > now ? r.locked_until : null,
  };
}

export function staffHandlers(ctx: CoreContext, sessions: SessionTable): PieceHandlers<typeof staffMethods> {
  return {
    'staff.list': () => {
      const now = ctx.clock.now().getTime();
      const rows = ctx.store
        .stmt('SELECT id, staff_no, name, role, active, locked_until FROM staff ORDER BY role DESC, staff_no')
        .all() as AccountRow[];
      return { staff: rows.map((r) => accountView(r, now)) };
    },
    'staff.create': (input, { actor }) => {
      if (findStaff(ctx, input.staffNo)) {
        throw new DomainError('CONFLICT', `工号 ${input.staffNo} 已存在`, { staffNo: input.staffNo, reason: 'staff_no_taken' });
      }
      const row = commitAction(ctx, actor, () => {
        const created = insertStaff(ctx, input);
        return {
          result: created,
          audit: { action: 'staff.create', subject: `staff:${created.staff_no}`, details: { role: created.role, name: created.name } },
        };
      });
      return { staff: staffView(row) };
    },
    'staff.resetPin': ({ staffNo, pin }, { actor }) => {
      const row = findStaff(ctx, staffNo);
      if (!row) throw new DomainError('NOT_FOUND', `没有工号 ${staffNo}`);
      const { salt, hash } = hashPin(pin);
      ctx.store.tx(() => {
        ctx.store
          .stmt('UPDATE staff SET pin_salt = ?, pin_hash = ?, failed_pins = 0, locked_until = NULL WHERE id = ?')
          .run(salt, hash, row.id);
        appendAudit(ctx.store, ctx.clock, actor, { action: 'staff.reset_pin', subject: `staff:${row.staff_no}` });
      });
      // A reset PIN invalidates the sessions opened with the old one.
      sessions.closeAllOf(row.id);
      return { done: true };
    },
    'staff.setActive': ({ staffNo, active }, { session, actor }) => {
      const found = findStaff(ctx, staffNo);
      if (!found) throw new DomainError('NOT_FOUND', `没有工号 ${staffNo}`);
      // Already so: nothing to do, nothing to record (a second click, a stale list).
      if ((found.active === 1) === active) return { staff: accountView(found, ctx.clock.now().getTime()) };
      const row = commitAction(ctx, actor, () => {
        // Read again inside the write lock: the checks hold for what is committed.
        const current = getStaff(ctx, found.id);
        if (!active && current.role === 'manager') {
          const others = ctx.store
            .stmt("SELECT COUNT(*) AS n FROM staff WHERE role = 'manager' AND active = 1 AND id <> ?")
            .get(current.id) as { n: number };
          if (others.n === 0) {
            throw new DomainError('CONFLICT', `${current.name}（工号 ${current.staff_no}）是本厅最后一名在用的店长，不能停用；请先新建或启用另一名店长`, {
              staffNo: current.staff_no,
              reason: 'last_manager',
            });
          }
        }
        if (!active && current.id === session.staff.id) {
          throw new DomainError('CONFLICT', '不能停用自己的账号；请由另一名店长操作', { staffNo: current.staff_no, reason: 'self' });
        }
        ctx.store.stmt('UPDATE staff SET active = ? WHERE id = ?').run(active ? 1 : 0, current.id);
        return {
          result: getStaff(ctx, current.id),
          audit: {
            action: active ? 'staff.reactivate' : 'staff.deactivate',
            subject: `staff:${current.staff_no}`,
            details: { role: current.role, name: current.name },
          },
        };
      });
      // A disabled account keeps no session at this counter: its next call finds itself logged out.
      if (!active) sessions.closeAllOf(row.id);
      return { staff: accountView(row, ctx.clock.now().getTime()) };
    },
  };
}
