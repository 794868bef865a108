import { writeFile } from 'node:fs/promises';
import {
  BrowserWindow,
  type BrowserWindowConstructorOptions,
  type PrintToPDFOptions,
  type WebContents,
  type WebContentsPrintOptions,
} from 'electron';
import { pageSizeMm, type Paper } from '../../shared/slips/paper';
import { encodePrintPayload, PRINT_PAGE, PRINT_READY } from '../../shared/slips/print-payload';
import type { SlipPrinter, SlipPrintDevice, SlipPrintRequest, SlipPrintResult } from '../core/slips/printer';
import { APP_ORIGIN } from './origin';
import { secureWebPreferences } from './security';

const MM_PER_INCH = 25.4;
const MICRONS_PER_MM = 1000;
export const PRINT_READY_TIMEOUT_MS = 15_000;

/** The print window: hidden, the main window's security settings, no preload (the page never calls the core). */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 900,
    height: 1200,
    webPreferences: {
      ...secureWebPreferences(),
      // A hidden window's timers and frames may be throttled; the slip must draw without waiting for focus.
      backgroundThrottling: false,
    },
  };
}

export function printPageUrl(request: SlipPrintRequest): string {
  const payload = encodePrintPayload({
    slip: request.slip,
    paper: request.paper,
    reprintCount: request.reprintCount,
    printedAt: request.printedAt,
    printedBy: request.printedBy,
    voidedBy: request.voidedBy,
  });
  return `${APP_ORIGIN}/${PRINT_PAGE}#${payload}`;
}

/**
 * Run in the print page: resolves once the page has set its readiness marker. A
 * MutationObserver rather than a timer, which a hidden window may throttle.
 */
const READY_PROBE = `new Promise((resolve) => {
  const html = document.documentElement;
  const read = () => {
    const state = html.getAttribute(${JSON.stringify(PRINT_READY.state)});
    return state && { state, heightMm: Number(html.getAttribute(${JSON.stringify(PRINT_READY.heightMm)})), error: html.getAttribute(${JSON.stringify(PRINT_READY.error)}) };
  };
  const now = read();
  if (now) return resolve(now);
  new MutationObserver((_, observer) => {
    const done = read();
    if (done) { observer.disconnect(); resolve(done); }
  }).observe(html, { attributes: true });
})`;

async function slipHeightMm(contents: WebContents, timeoutMs: number): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the print page did not draw the slip within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const answer = (await Promise.race([contents.executeJavaScript(READY_PROBE, false) as Promise<unknown>, timeout])) as {
      state?: unknown;
      heightMm?: unknown;
      error?: unknown;
    } | null;
    if (answer?.state !== 'ready') throw new Error(`the print page could not draw the slip: ${typeof answer?.error === 'string' ? answer.error : 'no answer'}`);
    const height = Number(answer.heightMm);
    if (!Number.isFinite(height) || height <= 0) throw new Error('the print page reported no slip height');
    return height;
  } finally {
    clearTimeout(timer);
  }
}

/** The page of this print: A4 by name, a roll as wide as the paper and as long as the slip. */
export function pageFor(paper: Paper, heightMm: number): { pdf: PrintToPDFOptions['pageSize']; print: WebContentsPrintOptions['pageSize'] } {
  if (paper === 'A4') return { pdf: 'A4', print: 'A4' };
  const size = pageSizeMm(paper, heightMm);
  return {
    // printToPDF measures in inches, print in microns.
    pdf: { width: size.widthMm / MM_PER_INCH, height: size.heightMm / MM_PER_INCH },
    print: { width: size.widthMm * MICRONS_PER_MM, height: Math.round(size.heightMm * MICRONS_PER_MM) },
  };
}

export function printOptions(request: SlipPrintRequest, pageSize: WebContentsPrintOptions['pageSize']): WebContentsPrintOptions {
  return {
    silent: request.silent,
    printBackground: true,
    copies: request.copies,
    margins: { marginType: 'none' },
    pageSize,
    ...(request.printerName ? { deviceName: request.printerName } : {}),
  };
}

function sendToPrinter(contents: WebContents, options: WebContentsPrintOptions): Promise<SlipPrintDevice> {
  return new Promise((resolve) => {
    contents.print(options, (success, failureReason) => {
      resolve(success ? { status: 'printer' } : { status: 'failed', reason: failureReason || '打印机未接受打印任务' });
    });
  });
}

/**
 * Electron's slip printer: a hidden window loads the print page from app://, waits for
 * the slip to be drawn, saves its PDF, then prints it to the configured printer with the
 * paper's page size and no margins (silent when a printer is named). The PDF is written
 * first, so it is kept even when the printer refuses.
 */
export function createElectronPrinter(options: { readyTimeoutMs?: number } = {}): SlipPrinter {
  return {
    async print(request: SlipPrintRequest): Promise<SlipPrintResult> {
      const window = new BrowserWindow(printWindowOptions());
      try {
        await window.loadURL(printPageUrl(request));
        const heightMm = await slipHeightMm(window.webContents, options.readyTimeoutMs ?? PRINT_READY_TIMEOUT_MS);
        const page = pageFor(request.paper, heightMm);
        const pdf = await window.webContents.printToPDF({
          pageSize: page.pdf,
          margins: { top: 0, bottom: 0, left: 0, right: 0 },
          printBackground: true,
          preferCSSPageSize: false,
        });
        await writeFile(request.pdfPath, pdf);
        const device = await sendToPrinter(window.webContents, printOptions(request, page.print));
        return { pdfPath: request.pdfPath, device };
      } finally {
        if (!window.isDestroyed()) window.destroy();
      }
    },
    async printers(): Promise<string[]> {
      const window = new BrowserWindow(printWindowOptions());
      try {
        return (await window.webContents.getPrintersAsync()).map((printer) => printer.name);
      } finally {
        window.destroy();
      }
    },
  };
}
