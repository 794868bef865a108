import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerCard as Card } from '../../../shared/customers/contract';
import { describeError } from '../api/describeError';
import { CustomerCard } from './CustomerCard';
import { CustomerNotFound, CustomerResults } from './CustomerResults';
import { CustomerSearch } from './CustomerSearch';
import { setCurrentCustomer, useCurrentCustomer } from './currentCustomer';
import { checkLookup, emptyLookup, findCustomers, type Lookup, type LookupDraft, type LookupField } from './lookup';
import { WalkInForm } from './WalkInForm';
import './customer.css';

type Found = { lookup: Lookup; customers: Card[] } | null;

interface CustomerPanelProps {
  entryRef: RefObject<HTMLInputElement | null>;
  /** A customer was chosen (found, picked or registered): the page moves the focus on to its task. */
  onChosen: (customer: Card) => void;
}

/**
 * The customer side of the Enrol and Redeem pages: the look-up (scan, last 4, ID + name),
 * the pick list, walk-in registration when nobody matches, and the card of the customer
 * at the counter. The search stays on top, so the next customer's number can be scanned
 * at any time; a new customer replaces the last one and the page's task starts afresh.
 */
export function CustomerPanel({ entryRef, onChosen }: CustomerPanelProps) {
  const { t } = useTranslation();
  const customer = useCurrentCustomer();
  const [draft, setDraft] = useState<LookupDraft>(emptyLookup);
  const [problem, setProblem] = useState<{ field: LookupField; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<Found>(null);
  const [walkInPhone, setWalkInPhone] = useState<string | null>(null);

  function choose(chosen: Card): void {
    setCurrentCustomer(chosen);
    setDraft((shown) => ({ ...emptyLookup, mode: shown.mode }));
    setFound(null);
    setWalkInPhone(null);
    onChosen(chosen);
  }

  async function search(): Promise<void> {
    const checked = checkLookup(draft);
    if (!checked.ok) {
      setProblem({ field: checked.field, text: t(checked.problem) });
      entryRef.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    setWalkInPhone(null);
    const result = await findCustomers(checked.lookup);
    setBusy(false);
    if (!result.ok) {
      setProblem({ field: draft.mode === 'id' ? 'idLast4' : draft.mode, text: describeError(result.error) });
      return;
    }
    const { customers } = result.value;
    const only = customers[0];
    // A full number names one customer: no list to pick from.
    if (checked.lookup.by === 'phone' && customers.length === 1 && only) return choose(only);
    setFound({ lookup: checked.lookup, customers });
  }

  function clear(): void {
    setCurrentCustomer(null);
    setFound(null);
    entryRef.current?.focus();
  }

  return (
    <div className="customer-panel" data-testid="customer-panel">
      <CustomerSearch
        draft={draft}
        onDraft={(next) => {
          setDraft(next);
          setProblem(null);
        }}
        busy={busy}
        problem={problem}
        onSearch={() => void search()}
        entryRef={entryRef}
      />
      {walkInPhone !== null ? (
        <WalkInForm
          phone={walkInPhone}
          onRegistered={choose}
          onCancel={() => {
            setWalkInPhone(null);
            entryRef.current?.focus();
          }}
        />
      ) : found && found.customers.length > 0 ? (
        <CustomerResults customers={found.customers} onPick={choose} />
      ) : found ? (
        <CustomerNotFound lookup={found.lookup} onWalkIn={() => setWalkInPhone(found.lookup.by === 'phone' ? found.lookup.phone : '')} />
      ) : null}
      {customer ? (
        <CustomerCard customer={customer} onClear={clear} />
      ) : (
        found === null && walkInPhone === null && <p className="customer-panel__empty">{t('customer.empty')}</p>
      )}
    </div>
  );
}
