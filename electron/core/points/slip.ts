import { maskName, maskPhone } from '../../../shared/customers/snapshot';
import type { SlipData, SlipLine } from '../../../shared/slips/slip';
import type { SlipHeader } from '../slips/slips';
import type { IssuedVoucher } from './vouchers';

export interface SlipItem {
  name: string;
  nameEn: string | null;
  kind: 'gift' | 'voucher' | 'service';
  quantity: number;
  points: number;
  faceValueFen: number | null;
  vouchers: readonly IssuedVoucher[];
}

function customerOnSlip(customer: { phone: string; name: string }): SlipData['customer'] {
  return { phoneMasked: maskPhone(customer.phone), nameMasked: maskName(customer.name) };
}

function itemLine(item: SlipItem): SlipLine {
  return {
    label: item.name,
    ...(item.nameEn ? { labelEn: item.nameEn } : {}),
    quantity: item.quantity,
    points: item.points,
    ...(item.faceValueFen !== null ? { valueFen: item.faceValueFen * item.quantity } : {}),
  };
}

export const PENDING_HQ_TERM = '本单在总部连线中断时办理，积分扣减待总部确认（待总部确认）';

/** The slip a customer signs for a redemption: what they took, what it cost, and how to use it. */
export function redemptionSlipData(
  header: SlipHeader,
  r: {
    slipNo: string;
    redemptionNo: string;
    customer: { phone: string; name: string };
    items: readonly SlipItem[];
    totalPoints: number;
    pointsBefore: number;
    pointsAfter: number;
    pendingHq: boolean;
  },
): SlipData {
  const terms = [`兑换单号 ${r.redemptionNo}`, '积分按到期日先后扣减，先到期的先用'];
  if (r.items.some((i) => i.kind === 'gift')) terms.push('礼品请当面点清，非质量问题恕不退换');
  if (r.items.some((i) => i.kind === 'voucher')) {
    terms.push('12580电子礼品券凭串码或二维码到联盟商户验证使用，一次有效，过期作废；可拨打12580查询商户');
  }
  for (const i of r.items.filter((x) => x.kind === 'service')) terms.push(`${i.name}由总部开通，开通结果以短信通知为准`);
  if (r.pendingHq) terms.push(PENDING_HQ_TERM);
  return {
    ...header,
    slipNo: r.slipNo,
    kind: 'redemption',
    title: '积分兑换单',
    titleEn: 'Points redemption',
    customer: customerOnSlip(r.customer),
    given: r.items.map(itemLine),
    taken: [{ label: '积分', labelEn: 'Points', points: r.totalPoints }],
    points: { before: r.pointsBefore, after: r.pointsAfter },
    terms,
    vouchers: r.items.flatMap((i) =>
      i.vouchers.map((v) => ({ name: i.name, code: v.code, qrPayload: v.qrPayload, validUntil: v.validUntil })),
    ),
    pendingHq: r.pendingHq,
  };
}

/** The VOID slip: the points the customer gets back and the items handed back or revoked. */
export function voidSlipData(
  header: SlipHeader,
  v: {
    slipNo: string;
    redemptionNo: string;
    originalSlipNo: string;
    customer: { phone: string; name: string };
    returned: readonly { name: string; nameEn: string | null; quantity: number; what: 'gift' | 'voucher' | 'service' }[];
    revokedCodes: readonly string[];
    pointsRestored: number;
    expiredPointsRestored: number;
    pointsBefore: number;
    pointsAfter: number;
    reason: string;
    approvedBy: string;
    pendingHq: boolean;
  },
): SlipData {
  const terms = [`作废兑换单 ${v.redemptionNo}（原小票 ${v.originalSlipNo}）`, '积分退回原积分批次，有效期不变'];
  if (v.expiredPointsRestored > 0) terms.push(`其中 ${v.expiredPointsRestored} 积分所属批次已过期，退回后不可再用`);
  if (v.revokedCodes.length > 0) terms.push(`已作废券码：${v.revokedCodes.join('、')}`);
  if (v.pendingHq) terms.push('本单在总部连线中断时办理，待总部确认');
  const suffix = { gift: '（退回）', voucher: '（券码作废）', service: '（取消开通）' } as const;
  return {
    ...header,
    slipNo: v.slipNo,
    kind: 'void',
    title: '积分兑换作废单',
    titleEn: 'Redemption VOID',
    customer: customerOnSlip(v.customer),
    given: [{ label: '退还积分', labelEn: 'Points returned', points: v.pointsRestored }],
    taken: v.returned.map((r) => ({
      label: `${r.name}${suffix[r.what]}`,
      ...(r.nameEn ? { labelEn: r.nameEn } : {}),
      quantity: r.quantity,
    })),
    points: { before: v.pointsBefore, after: v.pointsAfter },
    terms,
    vouchers: [],
    pendingHq: v.pendingHq,
    voids: { slipNo: v.originalSlipNo, reason: v.reason, approvedBy: v.approvedBy },
  };
}
