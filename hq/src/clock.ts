/** HQ's time. Tests move it; nothing in HQ calls `new Date()` for business time. */
export interface HqClock {
  now(): Date;
}

export const systemHqClock: HqClock = { now: () => new Date() };

export function offsetClock(base: HqClock = systemHqClock): HqClock & { offsetMs: number } {
  const clock = {
    offsetMs: 0,
    now: () => new Date(base.now().getTime() + clock.offsetMs),
  };
  return clock;
}
