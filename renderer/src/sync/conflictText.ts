import type { TFunction } from 'i18next';
import type { ConflictView } from '../../../shared/sync/contract';
import { formatPoints } from '../customer/customerFacts';

/** Names an item by its code in the screen's language ("43英寸彩电" rather than "TV-43"). */
export type ItemName = (sku: string) => string;

export interface Figure {
  label: string;
  value: string;
  /** A figure that is the problem itself (a negative balance, the points short). */
  bad?: boolean;
}

export interface ConflictText {
  title: string;
  what: string;
  figures: Figure[];
  steps: string[];
}

type Details = Record<string, unknown>;

function text(d: Details, name: string): string {
  const value = d[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function num(d: Details, name: string): number | null {
  const value = d[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function negativeStock(c: ConflictView, t: TFunction, itemName: ItemName): ConflictText | null {
  const d = c.details;
  const sku = text(d, 'sku');
  const balance = num(d, 'balance');
  if (!sku || balance === null) return null;
  const bucketCode = text(d, 'bucket');
  const bucket = bucketCode ? t(`stock.bucket.${bucketCode}`, { defaultValue: bucketCode }) : '';
  const item = itemName(sku);
  const k = 'syncPage.conflicts.negative_stock';
  const events = Array.isArray(d.eventIds) ? d.eventIds.length : 0;
  const figures: Figure[] = [
    { label: t(`${k}.item`), value: item === sku ? sku : t(`${k}.itemWithCode`, { item, sku }) },
    { label: t(`${k}.bucket`), value: bucket },
    { label: t(`${k}.balance`), value: String(balance), bad: balance < 0 },
  ];
  if (text(d, 'lastCounter')) figures.push({ label: t(`${k}.lastCounter`), value: t(`${k}.lastCounterValue`, { counter: text(d, 'lastCounter') }) });
  if (events > 0) figures.push({ label: t(`${k}.events`), value: t(`${k}.eventsValue`, { count: events }) });
  return {
    title: t(`${k}.title`, { item, bucket, balance }),
    what: t(`${k}.what`, { item, bucket, balance }),
    figures,
    steps: [t(`${k}.steps.count`, { item }), t(`${k}.steps.given`), t(`${k}.steps.mismatch`), t(`${k}.steps.close`)],
  };
}

function overdraft(c: ConflictView, t: TFunction): ConflictText | null {
  const d = c.details;
  const requested = num(d, 'requested');
  const covered = num(d, 'covered');
  const short = num(d, 'short');
  if (requested === null || covered === null || short === null) return null;
  const k = 'syncPage.conflicts.overdraft';
  const phone = text(d, 'customerPhoneMasked');
  const points = { requested: formatPoints(requested), covered: formatPoints(covered), short: formatPoints(short), phone };
  const figures: Figure[] = [
    { label: t(`${k}.redemption`), value: text(d, 'redemptionNo') },
    { label: t(`${k}.customer`), value: phone },
    { label: t(`${k}.requested`), value: points.requested },
    { label: t(`${k}.covered`), value: points.covered },
    { label: t(`${k}.short`), value: points.short, bad: true },
  ];
  if (text(d, 'counter')) figures.push({ label: t(`${k}.counter`), value: t(`${k}.counterValue`, { counter: text(d, 'counter') }) });
  return {
    title: t(`${k}.title`, points),
    what: t(`${k}.what`, points),
    figures,
    steps: [t(`${k}.steps.call`), t(`${k}.steps.settle`), t(`${k}.steps.writeOff`)],
  };
}

/**
 * What a conflict means for the manager, from its kind and figures, in the screen's
 * language. HQ's own title and advice (Chinese) stand in when the figures are missing.
 */
export function conflictText(c: ConflictView, t: TFunction, itemName: ItemName): ConflictText {
  const known = c.kind === 'negative_stock' ? negativeStock(c, t, itemName) : overdraft(c, t);
  return known ?? { title: c.title, what: t('syncPage.conflicts.unknown.what'), figures: [], steps: [t('syncPage.conflicts.unknown.step')] };
}
