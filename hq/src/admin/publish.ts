import { z } from 'zod';
import { HolidayCalendar } from '../../../shared/calendar/working-days';
import { PlanCatalogue } from '../../../shared/campaigns/plans';
import { Campaign } from '../../../shared/campaigns/schema';
import { CatalogueEntry } from '../../../shared/points/catalogue';
import { StockItemDoc, SyncLimits, type ReferenceDoc } from '../../../shared/sync/pull';
import type { HqClock } from '../clock';
import type { Sql } from '../db/pool';
import { publish, scopes } from '../feed/publish';

/** Publishing is what the operator does from files: validated with the counter's own schemas first. */
export async function publishCampaign(sql: Sql, input: unknown, clock: HqClock): Promise<{ id: string; version: number }> {
  const campaign = Campaign.parse(input);
  const existing = (
    await sql.query<{ doc: unknown }>('SELECT doc FROM campaign WHERE id = $1 AND version = $2', [campaign.id, campaign.version])
  ).rows[0];
  if (existing && JSON.stringify(existing.doc) !== JSON.stringify(JSON.parse(JSON.stringify(campaign)))) {
    // A published version is what enrolments point at; changing it in place would rewrite history.
    throw new Error(`campaign ${campaign.id} version ${campaign.version} is already published with other content: raise the version`);
  }
  if (!existing) {
    await sql.query('INSERT INTO campaign (id, version, doc, published_at) VALUES ($1, $2, $3, $4)', [
      campaign.id,
      campaign.version,
      JSON.stringify(campaign),
      clock.now(),
    ]);
  }
  const targets = campaign.halls === 'all' ? [scopes.all] : campaign.halls.map(scopes.hall);
  for (const scope of targets) await publish(sql, scope, 'campaign', campaign.id, campaign);
  return { id: campaign.id, version: campaign.version };
}

export async function publishCatalogueItem(sql: Sql, input: unknown, clock: HqClock): Promise<string> {
  const item = CatalogueEntry.parse(input);
  await sql.query(
    `INSERT INTO catalogue_item (code, version, doc, published_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (code) DO UPDATE SET version = excluded.version, doc = excluded.doc, published_at = excluded.published_at`,
    [item.code, item.version, JSON.stringify(item), clock.now()],
  );
  await publish(sql, scopes.all, 'catalogue_item', item.code, item);
  return item.code;
}

export async function publishStockItem(sql: Sql, input: unknown, clock: HqClock): Promise<string> {
  const item = StockItemDoc.parse(input);
  await sql.query(
    `INSERT INTO stock_item (sku, doc, updated_at) VALUES ($1, $2, $3) ON CONFLICT (sku) DO UPDATE SET doc = excluded.doc, updated_at = excluded.updated_at`,
    [item.sku, JSON.stringify(item), clock.now()],
  );
  await publish(sql, scopes.all, 'stock_item', item.sku, item);
  return item.sku;
}

const referenceData = { plans: PlanCatalogue, calendar: HolidayCalendar, limits: SyncLimits } as const;
export const ReferenceKey = z.enum(['plans', 'calendar', 'limits']);
export type ReferenceKey = z.infer<typeof ReferenceKey>;

/** Plans, the holiday calendar and limits: each a versioned document every counter gets. */
export async function publishReference(sql: Sql, key: ReferenceKey, input: unknown, clock: HqClock): Promise<number> {
  const data = referenceData[key].parse(input);
  const version =
    (
      await sql.query<{ version: number }>(
        `INSERT INTO reference_data (key, version, data, published_at) VALUES ($1, 1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET version = reference_data.version + 1, data = excluded.data, published_at = excluded.published_at
         RETURNING version`,
        [key, JSON.stringify(data), clock.now()],
      )
    ).rows[0]?.version ?? 1;
  const doc = { key, version, data } as ReferenceDoc;
  await publish(sql, scopes.all, 'reference', key, doc);
  return version;
}
