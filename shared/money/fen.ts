import { z } from 'zod';

/**
 * Money is an integer number of fen (分, 1/100 yuan). Floats never carry money: 0.1 + 0.2
 * is not 0.3, and a slip that is off by one fen is a complaint at the counter.
 */
export const Fen = z.number().int().refine(Number.isSafeInteger, 'amount out of range');
export type Fen = z.infer<typeof Fen>;

function assertFen(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number of fen, got ${value}`);
}

/**
 * Splits a total into `n` monthly instalments: whole fen, summing exactly to the total,
 * no two differing by more than 1 fen, the larger ones first (the customer gets the odd
 * fen early, never late). 10000 over 3 → [3334, 3333, 3333].
 */
export function splitInstalments(totalFen: number, n: number): number[] {
  assertFen(totalFen, 'totalFen');
  if (totalFen < 0) throw new RangeError(`totalFen must not be negative, got ${totalFen}`);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`instalment count must be a positive integer, got ${n}`);
  const base = Math.floor(totalFen / n);
  const extra = totalFen - base * n;
  return Array.from({ length: n }, (_, i) => (i < extra ? base + 1 : base));
}

/**
 * `percent` % of an amount, rounded half up to the fen (四舍五入): 80% of 1999 fen is
 * 1599.2 → 1599; 50% of 1 fen is 0.5 → 1. A negative amount is rounded as its magnitude
 * and keeps its sign, so a refund and its charge round alike. Percent is a whole number
 * (campaigns speak in whole percents: 95%, 八折 = 80%), so the arithmetic stays integer.
 */
export function percentOf(fen: number, percent: number): number {
  assertFen(fen, 'fen');
  if (!Number.isInteger(percent) || percent < 0) throw new RangeError(`percent must be a non-negative integer, got ${percent}`);
  const product = Math.abs(fen) * percent;
  if (!Number.isSafeInteger(product)) throw new RangeError(`amount too large: ${fen} × ${percent}%`);
  const magnitude = Math.floor((product + 50) / 100);
  return fen < 0 ? -magnitude : magnitude;
}

/** `¥1,234.50`; a negative amount reads `-¥1,234.50`. Computed on integers, never via floats. */
export function formatYuan(fen: number): string {
  assertFen(fen, 'fen');
  const magnitude = Math.abs(fen);
  const yuan = Math.floor(magnitude / 100);
  const cents = magnitude % 100;
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}¥${grouped}.${String(cents).padStart(2, '0')}`;
}
