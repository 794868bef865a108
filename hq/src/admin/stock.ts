import { z } from 'zod';
import type { HqClock } from '../clock';
import type { Sql } from '../db/pool';
import { publishDelivery } from '../events/deliveries';
import { HqError } from '../http/errors';

export const Delivery = z
  .object({
    hallCode: z.string().min(1),
    sku: z.string().min(1),
    quantity: z.number().int().positive(),
    serials: z.array(z.string().min(1)).default([]),
    note: z.string().nullable().default(null),
  })
  .strict()
  .refine((d) => d.serials.length === 0 || d.serials.length === d.quantity, { message: 'give one serial per unit, or none' });

/**
 * Stock sent to a hall. The hall's balance changes when a counter receives it (a
 * `stock.moved` event naming the delivery): HQ's books follow what the hall did.
 */
export async function sendStock(sql: Sql, input: z.input<typeof Delivery>, clock: HqClock): Promise<string> {
  const d = Delivery.parse(input);
  const item = await sql.query('SELECT 1 FROM stock_item WHERE sku = $1', [d.sku]);
  if (item.rowCount === 0) throw new HqError('NOT_FOUND', `no stock item ${d.sku}: publish it first`);
  const now = clock.now();
  const seq = (await sql.query<{ n: number }>("SELECT nextval('stock_delivery_seq') AS n")).rows[0]?.n ?? 0;
  const deliveryNo = `DN${now.toISOString().slice(0, 10).replaceAll('-', '')}${String(seq).padStart(5, '0')}`;
  await sql.query(
    `INSERT INTO stock_delivery (delivery_no, hall_code, sku, quantity, serials, note, sent_at, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'sent')`,
    [deliveryNo, d.hallCode, d.sku, d.quantity, JSON.stringify(d.serials), d.note, now],
  );
  await publishDelivery(sql, deliveryNo);
  return deliveryNo;
}

export async function hallStock(sql: Sql, hallCode: string): Promise<{ sku: string; bucket: string; qty: number }[]> {
  return (
    await sql.query<{ sku: string; bucket: string; qty: number }>(
      'SELECT sku, bucket, qty FROM hall_stock WHERE hall_code = $1 ORDER BY sku, bucket',
      [hallCode],
    )
  ).rows;
}
