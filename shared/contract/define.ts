import type { z } from 'zod';
import type { ErrorCode } from './errors';

/** Who may call a method. A manager may call every clerk method. */
export type Role = 'none' | 'clerk' | 'manager';
export type StaffRole = Exclude<Role, 'none'>;

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, R extends Role = Role> {
  readonly summary: string;
  readonly role: R;
  readonly input: I;
  readonly output: O;
  /** Domain errors this method may answer beyond the universal and session ones. */
  readonly errors: readonly ErrorCode[];
  /**
   * 'manager': a manager may call it directly; a clerk may call it only with a manager's
   * staff number and PIN in `input.approval` (step-up at the counter), checked before the handler runs.
   */
  readonly approval?: 'manager';
  /** Accepted while the screen is locked (unlock, logout, status). */
  readonly whileLocked?: boolean;
  /** A valid input, used by the docs and as the seed of the malformed-input fuzz test. */
  readonly example: z.input<I>;
}

export type ContractPiece = Record<string, MethodSpec>;

/** Keeps the literal types of one method's spec. */
export function method<I extends z.ZodType, O extends z.ZodType, R extends Role>(spec: MethodSpec<I, O, R>): MethodSpec<I, O, R> {
  return spec;
}

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;

/**
 * Joins per-domain pieces into one contract; a method name declared twice is a
 * programming error caught at load time, not a silent override.
 */
export function joinPieces<P extends readonly ContractPiece[]>(...pieces: P): UnionToIntersection<P[number]> {
  const joined: Record<string, MethodSpec> = {};
  for (const piece of pieces) {
    for (const [name, spec] of Object.entries(piece)) {
      if (name in joined) throw new Error(`contract method declared twice: ${name}`);
      joined[name] = spec;
    }
  }
  return joined as UnionToIntersection<P[number]>;
}

export function roleAllows(have: StaffRole, need: Role): boolean {
  if (need === 'none') return true;
  if (need === 'clerk') return have === 'clerk' || have === 'manager';
  return have === 'manager';
}
