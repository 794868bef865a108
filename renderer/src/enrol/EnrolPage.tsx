import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomerPageFrame } from '../customer/CustomerPageFrame';
import { CustomerPanel } from '../customer/CustomerPanel';
import { useCurrentCustomer } from '../customer/currentCustomer';
import { ReprintBox } from '../reprint/ReprintBox';
import { EnrolTask } from './EnrolTask';
import './enrol.css';

/** Where the clerk goes on in the task column, most specific first: confirm, an entry, a campaign, the slip. */
const NEXT_IN_TASK = ['[data-testid="enrol-confirm"]', '[data-field]', 'button[data-pick]', '[data-testid="slip-print"]', 'button'];

/**
 * The Enrol page (受理): the customer on the left, the campaigns they may join on the right,
 * with their past enrolments and prizes. A new customer (scanned at any time) starts the
 * task afresh; the reprint box at the top reaches any slip.
 */
export function EnrolPage() {
  const { t } = useTranslation();
  const customer = useCurrentCustomer();
  const entryRef = useRef<HTMLInputElement>(null);
  const task = useRef<HTMLDivElement>(null);
  // Each customer chosen (even the same one scanned again) starts a clean task.
  const [visit, setVisit] = useState(0);

  function focusNext(): void {
    const panel = customer ? task.current?.querySelector('[role="tabpanel"]:not([hidden])') : null;
    const target = panel ? NEXT_IN_TASK.map((selector) => panel.querySelector<HTMLElement>(selector)).find((el) => el !== null) : null;
    (target ?? entryRef.current)?.focus();
  }

  return (
    <CustomerPageFrame page="enrol" onFocusRequest={focusNext} tools={<ReprintBox />}>
      <div className="counter-page__body">
        <CustomerPanel entryRef={entryRef} onChosen={() => setVisit((n) => n + 1)} />
        <div ref={task} className="counter-page__column">
          {customer ? (
            <EnrolTask key={`${customer.customerId}:${visit}`} customer={customer} onLeave={() => entryRef.current?.focus()} />
          ) : (
            <div className="task-intro">
              <h2 className="task-intro__title">{t('enrol.intro.title')}</h2>
              <p>{t('enrol.intro.body')}</p>
            </div>
          )}
        </div>
      </div>
    </CustomerPageFrame>
  );
}
