import { approvalMessages } from '../approval/messages';
import { equipmentMessages } from '../equipment/messages';
import { listsMessages } from '../lists/messages';
import { reportsMessages } from '../reports/messages';
import { slipsMessages } from '../slips/messages';
import { stockMessages } from '../stock/messages';
import { stocktakeMessages } from '../stocktake/messages';

/**
 * Each domain's message file, under its own top-level key (t('stock.…')). A domain adds
 * one line here; its strings live beside its screens.
 */
export const domainMessages = {
  approval: approvalMessages,
  equipment: equipmentMessages,
  lists: listsMessages,
  reports: reportsMessages,
  slips: slipsMessages,
  stock: stockMessages,
  stocktake: stocktakeMessages,
};
