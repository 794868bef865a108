import type { SlipData } from '../../../shared/slips/slip';
import type { CounterInfo } from '../api/types';

/**
 * A specimen redemption slip for the printer settings: this hall and counter, a gift and
 * a voucher, so the manager sees the real layout at each paper width. It is drawn with
 * the 样张 SAMPLE mark and a slip number no counter issues.
 */
export function sampleSlip(info: CounterInfo, clerk: { staffNo: string; name: string }): SlipData {
  return {
    slipNo: `${info.hall.code || 'HALL'}-SAMPLE-${info.counter.code || '00'}-0000`,
    kind: 'redemption',
    title: '积分兑换单',
    titleEn: 'Points redemption',
    hall: info.hall,
    counter: info.counter,
    clerk,
    issuedAt: info.now,
    customer: { phoneMasked: '138****0000', nameMasked: '王*' },
    given: [
      { label: '不锈钢保温杯', labelEn: 'Thermos flask', quantity: 1, points: 1800 },
      { label: '12580电子礼品券C档', labelEn: '12580 e-voucher C', quantity: 1, points: 1000, valueFen: 2000 },
    ],
    taken: [{ label: '积分', labelEn: 'Points', points: 2800 }],
    points: { before: 10_000, after: 7_200 },
    terms: ['样张：仅用于检查打印效果，不是兑换凭证'],
    vouchers: [{ name: '12580电子礼品券C档', code: 'SAMPLE0000', qrPayload: '12580GV|SAMPLE0000|C|2000|20991231', validUntil: '2099-12-31' }],
    pendingHq: false,
  };
}
