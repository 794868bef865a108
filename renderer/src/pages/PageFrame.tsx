import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterPage } from '../shell/pages';

/** Every page starts with its title; the shell moves the focus there when the page opens. */
export function PageFrame({ page, children }: { page: CounterPage; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby="page-heading">
      <h1 id="page-heading" className="page__heading" tabIndex={-1}>
        {t(`nav.${page}`)}
      </h1>
      {children}
    </section>
  );
}
