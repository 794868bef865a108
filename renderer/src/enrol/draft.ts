import type { EnrolmentOptions, OptionName } from '../../../shared/campaigns/options';
import type { Reason } from '../../../shared/campaigns/reasons';
import type { CampaignSummary } from '../../../shared/enrolment/views';
import { parseYuan } from './yuan';

/**
 * What the clerk has typed for one campaign, as typed: amounts stay text until they are
 * sent, so a half-typed "12" is never turned into something else and nothing is lost when
 * the clerk goes back to the list and returns.
 */
export interface OptionsDraft {
  chosenPlanCode: string;
  prepayYuan: string;
  spendYuan: string;
  referrerPhone: string;
  /** Serials scanned per SKU of lent equipment. */
  serials: Record<string, string[]>;
  oldModemSerial: string;
  useBonusForGift: boolean;
  completionOn: string;
}

export const emptyDraft: OptionsDraft = {
  chosenPlanCode: '',
  prepayYuan: '',
  spendYuan: '',
  referrerPhone: '',
  serials: {},
  oldModemSerial: '',
  useBonusForGift: false,
  completionOn: '',
};

/** A form field: an option, or the serial scan of one SKU (`equipmentSerials.STB-ITV`, as the core names it). */
export type DraftField = Exclude<OptionName, 'equipmentSerials'> | `equipmentSerials.${string}`;

export function asks(campaign: CampaignSummary, option: OptionName): boolean {
  return campaign.options.some((o) => o.option === option);
}

export type DraftCheck = { ok: true; options: EnrolmentOptions } | { ok: false; field: DraftField; problem: string };

function amount(text: string, field: 'prepayFen' | 'spendFen', required: boolean): { fen?: number; problem?: string } {
  const parsed = parseYuan(text);
  if (parsed.ok) return { fen: parsed.fen };
  if (parsed.problem === 'empty') return required ? { problem: `enrol.check.${field}Missing` } : {};
  return { problem: parsed.problem === 'tooLarge' ? 'enrol.check.amountTooLarge' : 'enrol.check.amountFormat' };
}

/**
 * Turns the draft into the options the campaign asks for. What the form can tell on its
 * own (an amount that is not money, a phone number that is not 11 digits) is said here,
 * before the core is asked; whether the customer may join is the core's answer.
 */
export function draftToOptions(campaign: CampaignSummary, draft: OptionsDraft): DraftCheck {
  const options: EnrolmentOptions = {};
  const required = (name: OptionName) => campaign.options.some((o) => o.option === name && o.required);
  if (asks(campaign, 'chosenPlanCode') && draft.chosenPlanCode !== '') options.chosenPlanCode = draft.chosenPlanCode;
  for (const [field, text] of [
    ['prepayFen', draft.prepayYuan],
    ['spendFen', draft.spendYuan],
  ] as const) {
    if (!asks(campaign, field)) continue;
    const { fen, problem } = amount(text, field, required(field));
    if (problem) return { ok: false, field, problem };
    if (fen !== undefined) options[field] = fen;
  }
  if (asks(campaign, 'referrerPhone')) {
    const phone = draft.referrerPhone.replace(/[\s-]/g, '');
    if (phone !== '' && !/^1[3-9]\d{9}$/.test(phone)) return { ok: false, field: 'referrerPhone', problem: 'enrol.check.referrerPhone' };
    if (phone !== '') options.referrerPhone = phone;
  }
  if (asks(campaign, 'equipmentSerials')) {
    const serials = Object.fromEntries(Object.entries(draft.serials).filter(([, list]) => list.length > 0));
    if (Object.keys(serials).length > 0) options.equipmentSerials = serials;
  }
  if (asks(campaign, 'oldModemSerial') && draft.oldModemSerial.trim() !== '') options.oldModemSerial = draft.oldModemSerial.trim();
  if (asks(campaign, 'useBonusForGift') && draft.useBonusForGift) options.useBonusForGift = true;
  if (asks(campaign, 'completionOn') && draft.completionOn !== '') options.completionOn = draft.completionOn;
  return { ok: true, options };
}

const fieldNames = new Set<string>(['chosenPlanCode', 'prepayFen', 'spendFen', 'referrerPhone', 'oldModemSerial', 'useBonusForGift', 'completionOn']);

/**
 * The field a refusal is about, so the form can put the cursor there: the core names the
 * option in `values.expected` (`chosenPlanCode`, `equipmentSerials.STB-ITV`) for a missing
 * one; other option refusals are read from their code.
 */
export function fieldOfReason(reason: Reason, campaign: CampaignSummary): DraftField | null {
  const expected = reason.values.expected;
  if (reason.code === 'OPTION_MISSING' && typeof expected === 'string') {
    if (expected.startsWith('equipmentSerials.')) return expected as DraftField;
    if (fieldNames.has(expected)) return expected as DraftField;
  }
  switch (reason.code) {
    case 'PLAN_UNKNOWN':
    case 'CHOSEN_PLAN_NOT_ALLOWED':
    case 'CHOSEN_PLAN_NOT_HIGHER':
    case 'CHOSEN_PLAN_NO_POINTS':
      return 'chosenPlanCode';
    case 'PREPAY_TOO_LOW':
    case 'PREPAY_BELOW_LOWEST_TIER':
      return 'prepayFen';
    case 'SPEND_TOO_LOW':
    case 'SPEND_BELOW_LOWEST_TIER':
    case 'LOTTERY_NO_CHANCE':
      return 'spendFen';
    case 'REFERRER_IS_CUSTOMER':
    case 'REFERRER_NOT_FOUND':
    case 'REFERRER_NOT_EXISTING':
    case 'REFERRER_CHURNED':
    case 'REFERRER_TENURE_TOO_SHORT':
      return 'referrerPhone';
    case 'SERIAL_NOT_ON_HAND':
    case 'OPTION_INVALID': {
      const first = campaign.equipment[0];
      // An install date outside the window names a range; serial problems name serials.
      if (reason.code === 'OPTION_INVALID' && expected !== null && typeof expected === 'object' && !Array.isArray(expected)) return 'completionOn';
      return first ? `equipmentSerials.${first.sku}` : null;
    }
    default:
      return null;
  }
}
