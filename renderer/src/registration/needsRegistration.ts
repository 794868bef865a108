import type { CounterInfo } from '../api/types';

/** A production counter not yet registered with HQ: it has no staff, so it registers before anyone logs in. A demo hall never asks. */
export function needsRegistration(info: CounterInfo): boolean {
  return !info.demo && !info.registered;
}
