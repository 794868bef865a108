import { createHash, randomBytes } from 'node:crypto';
import type { CoreContext } from '../context';

const SALT_KEY = 'customer.id_salt';

/**
 * ID numbers are kept only as a salted SHA-256 (to check identity at a prize claim) and
 * their last four characters (to find the customer). HQ sets the region's salt so that
 * hashes agree across counters; a demo hall makes up its own.
 */
export function idSalt(ctx: CoreContext): string {
  const row = ctx.store.stmt('SELECT value FROM settings WHERE key = ?').get(SALT_KEY) as { value: string } | undefined;
  if (row) return row.value;
  const salt = randomBytes(16).toString('hex');
  ctx.store.stmt('INSERT INTO settings (key, value) VALUES (?, ?)').run(SALT_KEY, salt);
  return salt;
}

export function setIdSalt(ctx: CoreContext, salt: string): void {
  ctx.store
    .stmt('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(SALT_KEY, salt);
}

export function normaliseIdNumber(idNumber: string): string {
  return idNumber.trim().toUpperCase();
}

export function hashIdNumber(salt: string, idNumber: string): string {
  return createHash('sha256').update(`${salt}:${normaliseIdNumber(idNumber)}`).digest('hex');
}

export function idLast4(idNumber: string): string {
  return normaliseIdNumber(idNumber).slice(-4);
}
