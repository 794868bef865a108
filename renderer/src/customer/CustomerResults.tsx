import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerCard } from '../../../shared/customers/contract';
import { maskPhone } from '../../../shared/customers/snapshot';
import { formatPoints } from './customerFacts';
import type { Lookup } from './lookup';

/** Up and down arrows move between the buttons of a list, as in a POS pick list. */
export function moveWithArrows(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-pick]')];
  const at = buttons.findIndex((button) => button === document.activeElement);
  const next = buttons[Math.min(Math.max(at + (event.key === 'ArrowDown' ? 1 : -1), 0), buttons.length - 1)];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

interface CustomerResultsProps {
  customers: CustomerCard[];
  onPick: (customer: CustomerCard) => void;
}

/** Several customers matched (last 4 digits, ID last 4 + name): the clerk checks the name with the customer and picks. */
export function CustomerResults({ customers, onPick }: CustomerResultsProps) {
  const { t } = useTranslation();
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    list.current?.querySelector<HTMLButtonElement>('button[data-pick]')?.focus();
  }, [customers]);

  return (
    <section className="customer-results" aria-label={t('customer.results.label')} data-testid="customer-results">
      <p className="customer-results__count">{t('customer.results.count', { count: customers.length })}</p>
      <ul ref={list} className="customer-results__list" onKeyDown={moveWithArrows}>
        {customers.map((customer) => (
          <li key={customer.customerId}>
            <button type="button" className="customer-results__pick" data-pick onClick={() => onPick(customer)}>
              <span className="customer-results__name">{customer.name}</span>
              <span className="customer-results__phone">{customer.phoneMasked}</span>
              <span className="customer-results__more">
                {t('customer.results.more', { plan: customer.planCode ?? t('customer.card.noPlan'), idLast4: customer.idLast4, points: formatPoints(customer.points.available) })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface CustomerNotFoundProps {
  lookup: Lookup;
  onWalkIn: () => void;
}

/** Nobody matched: say what was searched and what to do next — for a full number, register a walk-in. */
export function CustomerNotFound({ lookup, onWalkIn }: CustomerNotFoundProps) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    button.current?.focus();
  }, [lookup]);

  return (
    <section className="customer-none" role="status" data-testid="customer-not-found">
      {lookup.by === 'phone' && (
        <>
          <p>{t('customer.none.phone', { phone: maskPhone(lookup.phone) })}</p>
          <button ref={button} type="button" className="button button--primary" onClick={onWalkIn} data-testid="walk-in-start">
            {t('customer.none.register')}
            <kbd className="button__key">Enter</kbd>
          </button>
        </>
      )}
      {lookup.by === 'phoneLast4' && <p>{t('customer.none.last4', { last4: lookup.last4 })}</p>}
      {lookup.by === 'idLast4' && <p>{t('customer.none.idLast4', { idLast4: lookup.idLast4, name: lookup.name })}</p>}
    </section>
  );
}
