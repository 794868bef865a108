import { addDays } from '../../../shared/calendar/dates';
import { formatYuan } from '../../../shared/money/fen';
import { shanghaiDateTime } from '../../../shared/time/shanghai';

export { formatYuan };

/** A date or a dash. */
export function day(date: string | null | undefined): string {
  return date ?? '—';
}

/** An instant on the hall's wall clock (Asia/Shanghai). */
export function hallTime(iso: string | null): string {
  return iso ? shanghaiDateTime(new Date(iso)) : '—';
}

export type DueWindow = 'all' | 'overdue' | 'week';
export const dueWindows: readonly DueWindow[] = ['all', 'overdue', 'week'];

/** Whether an open task due on `dueOn` falls in the window, seen from `today`. */
export function inDueWindow(dueOn: string, today: string, window: DueWindow): boolean {
  if (window === 'overdue') return dueOn < today;
  if (window === 'week') return dueOn <= addDays(today, 7);
  return true;
}
