import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fen, formatYuan, percentOf, splitInstalments } from '../../../shared/money';

describe('splitInstalments', () => {
  it('gives the odd fen to the first months', () => {
    expect(splitInstalments(10000, 3)).toEqual([3334, 3333, 3333]);
    expect(splitInstalments(10001, 3)).toEqual([3334, 3334, 3333]);
    expect(splitInstalments(60000, 12)).toEqual(Array(12).fill(5000));
  });

  it('spreads 1 fen over 12 months as one fen then eleven zeros', () => {
    expect(splitInstalments(1, 12)).toEqual([1, ...Array<number>(11).fill(0)]);
    expect(splitInstalments(0, 4)).toEqual([0, 0, 0, 0]);
  });

  it('always sums exactly, never differs by more than 1 fen, larger ones first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 120 }), (total, n) => {
        const parts = splitInstalments(total, n);
        expect(parts).toHaveLength(n);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
        for (let i = 1; i < n; i += 1) expect(parts[i]).toBeLessThanOrEqual(parts[i - 1] as number);
        for (const p of parts) expect(Number.isInteger(p)).toBe(true);
      }),
    );
  });

  it('refuses fractions of a fen, negative totals and non-positive counts', () => {
    expect(() => splitInstalments(10.5, 3)).toThrow(RangeError);
    expect(() => splitInstalments(-1, 3)).toThrow(RangeError);
    expect(() => splitInstalments(100, 0)).toThrow(RangeError);
    expect(() => splitInstalments(100, 1.5)).toThrow(RangeError);
  });
});

describe('percentOf', () => {
  it('rounds half up to the fen', () => {
    expect(percentOf(1999, 80)).toBe(1599); // 1599.2
    expect(percentOf(1, 50)).toBe(1); // 0.5 → 1
    expect(percentOf(3, 50)).toBe(2); // 1.5 → 2
    expect(percentOf(12900, 95)).toBe(12255);
    expect(percentOf(12345, 92)).toBe(11357); // 11357.4
    expect(percentOf(12345, 70)).toBe(8642); // 8641.5 → 8642
    expect(percentOf(5000, 100)).toBe(5000);
    expect(percentOf(5000, 0)).toBe(0);
  });

  it('rounds a negative amount like its magnitude', () => {
    expect(percentOf(-1, 50)).toBe(-1);
    expect(percentOf(-1999, 80)).toBe(-1599);
  });

  it('agrees with exact rational rounding for every amount and percent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }), fc.integer({ min: 0, max: 1000 }), (fen, pct) => {
        const exact = BigInt(fen) * BigInt(pct);
        const expected = Number((exact + 50n) / 100n);
        expect(percentOf(fen, pct)).toBe(expected);
      }),
    );
  });

  it('refuses fractional percents and fen', () => {
    expect(() => percentOf(100, 92.5)).toThrow(RangeError);
    expect(() => percentOf(100.1, 50)).toThrow(RangeError);
    expect(() => percentOf(100, -5)).toThrow(RangeError);
  });
});

describe('formatYuan', () => {
  it('writes yuan with two decimals and thousands separators', () => {
    expect(formatYuan(123450)).toBe('¥1,234.50');
    expect(formatYuan(0)).toBe('¥0.00');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(100)).toBe('¥1.00');
    expect(formatYuan(99999999)).toBe('¥999,999.99');
    expect(formatYuan(123456789012)).toBe('¥1,234,567,890.12');
  });

  it('puts the minus sign before the yuan sign', () => {
    expect(formatYuan(-123450)).toBe('-¥1,234.50');
    expect(formatYuan(-5)).toBe('-¥0.05');
  });

  it('refuses fractions of a fen', () => {
    expect(() => formatYuan(1.5)).toThrow(RangeError);
    expect(Fen.safeParse(1.5).success).toBe(false);
    expect(Fen.safeParse(2 ** 60).success).toBe(false);
  });
});
