import { createHash, createHmac, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { HEADERS } from '../../shared/sync/protocol';
import { canonicalRequest } from '../../shared/sync/signing';

/** A request to HQ signed by hand, so a test can sign it wrongly on purpose. */
export interface Signed {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  deviceId: string;
  secret: string;
  timestampMs: number;
  nonce?: string;
  /** Change the request after signing it (a man in the middle). */
  tamper?: { path?: string; body?: string };
}

export function signedHeaders(r: Signed): Record<string, string> {
  const timestamp = String(r.timestampMs);
  const nonce = r.nonce ?? randomBytes(18).toString('base64url');
  const body = r.body ?? '';
  const signature = createHmac('sha256', r.secret)
    .update(canonicalRequest({ method: r.method, pathAndQuery: r.path, timestamp, nonce, bodySha256Hex: createHash('sha256').update(body).digest('hex') }))
    .digest('hex');
  return {
    [HEADERS.device]: r.deviceId,
    [HEADERS.timestamp]: timestamp,
    [HEADERS.nonce]: nonce,
    [HEADERS.signature]: signature,
    ...(r.method === 'POST' ? { 'content-type': 'application/json' } : {}),
  };
}

export async function send(
  baseUrl: string,
  r: Signed | { method: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> },
): Promise<{ status: number; code?: string; text: string }> {
  const headers = 'secret' in r ? signedHeaders(r) : (r.headers ?? (r.method === 'POST' ? { 'content-type': 'application/json' } : {}));
  const path = 'tamper' in r && r.tamper?.path !== undefined ? r.tamper.path : r.path;
  const body = 'tamper' in r && r.tamper?.body !== undefined ? r.tamper.body : r.body;
  const res = await fetch(`${baseUrl}${path}`, { method: r.method, headers, ...(r.method === 'POST' ? { body: body ?? '' } : {}) });
  const text = await res.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
  } catch {
    code = undefined;
  }
  return { status: res.status, code, text };
}

/** A fingerprint of every table in HQ's database: equal before and after means nothing was written. */
export async function hqDigest(pool: pg.Pool): Promise<string> {
  const tables = (await pool.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).rows.map((r) => r.t);
  const hash = createHash('sha256');
  for (const t of tables) {
    // Names come from the catalogue and are checked: never spliced from input.
    if (!/^[a-z_][a-z0-9_]*$/.test(t)) throw new Error(`unexpected table name ${t}`);
    const row = (await pool.query<{ h: string | null }>(`SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM "${t}" x`)).rows[0];
    hash.update(`${t}:${row?.h ?? ''}\n`);
  }
  return hash.digest('hex');
}

export function validEvent(hallCode: string, counterCode: string, n = 1): Record<string, unknown> {
  return {
    eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type: 'customer.registered',
    hallCode,
    counterCode,
    seq: n,
    createdAt: '2026-11-21T01:00:00.000Z',
    payload: { phone: '13900000001', name: '新客户', idHash: 'b'.repeat(64), idLast4: '0018', tenureStart: '2026-11-21', birthday: null },
  };
}
