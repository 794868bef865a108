import { useEffect } from 'react';
import { counterPages, type CounterPage } from './pages';

interface Shortcuts {
  enabled: boolean;
  onLock: () => void;
  onPage: (page: CounterPage) => void;
}

/**
 * Ctrl+L locks, Alt+1…7 open a page, wherever the focus is. Physical keys (`code`) so
 * that the Chinese input method or another keyboard layout doesn't change them.
 */
export function useCounterShortcuts({ enabled, onLock, onPage }: Shortcuts): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey && !event.altKey && !event.shiftKey && event.code === 'KeyL') {
        event.preventDefault();
        // A held key repeats; one lock is enough.
        if (!event.repeat) onLock();
        return;
      }
      const digit = /^Digit([1-9])$/.exec(event.code)?.[1];
      if (event.altKey && !event.ctrlKey && digit !== undefined) {
        const page = counterPages[Number(digit) - 1];
        if (page) {
          event.preventDefault();
          onPage(page);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, onLock, onPage]);
}
