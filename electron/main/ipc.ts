import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelFor, methodNames, type ApiResult, type MethodName } from '../../shared/contract/index';
import type { Dispatch } from '../core/dispatch';
import type { Logger } from '../core/log';
import { isAppUrl } from './origin';

export interface IpcDeps {
  dispatch: Dispatch;
  log: Logger;
}

/** Only a frame showing the app's own origin may call the core. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && isAppUrl(frame.url);
}

const refused: ApiResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '拒绝：调用不是来自 HallDesk 界面' },
};

/**
 * One `ipcMain.handle` per contract method, on the contract's own channel name, and
 * nothing else: there is no generic channel a page could use to reach something the
 * contract does not declare. The dispatcher validates session, role and input; this
 * layer only checks who is calling. Results are values, never exceptions, because an
 * exception crossing IPC loses its code and leaks a stack into the renderer.
 */
export function registerIpc(deps: IpcDeps): () => void {
  for (const name of methodNames) {
    ipcMain.handle(channelFor(name), (event, envelope: unknown) => answer(deps, name, event, envelope));
  }
  return () => {
    for (const name of methodNames) ipcMain.removeHandler(channelFor(name));
  };
}

async function answer(deps: IpcDeps, name: MethodName, event: IpcMainInvokeEvent, envelope: unknown): Promise<ApiResult<unknown>> {
  if (!isTrustedSender(event)) {
    deps.log.warn('ipc.refused', { method: name, url: event.senderFrame?.url ?? null });
    return refused;
  }
  try {
    return await deps.dispatch(name, envelope);
  } catch (err) {
    // The dispatcher already turns failures into values; this is the last net.
    deps.log.error('ipc.crash', { method: name, error: err instanceof Error ? err.stack : String(err) });
    return { ok: false, error: { code: 'INTERNAL', message: '内部错误，请联系技术支持' } };
  }
}
