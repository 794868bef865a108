import type { StockDeliveryDoc } from '../../../shared/sync/pull';
import type { Sql } from '../db/pool';
import { publish, scopes } from '../feed/publish';

interface DeliveryRow {
  delivery_no: string;
  hall_code: string;
  sku: string;
  quantity: number;
  serials: string[];
  note: string | null;
  sent_at: Date;
  status: StockDeliveryDoc['status'];
}

export async function publishDelivery(sql: Sql, deliveryNo: string): Promise<void> {
  const row = (await sql.query<DeliveryRow>('SELECT * FROM stock_delivery WHERE delivery_no = $1', [deliveryNo])).rows[0];
  if (!row) return;
  const doc: StockDeliveryDoc = {
    deliveryNo: row.delivery_no,
    hallCode: row.hall_code,
    sku: row.sku,
    quantity: row.quantity,
    serials: row.serials,
    sentAt: row.sent_at.toISOString(),
    note: row.note,
    status: row.status,
  };
  await publish(sql, scopes.hall(row.hall_code), 'stock_delivery', row.delivery_no, doc);
}
