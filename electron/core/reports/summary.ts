import { periodRange } from '../../../shared/reports/period';
import type { BusinessSummary, ReportPeriod } from '../../../shared/reports/summary';
import { shanghaiDate } from '../../../shared/time/shanghai';
import type { CoreContext } from '../context';
import { lowStockItems } from '../stock/items';
import { dayLines, redeemedItems, redemptionFigures, staffLines } from './business';
import { campaignLines } from './campaigns';
import { periodBounds } from './range';
import { followUpLoads, itemLines, trialFigures } from './stock';

/**
 * The manager's view of a day or a week. Read-only: several statements read one
 * snapshot because they run in one transaction (a sale between two of them would
 * otherwise show in the counts but not in the stock).
 */
export function businessSummary(ctx: CoreContext, input: { period: ReportPeriod; date?: string | undefined }): BusinessSummary {
  return ctx.store.tx(() => {
    const today = shanghaiDate(ctx.clock.now());
    const range = periodRange(input.period, input.date ?? today);
    const bounds = periodBounds(range);
    const byCampaign = campaignLines(ctx, bounds);
    const byItem = itemLines(ctx, bounds);
    const redemptions = redemptionFigures(ctx, bounds);
    const sum = <T>(rows: readonly T[], of: (row: T) => number): number => rows.reduce((total, row) => total + of(row), 0);
    return {
      period: input.period,
      from: range.from,
      to: range.to,
      today,
      totals: {
        enrolments: sum(byCampaign, (c) => c.enrolments),
        customerPaysFen: sum(byCampaign, (c) => c.customerPaysFen),
        giftsIssued: sum(byItem, (i) => i.issued),
        ...redemptions,
        equipmentLent: sum(byItem, (i) => i.lent),
        equipmentRecovered: sum(byItem, (i) => i.recovered),
        ...trialFigures(ctx, bounds),
      },
      byCampaign,
      byItem,
      redeemed: redeemedItems(ctx, bounds),
      byStaff: staffLines(ctx, bounds),
      byDay: dayLines(ctx, bounds),
      followUps: followUpLoads(ctx, today),
      lowStock: lowStockItems(ctx),
    };
  });
}
