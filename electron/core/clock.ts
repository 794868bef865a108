/** Where the core gets the time. Never `new Date()` in business code: tests and demos freeze it. */
export interface Clock {
  now(): Date;
  /** True when the time is frozen (HALLDESK_NOW); shown in the UI so nobody mistakes a demo for today. */
  readonly frozen: boolean;
}

export const systemClock: Clock = { now: () => new Date(), frozen: false };

export function frozenClock(iso: string): Clock {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new Error(`not an ISO time: ${iso}`);
  return { now: () => new Date(at.getTime()), frozen: true };
}

/** A clock tests can move forward. */
export function manualClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let t = new Date(iso).getTime();
  return {
    frozen: true,
    now: () => new Date(t),
    set: (next: string) => {
      t = new Date(next).getTime();
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}
