import type { CatalogueItemView } from '../../../shared/points/catalogue';

/** An item's name in the screen's language (HQ publishes an English one for most). */
export function itemName(item: Pick<CatalogueItemView, 'name' | 'nameEn'>, language: string): string {
  return language === 'en' && item.nameEn ? item.nameEn : item.name;
}

/**
 * The catalogue as the search box and the category tabs narrow it, matched as the core's
 * catalogue.list matches (code, Chinese or English name, any case). Done here on the
 * customer's list so that a scanned code and Enter act on what is on screen at once.
 */
export function narrowCatalogue(items: readonly CatalogueItemView[], search: string, category: string | null): CatalogueItemView[] {
  const needle = search.trim().toLowerCase();
  return items
    .filter((item) => category === null || item.category === category)
    .filter((item) => needle === '' || [item.code, item.name, item.nameEn ?? ''].some((text) => text.toLowerCase().includes(needle)));
}
