import { HolidayCalendar } from '../../../shared/calendar/working-days';
import { PlanCatalogue } from '../../../shared/campaigns/plans';
import { Campaign } from '../../../shared/campaigns/schema';
import { DomainError } from '../../../shared/contract/errors';
import type { CoreContext } from '../context';

/**
 * The doors through which HQ's reference data and campaigns enter the counter's database:
 * the demo seed uses them on resources/demo, and the HQ pull can use them on what it
 * receives. Everything is validated on the way in and again on the way out, so a row
 * edited by hand can never reach the rule engine unchecked.
 */

const referenceSchemas = { plans: PlanCatalogue, calendar: HolidayCalendar } as const;
export type ReferenceKey = keyof typeof referenceSchemas;

const referenceLabels: Record<ReferenceKey, string> = { plans: '套餐目录', calendar: '节假日日历' };

/**
 * Stores one reference document under `key`. A version older than the one held is ignored
 * (a replayed pull never rolls the catalogue back); the same or a newer one replaces it.
 * Returns whether the row was written. Call inside the caller's transaction.
 */
export function storeReferenceData(ctx: CoreContext, key: ReferenceKey, version: number, data: unknown): boolean {
  if (!Number.isInteger(version) || version < 1) throw new Error(`reference ${key}: version must be a positive integer`);
  const parsed: unknown = referenceSchemas[key].parse(data);
  const result = ctx.store
    .stmt(
      `INSERT INTO reference_data (key, version, data, received_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET version = excluded.version, data = excluded.data, received_at = excluded.received_at
       WHERE excluded.version >= reference_data.version`,
    )
    .run(key, version, JSON.stringify(parsed), ctx.clock.now().toISOString());
  return result.changes > 0;
}

function readReference(ctx: CoreContext, key: ReferenceKey): unknown {
  const row = ctx.store.stmt('SELECT data FROM reference_data WHERE key = ?').get(key) as { data: string } | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `本柜台还没有${referenceLabels[key]}（总部参考数据），请先与总部同步`, { key });
  return JSON.parse(row.data);
}

export function loadPlans(ctx: CoreContext): PlanCatalogue {
  return PlanCatalogue.parse(readReference(ctx, 'plans'));
}

export function loadCalendar(ctx: CoreContext): HolidayCalendar {
  return HolidayCalendar.parse(readReference(ctx, 'calendar'));
}

/**
 * Stores a campaign as HQ published it. Every version is kept (an enrolment points at the
 * one it used); the highest version is the current one. A version already held is not
 * rewritten: HQ never republishes a version with other content. Returns whether this
 * version is now the current one.
 */
export function storeCampaign(ctx: CoreContext, doc: unknown): { campaign: Campaign; current: boolean } {
  const campaign = Campaign.parse(doc);
  const newest = ctx.store.stmt('SELECT MAX(version) AS v FROM campaign WHERE id = ?').get(campaign.id) as { v: number | null };
  ctx.store
    .stmt(
      `INSERT INTO campaign (id, version, kind, name, definition, valid_from, valid_to, current, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?) ON CONFLICT (id, version) DO NOTHING`,
    )
    .run(
      campaign.id,
      campaign.version,
      campaign.kind,
      campaign.name,
      JSON.stringify(campaign),
      campaign.validFrom,
      campaign.validTo,
      ctx.clock.now().toISOString(),
    );
  const current = newest.v === null || campaign.version >= newest.v;
  if (current) {
    ctx.store.stmt('UPDATE campaign SET current = 0 WHERE id = ? AND current = 1 AND version <> ?').run(campaign.id, campaign.version);
    ctx.store.stmt('UPDATE campaign SET current = 1 WHERE id = ? AND version = ?').run(campaign.id, campaign.version);
  }
  return { campaign, current };
}

/** The current version of every campaign held, in id order. */
export function currentCampaigns(ctx: CoreContext): Campaign[] {
  const rows = ctx.store.stmt('SELECT definition FROM campaign WHERE current = 1 ORDER BY id').all() as { definition: string }[];
  return rows.map((r) => Campaign.parse(JSON.parse(r.definition)));
}

export function requireCurrentCampaign(ctx: CoreContext, id: string): Campaign {
  const row = ctx.store.stmt('SELECT definition FROM campaign WHERE id = ? AND current = 1').get(id) as { definition: string } | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `没有这个活动：${id}`, { campaignId: id });
  return Campaign.parse(JSON.parse(row.definition));
}

/** The exact version an enrolment used: its terms (a trial's free months) never change under it. */
export function campaignVersion(ctx: CoreContext, id: string, version: number): Campaign {
  const row = ctx.store.stmt('SELECT definition FROM campaign WHERE id = ? AND version = ?').get(id, version) as
    | { definition: string }
    | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `没有这个活动版本：${id} 第${version}版`, { campaignId: id, version });
  return Campaign.parse(JSON.parse(row.definition));
}
