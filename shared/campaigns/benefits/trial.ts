import { addDays, addMonthsToMonth, endOfMonth, monthOf } from '../../calendar/dates';
import type { TrialSpec } from '../benefit-schema';
import { missingOption, type EvaluationEnv } from '../env';
import { reason, type Reason } from '../reasons';
import type { TrialBenefit, TrialFollowUp } from '../result';

export type TrialTerms = Pick<TrialSpec, 'freeFullMonthsAfterCompletion' | 'termMonths' | 'followUps'>;

export interface TrialDates {
  completionOn: string;
  freeUntil: string;
  conversionOn: string;
  termEndsOn: string;
  followUps: TrialFollowUp[];
}

/**
 * The trial's dates from its completion (竣工) day. Seed 002: free for the completion month
 * and the N full months after it, so completion on 11-30 or on 11-01 both run free to the
 * end of January. Call again when the installer confirms the real completion day.
 */
export function trialDates(completionOn: string, terms: TrialTerms): TrialDates {
  const freeUntil = endOfMonth(addMonthsToMonth(monthOf(completionOn), terms.freeFullMonthsAfterCompletion));
  const conversionOn = addDays(freeUntil, 1);
  const termEndsOn = endOfMonth(addMonthsToMonth(monthOf(conversionOn), terms.termMonths - 1));
  const followUps = terms.followUps
    .map((f) => ({ kind: f.kind, dueOn: addDays(f.from === 'completion' ? completionOn : freeUntil, f.days) }))
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  return { completionOn, freeUntil, conversionOn, termEndsOn, followUps };
}

export interface TrialFeeWaiver {
  waived: boolean;
  /** The month whose package fee is waived, or null. */
  waivedMonth: string | null;
}

/**
 * Seed 002: a customer who asks to cancel within the trial but whose cancellation cannot
 * take effect in the expiry month (the paperwork or the recovery visit runs over) is not
 * charged for the next month. A cancellation asked for after the trial ended is an
 * ordinary cancellation of a paid package: no waiver. Only that one month is waived.
 */
export function trialFeeWaiver(trial: { freeUntil: string }, cancellation: { requestedOn: string; effectiveOn: string }): TrialFeeWaiver {
  const askedInTime = cancellation.requestedOn <= trial.freeUntil;
  const effectiveLate = cancellation.effectiveOn > trial.freeUntil;
  return askedInTime && effectiveLate
    ? { waived: true, waivedMonth: addMonthsToMonth(monthOf(trial.freeUntil), 1) }
    : { waived: false, waivedMonth: null };
}

/** Serials for each lent SKU: present, as many as lent, no repeats, on hand when known. */
function lentEquipment(spec: TrialSpec, env: EvaluationEnv): { lend: TrialBenefit['lend']; reasons: Reason[] } {
  const reasons: Reason[] = [];
  const lend: TrialBenefit['lend'] = [];
  for (const item of spec.lend) {
    const onHand = env.context.stockOnHand[item.sku] ?? 0;
    if (onHand < item.quantity)
      reasons.push(
        reason(
          'EQUIPMENT_OUT_OF_STOCK',
          `${item.name}（${item.sku}）库存不足：需要${item.quantity}台，本厅现有${Math.max(onHand, 0)}台。请联系店长调拨。`,
          item.quantity,
          onHand,
        ),
      );
    const serials = env.options.equipmentSerials?.[item.sku] ?? [];
    if (serials.length === 0) {
      reasons.push(missingOption(env, 'equipmentSerials', { key: item.sku, label: `${item.name}（${item.sku}）` }));
      continue;
    }
    if (serials.length !== item.quantity || new Set(serials).size !== serials.length)
      reasons.push(
        reason('OPTION_INVALID', `${item.name}须录入${item.quantity}个不重复的串号，现录入${serials.length}个。`, item.quantity, serials),
      );
    const known = env.context.serialsOnHand?.[item.sku];
    for (const serial of serials) {
      if (known && !known.includes(serial))
        reasons.push(reason('SERIAL_NOT_ON_HAND', `串号 ${serial} 不在本厅${item.name}库存中，请核对或扫描在库设备。`, 'on hand', serial));
      lend.push({ sku: item.sku, name: item.name, serial });
    }
  }
  return { lend, reasons };
}

export function trial(spec: TrialSpec, env: EvaluationEnv): { benefit?: TrialBenefit; reasons: Reason[] } {
  const installBy = addDays(env.today, spec.installWithinDays);
  const completionOn = env.options.completionOn ?? env.today;
  const { lend, reasons } = lentEquipment(spec, env);
  if (completionOn < env.today || completionOn > installBy)
    reasons.push(
      reason(
        'OPTION_INVALID',
        `预计竣工日期须在${env.today}至${installBy}之间（受理后${spec.installWithinDays}天内安装）。`,
        { from: env.today, to: installBy },
        completionOn,
      ),
    );
  if (reasons.length > 0) return { reasons };
  const line = env.customer.broadband;
  const recoverOldModem = spec.recoverOldModem === 'existing_line' && line !== null && !line.newInstall;
  const dates = trialDates(completionOn, spec);
  return {
    reasons,
    benefit: {
      type: 'trial',
      packageName: spec.packageName,
      completionOn: dates.completionOn,
      freeUntil: dates.freeUntil,
      conversionOn: dates.conversionOn,
      termEndsOn: dates.termEndsOn,
      monthlyFeeFen: spec.monthlyFeeFen,
      termMonths: spec.termMonths,
      lend,
      recoverOldModem,
      oldModemSerial: recoverOldModem ? (env.options.oldModemSerial ?? null) : null,
      installBy,
      followUps: dates.followUps,
    },
  };
}
