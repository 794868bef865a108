/**
 * A nudge for the top bar: something just changed what it shows (a sync finished, so the
 * unsynced count and HQ's state moved) and it should ask again now, not at its next poll.
 */
const target = new EventTarget();
const EVENT = 'status-stale';

export function requestStatusRefresh(): void {
  target.dispatchEvent(new Event(EVENT));
}

export function onStatusRefresh(listener: () => void): () => void {
  target.addEventListener(EVENT, listener);
  return () => target.removeEventListener(EVENT, listener);
}
