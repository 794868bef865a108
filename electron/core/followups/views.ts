import { DomainError } from '../../../shared/contract/errors';
import { maskName, maskPhone } from '../../../shared/customers/snapshot';
import type { FollowUpKind, FollowUpView } from '../../../shared/enrolment/views';
import { formatYuan } from '../../../shared/money/fen';
import type { CoreContext } from '../context';

export interface FollowUpRow {
  id: number;
  kind: FollowUpKind;
  customer_id: number;
  ref_type: string;
  ref_id: string;
  due_on: string;
  status: 'open' | 'done' | 'cancelled';
  outcome: string | null;
  done_by: string | null;
  done_at: string | null;
  phone: string;
  name: string;
}

export const followUpKindLabels: Record<FollowUpKind, string> = {
  install_due: '上门安装',
  trial_usage_call: '体验首月回访',
  trial_expiry_notice: '体验到期告知',
  referral_credit_due: '推荐奖励到账',
  equipment_recovery: '设备上门回收',
  prize_claim_deadline: '中奖领奖提醒',
};

const FOLLOW_UP_SQL = `
  SELECT f.*, c.phone, c.name FROM follow_up f JOIN customer c ON c.id = f.customer_id`;

export function requireFollowUp(ctx: CoreContext, id: number): FollowUpRow {
  const row = ctx.store.stmt(`${FOLLOW_UP_SQL} WHERE f.id = ?`).get(id) as FollowUpRow | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `没有这条待办：${id}`, { id });
  return row;
}

export function listFollowUps(
  ctx: CoreContext,
  filter: { kind?: FollowUpKind | undefined; status: 'open' | 'done' | 'cancelled' | 'all'; dueFrom?: string | undefined; dueTo?: string | undefined; limit: number },
): FollowUpRow[] {
  return ctx.store
    .stmt(
      `${FOLLOW_UP_SQL}
       WHERE (@kind IS NULL OR f.kind = @kind) AND (@status = 'all' OR f.status = @status)
         AND (@dueFrom IS NULL OR f.due_on >= @dueFrom) AND (@dueTo IS NULL OR f.due_on <= @dueTo)
       ORDER BY f.due_on, f.id LIMIT @limit`,
    )
    .all({ kind: filter.kind ?? null, status: filter.status, dueFrom: filter.dueFrom ?? null, dueTo: filter.dueTo ?? null, limit: filter.limit }) as FollowUpRow[];
}

/** One line saying what the task is about, read from the row it refers to. */
function detailOf(ctx: CoreContext, row: FollowUpRow): string {
  switch (row.ref_type) {
    case 'trial': {
      const t = ctx.store
        .stmt(`SELECT t.package, t.status, t.install_by, t.completion_on, t.free_until, e.enrolment_no FROM trial t JOIN enrolment e ON e.id = t.enrolment_id WHERE t.id = ?`)
        .get(Number(row.ref_id)) as
        | { package: string; status: string; install_by: string; completion_on: string | null; free_until: string | null; enrolment_no: string }
        | undefined;
      if (!t) return row.ref_id;
      return t.status === 'awaiting_install'
        ? `${t.package} ${t.enrolment_no}：${t.install_by}前上门安装`
        : `${t.package} ${t.enrolment_no}：竣工${t.completion_on ?? ''}，免费期至${t.free_until ?? ''}`;
    }
    case 'referral_credit': {
      const r = ctx.store.stmt('SELECT referrer_fen, referrer_due_by FROM referral_credit WHERE id = ?').get(Number(row.ref_id)) as
        | { referrer_fen: number; referrer_due_by: string }
        | undefined;
      return r ? `推荐奖励${formatYuan(r.referrer_fen)}应于${r.referrer_due_by}前到账` : row.ref_id;
    }
    case 'recovery_order': {
      const serials = ctx.store.stmt('SELECT serial FROM equipment_loan WHERE recovery_order_id = ? ORDER BY id').all(Number(row.ref_id)) as { serial: string }[];
      return `回收单${row.ref_id}：回收 ${serials.map((s) => s.serial).join('、')}，换回普通光猫`;
    }
    case 'prize_win': {
      const w = ctx.store.stmt('SELECT prize_name, claim_by FROM prize_win WHERE win_id = ?').get(row.ref_id) as
        | { prize_name: string; claim_by: string }
        | undefined;
      return w ? `${w.prize_name}待领取，截止${w.claim_by}` : row.ref_id;
    }
    default:
      return row.ref_id;
  }
}

export function followUpView(ctx: CoreContext, row: FollowUpRow, today: string): FollowUpView {
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: followUpKindLabels[row.kind],
    customerId: row.customer_id,
    phoneMasked: maskPhone(row.phone),
    nameMasked: maskName(row.name),
    dueOn: row.due_on,
    overdue: row.status === 'open' && row.due_on < today,
    status: row.status,
    detail: detailOf(ctx, row),
    ref: { type: row.ref_type, id: row.ref_id },
    outcome: row.outcome,
    doneBy: row.done_by,
    doneAt: row.done_at,
  };
}
