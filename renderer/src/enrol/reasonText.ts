import type { JsonValue, Reason, ReasonCode } from '../../../shared/campaigns/reasons';
import type { RefusalReason } from '../../../shared/contract/refusals';
import { categoryOf } from '../../../shared/enrolment/refusals';
import { formatYuan } from '../../../shared/money/fen';

/**
 * Why a customer may not join, in the counter's language. The rule engine writes each
 * reason in plain Chinese (`text`, with the campaign's own hints), which the Chinese
 * screen shows as it is. The English screen says it again from the stable code and the
 * values compared; the table is keyed by every code, so a new code fails the typecheck
 * until it has its English sentence.
 */
type Values = Reason['values'];

const str = (value: JsonValue): string =>
  value === null ? '—' : Array.isArray(value) ? value.map(str).join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
const fen = (value: JsonValue): string => (typeof value === 'number' ? formatYuan(value) : str(value));
const num = (value: JsonValue): number => (typeof value === 'number' ? value : 0);
const field = (value: JsonValue, key: string): JsonValue => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value[key] ?? null) : null);

const kindWords: Record<string, string> = { new: 'new customers', existing: 'existing customers' };
const brandWords: Record<string, string> = { premium: 'GoTone', standard: 'other brands' };
const optionWords: Record<string, string> = {
  chosenPlanCode: 'choose the plan',
  prepayFen: 'enter the prepayment',
  spendFen: 'enter the amount spent',
  referrerPhone: "enter the referrer's phone number",
  equipmentSerials: 'scan the serial numbers',
  oldModemSerial: "enter the old modem's serial",
  useBonusForGift: 'choose whether the bonus pays for the gift',
  completionOn: 'enter the planned install date',
};

/** The day the Chinese text names as "…起" (from when it will be possible), if it names one. */
function fromDay(text: string): string {
  const day = /(\d{4}-\d{2}-\d{2})起/.exec(text)?.[1];
  return day ? ` Possible from ${day}.` : '';
}

const english: Record<ReasonCode, (v: Values, text: string) => string> = {
  CAMPAIGN_NOT_STARTED: (v) => `The campaign starts on ${str(v.expected)}.`,
  CAMPAIGN_ENDED: (v) => `The campaign ended on ${str(v.expected)}.`,
  HALL_NOT_TARGETED: (v) => `This hall (${str(v.actual)}) is not among the campaign's halls.`,
  BONUS_POINTS_EXPIRED: (v) => `The campaign's bonus points expired on ${str(v.expected)}.`,
  PER_CUSTOMER_LIMIT_REACHED: (v) => `Already joined ${str(v.actual)}×; the limit is ${str(v.expected)} per customer.`,
  PER_PERIOD_LIMIT_REACHED: (v, text) =>
    `Already joined ${str(v.actual)}× this ${str(field(v.expected, 'period')).replace('calendar_', '')}; the limit is ${str(field(v.expected, 'count'))}.${fromDay(text)}`,
  QUOTA_EXHAUSTED: (v) => `All ${str(v.expected)} places of the campaign are taken.`,
  EXCLUSIVE_CAMPAIGN_ACTIVE: (v) => `The customer is in campaign ${str(v.actual)}, which cannot be combined with this one.`,
  OPTION_MISSING: (v) => {
    const [name = '', sku] = str(v.expected).split('.');
    return sku ? `Scan the serial number of ${sku}.` : `Please ${optionWords[name] ?? name}.`;
  },
  OPTION_INVALID: (v) =>
    Array.isArray(v.actual)
      ? `Enter ${str(v.expected)} different serial number(s); ${v.actual.length} entered.`
      : `The planned install date must be between ${str(field(v.expected, 'from'))} and ${str(field(v.expected, 'to'))}.`,
  PLAN_UNKNOWN: (v) => `Plan ${str(v.actual)} is not in the plan catalogue; choose another or sync with HQ.`,
  CHOSEN_PLAN_NOT_ALLOWED: (v) => `${str(v.actual)} is not one of the campaign's plans; choose one of: ${str(v.expected)}.`,
  CHOSEN_PLAN_NOT_HIGHER: (v) => `The chosen plan (tier ${str(v.actual)}) is not higher than the current one; choose a plan of tier ${str(v.expected)} or above.`,
  CHOSEN_PLAN_NO_POINTS: (v) => `The chosen plan earns no points; plans that do: ${str(v.expected)}.`,
  PREPAY_TOO_LOW: (v) => `The prepayment ${fen(v.actual)} is below the minimum of ${fen(v.expected)}.`,
  PREPAY_BELOW_LOWEST_TIER: (v) => `The prepayment ${fen(v.actual)} is below the lowest tier (${fen(v.expected)}).`,
  SPEND_TOO_LOW: (v) => `The amount spent ${fen(v.actual)} is below the required ${fen(v.expected)}.`,
  SPEND_BELOW_LOWEST_TIER: (v) => `The amount spent ${fen(v.actual)} is below the lowest tier (${fen(v.expected)}); ${fen(num(v.expected) - num(v.actual))} to go.`,
  LOTTERY_NO_CHANCE: (v) => `Spent ${fen(v.actual)}: one draw per ${fen(v.expected)}, not reached yet.`,
  CUSTOMER_KIND_MISMATCH: (v) => `Only for ${kindWords[str(v.expected)] ?? str(v.expected)}; this is one of the ${kindWords[str(v.actual)] ?? str(v.actual)}.`,
  CUSTOMER_CHURNED: () => 'The number has left the network.',
  BRAND_NOT_ALLOWED: (v) =>
    `Only for ${Array.isArray(v.expected) ? v.expected.map((b) => brandWords[str(b)] ?? str(b)).join(', ') : str(v.expected)} customers; this customer is on ${brandWords[str(v.actual)] ?? str(v.actual)}.`,
  TENURE_TOO_SHORT: (v, text) => `Tenure too short: ${str(v.expected)} needed, ${str(v.actual)} so far.${fromDay(text)}`,
  TENURE_TOO_LONG: (v) => `Tenure too long for this tier: under ${str(v.expected)} required, ${str(v.actual)} reached.`,
  NO_TENURE_TIER: (v, text) => `Tenure ${str(v.actual)} yr: the lowest discount tier needs ${str(v.expected)} yr.${fromDay(text)}`,
  ARPU_TOO_LOW: (v) => `ARPU ${fen(v.actual)} is below the required ${fen(v.expected)}.`,
  MINUTES_TOO_LOW: (v) => `${str(v.actual)} call minutes a month, below the required ${str(v.expected)}.`,
  CURRENT_PLAN_NOT_ALLOWED: (v) => `Only for customers on ${str(v.expected)}; current plan ${str(v.actual)}.`,
  CURRENT_PLAN_EXCLUDED: (v) => `The current plan ${str(v.actual)} cannot join this campaign.`,
  VALUE_SEGMENT_NOT_ALLOWED: (v) => `Only for value segment ${str(v.expected)}; this customer is ${str(v.actual)}.`,
  RETENTION_LIGHT_NOT_ALLOWED: (v) => `Only for retention light ${str(v.expected)}; this customer: ${str(v.actual)}.`,
  NO_CONTRACT: () => 'No contract running (deposit bonus or deposit phone).',
  CONTRACT_KIND_NOT_ALLOWED: (v) => `Only for contracts of kind ${str(v.expected)}; this one is ${str(v.actual)}.`,
  CONTRACT_END_OUT_OF_RANGE: (v) =>
    `The contract ends in ${str(v.actual)} month(s); this needs ${str(field(v.expected, 'min'))}–${str(field(v.expected, 'max'))} month(s).`,
  CONTRACT_NOT_OVERSPENT: (v) => `Spent ${fen(v.actual)}, not above the contract amount ${fen(num(v.expected) - 1)}.`,
  NO_BONUS_BRANCH: () => 'The customer meets none of the bonus tiers:',
  BONUS_ZERO: () => 'The bonus comes to ¥0.00: there is nothing to give.',
  NO_BROADBAND: () => 'The customer has no broadband line; the campaign is for broadband customers.',
  BROADBAND_NOT_ITV_CAPABLE: () => 'The broadband line cannot carry iTV yet.',
  BROADBAND_HAS_ITV: () => 'The customer already has iTV.',
  BROADBAND_COMMUNITY_NOT_UPGRADED: () => "The customer's community has not had the broadband upgrade.",
  BROADBAND_INSTALL_MISMATCH: (v) => `Only for ${str(v.expected) === 'new' ? 'new' : 'existing'} broadband lines; this one is ${str(v.actual)}.`,
  BROADBAND_PRODUCT_NOT_ALLOWED: (v) => `Only for broadband products ${str(v.expected)}; this one is ${str(v.actual)}.`,
  BROADBAND_PLAN_TOO_LOW: (v) => `Broadband plan ${str(v.actual)} is below ${str(v.expected)}.`,
  BROADBAND_PLAN_EXCLUDED: (v) => `Broadband plan ${str(v.actual)} is at ${str(v.expected)} or above (iTV included): not eligible.`,
  BROADBAND_PLAN_UNKNOWN: (v) => `Broadband plan ${str(v.actual)} is not in the plan catalogue; sync with HQ.`,
  REFERRER_IS_CUSTOMER: () => "The referrer cannot be the customer; check the referrer's number.",
  REFERRER_NOT_FOUND: (v) => `No customer ${str(v.actual)} found; the referrer must be an existing customer.`,
  REFERRER_NOT_EXISTING: () => 'The referrer joined the network only now; a referrer must be an existing customer.',
  REFERRER_CHURNED: () => 'The referrer has left the network and cannot refer anyone.',
  REFERRER_TENURE_TOO_SHORT: (v) => `The referrer's tenure is ${str(v.actual)} month(s); ${str(v.expected)} needed.`,
  NONE_OF_ALTERNATIVES: () => 'The customer meets none of the alternatives:',
  GIFT_OUT_OF_STOCK: (v) => `The gift is out of stock: ${str(v.expected)} needed, ${str(v.actual)} on hand. Ask the manager for a transfer.`,
  EQUIPMENT_OUT_OF_STOCK: (v) => `Equipment out of stock: ${str(v.expected)} needed, ${str(v.actual)} on hand. Ask the manager for a transfer.`,
  SERIAL_NOT_ON_HAND: (v) => `Serial ${str(v.actual)} is not on hand in this hall; check it or scan a unit from the shelf.`,
};

/**
 * One reason as a sentence: the core's Chinese, or English from its code and values. Any
 * NOT_ELIGIBLE reason reads the same way (shared/contract/refusals.ts); a code that is not a
 * campaign rule's keeps its Chinese text, the only words the core gave for it.
 */
export function reasonSentence(reason: RefusalReason, language: string): string {
  if (language !== 'en' || categoryOf(reason.code) === null) return reason.text;
  const values = { expected: reason.values?.expected ?? null, actual: reason.values?.actual ?? null };
  return english[reason.code as ReasonCode](values, reason.text);
}
