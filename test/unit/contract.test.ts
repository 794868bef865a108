import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, errorCodes, joinPieces, method, methodNames, channelFor, roleAllows } from '../../shared/contract/index';

describe('the contract', () => {
  it('names every method domain.verb and derives one distinct channel per method', () => {
    for (const name of methodNames) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    expect(new Set(methodNames.map(channelFor)).size).toBe(methodNames.length);
  });

  it.each(methodNames)('%s: its documented example is a valid input and its errors are known codes', (name) => {
    const spec = contract[name];
    expect(spec.input.safeParse(spec.example).success).toBe(true);
    for (const code of spec.errors) expect(errorCodes).toContain(code);
    expect(spec.summary.length).toBeGreaterThan(10);
  });

  it('refuses a method declared twice when pieces are joined', () => {
    const piece = {
      'x.same': method({ summary: 'one method', role: 'none', input: z.object({}), output: z.object({}), errors: [], example: {} }),
    };
    expect(() => joinPieces(piece, piece)).toThrow(/declared twice: x\.same/);
  });

  it('lets a manager do what a clerk may, never the reverse', () => {
    expect(roleAllows('manager', 'clerk')).toBe(true);
    expect(roleAllows('clerk', 'manager')).toBe(false);
    expect(roleAllows('clerk', 'none')).toBe(true);
  });
});
