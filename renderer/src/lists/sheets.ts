import type { RecoveryListLine, ReferralCreditLine, TrialCall, TrialCallKind } from '../../../shared/reports/lists';
import type { SheetColumn, SheetSpec } from '../../../shared/reports/sheet';

/**
 * The lists as spreadsheets for whoever makes the calls or the visits (客服中心, 装维中心):
 * Chinese headers whatever the screen's language, customers masked as on screen.
 */
const TRIAL_STATUS_ZH = { awaiting_install: '待安装', active: '体验中', cancel_requested: '已申请注销', converted: '已转正式', cancelled: '已注销' } as const;
const FOLLOW_UP_STATUS_ZH = { open: '待回访', done: '已完成', cancelled: '已取消' } as const;

export const CALL_LIST_NAMES: Record<TrialCallKind, string> = { trial_usage_call: '体验首月回访清单', trial_expiry_notice: '体验到期告知清单' };

const callColumns: readonly SheetColumn<TrialCall>[] = [
  { header: '序号', width: 6, kind: 'count', value: (_row, index) => index + 1 },
  { header: '应回访日', width: 12, kind: 'date', value: (row) => row.dueOn },
  { header: '逾期', width: 6, kind: 'text', value: (row) => (row.overdue ? '是' : '否') },
  { header: '客户', width: 10, kind: 'text', value: (row) => row.customer.nameMasked },
  { header: '联系电话', width: 14, kind: 'text', value: (row) => row.customer.phoneMasked },
  { header: '受理单号', width: 30, kind: 'text', value: (row) => row.enrolmentNo },
  { header: '宽带套餐', width: 10, kind: 'text', value: (row) => row.broadbandPlan },
  { header: '体验套餐', width: 12, kind: 'text', value: (row) => row.packageName },
  { header: '竣工日期', width: 12, kind: 'date', value: (row) => row.completionOn },
  { header: '免费期至', width: 12, kind: 'date', value: (row) => row.freeUntil },
  { header: '转正式日期', width: 12, kind: 'date', value: (row) => row.conversionOn },
  { header: '月费（元）', width: 10, kind: 'yuan', value: (row) => row.monthlyFeeFen },
  { header: '体验状态', width: 12, kind: 'text', value: (row) => TRIAL_STATUS_ZH[row.trialStatus] },
  { header: '回访状态', width: 10, kind: 'text', value: (row) => FOLLOW_UP_STATUS_ZH[row.status] },
  { header: '回访结果', width: 36, kind: 'text', value: (row) => row.outcome },
  { header: '回访人', width: 8, kind: 'text', value: (row) => row.doneBy },
  { header: '回访时间', width: 17, kind: 'datetime', value: (row) => row.doneAt },
];

export function callSheet(kind: TrialCallKind, rows: readonly TrialCall[]): SheetSpec<TrialCall> {
  return { name: CALL_LIST_NAMES[kind], columns: callColumns, rows };
}

const recoveryColumns: readonly SheetColumn<RecoveryListLine>[] = [
  { header: '回收单号', width: 9, kind: 'count', value: (row) => row.orderId },
  { header: '状态', width: 8, kind: 'text', value: (row) => (row.status === 'open' ? '待回收' : '已完成') },
  { header: '客户', width: 10, kind: 'text', value: (row) => row.customer.nameMasked },
  { header: '联系电话', width: 14, kind: 'text', value: (row) => row.customer.phoneMasked },
  { header: '受理单号', width: 30, kind: 'text', value: (row) => row.enrolmentNo },
  { header: '待收回设备及串号', width: 44, kind: 'text', value: (row) => row.units.map((u) => `${u.name} ${u.serial}`).join('；') },
  { header: '开单日期', width: 12, kind: 'date', value: (row) => row.openedOn },
  { header: '回收期限', width: 12, kind: 'date', value: (row) => row.dueOn },
  { header: '逾期天数', width: 9, kind: 'count', value: (row) => row.daysOverdue },
  { header: '免费期至', width: 12, kind: 'date', value: (row) => row.freeUntil },
  { header: '逾期收回将减免月份', width: 18, kind: 'text', value: (row) => row.waiverMonthIfLate },
  { header: '完成日期', width: 12, kind: 'date', value: (row) => row.closedOn },
  { header: '换回普通光猫串号', width: 18, kind: 'text', value: (row) => row.returnSerial },
];

export function recoverySheet(rows: readonly RecoveryListLine[]): SheetSpec<RecoveryListLine> {
  return { name: '设备回收清单', columns: recoveryColumns, rows };
}

const CREDIT_STATUS_ZH = { due: '待到账', credited: '已到账', cancelled: '已取消' } as const;

const referralColumns: readonly SheetColumn<ReferralCreditLine>[] = [
  { header: '应到账日', width: 12, kind: 'date', value: (row) => row.referrerDueBy },
  { header: '逾期', width: 6, kind: 'text', value: (row) => (row.overdue ? '是' : '否') },
  { header: '推荐人', width: 10, kind: 'text', value: (row) => row.referrer.nameMasked },
  { header: '推荐人电话', width: 14, kind: 'text', value: (row) => row.referrer.phoneMasked },
  { header: '推荐人奖励（元）', width: 15, kind: 'yuan', value: (row) => row.referrerFen },
  { header: '新客户', width: 10, kind: 'text', value: (row) => row.referee.nameMasked },
  { header: '新客户电话', width: 14, kind: 'text', value: (row) => row.referee.phoneMasked },
  { header: '新客户返还（元）', width: 15, kind: 'yuan', value: (row) => row.refereeFen },
  { header: '返还账期', width: 10, kind: 'text', value: (row) => row.refereeBillMonth },
  { header: '受理单号', width: 30, kind: 'text', value: (row) => row.enrolmentNo },
  { header: '受理日期', width: 12, kind: 'date', value: (row) => row.enrolledOn },
  { header: '状态', width: 8, kind: 'text', value: (row) => CREDIT_STATUS_ZH[row.status] },
  { header: '核实结果', width: 30, kind: 'text', value: (row) => row.followUp?.outcome ?? null },
];

export function referralSheet(rows: readonly ReferralCreditLine[]): SheetSpec<ReferralCreditLine> {
  return { name: '推荐奖励清单', columns: referralColumns, rows };
}

/** `体验首月回访清单_ZY-HC-001_2026-11-21.xlsx`: what, which hall, as of which day. */
export function listFileName(list: string, hallCode: string, today: string): string {
  return `${list}_${hallCode}_${today}.xlsx`;
}
