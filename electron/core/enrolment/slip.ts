import type { Benefit, BenefitOf } from '../../../shared/campaigns/result';
import type { Campaign } from '../../../shared/campaigns/schema';
import { maskName, maskPhone } from '../../../shared/customers/snapshot';
import { formatYuan } from '../../../shared/money/fen';
import type { SlipData, SlipLine } from '../../../shared/slips/slip';
import type { SlipHeader } from '../slips/slips';

const targetLabels = { plan_fee: '套餐月费', voice: '语音通话费' } as const;

function period(from: string, to: string | null): string {
  return to === null ? `${from}起` : from === to ? from : `${from}至${to}`;
}

function givenLine(b: Benefit): SlipLine[] {
  switch (b.type) {
    case 'gift':
      return [{ label: b.purchased ? `${b.name}（抵扣购买）` : b.name, quantity: b.quantity, valueFen: b.valueFen }];
    case 'credit_schedule':
      return [{ label: `${b.label ?? '赠送话费'}（分${b.instalments.length}个月返还）`, labelEn: 'Bonus credit', valueFen: b.totalFen }];
    case 'referral_credit':
      return b.refereeFen > 0 ? [{ label: `新客户话费奖励（${b.refereeBillMonth}账单返还）`, labelEn: 'Referral credit', valueFen: b.refereeFen }] : [];
    case 'discount':
      return [{ label: `${targetLabels[b.target]}${b.percent}%计收（${period(b.fromMonth, b.toMonth)}）`, labelEn: 'Discount' }];
    case 'spend_deduction':
      return [{ label: `满${formatYuan(b.tierThresholdFen)}立减`, labelEn: 'Spend deduction', valueFen: b.deductionFen }];
    case 'bonus_points':
      return [{ label: `奖励积分（有效期至${b.expiresOn}）`, labelEn: 'Bonus points', points: b.points }];
    case 'lottery_chances':
      return [{ label: '抽奖机会', labelEn: 'Draw chances', quantity: b.count }];
    case 'trial':
      return [
        { label: `${b.packageName}（免费体验）`, labelEn: 'Free trial' },
        ...b.lend.map((l) => ({ label: `${l.name}（借用）`, quantity: 1, serial: l.serial })),
      ];
    case 'payment':
      return [];
  }
}

/** What the customer pays today, line by line, ending with the total. */
function takenLines(p: BenefitOf<'payment'> | undefined, giftName: string | undefined): SlipLine[] {
  if (!p) return [];
  const lines: SlipLine[] = [];
  if (p.prepayFen > 0) lines.push({ label: '预存话费', labelEn: 'Prepayment', valueFen: p.prepayFen });
  if (p.spendFen > 0) lines.push({ label: '厅内消费', labelEn: 'Spend', valueFen: p.spendFen });
  if (p.deductionFen > 0) lines.push({ label: '满减立减', labelEn: 'Deduction', valueFen: -p.deductionFen });
  if (p.giftPriceFen > 0) lines.push({ label: `${giftName ?? '礼品'}价款`, labelEn: 'Gift price', valueFen: p.giftPriceFen });
  if (p.giftOffsetFen > 0) lines.push({ label: '赠费/立减抵扣', labelEn: 'Offset', valueFen: -p.giftOffsetFen });
  // Nothing changed hands (剩多少送多少 asks for no prepayment): no "¥0.00 to pay" line.
  if (lines.length === 0) return [];
  lines.push({ label: '本次应付合计', labelEn: 'Total to pay', valueFen: p.customerPaysFen });
  return lines;
}

function termLines(b: Benefit): string[] {
  switch (b.type) {
    case 'credit_schedule': {
      const first = b.instalments[0];
      return first ? [`赠送话费${formatYuan(b.totalFen)}自${first.month}起分${b.instalments.length}个月返还，返还明细见下表。`] : [];
    }
    case 'referral_credit':
      return [`推荐人${maskPhone(b.referrerPhone)}的奖励${formatYuan(b.referrerFen)}于${b.referrerDueBy}前到账。`];
    case 'discount':
      return b.target === 'plan_fee' && b.planCode !== null && b.baseFeeFen !== null && b.discountedFeeFen !== null
        ? [`${period(b.fromMonth, b.toMonth)}，${b.planCode}月费${formatYuan(b.baseFeeFen)}按${formatYuan(b.discountedFeeFen)}收取。`]
        : [`${period(b.fromMonth, b.toMonth)}，${targetLabels[b.target]}按${b.percent}%计收。`];
    case 'bonus_points':
      return [`奖励积分${b.points}分，有效期至${b.expiresOn}。`];
    case 'lottery_chances':
      return [`获得抽奖机会${b.count}次；中奖后须在开奖后${b.claimWithinWorkingDays}个工作日内凭本人身份证件到厅领奖。`];
    case 'trial':
      return [
        `预计竣工${b.completionOn}，${b.installBy}前上门安装；以实际竣工日为准重算体验期。`,
        `免费体验至${b.freeUntil}；未办理注销的，${b.conversionOn}起按${b.packageName}${formatYuan(b.monthlyFeeFen)}/月收费，协议期至${b.termEndsOn}。`,
        ...(b.recoverOldModem ? [`安装时收回原普通光猫${b.oldModemSerial ? `（串号 ${b.oldModemSerial}）` : ''}。`] : []),
      ];
    default:
      return [];
  }
}

/** The instalments of every credit schedule, one line per month. */
function schedule(benefits: readonly Benefit[]): { month: string; amountFen: number }[] {
  const byMonth = new Map<string, number>();
  for (const b of benefits) {
    if (b.type === 'credit_schedule') for (const i of b.instalments) byMonth.set(i.month, (byMonth.get(i.month) ?? 0) + i.amountFen);
    if (b.type === 'referral_credit' && b.refereeFen > 0) byMonth.set(b.refereeBillMonth, (byMonth.get(b.refereeBillMonth) ?? 0) + b.refereeFen);
  }
  return [...byMonth].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, amountFen]) => ({ month, amountFen }));
}

/**
 * The enrolment slip (活动受理单): what the customer received and pays, the instalment
 * schedule, the trial's dates and the campaign's own terms. Customer masked.
 */
export function enrolmentSlipData(
  header: SlipHeader,
  e: {
    slipNo: string;
    enrolmentNo: string;
    campaign: Campaign;
    customer: { phone: string; name: string };
    benefits: readonly Benefit[];
    points: { before: number; after: number } | null;
  },
): SlipData {
  const payment = e.benefits.find((b): b is BenefitOf<'payment'> => b.type === 'payment');
  const boughtGift = e.benefits.find((b): b is BenefitOf<'gift'> => b.type === 'gift' && b.purchased);
  const months = schedule(e.benefits);
  return {
    ...header,
    slipNo: e.slipNo,
    kind: 'enrolment',
    title: '活动受理单',
    titleEn: 'Campaign enrolment',
    customer: { phoneMasked: maskPhone(e.customer.phone), nameMasked: maskName(e.customer.name) },
    given: e.benefits.flatMap(givenLine),
    taken: takenLines(payment, boughtGift?.name),
    points: e.points,
    ...(months.length > 0 ? { schedule: months } : {}),
    terms: [
      `受理单号 ${e.enrolmentNo}`,
      `活动：${e.campaign.name}（${e.campaign.id} 第${e.campaign.version}版）`,
      ...e.benefits.flatMap(termLines),
      ...e.campaign.slipTerms,
    ],
    vouchers: [],
    pendingHq: false,
  };
}
