import type { SheetColumn } from '../../../shared/reports/sheet';
import type { BusinessSummary, CampaignLine, DayLine, ItemLine } from '../../../shared/reports/summary';
import { prepareSheet, type PreparedSheet } from '../export/xlsx';

type StaffLine = BusinessSummary['byStaff'][number];

const campaignColumns: readonly SheetColumn<CampaignLine>[] = [
  { header: '活动编号', width: 24, kind: 'text', value: (r) => r.campaignId },
  { header: '活动名称', width: 30, kind: 'text', value: (r) => r.name },
  { header: '受理笔数', width: 10, kind: 'count', value: (r) => r.enrolments },
  { header: '柜台收款（元）', width: 14, kind: 'yuan', value: (r) => r.customerPaysFen },
];

const itemColumns: readonly SheetColumn<ItemLine>[] = [
  { header: '物品名称', width: 22, kind: 'text', value: (r) => r.name },
  { header: '物品编码', width: 16, kind: 'text', value: (r) => r.sku },
  { header: '受理发放', width: 10, kind: 'count', value: (r) => r.issuedEnrolment },
  { header: '兑换发放', width: 10, kind: 'count', value: (r) => r.issuedRedemption },
  { header: '领奖发放', width: 10, kind: 'count', value: (r) => r.issuedPrize },
  { header: '发放合计', width: 10, kind: 'count', value: (r) => r.issued },
  { header: '借出', width: 8, kind: 'count', value: (r) => r.lent },
  { header: '收回', width: 8, kind: 'count', value: (r) => r.recovered },
  { header: '退回入库', width: 10, kind: 'count', value: (r) => r.returned },
];

const staffColumns: readonly SheetColumn<StaffLine>[] = [
  { header: '工号', width: 8, kind: 'text', value: (r) => r.staffNo },
  { header: '营业员', width: 10, kind: 'text', value: (r) => r.name },
  { header: '受理笔数', width: 10, kind: 'count', value: (r) => r.enrolments },
  { header: '兑换笔数', width: 10, kind: 'count', value: (r) => r.redemptions },
  { header: '兑换积分', width: 10, kind: 'count', value: (r) => r.points },
];

const dayColumns: readonly SheetColumn<DayLine>[] = [
  { header: '日期', width: 12, kind: 'date', value: (r) => r.date },
  { header: '受理笔数', width: 10, kind: 'count', value: (r) => r.enrolments },
  { header: '兑换笔数', width: 10, kind: 'count', value: (r) => r.redemptions },
  { header: '兑换积分', width: 10, kind: 'count', value: (r) => r.points },
  { header: '礼品奖品发放', width: 12, kind: 'count', value: (r) => r.giftsIssued },
];

/** The summary as four sheets, Chinese headers, for the manager to keep or send on. */
export function summarySheets(summary: BusinessSummary): PreparedSheet[] {
  return [
    prepareSheet({ name: '按活动', columns: campaignColumns, rows: summary.byCampaign }),
    prepareSheet({ name: '按物品', columns: itemColumns, rows: summary.byItem }),
    prepareSheet({ name: '按营业员', columns: staffColumns, rows: summary.byStaff }),
    prepareSheet({ name: '按日', columns: dayColumns, rows: summary.byDay }),
  ];
}

/** `营业报表_ZY-HC-001_2026-11-21.xlsx`, or `…_2026-11-16至2026-11-22.xlsx` for a week. */
export function summaryFileName(hallCode: string, summary: BusinessSummary): string {
  const period = summary.from === summary.to ? summary.from : `${summary.from}至${summary.to}`;
  return `营业报表_${hallCode}_${period}.xlsx`;
}
