import type { KeyboardEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueItemView } from '../../../shared/points/catalogue';
import { formatPoints } from '../customer/customerFacts';
import { moveWithArrows } from '../customer/CustomerResults';
import { itemName } from './names';

const knownCategories = new Set(['daily', 'digital', 'kitchen', 'voucher', 'data', 'voice', 'music']);

interface CatalogueProps {
  items: CatalogueItemView[] | null;
  categories: string[];
  search: string;
  onSearch: (text: string) => void;
  category: string | null;
  onCategory: (category: string | null) => void;
  inCart: (code: string) => number;
  onAdd: (item: CatalogueItemView) => void;
  /** Enter in an empty search with a cart: go on to confirming it. */
  onDone: () => void;
  searchRef: RefObject<HTMLInputElement | null>;
}

function stockText(item: CatalogueItemView, t: (key: string, values?: Record<string, unknown>) => string): string {
  if (item.kind === 'service') return t('redeem.catalogue.always');
  if (item.kind === 'voucher') return t('redeem.catalogue.codesLeft', { count: item.available ?? 0 });
  if (item.available === 0 && item.onDisplay > 0) return t('redeem.catalogue.displayOnly', { count: item.onDisplay });
  return t('redeem.catalogue.onHand', { count: item.available ?? 0 });
}

/**
 * The points mall: search (a typed name or a scanned item code and Enter puts it in the
 * cart), categories, and every item with its points price, what can be redeemed now and
 * this customer's limit. Display units are marked and cannot be added.
 */
export function Catalogue({ items, categories, search, onSearch, category, onCategory, inCart, onAdd, onDone, searchRef }: CatalogueProps) {
  const { t, i18n } = useTranslation();
  const say = (key: string, values?: Record<string, unknown>) => t(key, values);

  function onSearchKey(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      document.querySelector<HTMLButtonElement>('.catalogue button[data-pick]')?.focus();
      return;
    }
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const typed = search.trim().toUpperCase();
    if (typed === '') return onDone();
    const exact = items?.find((item) => item.code === typed);
    const only = items?.length === 1 ? items[0] : undefined;
    const chosen = exact ?? only;
    if (chosen) {
      onAdd(chosen);
      onSearch('');
    } else document.querySelector<HTMLButtonElement>('.catalogue button[data-pick]')?.focus();
  }

  const categoryLabel = (slug: string) => (knownCategories.has(slug) ? t(`redeem.category.${slug}`) : slug);
  return (
    <section className="catalogue" aria-label={t('redeem.catalogue.label')} data-testid="catalogue">
      <div className="catalogue__tools">
        <div className="field catalogue__search">
          <label className="field__label" htmlFor="catalogue-search">
            {t('redeem.catalogue.search')}
          </label>
          <input
            id="catalogue-search"
            ref={searchRef}
            className="field__input"
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
            value={search}
            onChange={(event) => onSearch(event.target.value)}
            onKeyDown={onSearchKey}
            aria-describedby="catalogue-search-hint"
          />
          <div id="catalogue-search-hint" className="field__hint">
            {t('redeem.catalogue.searchHint')}
          </div>
        </div>
        <div className="catalogue__categories" role="group" aria-label={t('redeem.catalogue.categories')}>
          {[null, ...categories].map((slug) => (
            <button
              key={slug ?? 'all'}
              type="button"
              className="catalogue__category"
              aria-pressed={category === slug}
              onClick={() => onCategory(slug)}
              data-testid={`category-${slug ?? 'all'}`}
            >
              {slug === null ? t('redeem.category.all') : categoryLabel(slug)}
            </button>
          ))}
        </div>
      </div>
      {items === null ? (
        <p className="history__empty">{t('redeem.catalogue.loading')}</p>
      ) : items.length === 0 ? (
        <p className="history__empty">{t('redeem.catalogue.none')}</p>
      ) : (
        <table className="catalogue__table">
          <thead>
            <tr>
              <th scope="col">{t('redeem.catalogue.item')}</th>
              <th scope="col" className="catalogue__num catalogue__col-price">
                {t('redeem.catalogue.price')}
              </th>
              <th scope="col" className="catalogue__col-stock">
                {t('redeem.catalogue.stock')}
              </th>
              <th scope="col" className="catalogue__col-limit">
                {t('redeem.catalogue.limit')}
              </th>
              <th scope="col" className="catalogue__col-action">
                <span className="visually-hidden">{t('redeem.catalogue.add')}</span>
              </th>
            </tr>
          </thead>
          <tbody onKeyDown={moveWithArrows}>
            {items.map((item) => {
              const blocked = item.available === 0 || item.customerLimitLeft === 0;
              const count = inCart(item.code);
              return (
                <tr key={item.code} className={blocked ? 'catalogue__row catalogue__row--blocked' : 'catalogue__row'} data-code={item.code}>
                  <td>
                    <span className="catalogue__name">
                      {itemName(item, i18n.language)}
                      {count > 0 && <span className="catalogue__in-cart">{t('redeem.catalogue.inCart', { count })}</span>}
                    </span>
                    <span className="catalogue__code">
                      <span className={`pill pill--${item.kind === 'gift' ? 'plain' : item.kind === 'voucher' ? 'new' : 'muted'}`}>{t(`redeem.kind.${item.kind}`)}</span>
                      {item.code}
                    </span>
                  </td>
                  <td className="catalogue__num catalogue__price">{formatPoints(item.pointsPrice)}</td>
                  <td className={item.available === 0 ? 'catalogue__stock catalogue__none' : 'catalogue__stock'}>
                    {stockText(item, say)}
                    {item.onDisplay > 0 && item.available !== 0 && <span className="catalogue__display">{t('redeem.catalogue.plusDisplay', { count: item.onDisplay })}</span>}
                  </td>
                  <td className={item.customerLimitLeft === 0 ? 'catalogue__stock catalogue__none' : 'catalogue__stock'}>
                    {item.perCustomerLimit === null ? t('redeem.catalogue.noLimit') : t('redeem.catalogue.limitLeft', { max: item.perCustomerLimit, left: item.customerLimitLeft ?? item.perCustomerLimit })}
                  </td>
                  <td className="catalogue__action">
                    <button
                      type="button"
                      className="button button--compact"
                      data-pick
                      aria-disabled={blocked}
                      aria-label={t('redeem.catalogue.addItem', { item: itemName(item, i18n.language) })}
                      onClick={() => onAdd(item)}
                    >
                      {t('redeem.catalogue.add')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
