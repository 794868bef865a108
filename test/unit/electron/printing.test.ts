import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SlipPrintRequest } from '../../../electron/core/slips/printer';
import { createElectronPrinter } from '../../../electron/main/printing';
import { guardAllWebContents } from '../../../electron/main/security';
import { decodePrintPayload } from '../../../shared/slips/print-payload';
import { REDEMPTION_SLIP_NO, redemptionSlip } from '../../support/slips';
import { navigationEvent, printing, resetFakeElectron, windows, type FakeBrowserWindow } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

let dir: string;

beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'halldesk-print-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function request(overrides: Partial<SlipPrintRequest> = {}): SlipPrintRequest {
  return {
    slip: redemptionSlip(),
    paper: '80',
    copies: 2,
    reprintCount: 1,
    printedAt: '2026-11-21T02:00:00.000Z',
    printedBy: '1002',
    voidedBy: null,
    printerName: 'XP-80C',
    silent: true,
    pdfPath: join(dir, `${REDEMPTION_SLIP_NO}-reprint-1.pdf`),
    ...overrides,
  };
}

function printWindow(): FakeBrowserWindow {
  expect(windows).toHaveLength(1);
  const [window] = windows;
  if (!window) throw new Error('no print window');
  return window;
}

describe('the Electron slip printer', () => {
  it('opens a hidden window with the main window’s security settings and no preload, on the app’s print page', async () => {
    await createElectronPrinter().print(request());
    const window = printWindow();
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      backgroundThrottling: false,
    });
    const [url] = window.loadedUrls;
    expect(url?.startsWith('app://halldesk/print.html#')).toBe(true);
    expect(decodePrintPayload(new URL(url ?? '').hash)).toEqual({
      slip: redemptionSlip(),
      paper: '80',
      reprintCount: 1,
      printedAt: '2026-11-21T02:00:00.000Z',
      printedBy: '1002',
      voidedBy: null,
    });
    expect(window.destroyed).toBe(true);
  });

  it('is guarded like every window: it cannot navigate away from the app', async () => {
    guardAllWebContents();
    await createElectronPrinter().print(request());
    const away = navigationEvent('https://evil.example/');
    printWindow().webContents.emit('will-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
  });

  it('prints silently to the named printer with the copies, no margins and the roll’s page size in microns, and saves the PDF at the same size', async () => {
    const result = await createElectronPrinter().print(request());
    expect(result).toEqual({ pdfPath: request().pdfPath, device: { status: 'printer' } });
    const contents = printWindow().webContents;
    // 180.4 mm of slip → a 183 mm page (rounded up, 2 mm spare) on the 80 mm roll.
    expect(contents.printCalls).toEqual([
      {
        silent: true,
        deviceName: 'XP-80C',
        copies: 2,
        printBackground: true,
        margins: { marginType: 'none' },
        pageSize: { width: 80_000, height: 183_000 },
      },
    ]);
    expect(contents.pdfCalls).toEqual([
      {
        pageSize: { width: 80 / 25.4, height: 183 / 25.4 },
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
        printBackground: true,
        preferCSSPageSize: false,
      },
    ]);
    expect(readFileSync(result.pdfPath)).toEqual(printing.pdf);
  });

  it('leaves the choice to the system dialog when no printer is named, and prints A4 as A4', async () => {
    await createElectronPrinter().print(request({ printerName: undefined, silent: false, paper: 'A4', copies: 1 }));
    const contents = printWindow().webContents;
    expect(contents.printCalls).toEqual([
      { silent: false, copies: 1, printBackground: true, margins: { marginType: 'none' }, pageSize: 'A4' },
    ]);
    expect(contents.pdfCalls[0]?.pageSize).toBe('A4');
  });

  it('uses a 58 mm page on the narrow roll', async () => {
    await createElectronPrinter().print(request({ paper: '58' }));
    expect(printWindow().webContents.printCalls[0]?.pageSize).toEqual({ width: 58_000, height: 183_000 });
  });

  it('reports a printer refusal with its reason, and has still written the PDF', async () => {
    printing.verdict = { success: false, failureReason: 'Print job canceled' };
    const result = await createElectronPrinter().print(request());
    expect(result.device).toEqual({ status: 'failed', reason: 'Print job canceled' });
    expect(readFileSync(result.pdfPath)).toEqual(printing.pdf);
    expect(printWindow().destroyed).toBe(true);
  });

  it('fails without printing when the page cannot draw the slip, and closes the window', async () => {
    printing.probe = { state: 'error', heightMm: null, error: 'the slip or its barcode was not drawn' };
    await expect(createElectronPrinter().print(request())).rejects.toThrow('the slip or its barcode was not drawn');
    expect(printWindow().webContents.printCalls).toEqual([]);
    expect(printWindow().destroyed).toBe(true);
  });

  it('gives up on a page that never says it is ready', async () => {
    printing.probe = null;
    await expect(createElectronPrinter({ readyTimeoutMs: 30 }).print(request())).rejects.toThrow('did not draw the slip within 30 ms');
    expect(printWindow().destroyed).toBe(true);
  });

  it('lists the system’s printers for the settings screen', async () => {
    expect(await createElectronPrinter().printers?.()).toEqual(['XP-80C', 'Microsoft Print to PDF']);
    expect(printWindow().destroyed).toBe(true);
  });
});
