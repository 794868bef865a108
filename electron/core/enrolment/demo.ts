import holidays from '../../../resources/calendar/holidays.json';
import lottery from '../../../resources/demo/campaigns/lottery.json';
import prepayBonus from '../../../resources/demo/campaigns/prepay_bonus.json';
import rebinding from '../../../resources/demo/campaigns/rebinding.json';
import referral from '../../../resources/demo/campaigns/referral.json';
import signupGift from '../../../resources/demo/campaigns/signup_gift.json';
import spendThreshold from '../../../resources/demo/campaigns/spend_threshold.json';
import tenureDiscount from '../../../resources/demo/campaigns/tenure_discount.json';
import trial from '../../../resources/demo/campaigns/trial.json';
import upgradeGift from '../../../resources/demo/campaigns/upgrade_gift.json';
import upgradePoints from '../../../resources/demo/campaigns/upgrade_points.json';
import customersFile from '../../../resources/demo/customers.json';
import plans from '../../../resources/demo/plans.json';
import { addWorkingDays } from '../../../shared/calendar/working-days';
import { PlanCatalogue } from '../../../shared/campaigns/plans';
import type { CustomerSnapshot } from '../../../shared/customers/snapshot';
import type { CoreContext } from '../context';
import { hashIdNumber, idLast4, idSalt } from '../customers/identity';
import { upsertSnapshot } from '../customers/repository';
import { storePrizeWin } from '../prizes/wins';
import { DemoCustomers } from './demo-data';
import { seedDemoLentTrial } from './demo-trial';
import { loadCalendar, requireCurrentCampaign, storeCampaign, storeReferenceData } from './reference';

// One demo campaign per kind (docs/campaigns.md); bundled with the app, so imported rather than read from disk.
const demoCampaigns: unknown[] = [signupGift, prepayBonus, referral, upgradeGift, spendThreshold, lottery, trial, rebinding, tenureDiscount, upgradePoints];

/**
 * Seeds the demo hall's business (runs inside the demo seed's transaction, after stock and
 * catalogue): HQ's reference data and campaigns through the same doors the HQ pull uses,
 * the customer cache (ID numbers only as salted hashes), their points lots, the lottery
 * wins waiting at the prize desk, and one iTV trial whose lent equipment is overdue for
 * recovery (demo-trial.ts) — the only stock this seed moves, through the counter's services.
 */
export function seedDemoBusiness(ctx: CoreContext): void {
  const catalogue = PlanCatalogue.parse(plans);
  storeReferenceData(ctx, 'plans', catalogue.version, catalogue);
  storeReferenceData(ctx, 'calendar', 1, holidays);
  for (const campaign of demoCampaigns) storeCampaign(ctx, campaign);

  const file = DemoCustomers.parse(customersFile);
  const salt = idSalt(ctx);
  const ids = new Map<string, number>();
  for (const c of file.customers) {
    const { idNumber, demonstrates: _demonstrates, lots, ...rest } = c;
    const snapshot: CustomerSnapshot = {
      ...rest,
      idHash: hashIdNumber(salt, idNumber),
      idLast4: idLast4(idNumber),
      pointsLots: lots,
      // Walk-ins registered at this counter have no HQ version yet.
      snapshotVersion: c.kind === 'new' ? 0 : 1,
      snapshotAt: file.snapshotAt,
    };
    ids.set(c.phone, upsertSnapshot(ctx, snapshot, c.kind === 'new' ? 'counter' : 'hq'));
  }

  const calendar = loadCalendar(ctx);
  for (const w of file.prizeWins) {
    const claimDays = requireCurrentCampaign(ctx, w.campaignId).benefits.find((b) => b.type === 'lottery_chances')?.claimWithinWorkingDays;
    const customerId = ids.get(w.phone);
    if (claimDays === undefined || customerId === undefined) throw new Error(`demo prize win ${w.winId}: no lottery campaign or customer`);
    storePrizeWin(ctx, {
      winId: w.winId,
      customerId,
      prizeSku: w.prizeSku,
      prizeName: w.prizeName,
      wonOn: w.wonOn,
      claimBy: addWorkingDays(w.wonOn, claimDays, calendar),
    });
  }
  seedDemoLentTrial(ctx, ids);
}
