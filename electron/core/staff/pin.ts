import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// scrypt with N=2^14, r=8, p=1: about 50 ms per check, which makes guessing a 6-digit
// PIN from a stolen database file slow without making the counter feel it.
const KEY_LENGTH = 32;
const PARAMS = { N: 16384, r: 8, p: 1 } as const;

export interface PinHash {
  salt: Buffer;
  hash: Buffer;
}

export function hashPin(pin: string): PinHash {
  const salt = randomBytes(16);
  return { salt, hash: scryptSync(pin, salt, KEY_LENGTH, PARAMS) };
}

export function pinMatches(pin: string, stored: PinHash): boolean {
  const candidate = scryptSync(pin, stored.salt, KEY_LENGTH, PARAMS);
  return candidate.length === stored.hash.length && timingSafeEqual(candidate, stored.hash);
}
