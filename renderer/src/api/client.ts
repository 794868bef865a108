import { createClient, httpTransport, type PreloadApi, type Transport } from '../../../shared/contract/client';

declare global {
  interface Window {
    /** The Electron preload's contract client; absent when the UI runs in a browser over the bridge. */
    readonly halldesk?: PreloadApi;
  }
}

/** What a call's answer says about the session it was made with. */
export type SessionTrouble = 'screen_locked' | 'session_ended';

const troubleListeners = new Set<(trouble: SessionTrouble) => void>();

function preloadTransport(preload: PreloadApi): Transport {
  return (method, envelope) => preload[method](envelope);
}

/**
 * Watches every answer so that any screen, not only the one that made the call, can
 * send the counter to the lock or login screen. Answers to a session that is no longer
 * ours (a status poll that was in flight during logout) are ignored.
 */
function watchSession(inner: Transport): Transport {
  return async (method, envelope) => {
    const result = await inner(method, envelope);
    if (!result.ok && envelope.session !== undefined && envelope.session === api.session) {
      const trouble: SessionTrouble | undefined =
        result.error.code === 'SCREEN_LOCKED' ? 'screen_locked' : result.error.code === 'UNAUTHENTICATED' ? 'session_ended' : undefined;
      if (trouble) for (const listener of troubleListeners) listener(trouble);
    }
    return result;
  };
}

/** The one client of the renderer; it holds the session token after login. */
export const api = createClient(watchSession(window.halldesk ? preloadTransport(window.halldesk) : httpTransport('')));

export function onSessionTrouble(listener: (trouble: SessionTrouble) => void): () => void {
  troubleListeners.add(listener);
  return () => {
    troubleListeners.delete(listener);
  };
}
