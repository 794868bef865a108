import { randomBytes, randomInt, scryptSync } from 'node:crypto';
import { z } from 'zod';
import { Pin, StaffNo } from '../../shared/staff/contract';
import { PIN_SCRYPT, type ProvisionedStaff } from '../../shared/sync/protocol';

/** The hall manager an operator names when creating a registration code (`create-code --manager-no … --manager-name …`). */
export const ManagerInput = z
  .object({
    staffNo: StaffNo,
    name: z.string().trim().min(1).max(32),
    /** Set by the operator, or generated when absent (and then shown once). */
    pin: Pin.optional(),
  })
  .strict();
export type ManagerInput = z.input<typeof ManagerInput>;

/** A PIN is stored as the counter stores it: scrypt with the protocol's parameters. */
export function hashPin(pin: string): { salt: Buffer; hash: Buffer } {
  const salt = randomBytes(PIN_SCRYPT.saltLength);
  const hash = scryptSync(pin, salt, PIN_SCRYPT.keyLength, { N: PIN_SCRYPT.N, r: PIN_SCRYPT.r, p: PIN_SCRYPT.p });
  return { salt, hash };
}

// The PINs a passer-by tries first.
const obvious = (pin: string): boolean => /^(\d)\1{5}$/.test(pin) || '0123456789'.includes(pin) || '9876543210'.includes(pin);

/** Six random digits, never one of the obvious ones. */
export function generatePin(): string {
  for (;;) {
    const pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
    if (!obvious(pin)) return pin;
  }
}

/** The manager as the registration answer carries it: the hash, never the PIN. */
export function provisionedManager(row: { staffNo: string; name: string; salt: Buffer; hash: Buffer }): ProvisionedStaff {
  return {
    staffNo: row.staffNo,
    name: row.name,
    role: 'manager',
    pinScrypt: { salt: row.salt.toString('base64'), hash: row.hash.toString('base64') },
  };
}
