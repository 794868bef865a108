import { useEffect, useRef, useState } from 'react';
import type { CounterInfo, StaffView } from '../api/types';
import { CounterPageView } from '../pages/CounterPageView';
import { NavBar } from './NavBar';
import type { CounterPage } from './pages';
import { TopBar } from './TopBar';
import { useCounterShortcuts } from './useCounterShortcuts';
import { useCounterStatus } from './useCounterStatus';
import './shell.css';

interface CounterShellProps {
  info: CounterInfo;
  staff: StaffView;
  locked: boolean;
  onLock: () => void;
  onLogout: () => void;
}

/** The counter after login: top bar, navigation, and the page at work. */
export function CounterShell({ info, staff, locked, onLock, onLogout }: CounterShellProps) {
  const [page, setPage] = useState<CounterPage>('enrol');
  const status = useCounterStatus();
  const pageArea = useRef<HTMLElement>(null);
  useCounterShortcuts({ enabled: !locked, onLock, onPage: setPage });

  // After login, a page change or an unlock the focus would otherwise fall back to the
  // document; the page title is where a keyboard user expects to continue.
  useEffect(() => {
    if (!locked) pageArea.current?.querySelector<HTMLElement>('#page-heading')?.focus();
  }, [locked, page]);

  return (
    <div className="counter" inert={locked}>
      <TopBar info={info} staff={staff} status={status} onLock={onLock} onLogout={onLogout} />
      <NavBar current={page} onSelect={setPage} />
      <main className="counter__page" ref={pageArea}>
        <CounterPageView page={page} info={info} staff={staff} />
      </main>
    </div>
  );
}
