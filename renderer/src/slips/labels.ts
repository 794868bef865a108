/**
 * What a slip prints as labels. A slip is a document the customer keeps, not a screen:
 * it is always Chinese first with the English under it, whatever language the counter
 * UI is switched to.
 */
export const slipLabels = {
  slipNo: ['小票号', 'Slip No.'],
  hall: ['营业厅', 'Hall'],
  counter: ['柜台', 'Counter'],
  clerk: ['营业员', 'Clerk'],
  time: ['时间', 'Time'],
  customer: ['客户', 'Customer'],
  given: ['客户所得', 'Given'],
  taken: ['客户支付', 'Taken'],
  points: ['积分', 'Points'],
  pointsBefore: ['办理前积分', 'Before'],
  pointsAfter: ['办理后积分', 'After'],
  schedule: ['分月返还', 'Monthly instalments'],
  month: ['月份', 'Month'],
  amount: ['金额', 'Amount'],
  vouchers: ['电子券', 'E-vouchers'],
  voucherCode: ['串码', 'Code'],
  validUntil: ['有效期至', 'Valid until'],
  terms: ['说明', 'Terms'],
  voidDetails: ['作废信息', 'Void details'],
  voids: ['原小票', 'Original slip'],
  voidReason: ['作废原因', 'Reason'],
  approvedBy: ['审批店长', 'Approved by'],
  signature: ['客户签名', 'Customer signature'],
  keep: ['请妥善保管本小票，作为办理凭证', 'Please keep this slip as your receipt'],
  pointsUnit: ['积分', 'pts'],
  serial: ['串号', 'S/N'],
} as const satisfies Record<string, readonly [string, string]>;

export type SlipLabel = keyof typeof slipLabels;

/** The marks that change what a slip means; each is printed large at the top. */
export const slipMarks = {
  reprint: ['补打', 'REPRINT'],
  void: ['作废', 'VOID'],
  voided: ['已作废', 'VOIDED'],
  pendingHq: ['待总部确认', 'Pending HQ confirmation'],
  sample: ['样张', 'SAMPLE'],
} as const satisfies Record<string, readonly [string, string]>;
