import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BenefitView } from '../../../shared/enrolment/views';
import { formatYuan } from '../../../shared/money/fen';
import { formatPoints } from '../customer/customerFacts';

type Of<K extends BenefitView['type']> = Extract<BenefitView, { type: K }>;

function period(from: string, to: string | null, t: TFunction): string {
  return to === null ? t('enrol.benefit.fromOpen', { from }) : t('enrol.benefit.fromTo', { from, to });
}

/** One line per benefit: what the customer gets, in words the clerk can read out. */
export function benefitLine(benefit: BenefitView, t: TFunction): string {
  switch (benefit.type) {
    case 'gift':
      return benefit.purchased
        ? t('enrol.benefit.giftBought', { name: benefit.name, quantity: benefit.quantity, price: formatYuan(benefit.valueFen) })
        : t('enrol.benefit.gift', { name: benefit.name, quantity: benefit.quantity, value: formatYuan(benefit.valueFen) });
    case 'credit_schedule':
      return t('enrol.benefit.credit', {
        label: benefit.label ?? t(`enrol.benefit.purpose.${benefit.purpose}`),
        total: formatYuan(benefit.totalFen),
        months: benefit.instalments.length,
        from: benefit.instalments[0]?.month ?? '',
      });
    case 'referral_credit':
      return t('enrol.benefit.referral', {
        referrer: benefit.referrerPhoneMasked,
        referrerAmount: formatYuan(benefit.referrerFen),
        dueBy: benefit.referrerDueBy,
        refereeAmount: formatYuan(benefit.refereeFen),
        billMonth: benefit.refereeBillMonth,
      });
    case 'discount':
      return discountLine(benefit, t);
    case 'spend_deduction':
      return t('enrol.benefit.deduction', {
        spend: formatYuan(benefit.spendFen),
        threshold: formatYuan(benefit.tierThresholdFen),
        deduction: formatYuan(benefit.deductionFen),
      });
    case 'bonus_points':
      return t('enrol.benefit.points', { points: formatPoints(benefit.points), expiresOn: benefit.expiresOn });
    case 'lottery_chances':
      return t('enrol.benefit.lottery', { count: benefit.count, days: benefit.claimWithinWorkingDays });
    case 'trial':
      return t('enrol.benefit.trial', {
        name: benefit.packageName,
        freeUntil: benefit.freeUntil,
        conversionOn: benefit.conversionOn,
        fee: formatYuan(benefit.monthlyFeeFen),
      });
    case 'payment':
      return t('enrol.benefit.pays', { amount: formatYuan(benefit.customerPaysFen) });
  }
}

function discountLine(benefit: Of<'discount'>, t: TFunction): string {
  const when = period(benefit.fromMonth, benefit.toMonth, t);
  if (benefit.target === 'voice') return t('enrol.benefit.voiceDiscount', { percent: benefit.percent, when });
  return t('enrol.benefit.planDiscount', {
    plan: benefit.planCode ?? '',
    base: benefit.baseFeeFen === null ? '' : formatYuan(benefit.baseFeeFen),
    fee: benefit.discountedFeeFen === null ? '' : formatYuan(benefit.discountedFeeFen),
    percent: benefit.percent,
    when,
  });
}

/** The instalments month by month, in columns so twelve months fit beside the rest. */
export function InstalmentTable({ benefit }: { benefit: Of<'credit_schedule'> }) {
  const { t } = useTranslation();
  return (
    <table className="instalments" data-testid="instalments">
      <caption>{t('enrol.summary.instalments', { count: benefit.instalments.length, total: formatYuan(benefit.totalFen) })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('enrol.summary.month')}</th>
          <th scope="col">{t('enrol.summary.amount')}</th>
        </tr>
      </thead>
      <tbody>
        {benefit.instalments.map((row) => (
          <tr key={row.month}>
            <td>{row.month}</td>
            <td className="instalments__amount">{formatYuan(row.amountFen)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A trial's dates and equipment, as the customer needs to hear them before signing. */
export function TrialTerms({ benefit }: { benefit: Of<'trial'> }) {
  const { t } = useTranslation();
  return (
    <dl className="trial-terms" data-testid="trial-terms">
      <dt>{t('enrol.trial.completion')}</dt>
      <dd>{t('enrol.trial.completionValue', { on: benefit.completionOn, by: benefit.installBy })}</dd>
      <dt>{t('enrol.trial.freeUntil')}</dt>
      <dd data-testid="trial-free-until">{benefit.freeUntil}</dd>
      <dt>{t('enrol.trial.conversion')}</dt>
      <dd>{t('enrol.trial.conversionValue', { on: benefit.conversionOn, fee: formatYuan(benefit.monthlyFeeFen), months: benefit.termMonths, end: benefit.termEndsOn })}</dd>
      <dt>{t('enrol.trial.lent')}</dt>
      <dd>{benefit.lend.map((unit) => `${unit.name} ${unit.serial}`).join('；')}</dd>
      {benefit.recoverOldModem && (
        <>
          <dt>{t('enrol.trial.oldModem')}</dt>
          <dd>{benefit.oldModemSerial ?? t('enrol.trial.oldModemAtInstall')}</dd>
        </>
      )}
      <dt>{t('enrol.trial.calls')}</dt>
      <dd>{benefit.followUps.map((call) => t(`enrol.trial.call.${call.kind}`, { on: call.dueOn })).join('；')}</dd>
    </dl>
  );
}

/** What the customer pays today, and how it adds up. */
export function PaymentLines({ benefit }: { benefit: Of<'payment'> }) {
  const { t } = useTranslation();
  const parts = [
    benefit.prepayFen > 0 ? t('enrol.payment.prepay', { amount: formatYuan(benefit.prepayFen) }) : null,
    benefit.spendFen > 0 ? t('enrol.payment.spend', { amount: formatYuan(benefit.spendFen) }) : null,
    benefit.deductionFen > 0 ? t('enrol.payment.deduction', { amount: formatYuan(benefit.deductionFen) }) : null,
    benefit.giftPriceFen > 0 ? t('enrol.payment.giftPrice', { amount: formatYuan(benefit.giftPriceFen) }) : null,
    benefit.giftOffsetFen > 0 ? t('enrol.payment.giftOffset', { amount: formatYuan(benefit.giftOffsetFen) }) : null,
  ].filter((part): part is string => part !== null);
  return (
    <div className="payment" data-testid="payment">
      <span className="payment__label">{t('enrol.payment.pays')}</span>
      <strong className="payment__amount" data-testid="customer-pays">
        {formatYuan(benefit.customerPaysFen)}
      </strong>
      {parts.length > 0 && <span className="payment__parts">{parts.join(' ')}</span>}
    </div>
  );
}
