import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { VoucherBlock } from '../../../shared/points/catalogue';
import type { VoucherBlockDoc } from '../../../shared/sync/pull';
import type { HqClock } from '../clock';
import type { Db } from '../db/pool';
import { publish, scopes } from '../feed/publish';
import { HqError } from '../http/errors';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

async function storeBlock(client: pg.PoolClient, hallCode: string, block: VoucherBlock, clock: HqClock): Promise<void> {
  const item = await client.query(`SELECT 1 FROM catalogue_item WHERE code = $1 AND doc->>'kind' = 'voucher'`, [block.catalogueCode]);
  if (item.rowCount === 0) throw new HqError('NOT_FOUND', `no voucher item ${block.catalogueCode} in the catalogue`);
  await client.query(
    `INSERT INTO voucher_block (block_id, hall_code, counter_code, catalogue_code, valid_until, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [block.blockId, hallCode, block.counterCode, block.catalogueCode, block.validUntil, clock.now()],
  );
  // The primary key refuses a code already in another block: two counters never hold one code.
  await client.query(
    `INSERT INTO voucher_code (code, block_id, qr_payload) SELECT c, $1, q FROM unnest($2::text[], $3::text[]) AS u(c, q)`,
    [block.blockId, block.codes.map((c) => c.code), block.codes.map((c) => c.qrPayload)],
  );
  const doc: VoucherBlockDoc = { ...block, hallCode };
  await publish(client, scopes.counter(hallCode, block.counterCode), 'voucher_block', block.blockId, doc);
}

/** Reserves a block of codes (given, e.g. from the catalogue file) for one counter. */
export async function reserveVoucherBlock(db: Db, hallCode: string, input: unknown, clock: HqClock): Promise<string> {
  const block = VoucherBlock.parse(input);
  await db.tx((client) => storeBlock(client, hallCode, block, clock));
  return block.blockId;
}

/** Generates `count` fresh codes for one counter's block. */
export async function generateVoucherPool(
  db: Db,
  p: { hallCode: string; counterCode: string; catalogueCode: string; count: number; validUntil: string },
  clock: HqClock,
): Promise<{ blockId: string; codes: number }> {
  return db.tx(async (client) => {
    const seq = (await client.query<{ n: number }>("SELECT nextval('voucher_block_seq') AS n")).rows[0]?.n ?? 0;
    const blockId = `VB${String(seq).padStart(6, '0')}`;
    const codes = Array.from({ length: p.count }, () => {
      const code = [...randomBytes(16)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
      return { code, qrPayload: `halldesk:voucher:${p.catalogueCode}:${code}` };
    });
    const block = VoucherBlock.parse({ blockId, counterCode: p.counterCode, catalogueCode: p.catalogueCode, validUntil: p.validUntil, codes });
    await storeBlock(client, p.hallCode, block, clock);
    return { blockId, codes: codes.length };
  });
}
