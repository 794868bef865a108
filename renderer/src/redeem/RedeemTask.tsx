import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerCard } from '../../../shared/customers/contract';
import type { CatalogueItemView } from '../../../shared/points/catalogue';
import type { RedemptionView } from '../../../shared/points/redemption';
import { api } from '../api/client';
import { refreshCurrentCustomer } from '../customer/currentCustomer';
import { formatPoints } from '../customer/customerFacts';
import { useRead } from '../customer/useRead';
import { TaskTabs } from '../enrol/TaskTabs';
import { CartPanel, noMessage, type CartMessage } from './CartPanel';
import { Catalogue } from './Catalogue';
import { describeRedeemError } from './errors';
import { itemName, narrowCatalogue } from './names';
import { PastRedemptions } from './PastRedemptions';
import { RedemptionDone } from './RedemptionDone';
import { useCart, type CartRefusal } from './useCart';

type Tab = 'mall' | 'past';

/**
 * The Redeem page's task column for the customer at the counter: the points mall with
 * the cart, and the customer's past redemptions (reprint, void). Escape in the mall goes
 * back to the customer search; after a redemption it starts the next cart.
 */
export function RedeemTask({ customer, onLeave }: { customer: CustomerCard; onLeave: () => void }) {
  const { t, i18n } = useTranslation();
  const customerId = customer.customerId;
  const [tab, setTab] = useState<Tab>('mall');
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [message, setMessage] = useState<CartMessage>(noMessage);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<RedemptionView | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cart = useCart(customer.points.available);

  const all = useRead(`catalogue:${customerId}`, () => api.call['catalogue.list']({ customerId }));
  const redemptions = useRead(`redemptions:${customerId}`, () => api.call['redemption.listForCustomer']({ customerId, limit: 50 }));
  const { reload: reloadAll } = all;
  const { reload: reloadRedemptions } = redemptions;

  const categories = [...new Set((all.value?.items ?? []).map((item) => item.category))];
  const nameOf = useCallback(
    (code: string) => {
      const item = all.value?.items.find((candidate) => candidate.code === code);
      return item ? itemName(item, i18n.language) : code;
    },
    [all.value, i18n.language],
  );

  const refused = (refusal: CartRefusal): string => {
    const item = itemName(refusal.item, i18n.language);
    if (refusal.kind === 'points') {
      return t('redeem.cart.refused.points', {
        item,
        available: formatPoints(refusal.available),
        needed: formatPoints(refusal.needed),
        short: formatPoints(refusal.needed - refusal.available),
      });
    }
    return t(`redeem.cart.refused.${refusal.kind}`, { item, max: 'max' in refusal ? refusal.max : 0 });
  };

  function change(item: CatalogueItemView, quantity: number): void {
    const refusal = cart.setQuantity(item, quantity);
    setMessage(refusal ? { text: refused(refusal), refused: true } : noMessage);
  }

  function add(item: CatalogueItemView): void {
    const refusal = cart.add(item);
    setMessage(refusal ? { text: refused(refusal), refused: true } : { text: t('redeem.cart.added', { item: itemName(item, i18n.language) }), refused: false });
    // Keep scanning: the next code goes into the search again.
    searchRef.current?.focus();
  }

  async function confirm(): Promise<void> {
    if (busy || cart.lines.length === 0) return;
    setBusy(true);
    setMessage(noMessage);
    const result = await api.call['redemption.create']({
      customerId,
      lines: cart.lines.map(({ item, quantity }) => ({ catalogueCode: item.code, quantity })),
    });
    setBusy(false);
    if (!result.ok) {
      // The cart stays as it was: the clerk changes what the message names and confirms again.
      setMessage({ text: describeRedeemError(result.error, t, nameOf), refused: true });
      confirmRef.current?.focus();
      return;
    }
    cart.clear();
    setDone(result.value.redemption);
    reloadAll();
    reloadRedemptions();
    void refreshCurrentCustomer();
  }

  function next(): void {
    setDone(null);
    setMessage(noMessage);
    requestAnimationFrame(() => searchRef.current?.focus());
  }

  function onKey(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    if (done) next();
    else if (search !== '' && document.activeElement === searchRef.current) setSearch('');
    else onLeave();
  }

  const panel = (id: Tab) => ({ id: `redeem-panel-${id}`, role: 'tabpanel', 'aria-labelledby': `redeem-tab-${id}`, hidden: tab !== id, className: 'task-panel' });
  return (
    <div className="counter-page__task" data-testid="redeem-task">
      <TaskTabs
        label={t('redeem.tabs.label')}
        idPrefix="redeem"
        current={tab}
        onSelect={setTab}
        tabs={[
          { id: 'mall', label: t('redeem.tabs.mall') },
          { id: 'past', label: t('redeem.tabs.past'), count: redemptions.value?.redemptions.length ?? 0 },
        ]}
      />
      <div {...panel('mall')} onKeyDown={onKey}>
        {done ? (
          <RedemptionDone redemption={done} onAnother={next} />
        ) : (
          <div className="mall">
            <Catalogue
              items={all.value ? narrowCatalogue(all.value.items, search, category) : null}
              categories={categories}
              search={search}
              onSearch={setSearch}
              category={category}
              onCategory={setCategory}
              inCart={(code) => cart.lines.find((line) => line.item.code === code)?.quantity ?? 0}
              onAdd={add}
              onDone={() => (cart.lines.length > 0 ? confirmRef.current?.focus() : setMessage({ text: t('redeem.cart.chooseFirst'), refused: true }))}
              searchRef={searchRef}
            />
            <CartPanel
              cart={cart}
              pointsAvailable={customer.points.available}
              message={message}
              busy={busy}
              onQuantity={(code, quantity) => {
                const line = cart.lines.find((candidate) => candidate.item.code === code);
                if (line) change(line.item, quantity);
              }}
              onConfirm={() => void confirm()}
              confirmRef={confirmRef}
            />
          </div>
        )}
      </div>
      <div {...panel('past')}>
        <PastRedemptions
          redemptions={redemptions}
          onVoided={() => {
            reloadRedemptions();
            reloadAll();
            void refreshCurrentCustomer();
          }}
        />
      </div>
    </div>
  );
}
