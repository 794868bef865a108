import type { TrialRegister, TrialRegisterRow } from './register';
import type { SheetColumn, SheetSpec } from './sheet';

function reasonOnRegister(row: TrialRegisterRow): string {
  if (row.enrolledThisWeek && row.installedThisWeek) return '受理、竣工';
  return row.enrolledThisWeek ? '受理' : '竣工';
}

/** The columns of the 体验用户登记表 the billing centre receives each Monday. */
export const trialRegisterColumns: readonly SheetColumn<TrialRegisterRow>[] = [
  { header: '序号', width: 6, kind: 'count', value: (_row, index) => index + 1 },
  { header: '受理单号', width: 30, kind: 'text', value: (row) => row.enrolmentNo },
  { header: '客户姓名', width: 10, kind: 'text', value: (row) => row.customerName },
  { header: '联系电话', width: 14, kind: 'text', value: (row) => row.phoneMasked },
  { header: '宽带套餐', width: 10, kind: 'text', value: (row) => row.broadbandPlan },
  { header: '体验套餐', width: 12, kind: 'text', value: (row) => row.packageName },
  { header: '受理日期', width: 12, kind: 'date', value: (row) => row.enrolledOn },
  { header: '安装期限', width: 12, kind: 'date', value: (row) => row.installBy },
  { header: '竣工日期', width: 12, kind: 'date', value: (row) => row.completionOn },
  { header: '免费期至', width: 12, kind: 'date', value: (row) => row.freeUntil },
  { header: '转正式日期', width: 12, kind: 'date', value: (row) => row.conversionOn },
  { header: '月费（元）', width: 10, kind: 'yuan', value: (row) => row.monthlyFeeFen },
  { header: '协议期（月）', width: 11, kind: 'count', value: (row) => row.termMonths },
  { header: '借用设备及串号', width: 44, kind: 'text', value: (row) => row.equipment.map((unit) => `${unit.name} ${unit.serial}`).join('；') },
  { header: '收回原光猫串号', width: 16, kind: 'text', value: (row) => row.oldModemSerial },
  { header: '状态', width: 10, kind: 'text', value: (row) => row.statusLabel },
  { header: '注销申请日', width: 12, kind: 'date', value: (row) => row.cancelRequestedOn },
  { header: '费用减免月份', width: 12, kind: 'text', value: (row) => row.feeWaiverMonth },
  { header: '受理营业员', width: 14, kind: 'text', value: (row) => (row.staffName ? `${row.staffName}（${row.staffNo}）` : row.staffNo) },
  { header: '本周登记事由', width: 12, kind: 'text', value: reasonOnRegister },
];

export function trialRegisterSheet(register: TrialRegister): SheetSpec<TrialRegisterRow> {
  return { name: '体验用户登记表', columns: trialRegisterColumns, rows: register.rows };
}

/** `体验用户登记表_ZY-HC-001_2026-11-16.xlsx`: the hall and the Monday of the week it covers. */
export function trialRegisterFileName(hallCode: string, weekStart: string): string {
  return `体验用户登记表_${hallCode}_${weekStart}.xlsx`;
}
