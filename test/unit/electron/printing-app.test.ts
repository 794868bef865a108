import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { startApp } from '../../../electron/main/app';
import { channelFor, type MethodName } from '../../../shared/contract/index';
import { REDEMPTION_SLIP_NO, redemptionSlip } from '../../support/slips';
import { app, invokeEvent, ipcMain, printing, resetFakeElectron, windows } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

let dir: string;

beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'halldesk-main-print-'));
  app.appPath = join(dir, 'app');
  app.userDataPath = join(dir, 'userData');
  // The dev app loads its SQLite binding from .electron-native/; under vitest Node's build stands in.
  const sqlite = dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
  mkdirSync(join(app.appPath, '.electron-native'), { recursive: true });
  copyFileSync(join(sqlite, 'build', 'Release', 'better_sqlite3.node'), join(app.appPath, '.electron-native', 'better_sqlite3.node'));
  mkdirSync(join(app.appPath, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(app.appPath, 'out', 'renderer', 'index.html'), '<!doctype html><title>HallDesk</title>');
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});

afterEach(() => {
  app.emit('will-quit', { preventDefault: () => undefined });
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

async function invoke(method: MethodName, envelope: unknown): Promise<{ ok: boolean; value?: Record<string, unknown> }> {
  const handler = ipcMain.handlers.get(channelFor(method));
  if (!handler) throw new Error(`no handler for ${method}`);
  return (await handler(invokeEvent('app://halldesk/index.html'), envelope)) as { ok: boolean; value?: Record<string, unknown> };
}

it('the app hands the core its Electron printer: slip.print over IPC prints from a hidden window and keeps the PDF in the data folder', async () => {
  const dataDir = join(dir, 'data');
  // HALLDESK_DEMO_HQ=off: this counter never looks for a demo HQ that may be running on this machine.
  await startApp({ env: { HALLDESK_DATA_DIR: dataDir, HALLDESK_NOW: '2026-11-21T01:30:00.000Z', HALLDESK_DEMO_HQ: 'off' } });
  // A slip as a redemption would have stored it (WAL: a second connection may write).
  const db = new Database(join(dataDir, 'halldesk.sqlite'));
  db.prepare(
    `INSERT INTO slip (slip_no, kind, ref_type, ref_id, data, staff_no, created_at) VALUES (?, 'redemption', 'redemption', '1', ?, '1001', ?)`,
  ).run(REDEMPTION_SLIP_NO, JSON.stringify(redemptionSlip()), redemptionSlip().issuedAt);
  db.close();

  const login = await invoke('session.login', { input: { staffNo: '1001', pin: '111111' } });
  const session = String(login.value?.token);
  const printed = await invoke('slip.print', { session, input: { slipNo: REDEMPTION_SLIP_NO } });
  expect(printed).toMatchObject({ ok: true, value: { printed: true, device: 'printer', reprintCount: 0, paper: '80' } });

  expect(windows).toHaveLength(2);
  const printWindow = windows[1];
  expect(printWindow?.options.show).toBe(false);
  expect(printWindow?.loadedUrls[0]?.startsWith('app://halldesk/print.html#')).toBe(true);
  // No printer named in the settings yet: the clerk chooses in the system dialog.
  expect(printWindow?.webContents.printCalls[0]).toMatchObject({ silent: false, copies: 1 });
  const pdf = join(dataDir, 'slips', `${REDEMPTION_SLIP_NO}.pdf`);
  expect(existsSync(pdf) && readFileSync(pdf)).toEqual(printing.pdf);
});
