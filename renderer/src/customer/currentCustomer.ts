import { useSyncExternalStore } from 'react';
import type { CustomerCard } from '../../../shared/customers/contract';
import { api } from '../api/client';

/**
 * The customer at the counter, shared by the Enrol and Redeem pages: a customer who
 * enrols and then redeems points is found once. It belongs to the session it was found
 * in, so a logout (or another clerk logging in) never shows the last customer again.
 */
interface AtCounter {
  session: string | undefined;
  customer: CustomerCard | null;
}

let current: AtCounter = { session: undefined, customer: null };
const listeners = new Set<() => void>();

function publish(next: AtCounter): void {
  current = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function snapshot(): CustomerCard | null {
  return current.session !== undefined && current.session === api.session ? current.customer : null;
}

export function setCurrentCustomer(customer: CustomerCard | null): void {
  publish({ session: api.session, customer });
}

/** Reads the card again (points change after a redemption, a plan after a signup); keeps the old one if the core can't answer. */
export async function refreshCurrentCustomer(): Promise<void> {
  const shown = snapshot();
  if (!shown) return;
  const result = await api.call['customer.get']({ customerId: shown.customerId });
  // The clerk may have moved on to another customer while the answer was on its way.
  if (result.ok && snapshot()?.customerId === shown.customerId) setCurrentCustomer(result.value.customer);
}

export function useCurrentCustomer(): CustomerCard | null {
  return useSyncExternalStore(subscribe, snapshot);
}
