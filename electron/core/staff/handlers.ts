import { DomainError } from '../../../shared/contract/errors';
import type { sessionMethods, staffMethods } from '../../../shared/staff/contract';
import { appendAudit } from '../audit/log';
import { commitAction, type CoreContext } from '../context';
import type { PieceHandlers } from '../handlers';
import { checkPin, findStaff, getStaff, insertStaff, staffActor, staffView } from './accounts';
import { hashPin, pinMatches } from './pin';
import type { SessionTable } from './sessions';

const WRONG_LOGIN = '工号或 PIN 错误';
// Checked against unknown staff numbers so that both answers take the same time.
const DECOY = hashPin('000000');

export function sessionHandlers(ctx: CoreContext, sessions: SessionTable): PieceHandlers<typeof sessionMethods> {
  return {
    'session.login': ({ staffNo, pin }) => {
      const row = findStaff(ctx, staffNo);
      // An unknown or disabled staff number answers like a wrong PIN: the login screen
      // must not tell a passer-by which numbers exist.
      if (!row || !row.active) {
        pinMatches(pin, DECOY);
        throw new DomainError('WRONG_PIN', WRONG_LOGIN, { attemptsLeft: null });
      }
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

interface AccountRow {
  id: number;
  staff_no: string;
  name: string;
  role: 'clerk' | 'manager';
  active: 0 | 1;
  locked_until: string | null;
}

export function staffHandlers(ctx: CoreContext, sessions: SessionTable): PieceHandlers<typeof staffMethods> {
  return {
    'staff.list': () => {
      const now = ctx.clock.now().getTime();
      const rows = ctx.store
        .stmt('SELECT id, staff_no, name, role, active, locked_until FROM staff ORDER BY role DESC, staff_no')
        .all() as AccountRow[];
      return {
        staff: rows.map((r) => ({
          id: r.id,
          staffNo: r.staff_no,
          name: r.name,
          role: r.role,
          active: r.active === 1,
          lockedUntil: r.locked_until && Date.parse(r.locked_until) > now ? r.locked_until : null,
        })),
      };
    },
    'staff.create': (input, { actor }) => {
      if (findStaff(ctx, input.staffNo)) throw new DomainError('CONFLICT', `工号 ${input.staffNo} 已存在`);
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
  };
}
