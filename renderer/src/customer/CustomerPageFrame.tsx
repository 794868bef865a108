import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './customer.css';

interface CustomerPageFrameProps {
  page: 'enrol' | 'redeem';
  /** Called when the page is given the focus (opened, unlocked): the page puts it where the clerk types next. */
  onFocusRequest: () => void;
  /** Tools beside the title (the reprint box). */
  tools?: ReactNode;
  children: ReactNode;
}

/**
 * The frame of the pages worked with a customer at the counter. The shell focuses the
 * page title when a page opens; here the title hands that focus straight on to the field
 * the clerk types in next, so a scanner can be used the moment the page is open.
 */
export function CustomerPageFrame({ page, onFocusRequest, tools, children }: CustomerPageFrameProps) {
  const { t } = useTranslation();
  return (
    <section className="page counter-page" aria-labelledby="page-heading">
      <div className="counter-page__bar">
        <h1
          id="page-heading"
          className="page__heading counter-page__heading"
          tabIndex={-1}
          onFocus={(event) => {
            if (event.target === event.currentTarget) onFocusRequest();
          }}
        >
          {t(`nav.${page}`)}
        </h1>
        {tools}
      </div>
      {children}
    </section>
  );
}
