import { approvalMessages } from '../approval/messages';
import { customerMessages } from '../customer/messages';
import { enrolMessages } from '../enrol/messages';
import { equipmentMessages } from '../equipment/messages';
import { listsMessages } from '../lists/messages';
import { prizesMessages } from '../prizes/messages';
import { redeemMessages } from '../redeem/messages';
import { registrationMessages } from '../registration/messages';
import { reportsMessages } from '../reports/messages';
import { reprintMessages } from '../reprint/messages';
import { slipsMessages } from '../slips/messages';
import { staffMessages } from '../staff/messages';
import { stockMessages } from '../stock/messages';
import { stocktakeMessages } from '../stocktake/messages';
import { syncPageMessages } from '../sync/messages';
import { trialsMessages } from '../trials/messages';

/**
 * Each domain's message file, under its own top-level key (t('stock.…')). A domain adds
 * one line here; its strings live beside its screens.
 */
export const domainMessages = {
  approval: approvalMessages,
  customer: customerMessages,
  enrol: enrolMessages,
  equipment: equipmentMessages,
  lists: listsMessages,
  prizes: prizesMessages,
  redeem: redeemMessages,
  registration: registrationMessages,
  reports: reportsMessages,
  reprint: reprintMessages,
  slips: slipsMessages,
  staff: staffMessages,
  stock: stockMessages,
  stocktake: stocktakeMessages,
  syncPage: syncPageMessages,
  trials: trialsMessages,
};
