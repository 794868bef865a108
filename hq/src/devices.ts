import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { RegisterRequest, RegisterResponse } from '../../shared/sync/protocol';
import type { HqClock } from './clock';
import type { Db, Sql } from './db/pool';
import { HqError } from './http/errors';
import { ManagerInput, generatePin, hashPin, provisionedManager } from './staff';

// No I, O, 0 or 1: the code is read aloud and typed at the counter.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function hashCode(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
}

function newCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

export async function ensureRegion(sql: Sql, r: { code: string; name: string }): Promise<void> {
  await sql.query('INSERT INTO region (code, name, id_salt) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING', [
    r.code,
    r.name,
    randomBytes(16).toString('hex'),
  ]);
}

export async function ensureHall(sql: Sql, h: { code: string; name: string; regionCode: string }, clock: HqClock): Promise<void> {
  await sql.query(
    `INSERT INTO hall (code, name, region_code, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, region_code = excluded.region_code`,
    [h.code, h.name, h.regionCode, clock.now()],
  );
}

export async function ensureCounter(sql: Sql, c: { hallCode: string; code: string; name: string }): Promise<void> {
  await sql.query(
    `INSERT INTO counter (hall_code, code, name) VALUES ($1, $2, $3) ON CONFLICT (hall_code, code) DO UPDATE SET name = excluded.name`,
    [c.hallCode, c.code, c.name],
  );
}

/**
 * A one-time code for one counter of one hall; only its hash is stored. A code that names
 * the hall's manager provisions that account on the counter when it registers (a blank
 * counter has no staff): HQ keeps the PIN only as its scrypt hash, until the code is used.
 * A PIN HQ generates is answered here once, for the operator to hand over.
 */
export async function createRegistrationCode(
  sql: Sql,
  r: { hallCode: string; counterCode: string; ttlHours?: number; manager?: ManagerInput },
  clock: HqClock,
): Promise<{ code: string; expiresAt: string; manager?: { staffNo: string; name: string; pin?: string } }> {
  const known = await sql.query('SELECT 1 FROM counter WHERE hall_code = $1 AND code = $2', [r.hallCode, r.counterCode]);
  if (known.rowCount === 0) throw new HqError('NOT_FOUND', `no counter ${r.counterCode} in hall ${r.hallCode}: add it first`);
  const parsed = r.manager === undefined ? undefined : ManagerInput.safeParse(r.manager);
  if (parsed && !parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HqError('VALIDATION', `manager ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const manager = parsed?.data;
  const pin = manager ? (manager.pin ?? generatePin()) : undefined;
  const pinHash = pin === undefined ? undefined : hashPin(pin);
  const code = newCode();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + (r.ttlHours ?? 24) * 3_600_000);
  await sql.query(
    `INSERT INTO registration_code (code_hash, hall_code, counter_code, created_at, expires_at, manager_staff_no, manager_name, manager_pin_salt, manager_pin_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [hashCode(code), r.hallCode, r.counterCode, now, expiresAt, manager?.staffNo ?? null, manager?.name ?? null, pinHash?.salt ?? null, pinHash?.hash ?? null],
  );
  return {
    code,
    expiresAt: expiresAt.toISOString(),
    ...(manager ? { manager: { staffNo: manager.staffNo, name: manager.name, ...(manager.pin === undefined ? { pin } : {}) } } : {}),
  };
}

/**
 * Exchanges a one-time code for a device id and secret. The code is spent and the
 * counter's previous device (a replaced PC) revoked in the same transaction.
 */
export async function registerDevice(db: Db, req: RegisterRequest, clock: HqClock): Promise<RegisterResponse> {
  return db.tx(async (client) => {
    const now = clock.now();
    const code = (
      await client.query<{
        hall_code: string;
        counter_code: string;
        expires_at: Date;
        used_at: Date | null;
        manager_staff_no: string | null;
        manager_name: string | null;
        manager_pin_salt: Buffer | null;
        manager_pin_hash: Buffer | null;
      }>(
        `SELECT hall_code, counter_code, expires_at, used_at, manager_staff_no, manager_name, manager_pin_salt, manager_pin_hash
         FROM registration_code WHERE code_hash = $1 FOR UPDATE`,
        [hashCode(req.code)],
      )
    ).rows[0];
    if (!code) throw new HqError('REGISTRATION_CODE_INVALID', 'no such registration code');
    if (code.used_at) throw new HqError('REGISTRATION_CODE_USED', 'this registration code was already used');
    if (code.expires_at.getTime() < now.getTime()) throw new HqError('REGISTRATION_CODE_EXPIRED', 'this registration code has expired');

    const deviceId = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await client.query(
      `UPDATE device SET status = 'revoked', revoked_at = $3 WHERE hall_code = $1 AND counter_code = $2 AND status = 'active'`,
      [code.hall_code, code.counter_code, now],
    );
    await client.query(
      `INSERT INTO device (id, hall_code, counter_code, secret, status, app_version, registered_at) VALUES ($1, $2, $3, $4, 'active', $5, $6)`,
      [deviceId, code.hall_code, code.counter_code, secret, req.appVersion, now],
    );
    // The counter keeps the manager's PIN hash from now on; HQ's copy goes with the spent code.
    await client.query(
      'UPDATE registration_code SET used_at = $2, device_id = $3, manager_pin_salt = NULL, manager_pin_hash = NULL WHERE code_hash = $1',
      [hashCode(req.code), now, deviceId],
    );
    const { manager_staff_no: staffNo, manager_name: name, manager_pin_salt: salt, manager_pin_hash: hash } = code;
    const info = (
      await client.query<{ hall_name: string; region_code: string; id_salt: string; counter_name: string }>(
        `SELECT h.name AS hall_name, h.region_code, r.id_salt, c.name AS counter_name
         FROM hall h JOIN region r ON r.code = h.region_code JOIN counter c ON c.hall_code = h.code
         WHERE h.code = $1 AND c.code = $2`,
        [code.hall_code, code.counter_code],
      )
    ).rows[0];
    if (!info) throw new Error('registration code points at a missing hall or counter');
    return {
      deviceId,
      secret,
      hall: { code: code.hall_code, name: info.hall_name, region: info.region_code },
      counter: { code: code.counter_code, name: info.counter_name },
      idSalt: info.id_salt,
      hqTime: now.toISOString(),
      staff: staffNo && name && salt && hash ? [provisionedManager({ staffNo, name, salt, hash })] : [],
    };
  });
}

export async function revokeDevice(sql: Sql, deviceId: string, clock: HqClock): Promise<boolean> {
  const r = await sql.query(`UPDATE device SET status = 'revoked', revoked_at = $2 WHERE id = $1 AND status = 'active'`, [deviceId, clock.now()]);
  return (r.rowCount ?? 0) > 0;
}
