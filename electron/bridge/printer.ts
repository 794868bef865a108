import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { MM_PER_CSS_PX, pageSizeMm, paperGeometry } from '../../shared/slips/paper';
import { encodePrintPayload, PRINT_PAGE, PRINT_READY } from '../../shared/slips/print-payload';
import type { SlipPrinter, SlipPrintRequest, SlipPrintResult } from '../core/slips/printer';

/** Debian's Chromium first (Playwright's own download is not available here), then the usual other places. */
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The flags the end-to-end tests use too: headless, no sandbox in containers, nothing phoning home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BridgePrinterOptions {
  /** The bridge's own origin, known once it listens; the print page is loaded from it. */
  origin: () => string;
  executablePath?: string;
  /** How long the print page may take to draw a slip. */
  readyTimeoutMs?: number;
}

export interface BridgePrinter extends SlipPrinter {
  close(): Promise<void>;
}

export function findChromium(candidates: readonly string[] = CHROMIUM_CANDIDATES): string {
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`no Chromium found for slip PDFs (looked at ${candidates.join(', ')}); install the chromium package`);
  return found;
}

/** Waits for the print page's readiness marker; its height is the slip's length on a roll. */
export async function waitForSlip(page: Page, timeoutMs: number): Promise<number> {
  await page.waitForSelector(`html[${PRINT_READY.state}]`, { state: 'attached', timeout: timeoutMs });
  const state = await page.getAttribute('html', PRINT_READY.state);
  if (state !== 'ready') throw new Error(`the print page could not draw the slip: ${await page.getAttribute('html', PRINT_READY.error)}`);
  const height = Number(await page.getAttribute('html', PRINT_READY.heightMm));
  if (!Number.isFinite(height) || height <= 0) throw new Error('the print page reported no slip height');
  return height;
}

/**
 * The browser bridge's printer: there is no printer behind a browser, so a print is the
 * PDF Chromium makes of the print page, the same page Electron prints. One Chromium is
 * launched on the first print and kept until the bridge closes.
 */
export function createBridgePrinter(options: BridgePrinterOptions): BridgePrinter {
  let browser: Promise<Browser> | undefined;
  const launch = (): Promise<Browser> => {
    browser ??= chromium.launch({ executablePath: options.executablePath ?? findChromium(), args: CHROMIUM_ARGS }).catch((err: unknown) => {
      browser = undefined;
      throw err;
    });
    return browser;
  };

  async function print(request: SlipPrintRequest): Promise<SlipPrintResult> {
    const context = await (await launch()).newContext({
      // Wide enough for any paper, so the slip's own width decides its layout.
      viewport: { width: Math.ceil(paperGeometry[request.paper].pageWidthMm / MM_PER_CSS_PX), height: 1000 },
      deviceScaleFactor: 1,
    });
    try {
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      const payload = encodePrintPayload({
        slip: request.slip,
        paper: request.paper,
        reprintCount: request.reprintCount,
        printedAt: request.printedAt,
        printedBy: request.printedBy,
        voidedBy: request.voidedBy,
      });
      await page.goto(`${options.origin()}/${PRINT_PAGE}#${payload}`);
      const size = pageSizeMm(request.paper, await waitForSlip(page, options.readyTimeoutMs ?? 15_000));
      await page.pdf({
        path: request.pdfPath,
        width: `${size.widthMm}mm`,
        height: `${size.heightMm}mm`,
        margin: { top: '0', right: '0', bottom: '0', left: '0' },
        printBackground: true,
        preferCSSPageSize: false,
      });
      return { pdfPath: request.pdfPath, device: { status: 'pdf_only' } };
    } finally {
      await context.close();
    }
  }

  return {
    print,
    printers: () => Promise.resolve([]),
    async close() {
      const running = browser;
      browser = undefined;
      if (running) await (await running.catch(() => undefined))?.close();
    },
  };
}
