import { z } from 'zod';
import { IsoDate } from '../calendar/dates';
import { Phone } from '../customers/snapshot';
import { Fen } from '../money/fen';
import { Sku } from './benefit-schema';
import { PlanCode } from './plans';

const Serial = z.string().trim().min(1).max(64);

/**
 * What the clerk enters or chooses at the counter for one enrolment. A campaign lists
 * which of these it asks for (`options` in the campaign); rules and benefits read them.
 */
export const EnrolmentOptions = z
  .object({
    chosenPlanCode: PlanCode.optional(), // the plan the customer signs or moves to
    prepayFen: Fen.nonnegative().optional(), // prepayment taken today (预存)
    spendFen: Fen.nonnegative().optional(), // business done today (消费), for spend tiers and draw chances
    referrerPhone: Phone.optional(), // the existing customer who brought this one (老带新)
    equipmentSerials: z.record(Sku, z.array(Serial)).optional(), // lent equipment handed over, by SKU
    oldModemSerial: Serial.optional(), // the ordinary modem coming back
    useBonusForGift: z.boolean().optional(), // take the gift, its price offset by the bonus / deduction
    completionOn: IsoDate.optional(), // planned install completion (竣工) when it is not today
  })
  .strict();
export type EnrolmentOptions = z.infer<typeof EnrolmentOptions>;

export const OptionName = EnrolmentOptions.keyof();
export type OptionName = z.infer<typeof OptionName>;

/** The prompt the counter shows for an option, and the phrase refusals use. */
export const optionLabels: Record<OptionName, string> = {
  chosenPlanCode: '办理套餐',
  prepayFen: '预存金额',
  spendFen: '消费金额',
  referrerPhone: '推荐人手机号码',
  equipmentSerials: '设备串号',
  oldModemSerial: '旧光猫串号',
  useBonusForGift: '是否以赠费/立减抵扣礼品',
  completionOn: '预计竣工日期',
};
