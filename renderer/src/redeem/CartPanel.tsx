import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPoints } from '../customer/customerFacts';
import { itemName } from './names';
import type { Cart } from './useCart';

/** What the cart says last: an item added, or what was refused and why. */
export interface CartMessage {
  text: string;
  refused: boolean;
}

export const noMessage: CartMessage = { text: '', refused: false };

interface CartPanelProps {
  cart: Cart;
  pointsAvailable: number;
  message: CartMessage;
  busy: boolean;
  onQuantity: (code: string, quantity: number) => void;
  onConfirm: () => void;
  confirmRef: RefObject<HTMLButtonElement | null>;
}

/**
 * The cart beside the catalogue: each line with its quantity and points, the customer's
 * points before and after — live as the cart fills — and the confirmation.
 */
export function CartPanel({ cart, pointsAvailable, message, busy, onQuantity, onConfirm, confirmRef }: CartPanelProps) {
  const { t, i18n } = useTranslation();
  const after = pointsAvailable - cart.total;
  const empty = cart.lines.length === 0;
  return (
    <section className="cart" aria-labelledby="cart-title" data-testid="cart">
      <h3 id="cart-title" className="cart__title">
        {t('redeem.cart.title')}
      </h3>
      {empty ? (
        <p className="cart__empty">{t('redeem.cart.empty')}</p>
      ) : (
        <ul className="cart__lines">
          {cart.lines.map(({ item, quantity }) => (
            <li key={item.code} className="cart__line" data-code={item.code}>
              <span className="cart__name">{itemName(item, i18n.language)}</span>
              <span className="cart__qty">
                <button type="button" className="cart__step" aria-label={t('redeem.cart.less', { item: item.name })} onClick={() => onQuantity(item.code, quantity - 1)}>
                  −
                </button>
                <input
                  className="cart__count"
                  inputMode="numeric"
                  aria-label={t('redeem.cart.quantity', { item: itemName(item, i18n.language) })}
                  value={quantity}
                  onChange={(event) => {
                    // An emptied field is a number about to be typed, not a request to drop the line (the − button does that).
                    const digits = event.target.value.replace(/\D/g, '');
                    if (digits !== '') onQuantity(item.code, Number(digits));
                  }}
                  onKeyDown={(event) => {
                    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
                      event.preventDefault();
                      onQuantity(item.code, quantity + (event.key === 'ArrowUp' ? 1 : -1));
                    }
                  }}
                />
                <button type="button" className="cart__step" aria-label={t('redeem.cart.more', { item: item.name })} onClick={() => onQuantity(item.code, quantity + 1)}>
                  +
                </button>
              </span>
              <span className="cart__points">{formatPoints(item.pointsPrice * quantity)}</span>
            </li>
          ))}
        </ul>
      )}
      <dl className="cart__sums">
        <dt>{t('redeem.cart.available')}</dt>
        <dd data-testid="cart-available">{formatPoints(pointsAvailable)}</dd>
        <dt>{t('redeem.cart.total')}</dt>
        <dd data-testid="cart-total">{formatPoints(cart.total)}</dd>
        <dt>{t('redeem.cart.after')}</dt>
        <dd data-testid="cart-after" className={after < 0 ? 'cart__short' : 'cart__after'}>
          {formatPoints(after)}
        </dd>
      </dl>
      <p className={message.refused ? 'cart__message cart__message--refused' : 'cart__message'} role="alert" data-testid="cart-message">
        {message.text}
      </p>
      <button
        ref={confirmRef}
        type="button"
        className="button button--primary button--confirm"
        aria-disabled={empty || busy}
        onClick={() => !empty && !busy && onConfirm()}
        data-testid="redeem-confirm"
      >
        {busy ? t('redeem.cart.redeeming') : t('redeem.cart.confirm')}
        <kbd className="button__key">Enter</kbd>
      </button>
    </section>
  );
}
