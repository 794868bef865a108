import { useCallback, useMemo, useState } from 'react';
import type { CatalogueItemView } from '../../../shared/points/catalogue';

export interface CartLine {
  item: CatalogueItemView;
  quantity: number;
}

/** Why a unit could not go into the cart; the cart says it in words (redeem.cart.refused.*). */
export type CartRefusal =
  | { kind: 'displayOnly'; item: CatalogueItemView }
  | { kind: 'noStock'; item: CatalogueItemView }
  | { kind: 'stock'; item: CatalogueItemView; max: number }
  | { kind: 'limit'; item: CatalogueItemView; max: number }
  | { kind: 'points'; item: CatalogueItemView; available: number; needed: number };

/** The most of an item this customer can take now: its stock or codes left, the per-customer limit left, 99 a line. */
export function maxQuantity(item: CatalogueItemView): { max: number; by: 'stock' | 'limit' | 'line' } {
  const stock = item.available ?? Number.POSITIVE_INFINITY;
  const limit = item.customerLimitLeft ?? Number.POSITIVE_INFINITY;
  if (stock <= limit && stock < 99) return { max: stock, by: 'stock' };
  if (limit < 99) return { max: limit, by: 'limit' };
  return { max: 99, by: 'line' };
}

export interface Cart {
  lines: CartLine[];
  total: number;
  /** Sets a line's quantity (0 removes it); answers why not when the item, its limit or the points don't allow it. */
  setQuantity: (item: CatalogueItemView, quantity: number) => CartRefusal | null;
  add: (item: CatalogueItemView) => CartRefusal | null;
  clear: () => void;
}

/**
 * The redemption cart. It refuses, as it is filled, what the core would refuse at
 * confirmation: a display-only gift, more than the stock or the customer's limit, more
 * points than the customer has. The core still decides; this only keeps the clerk from
 * building a cart that cannot go through.
 */
export function useCart(pointsAvailable: number): Cart {
  const [lines, setLines] = useState<CartLine[]>([]);
  const total = useMemo(() => lines.reduce((sum, line) => sum + line.item.pointsPrice * line.quantity, 0), [lines]);

  const setQuantity = useCallback(
    (item: CatalogueItemView, quantity: number): CartRefusal | null => {
      const current = lines.find((line) => line.item.code === item.code)?.quantity ?? 0;
      if (quantity > current) {
        if (item.available === 0) return item.onDisplay > 0 ? { kind: 'displayOnly', item } : { kind: 'noStock', item };
        const { max, by } = maxQuantity(item);
        if (quantity > max) return by === 'limit' ? { kind: 'limit', item, max } : { kind: 'stock', item, max };
        const needed = total + item.pointsPrice * (quantity - current);
        if (needed > pointsAvailable) return { kind: 'points', item, available: pointsAvailable, needed };
      }
      setLines((shown) => {
        const others = shown.filter((line) => line.item.code !== item.code);
        if (quantity <= 0) return others;
        const at = shown.findIndex((line) => line.item.code === item.code);
        const next = { item, quantity };
        return at < 0 ? [...shown, next] : shown.map((line) => (line.item.code === item.code ? next : line));
      });
      return null;
    },
    [lines, pointsAvailable, total],
  );

  const add = useCallback(
    (item: CatalogueItemView) => setQuantity(item, (lines.find((line) => line.item.code === item.code)?.quantity ?? 0) + 1),
    [lines, setQuantity],
  );

  const clear = useCallback(() => setLines([]), []);

  return { lines, total, setQuantity, add, clear };
}
