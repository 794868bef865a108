import type { CoreContext } from '../context';
import type { Registration } from './state';

/** Which counter a page is written for: writers skip this counter's own movements and take its voucher blocks. */
export type PageScope = Pick<Registration, 'hallCode' | 'counterCode'>;

/** A pulled row already checked against its schema: only its SQL is left, run inside the page's transaction. */
export type RowWrite = (ctx: CoreContext, reg: PageScope) => void;

export interface RowWriter {
  prepare(doc: unknown): RowWrite;
}

/** Splits a kind into its validation (done while the page streams in) and its write (done in the transaction). */
export function rowWriter<T>(parse: (doc: unknown) => T, write: (ctx: CoreContext, reg: PageScope, value: T) => void): RowWriter {
  return {
    prepare(doc) {
      const value = parse(doc);
      return (ctx, reg) => write(ctx, reg, value);
    },
  };
}
