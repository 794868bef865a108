import { channelFor, methodNames } from '../../shared/contract/channels';
import type { ApiResult } from '../../shared/contract/errors';
import type { Envelope, PreloadApi } from '../../shared/contract/client';

/** `ipcRenderer.invoke`, narrowed to what the API needs. */
export type Invoke = (channel: string, envelope: Envelope) => Promise<unknown>;

/**
 * One function per contract method, each bound to its own channel. The page cannot
 * choose a channel: there is no generic `invoke(channel, …)` or `send` to reach
 * anything the contract does not declare.
 */
export function buildPreloadApi(invoke: Invoke): PreloadApi {
  const api: Record<string, (envelope: Envelope) => Promise<ApiResult<unknown>>> = {};
  for (const name of methodNames) {
    const channel = channelFor(name);
    // The main process answers with an ApiResult value for every call; it never throws across IPC.
    api[name] = (envelope) => invoke(channel, envelope) as Promise<ApiResult<unknown>>;
  }
  return Object.freeze(api) as PreloadApi;
}
