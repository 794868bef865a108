import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomerPageFrame } from '../customer/CustomerPageFrame';
import { CustomerPanel } from '../customer/CustomerPanel';
import { useCurrentCustomer } from '../customer/currentCustomer';
import { ReprintBox } from '../reprint/ReprintBox';
import { RedeemTask } from './RedeemTask';
import './redeem.css';

/** Where the clerk goes on in the task column: the slip to print, else the mall's search. */
const NEXT_IN_TASK = ['[data-testid="slip-print"]', '#catalogue-search', 'button'];

/**
 * The Redeem page (积分兑换): the customer with their points on the left, the points mall
 * and the cart on the right, the customer's past redemptions (reprint, void) beside it.
 */
export function RedeemPage() {
  const { t } = useTranslation();
  const customer = useCurrentCustomer();
  const entryRef = useRef<HTMLInputElement>(null);
  const task = useRef<HTMLDivElement>(null);
  const [visit, setVisit] = useState(0);

  function focusNext(): void {
    const panel = customer ? task.current?.querySelector('[role="tabpanel"]:not([hidden])') : null;
    const target = panel ? NEXT_IN_TASK.map((selector) => panel.querySelector<HTMLElement>(selector)).find((el) => el !== null) : null;
    (target ?? entryRef.current)?.focus();
  }

  return (
    <CustomerPageFrame page="redeem" onFocusRequest={focusNext} tools={<ReprintBox />}>
      <div className="counter-page__body">
        <CustomerPanel
          entryRef={entryRef}
          onChosen={() => {
            setVisit((n) => n + 1);
            // The new task mounts with this render; its search takes the focus once it is there.
            requestAnimationFrame(() => document.getElementById('catalogue-search')?.focus());
          }}
        />
        <div ref={task} className="counter-page__column">
          {customer ? (
            <RedeemTask key={`${customer.customerId}:${visit}`} customer={customer} onLeave={() => entryRef.current?.focus()} />
          ) : (
            <div className="task-intro">
              <h2 className="task-intro__title">{t('redeem.intro.title')}</h2>
              <p>{t('redeem.intro.body')}</p>
            </div>
          )}
        </div>
      </div>
    </CustomerPageFrame>
  );
}
