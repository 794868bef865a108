import { DomainError } from '../../../shared/contract/errors';
import { maskFullNumbers } from '../../../shared/privacy/redact';
import { SlipData, type SlipKind } from '../../../shared/slips/slip';
import { shanghaiDate } from '../../../shared/time/shanghai';
import type { CoreContext } from '../context';
import { readDevice, type Device } from '../system/device';

export function requireDevice(ctx: CoreContext): Device {
  const device = readDevice(ctx);
  if (!device) throw new DomainError('CONFLICT', '本柜台尚未注册到营业厅，请先完成注册');
  return device;
}

/**
 * hall–date–counter–sequence, e.g. ZY-HC-001-20261121-01-0007: unique across the hall's
 * counters without asking anyone, and readable aloud at the counter.
 */
export function nextSlipNo(ctx: CoreContext): string {
  const device = requireDevice(ctx);
  const day = shanghaiDate(ctx.clock.now());
  const row = ctx.store
    .stmt(
      `INSERT INTO slip_sequence (day, last) VALUES (?, 1)
       ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last`,
    )
    .get(day) as { last: number };
  return `${device.hallCode}-${day.replaceAll('-', '')}-${device.counterCode}-${String(row.last).padStart(4, '0')}`;
}

export interface SlipHeader {
  hall: SlipData['hall'];
  counter: SlipData['counter'];
  clerk: SlipData['clerk'];
  issuedAt: string;
}

export function slipHeader(ctx: CoreContext, clerk: { staffNo: string; name: string }): SlipHeader {
  const device = requireDevice(ctx);
  return {
    hall: { code: device.hallCode, name: device.hallName },
    counter: { code: device.counterCode, name: device.counterName },
    clerk,
    issuedAt: ctx.clock.now().toISOString(),
  };
}

/** Stores a slip inside the caller's transaction. The data is validated: a slip that cannot print is a bug. */
export function recordSlip(
  ctx: CoreContext,
  slip: { data: SlipData; kind: SlipKind; ref: { type: string; id: string }; customerId: number | null; staffNo: string },
): void {
  const data = SlipData.parse(maskSlipText(slip.data));
  ctx.store
    .stmt(
      `INSERT INTO slip (slip_no, kind, ref_type, ref_id, customer_id, data, staff_no, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(data.slipNo, slip.kind, slip.ref.type, slip.ref.id, slip.customerId, JSON.stringify(data), slip.staffNo, data.issuedAt);
  // A VOID slip marks the slip it reverses, so any later copy of that one prints 已作废.
  if (data.voids) {
    ctx.store
      .stmt('UPDATE slip SET voided_by_slip = ? WHERE slip_no = ? AND voided_by_slip IS NULL')
      .run(data.slipNo, data.voids.slipNo);
  }
}

/**
 * Every human-written text on a slip (titles, lines, terms, a void reason) is masked before
 * it is stored; the codes that must stay whole to be scanned or typed back — the slip number,
 * voucher codes and their QR payloads, equipment serials — are kept as they are.
 */
function maskSlipText(data: SlipData): SlipData {
  const mask = (value: unknown): unknown => {
    if (typeof value === 'string') return maskFullNumbers(value);
    if (Array.isArray(value)) return value.map(mask);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mask(v)]));
    return value;
  };
  const masked = mask(data) as SlipData;
  return {
    ...masked,
    slipNo: data.slipNo,
    given: masked.given.map((line, i) => ({ ...line, serial: data.given[i]?.serial })),
    taken: masked.taken.map((line, i) => ({ ...line, serial: data.taken[i]?.serial })),
    vouchers: data.vouchers.map((v, i) => ({ ...(masked.vouchers[i] ?? v), code: v.code, qrPayload: v.qrPayload })),
    ...(data.voids ? { voids: { ...(masked.voids ?? data.voids), slipNo: data.voids.slipNo } } : {}),
  };
}

export interface StoredSlip {
  data: SlipData;
  printCount: number;
  voidedBySlip: string | null;
}

export function readSlip(ctx: CoreContext, slipNo: string): StoredSlip {
  const row = ctx.store.stmt('SELECT data, print_count, voided_by_slip FROM slip WHERE slip_no = ?').get(slipNo) as
    | { data: string; print_count: number; voided_by_slip: string | null }
    | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `没有这张小票：${slipNo}`, { slipNo });
  return { data: SlipData.parse(JSON.parse(row.data)), printCount: row.print_count, voidedBySlip: row.voided_by_slip };
}
