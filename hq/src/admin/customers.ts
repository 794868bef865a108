import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CustomerSnapshot, type PointsLotSnapshot } from '../../../shared/customers/snapshot';
import type { HqClock } from '../clock';
import type { Db } from '../db/pool';
import { publishCustomers } from '../feed/publish';
import { HqError } from '../http/errors';

/** Same hash as the counter's (electron/core/customers/identity.ts): salt, colon, upper-cased ID. */
export function hashIdNumber(salt: string, idNumber: string): string {
  return createHash('sha256').update(`${salt}:${idNumber.trim().toUpperCase()}`).digest('hex');
}

const flag = z.enum(['0', '1', 'true', 'false', '']).transform((v) => v === '1' || v === 'true');
const optionalJson = z.string().transform((v, ctx) => {
  if (v.trim() === '') return null;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not JSON' });
    return z.NEVER;
  }
});

/** One CSV row of the billing export. `points_lots` is `lotKey:remaining:earnedOn:expiresOn` joined by `;`. */
export const CustomerCsvRow = z
  .object({
    phone: z.string(),
    name: z.string(),
    id_number: z.string().regex(/^\d{17}[\dXx]$/, 'ID number must be 18 characters'),
    brand: z.string(),
    plan_code: z.string(),
    plan_tier: z.coerce.number(),
    tenure_start: z.string(),
    arpu_fen: z.coerce.number(),
    monthly_minutes: z.coerce.number(),
    value_segment: z.string(),
    retention_base: flag,
    churned: flag,
    birthday: z.string().transform((v) => (v === '' ? null : v)),
    contract: optionalJson.default(''),
    broadband: optionalJson.default(''),
    points_lots: z.string().default(''),
  })
  .strict();
export type CustomerCsvRow = z.input<typeof CustomerCsvRow>;

function parseLots(text: string): PointsLotSnapshot[] {
  if (text.trim() === '') return [];
  return text.split(';').map((part) => {
    const [lotId, remaining, earnedOn, expiresOn] = part.split(':');
    return { lotId: lotId ?? '', remaining: Number(remaining), earnedOn: earnedOn ?? '', expiresOn: expiresOn ?? '' };
  });
}

/** The snapshot a counter will get, checked with the counter's own schema before anything is written. */
export function snapshotFromRow(raw: Record<string, string>, salt: string, line: number): CustomerSnapshot {
  const parsed = CustomerCsvRow.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`customer line ${line}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const r = parsed.data;
  const snapshot = CustomerSnapshot.safeParse({
    phone: r.phone,
    name: r.name,
    idHash: hashIdNumber(salt, r.id_number),
    idLast4: r.id_number.trim().toUpperCase().slice(-4),
    kind: 'existing',
    brand: r.brand,
    planCode: r.plan_code,
    planTier: r.plan_tier,
    tenureStart: r.tenure_start,
    arpuFen: r.arpu_fen,
    monthlyMinutes: r.monthly_minutes,
    contract: r.contract,
    broadband: r.broadband,
    birthday: r.birthday,
    valueSegment: r.value_segment,
    retentionBase: r.retention_base,
    churned: r.churned,
    pointsLots: parseLots(r.points_lots),
    snapshotVersion: 1,
    snapshotAt: '2000-01-01T00:00:00.000Z',
  });
  if (!snapshot.success) {
    const issue = snapshot.error.issues[0];
    throw new Error(`customer line ${line} (${r.phone}): ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return snapshot.data;
}

const BATCH = 2000;

/**
 * Imports (or refreshes) customers of one region in batches of one statement per table,
 * each batch one transaction, and publishes their snapshots to the region's counters.
 * HQ's points lots are replaced by the export's: billing is the source of the balance.
 */
export async function importCustomers(
  db: Db,
  regionCode: string,
  customers: readonly CustomerSnapshot[],
  clock: HqClock,
): Promise<number> {
  const region = await db.pool.query('SELECT 1 FROM region WHERE code = $1', [regionCode]);
  if (region.rowCount === 0) throw new HqError('NOT_FOUND', `no region ${regionCode}`);
  for (let i = 0; i < customers.length; i += BATCH) {
    const batch = customers.slice(i, i + BATCH);
    await db.tx(async (client) => {
      const now = clock.now();
      const phones = batch.map((c) => c.phone);
      await client.query(
        `INSERT INTO customer (phone, region_code, profile, version, updated_at)
         SELECT p, $2, pr, 1, $4 FROM unnest($1::text[], $3::jsonb[]) AS u(p, pr)
         ON CONFLICT (phone) DO UPDATE SET region_code = excluded.region_code, profile = excluded.profile,
           version = customer.version + 1, updated_at = excluded.updated_at`,
        [phones, regionCode, batch.map(({ pointsLots: _l, snapshotVersion: _v, snapshotAt: _a, ...profile }) => JSON.stringify(profile)), now],
      );
      const lots = batch.flatMap((c) => c.pointsLots.map((l) => ({ ...l, phone: c.phone })));
      await client.query(
        `INSERT INTO points_lot (lot_key, customer_phone, remaining, earned_on, expires_on, source)
         SELECT k, p, r, e::date, x::date, 'hq' FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[]) AS u(k, p, r, e, x)
         ON CONFLICT (lot_key) DO UPDATE SET remaining = excluded.remaining, expires_on = excluded.expires_on`,
        [lots.map((l) => l.lotId), lots.map((l) => l.phone), lots.map((l) => l.remaining), lots.map((l) => l.earnedOn), lots.map((l) => l.expiresOn)],
      );
      await publishCustomers(client, phones);
    });
  }
  return customers.length;
}

export async function regionSalt(db: Db, regionCode: string): Promise<string> {
  const row = (await db.pool.query<{ id_salt: string }>('SELECT id_salt FROM region WHERE code = $1', [regionCode])).rows[0];
  if (!row) throw new HqError('NOT_FOUND', `no region ${regionCode}`);
  return row.id_salt;
}
