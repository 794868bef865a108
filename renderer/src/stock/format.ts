import type { TFunction } from 'i18next';
import { shanghaiDateTime } from '../../../shared/time/shanghai';

/** An instant as the hall's wall clock shows it (Asia/Shanghai), or a dash when there is none. */
export function hallTime(iso: string | null | undefined): string {
  return iso ? shanghaiDateTime(new Date(iso)) : '—';
}

/** An item's name in the counter's language; HQ may not have given an English one. */
export function itemName(item: { name: string; nameEn?: string | null }, language: string): string {
  return language === 'en' && item.nameEn ? item.nameEn : item.name;
}

/** A signed quantity with a real minus sign: "+5", "−1". */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}

/** "在库 −1 · 借出 +1": what one movement did to the buckets it touched. */
export function describeDeltas(deltas: { onHand: number; display: number; lent: number }, t: TFunction): string {
  const parts: string[] = [];
  if (deltas.onHand !== 0) parts.push(`${t('stock.bucket.on_hand')} ${signed(deltas.onHand)}`);
  if (deltas.display !== 0) parts.push(`${t('stock.bucket.display')} ${signed(deltas.display)}`);
  if (deltas.lent !== 0) parts.push(`${t('stock.bucket.lent')} ${signed(deltas.lent)}`);
  return parts.join(' · ') || '0';
}
