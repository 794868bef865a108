import { useTranslation } from 'react-i18next';
import { counterPages, pageShortcut, type CounterPage } from './pages';

interface NavBarProps {
  current: CounterPage;
  onSelect: (page: CounterPage) => void;
}

export function NavBar({ current, onSelect }: NavBarProps) {
  const { t } = useTranslation();
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul className="nav__list">
        {counterPages.map((page) => (
          <li key={page}>
            <button
              type="button"
              className="nav__item"
              aria-current={page === current ? 'page' : undefined}
              aria-keyshortcuts={pageShortcut(page)}
              onClick={() => onSelect(page)}
            >
              <span className="nav__label">{t(`nav.${page}`)}</span>
              <kbd className="nav__key" aria-hidden="true">
                {pageShortcut(page)}
              </kbd>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
