import { useSyncExternalStore } from 'react';

/**
 * Open dialogs, innermost last. Only the innermost one takes keys (Tab, Escape): a
 * manager's step-up opened over a stock form must not let Escape close the form too.
 */
let stack: readonly symbol[] = [];
const listeners = new Set<() => void>();

function publish(next: readonly symbol[]): void {
  stack = next;
  for (const listener of listeners) listener();
}

export function openDialog(id: symbol): void {
  publish([...stack, id]);
}

export function closeDialog(id: symbol): void {
  publish(stack.filter((open) => open !== id));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Whether `id` is the innermost open dialog. */
export function useIsInnermostDialog(id: symbol): boolean {
  return useSyncExternalStore(subscribe, () => stack[stack.length - 1] === id);
}

/** How many dialogs are open below `id`, so each one stacks above the last. */
export function useDialogDepth(id: symbol): number {
  return useSyncExternalStore(subscribe, () => Math.max(0, stack.indexOf(id)));
}
