import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type pg from 'pg';
import { HEADERS, MAX_CLOCK_SKEW_MS, NONCE_TTL_MS, DeviceId, Nonce, Signature, Timestamp } from '../../../shared/sync/protocol';
import { canonicalRequest } from '../../../shared/sync/signing';
import type { HqClock } from '../clock';
import type { Sql } from '../db/pool';
import { HqError } from './errors';

export interface AuthedDevice {
  id: string;
  hallCode: string;
  counterCode: string;
  regionCode: string;
  nonce: string;
  timestamp: number;
}

export function sha256Hex(body: Buffer | string): string {
  return createHash('sha256').update(body).digest('hex');
}

export function hmacHex(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('hex');
}

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}

/**
 * Checks a signed request without writing anything: headers, freshness, device, HMAC.
 * The nonce is recorded later, in the transaction that does the request's work, so a
 * refused or malformed request leaves no trace.
 */
export async function verifySignature(sql: Sql, clock: HqClock, req: FastifyRequest, rawBody: Buffer): Promise<AuthedDevice> {
  const raw = {
    device: header(req, HEADERS.device),
    timestamp: header(req, HEADERS.timestamp),
    nonce: header(req, HEADERS.nonce),
    signature: header(req, HEADERS.signature),
  };
  if (!raw.device || !raw.timestamp || !raw.nonce || !raw.signature) {
    throw new HqError('SIGNATURE_MISSING', 'request must carry device id, timestamp, nonce and signature headers');
  }
  const device = DeviceId.safeParse(raw.device);
  const timestamp = Timestamp.safeParse(raw.timestamp);
  const nonce = Nonce.safeParse(raw.nonce);
  const signature = Signature.safeParse(raw.signature);
  if (!device.success || !timestamp.success || !nonce.success || !signature.success) {
    throw new HqError('SIGNATURE_INVALID', 'malformed signature headers');
  }
  const ts = Number(timestamp.data);
  if (Math.abs(clock.now().getTime() - ts) > MAX_CLOCK_SKEW_MS) {
    throw new HqError('TIMESTAMP_SKEW', 'request timestamp is more than 5 minutes from HQ time');
  }
  const row = (
    await sql.query<{ secret: string; status: string; hall_code: string; counter_code: string; region_code: string }>(
      `SELECT d.secret, d.status, d.hall_code, d.counter_code, h.region_code
       FROM device d JOIN hall h ON h.code = d.hall_code WHERE d.id = $1`,
      [device.data],
    )
  ).rows[0];
  if (!row) throw new HqError('DEVICE_UNKNOWN', 'no such device');
  const expected = Buffer.from(
    hmacHex(
      row.secret,
      canonicalRequest({
        method: req.method,
        pathAndQuery: req.url,
        timestamp: timestamp.data,
        nonce: nonce.data,
        bodySha256Hex: sha256Hex(rawBody),
      }),
    ),
    'hex',
  );
  if (!timingSafeEqual(expected, Buffer.from(signature.data, 'hex'))) {
    throw new HqError('SIGNATURE_INVALID', 'signature does not match the request');
  }
  if (row.status !== 'active') throw new HqError('DEVICE_REVOKED', 'this device was revoked; register the counter again');
  return { id: device.data, hallCode: row.hall_code, counterCode: row.counter_code, regionCode: row.region_code, nonce: nonce.data, timestamp: ts };
}

/**
 * Records the nonce inside the request's transaction; a second use of it is a replay.
 * `lightCommit` (a pull, which changes nothing else): the commit does not wait for the disk;
 * a crash could forget the last few nonces, and a pull replayed within 5 minutes only
 * returns what the device was already sent.
 */
export async function spendNonce(client: pg.PoolClient, clock: HqClock, device: AuthedDevice, lightCommit = false): Promise<void> {
  if (lightCommit) await client.query('SET LOCAL synchronous_commit = off');
  const now = clock.now();
  const inserted = await client.query(
    `INSERT INTO request_nonce (device_id, nonce, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [device.id, device.nonce, new Date(Math.max(now.getTime(), device.timestamp) + NONCE_TTL_MS)],
  );
  if (inserted.rowCount !== 1) throw new HqError('NONCE_REPLAYED', 'this request was already received (replayed nonce)');
  await client.query('UPDATE device SET last_seen_at = $2 WHERE id = $1', [device.id, now]);
}

/** Forgets nonces that no fresh request could carry any more. */
export async function purgeNonces(sql: Sql, clock: HqClock): Promise<number> {
  return (await sql.query('DELETE FROM request_nonce WHERE expires_at < $1', [clock.now()])).rowCount ?? 0;
}
