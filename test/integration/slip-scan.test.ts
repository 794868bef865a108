import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, createBridgePrinter, findChromium, type BridgePrinter } from '../../electron/bridge/printer';
import { startBridge, type Bridge } from '../../electron/bridge/server';
import { slipsDir } from '../../electron/core/slips/files';
import type { Paper } from '../../shared/slips/paper';
import { encodePrintPayload, PRINT_PAGE, type SlipPrintPayload } from '../../shared/slips/print-payload';
import { fullNumbersIn } from '../../shared/privacy/redact';
import { expectOk, loginAs } from '../support/core';
import {
  decodeSymbol,
  FULL_ID,
  FULL_PHONE,
  hasPoppler,
  openSlipCounter,
  pdfPageCount,
  pdfText,
  pdfToPng,
  REDEMPTION_SLIP_NO,
  redemptionSlip,
  slipWithLeaks,
  type SlipCounter,
  VOID_SLIP_NO,
  VOUCHER_CODE,
  voidSlip,
} from '../support/slips';

/**
 * The slip must scan back to its number (DESIGN.md "Slips"). The real print page is
 * built, served by the real bridge and drawn by Debian's Chromium; the pictures are
 * decoded with ZXing as a counter scanner would. Thermal heads are 203 dpi (Epson's
 * 180 dpi too), so that is the resolution of every picture here.
 */
const THERMAL_DPI = [203, 180];
const CSS_DPI = 96;

let renderer: string;
let counter: SlipCounter;
let bridge: Bridge;
let printer: BridgePrinter;
let browser: Browser;
let work: string;

beforeAll(async () => {
  if (!hasPoppler()) throw new Error('the slip scan-back test needs poppler-utils (pdftoppm, pdftotext): apt-get install poppler-utils');
  const executablePath = findChromium();
  work = mkdtempSync(join(tmpdir(), 'halldesk-slipscan-'));
  renderer = join(work, 'renderer');
  // Built here, not taken from out/: a stale build must not pass or fail this test.
  await build({ configFile: resolve('vite.config.ts'), logLevel: 'silent', build: { outDir: renderer, emptyOutDir: true, sourcemap: false } });
  printer = createBridgePrinter({ origin: () => bridge.url, executablePath });
  counter = openSlipCounter(printer);
  counter.record(redemptionSlip());
  counter.record(voidSlip());
  bridge = await startBridge({ dispatch: counter.core.dispatch, staticDir: renderer, slipsDir: slipsDir(counter.dir), port: 0 });
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await printer?.close();
  await bridge?.close();
  counter?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/**
 * The print page drawn at a printer's resolution: the PNG of the slip and its text. The
 * page runs under the bridge's CSP; anything it logs as an error (a refused inline style,
 * a failed request) fails the test.
 */
async function renderSlip(payload: SlipPrintPayload, dpi: number): Promise<{ png: Buffer; text: string }> {
  const page = await browser.newPage({ viewport: { width: 900, height: 900 }, deviceScaleFactor: dpi / CSS_DPI });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(`${bridge.url}/${PRINT_PAGE}#${encodePrintPayload(payload)}`);
    await page.waitForSelector('html[data-slip-state="ready"]', { state: 'attached' });
    const slip = page.getByTestId('slip');
    const drawn = { png: await slip.screenshot(), text: await slip.innerText() };
    expect(errors, 'errors logged by the print page').toEqual([]);
    return drawn;
  } finally {
    await page.close();
  }
}

describe('a redemption slip rendered in Chromium', () => {
  it.each((['58', '80'] as const).flatMap((paper) => THERMAL_DPI.map((dpi) => [paper, dpi] as const)))(
    'scans back at %s mm, %i dpi: CODE128 → slip number, QR → voucher code',
    async (paper, dpi) => {
      const { png } = await renderSlip({ slip: redemptionSlip(), paper, reprintCount: 0 }, dpi);
      expect(decodeSymbol(png, 'CODE_128')).toBe(REDEMPTION_SLIP_NO);
      const qr = decodeSymbol(png, 'QR_CODE');
      expect(qr?.split('|')[1]).toBe(VOUCHER_CODE);
    },
  );

  it('says so, for a printer waiting on it, when it was opened without slip data', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${bridge.url}/${PRINT_PAGE}#not-a-slip`);
      await page.waitForSelector('html[data-slip-state]', { state: 'attached' });
      expect(await page.getAttribute('html', 'data-slip-state')).toBe('error');
      expect(await page.locator('#slip-root').innerText()).toContain('小票无法显示');
    } finally {
      await page.close();
    }
  });

  it('scans back on A4 too', async () => {
    const { png } = await renderSlip({ slip: redemptionSlip(), paper: 'A4', reprintCount: 0 }, 150);
    expect(decodeSymbol(png, 'CODE_128')).toBe(REDEMPTION_SLIP_NO);
    expect(decodeSymbol(png, 'QR_CODE')).toBe(redemptionSlip().vouchers[0]?.qrPayload);
  });

  it.each(['58', '80', 'A4'] as Paper[])('never shows a whole phone or ID number at %s, even when free text carries one', async (paper) => {
    const { text } = await renderSlip({ slip: slipWithLeaks(), paper, reprintCount: 0 }, 96);
    expect(fullNumbersIn(text)).toEqual([]);
    expect(text).not.toContain(FULL_PHONE);
    expect(text).not.toContain(FULL_ID);
    expect(text).toContain('138****5678');
    // Codes that must stay whole do.
    expect(text).toContain(VOUCHER_CODE);
    expect(text).toContain(REDEMPTION_SLIP_NO);
  });
});

describe('a slip printed through the bridge printer', () => {
  it('is a PDF in the data folder whose barcode and QR scan back at 203 and 180 dpi, at 58 and 80 mm; a reprint says 补打 1', async () => {
    const clerk = await loginAs(counter.client(), '1001');
    const manager = await loginAs(counter.client(), '8001');

    for (const paper of ['58', '80'] as const) {
      expectOk(await manager.call['settings.setPrinting']({ printerName: '', paper, copies: 1, autoPrint: true }));
      const printed = expectOk(await clerk.call['slip.print']({ slipNo: REDEMPTION_SLIP_NO }));
      expect(printed).toMatchObject({ printed: true, device: 'pdf_only', paper });
      expect(printed.pdfPath.startsWith(slipsDir(counter.dir))).toBe(true);
      expect(pdfPageCount(printed.pdfPath)).toBe(1);
      for (const dpi of THERMAL_DPI) {
        const png = pdfToPng(printed.pdfPath, work, dpi);
        expect(decodeSymbol(png, 'CODE_128'), `${paper} mm at ${dpi} dpi`).toBe(REDEMPTION_SLIP_NO);
        expect(decodeSymbol(png, 'QR_CODE')?.split('|')[1], `${paper} mm at ${dpi} dpi`).toBe(VOUCHER_CODE);
      }
      const text = pdfText(printed.pdfPath);
      expect(fullNumbersIn(text)).toEqual([]);
      if (printed.reprintCount === 0) expect(text).not.toMatch(/补打|REPRINT/);
      else expect(text).toMatch(new RegExp(`补打\\s*第${printed.reprintCount}次`));
    }

    const got = expectOk(await clerk.call['slip.get']({ slipNo: REDEMPTION_SLIP_NO }));
    expect(got.prints.map((p) => [p.paper, p.reprint])).toEqual([
      ['58', false],
      ['80', true],
    ]);
    expect(pdfText(join(slipsDir(counter.dir), `${REDEMPTION_SLIP_NO}-reprint-1.pdf`))).toContain('REPRINT #1');
  });

  it('marks a VOID slip 作废 VOID with the slip it voids, and an A4 print is one A4 page that scans back', async () => {
    const clerk = await loginAs(counter.client(), '1001');
    const manager = await loginAs(counter.client(), '8001');
    expectOk(await manager.call['settings.setPrinting']({ printerName: '', paper: 'A4', copies: 1, autoPrint: true }));
    const printed = expectOk(await clerk.call['slip.print']({ slipNo: VOID_SLIP_NO }));
    const text = pdfText(printed.pdfPath);
    expect(text).toMatch(/作废\s+VOID/);
    expect(text).toContain(REDEMPTION_SLIP_NO);
    expect(text).toContain('客户改选其他礼品');
    expect(pdfPageCount(printed.pdfPath)).toBe(1);
    expect(decodeSymbol(pdfToPng(printed.pdfPath, work, 150), 'CODE_128')).toBe(VOID_SLIP_NO);

    // The original printed after its void carries the VOIDED mark.
    const original = expectOk(await clerk.call['slip.print']({ slipNo: REDEMPTION_SLIP_NO }));
    expect(pdfText(original.pdfPath)).toMatch(/已作废\s+VOIDED/);
  });

  it('is served by the bridge at /slips/<file>.pdf, and nothing else from that folder or beyond', async () => {
    const clerk = await loginAs(counter.client(), '1001');
    const printed = expectOk(await clerk.call['slip.print']({ slipNo: VOID_SLIP_NO }));
    const served = await fetch(`${bridge.url}/slips/${printed.pdfFile}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await served.arrayBuffer()).equals(readFileSync(printed.pdfPath))).toBe(true);
    for (const path of ['/slips/..%2Fhalldesk.sqlite', '/slips/%2E%2E%2Fhalldesk.sqlite', '/slips/../halldesk.sqlite', '/slips/x.txt', '/slips/']) {
      expect((await fetch(`${bridge.url}${path}`)).status, path).toBe(404);
    }
  });
});
