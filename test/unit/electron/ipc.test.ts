import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelFor, methodNames } from '../../../shared/contract/index';
import { frozenClock } from '../../../electron/core/clock';
import { createCore, type Core } from '../../../electron/core/core';
import type { Dispatch } from '../../../electron/core/dispatch';
import { memoryLogger } from '../../../electron/core/log';
import { registerIpc } from '../../../electron/main/ipc';
import { invokeEvent, ipcMain, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const APP_PAGE = 'app://halldesk/index.html';
const NOW = '2026-11-21T01:30:00.000Z';

let dir: string;
let counter: { core: Core };
beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'halldesk-ipc-'));
  // A real core on a real SQLite file, seeded as the demo hall, so a handler really answers.
  const core = createCore({ dataDir: dir, clock: frozenClock(NOW), appVersion: 'test', log: memoryLogger(), demo: {} });
  counter = { core };
});
afterEach(() => {
  counter.core.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Calls the handler the main process registered for a method, as Electron would. */
function invoke(method: string, senderUrl: string | null, envelope: unknown): Promise<unknown> {
  const handler = ipcMain.handlers.get(`halldesk:${method}`);
  if (!handler) throw new Error(`no handler registered for ${method}`);
  return Promise.resolve(handler(invokeEvent(senderUrl), envelope));
}

describe('IPC registration', () => {
  it('registers exactly one handler per contract method, on its contract channel, and nothing else', () => {
    registerIpc({ dispatch: counter.core.dispatch, log: memoryLogger() });
    expect([...ipcMain.handlers.keys()].sort()).toEqual(methodNames.map((name) => channelFor(name)).sort());
    expect(ipcMain.handlers.size).toBe(methodNames.length);
    // No ipcMain.on listeners: fire-and-forget channels would bypass the contract.
    expect(ipcMain.eventNames()).toEqual([]);
  });

  it('answers a call from the app page with the real core', async () => {
    registerIpc({ dispatch: counter.core.dispatch, log: memoryLogger() });
    const result = await invoke('system.info', APP_PAGE, { input: {} });
    expect(result).toMatchObject({
      ok: true,
      value: { demo: true, clockFrozen: true, now: NOW, hall: { code: 'ZY-HC-001' }, counter: { code: '01' } },
    });
  });

  it('passes the session through, so the dispatcher enforces roles', async () => {
    registerIpc({ dispatch: counter.core.dispatch, log: memoryLogger() });
    expect(await invoke('system.status', APP_PAGE, { input: {} })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const login = await invoke('session.login', APP_PAGE, { input: { staffNo: '1001', pin: '111111' } });
    expect(login).toMatchObject({ ok: true, value: { staff: { role: 'clerk' } } });
    const token = (login as { value: { token: string } }).value.token;
    expect(await invoke('system.status', APP_PAGE, { session: token, input: {} })).toMatchObject({ ok: true });
    expect(await invoke('staff.list', APP_PAGE, { session: token, input: {} })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('returns validation errors from the dispatcher as values', async () => {
    registerIpc({ dispatch: counter.core.dispatch, log: memoryLogger() });
    expect(await invoke('system.info', APP_PAGE, { input: { extra: 1 } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await invoke('system.info', APP_PAGE, 'not an envelope')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it.each([
    ['a foreign page', 'https://evil.example/'],
    ['a look-alike host', 'app://halldesk.evil.example/index.html'],
    ['a local file', 'file:///tmp/index.html'],
    ['the browser bridge origin', 'http://127.0.0.1:5180/'],
    ['a destroyed frame', null],
  ])('refuses %s without reaching the core', async (_what, url) => {
    const dispatch = vi.fn<Dispatch>(counter.core.dispatch);
    const log = memoryLogger();
    registerIpc({ dispatch, log });
    const result = await invoke('system.info', url, { input: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(log.lines.some((line) => line.includes('ipc.refused'))).toBe(true);
  });

  it('never throws across IPC, even if the dispatcher does', async () => {
    const log = memoryLogger();
    registerIpc({ dispatch: () => Promise.reject(new Error('boom')), log });
    expect(await invoke('system.info', APP_PAGE, { input: {} })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(log.lines.some((line) => line.includes('ipc.crash'))).toBe(true);
  });

  it('calls the dispatcher with the method of the channel it was registered on', async () => {
    const dispatch = vi.fn<Dispatch>(() => Promise.resolve({ ok: true, value: null }));
    registerIpc({ dispatch, log: memoryLogger() });
    for (const name of methodNames) await invoke(name, APP_PAGE, { input: { probe: name } });
    expect(dispatch.mock.calls).toEqual(methodNames.map((name) => [name, { input: { probe: name } }]));
  });

  it('removes every handler it registered', () => {
    const unregister = registerIpc({ dispatch: counter.core.dispatch, log: memoryLogger() });
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
