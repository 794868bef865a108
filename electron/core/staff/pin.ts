import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { PIN_SCRYPT } from '../../../shared/sync/protocol';

// scrypt with N=2^14, r=8, p=1: about 50 ms per check, which makes guessing a 6-digit
// PIN from a stolen database file slow without making the counter feel it. Declared with
// the sync protocol: HQ hashes the PIN of a manager it provisions the same way.
const KEY_LENGTH = PIN_SCRYPT.keyLength;
const PARAMS = { N: PIN_SCRYPT.N, r: PIN_SCRYPT.r, p: PIN_SCRYPT.p } as const;

export interface PinHash {
  salt: Buffer;
  hash: Buffer;
}

export function hashPin(pin: string): PinHash {
  const salt = randomBytes(PIN_SCRYPT.saltLength);
  return { salt, hash: scryptSync(pin, salt, KEY_LENGTH, PARAMS) };
}

export function pinMatches(pin: string, stored: PinHash): boolean {
  const candidate = scryptSync(pin, stored.salt, KEY_LENGTH, PARAMS);
  return candidate.length === stored.hash.length && timingSafeEqual(candidate, stored.hash);
}
